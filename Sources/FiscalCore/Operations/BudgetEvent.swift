/// An event a finance officer records from the shell (DESIGN §2), before it becomes postings.
public enum BudgetEvent: Sendable {
    case appropriate(project: String, amount: Money, econ: EconomicCode?)
    case supplement(project: String, amount: Money, econ: EconomicCode?)
    case reduce(project: String, amount: Money, econ: EconomicCode?)
    case transfer(from: String, to: String, amount: Money)
    case pay(project: String, amount: Money, econ: EconomicCode)
    case refund(project: String, amount: Money, econ: EconomicCode)
    case recall(project: String, amount: Money)
    case carryIn(project: String, amount: Money)

    public var kind: EntryKind {
        switch self {
        case .appropriate: .appropriate; case .supplement: .supplement; case .reduce: .reduce
        case .transfer: .transfer; case .pay: .pay; case .refund: .refund; case .recall: .recall
        case .carryIn: .carryIn
        }
    }

    public var amount: Money {
        switch self {
        case let .appropriate(_, a, _), let .supplement(_, a, _), let .reduce(_, a, _), let .transfer(_, _, a),
             let .pay(_, a, _), let .refund(_, a, _), let .recall(_, a), let .carryIn(_, a): a
        }
    }

    /// The project codes the event touches, in the order the postings name them.
    public var projectCodes: [String] {
        switch self {
        case let .appropriate(p, _, _), let .supplement(p, _, _), let .reduce(p, _, _), let .pay(p, _, _),
             let .refund(p, _, _), let .recall(p, _), let .carryIn(p, _): [p]
        case let .transfer(from, to, _): [from, to]
        }
    }

    /// The balanced postings of the event, with projects resolved to ids.
    func postings(ids: [String: Int64]) -> [Posting] {
        let x = amount
        switch self {
        case let .appropriate(p, _, e):
            return [Posting(.initial, project: ids[p]!, econ: e, x), Posting(.available, project: ids[p]!, econ: e, -x)]
        case let .supplement(p, _, e):
            return [Posting(.addition, project: ids[p]!, econ: e, x), Posting(.available, project: ids[p]!, econ: e, -x)]
        case let .reduce(p, _, e):
            return [Posting(.available, project: ids[p]!, econ: e, x), Posting(.reduction, project: ids[p]!, econ: e, -x)]
        case let .transfer(from, to, _):
            return [Posting(.available, project: ids[from]!, x), Posting(.transfer, project: ids[from]!, -x),
                    Posting(.transfer, project: ids[to]!, x), Posting(.available, project: ids[to]!, -x)]
        case let .pay(p, _, e):
            return [Posting(.available, project: ids[p]!, econ: e, x), Posting(.paid, project: ids[p]!, econ: e, -x)]
        case let .refund(p, _, e):
            return [Posting(.paid, project: ids[p]!, econ: e, x), Posting(.available, project: ids[p]!, econ: e, -x)]
        case let .recall(p, _):
            return [Posting(.available, project: ids[p]!, x), Posting(.recall, project: ids[p]!, -x)]
        case let .carryIn(p, _):
            return [Posting(.carryIn, project: ids[p]!, x), Posting(.available, project: ids[p]!, -x)]
        }
    }
}

/// What goes with every recorded event besides its amounts.
public struct RecordOptions: Sendable {
    public var date: Day
    public var doc: String?
    public var memo: String?
    public var ref: String?
    public var allowOverdraft: Bool

    public init(date: Day, doc: String? = nil, memo: String? = nil, ref: String? = nil, allowOverdraft: Bool = false) {
        self.date = date; self.doc = doc; self.memo = memo; self.ref = ref; self.allowOverdraft = allowOverdraft
    }
}
