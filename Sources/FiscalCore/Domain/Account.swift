/// The chart of accounts (DESIGN §2). Resources say where authority came from (debit-normal),
/// status says what became of it (credit-normal); the two always balance per project.
public enum Account: String, CaseIterable, Sendable, Codable {
    case carryIn = "carry-in", initial, addition, reduction, transfer, recall
    case available, paid, carriedForward = "carried-forward", surplus
    /// 已占用: promised on a contract, not yet paid (issue 14; schema v5).
    case committed

    public var isResource: Bool {
        switch self {
        case .carryIn, .initial, .addition, .reduction, .transfer, .recall: true
        default: false
        }
    }

    public var nameZh: String {
        switch self {
        case .carryIn: "上年结转"; case .initial: "年初预算"; case .addition: "追加"; case .reduction: "调减"
        case .transfer: "调剂"; case .recall: "收回"; case .available: "可执行指标"; case .paid: "已支付"
        case .carriedForward: "年末结转"; case .surplus: "年末结余"; case .committed: "已占用"
        }
    }
}

/// One leg of an entry. Amount in 分, debit positive.
public struct Posting: Hashable, Sendable {
    public var account: Account
    public var projectID: Int64
    public var econ: EconomicCode?
    public var amount: Money
    /// The contract the posting names (a commitment, or what liquidates one); schema v5.
    public var contractID: Int64?

    public init(_ account: Account, project: Int64, econ: EconomicCode? = nil, _ amount: Money, contract: Int64? = nil) {
        self.account = account; self.projectID = project; self.econ = econ; self.amount = amount; self.contractID = contract
    }
}

/// An entry before it is posted: checked, then written in one go.
public struct EntryDraft: Sendable {
    public var date: Day
    public var kind: EntryKind
    public var doc: String?
    public var memo: String?
    public var ref: String?
    public var reverses: Int64?
    public var overdraft: Bool = false
    public var postings: [Posting]
    /// 收款人 and 支付方式, as a payment list or `pay --payee/--method` gives them.
    public var payee: String?
    public var paymentMethod: String?
    /// The other unit of a transfer between units of one department (`--to-unit`/`--from-unit`).
    public var counterpartUnit: String?

    public init(date: Day, kind: EntryKind, doc: String? = nil, memo: String? = nil, ref: String? = nil,
                reverses: Int64? = nil, postings: [Posting]) {
        self.date = date; self.kind = kind; self.doc = doc; self.memo = memo; self.ref = ref
        self.reverses = reverses; self.postings = postings
    }

    /// Each project's postings must sum to zero on their own (DESIGN §2).
    public var unbalancedProjects: [(project: Int64, sum: Money)] {
        var sums: [Int64: Money] = [:]
        for p in postings { sums[p.projectID, default: .zero] += p.amount }
        return sums.filter { !$0.value.isZero }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}

/// A posted entry as the journal shows it.
public struct JournalEntry: Sendable {
    public var id: Int64
    public var date: Day
    public var kind: EntryKind
    public var doc: String?
    public var memo: String?
    public var ref: String?
    public var reverses: Int64?
    public var reversedBy: Int64?
    public var overdraft: Bool
    public var postings: [JournalPosting]
    /// 收款人 and 支付方式 (nil where the entry has none).
    public var payee: String? = nil
    public var paymentMethod: String? = nil
    /// The other unit of a transfer between units of one department.
    public var counterpartUnit: String? = nil
}

public struct JournalPosting: Sendable {
    public var account: Account
    public var projectCode: String
    public var econ: String?
    public var amount: Money
    /// The contract's number, when the posting names one.
    public var contract: String? = nil
}
