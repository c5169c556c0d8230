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
    /// 预算占用 on the contract named by ``RecordOptions/contract`` (issue 14).
    case commit(project: String, amount: Money, econ: EconomicCode)
    /// Gives back part or all of a contract's open commitment (``Book/release(contract:amount:_:)``).
    case release(project: String, amount: Money, econ: EconomicCode)

    public var kind: EntryKind {
        switch self {
        case .appropriate: .appropriate; case .supplement: .supplement; case .reduce: .reduce
        case .transfer: .transfer; case .pay: .pay; case .refund: .refund; case .recall: .recall
        case .carryIn: .carryIn; case .commit: .commit; case .release: .release
        }
    }

    public var amount: Money {
        switch self {
        case let .appropriate(_, a, _), let .supplement(_, a, _), let .reduce(_, a, _), let .transfer(_, _, a),
             let .pay(_, a, _), let .refund(_, a, _), let .recall(_, a), let .carryIn(_, a),
             let .commit(_, a, _), let .release(_, a, _): a
        }
    }

    /// The project codes the event touches, in the order the postings name them.
    public var projectCodes: [String] {
        switch self {
        case let .appropriate(p, _, _), let .supplement(p, _, _), let .reduce(p, _, _), let .pay(p, _, _),
             let .refund(p, _, _), let .recall(p, _), let .carryIn(p, _), let .commit(p, _, _), let .release(p, _, _): [p]
        case let .transfer(from, to, _): [from, to]
        }
    }

    /// The economic code the event carries, if any.
    public var econ: EconomicCode? {
        switch self {
        case let .appropriate(_, _, e), let .supplement(_, _, e), let .reduce(_, _, e): e
        case let .pay(_, _, e), let .refund(_, _, e), let .commit(_, _, e), let .release(_, _, e): e
        case .transfer, .recall, .carryIn: nil
        }
    }

    /// The balanced postings of the event, from its kind's legs (``EntryKind/legs``), with
    /// projects resolved to ids: the sender is the first of ``projectCodes``, the receiver of a
    /// transfer the second.
    /// With a `contract`, every leg names it (and a payment liquidates it, ``EntryKind/legs(againstContract:)``).
    func postings(ids: [String: Int64], contract: Int64? = nil) -> [Posting] {
        let codes = projectCodes
        let sender = ids[codes[0]]!, receiver = codes.count > 1 ? ids[codes[1]]! : sender
        return kind.legs(againstContract: contract != nil).map { leg in
            Posting(leg.account, project: leg.onReceiver ? receiver : sender, econ: leg.tagged ? econ : nil,
                    Money(fen: leg.sign * amount.fen), contract: contract)
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
    /// Record a carry-in although the project has an identical one in the year already.
    public var again: Bool
    /// 收款人 and 支付方式 of a payment or refund (schema 5b), where the office keeps them.
    public var payee: String?
    public var paymentMethod: String?
    /// The contract a commit, a payment or a release names (合同编号; issue 14).
    public var contract: String?
    /// What a first commitment says of the contract it creates.
    public var terms = ContractTerms()
    /// The other unit of the department in a transfer between units (issue 16): the unit paid
    /// (`pay --to-unit`) or the unit the authority came from (`appropriate`/`supplement
    /// --from-unit`). A consolidation eliminates the matched pair.
    public var counterpartUnit: String?

    public init(date: Day, doc: String? = nil, memo: String? = nil, ref: String? = nil, allowOverdraft: Bool = false,
                again: Bool = false, contract: String? = nil, terms: ContractTerms = ContractTerms()) {
        self.contract = contract; self.terms = terms
        self.date = date; self.doc = doc; self.memo = memo; self.ref = ref; self.allowOverdraft = allowOverdraft
        self.again = again
    }
}

extension EntryKind {
    /// Which side of a transfer between units an event of this kind may record: a payment
    /// passes authority down to another unit (对下级/附属单位补助); an appropriation or addition
    /// receives it.
    public var unitTransferSide: UnitTransferSide? {
        switch self {
        case .pay: .payer
        case .appropriate, .supplement: .receiver
        default: nil
        }
    }
}

/// The two sides of a transfer between units of one department.
public enum UnitTransferSide: String, Sendable { case payer, receiver }
