/// What kind of event an entry records: the one name for it, in the book (`entry.kind`), in
/// an import file (`kind`), and in the posting rules below.
public enum EntryKind: String, CaseIterable, Sendable, Codable {
    case appropriate, supplement, reduce, transfer, pay, refund, recall
    case carryIn = "carry-in", close, open, reversal
    /// 预算占用 and its release (issue 14): authority promised on a contract before cash moves.
    case commit, release
    /// A consolidated book's entries (部门汇总, issue 16): a unit's monthly totals, and the
    /// removal of a transfer between two units of the department.
    case consolidate, eliminate

    public var nameZh: String {
        switch self {
        case .appropriate: "年初预算"; case .supplement: "追加"; case .reduce: "调减"; case .transfer: "调剂"
        case .pay: "支付"; case .refund: "退回"; case .recall: "收回"; case .carryIn: "上年结转"
        case .close: "年终结转结余"; case .open: "年初结转"; case .reversal: "冲销"
        case .commit: "预算占用"; case .release: "释放占用"
        case .consolidate: "汇总"; case .eliminate: "内部抵销"
        }
    }

    /// The kinds an officer records (from the shell or a file); close, open and reversal are
    /// made by fiscal itself from explicit postings.
    public static let events: [EntryKind] = [.appropriate, .supplement, .reduce, .transfer, .pay, .refund, .recall, .carryIn,
                                            .commit, .release]

    /// One leg of an event's entry (DESIGN §2): the account, whether it falls on the receiving
    /// project of a transfer, whether it carries the event's economic code, and the sign of
    /// the amount (debit positive).
    public struct Leg: Sendable {
        public let account: Account
        public let onReceiver: Bool
        public let tagged: Bool
        public let sign: Int64
    }

    /// How an event posts: the one home of DESIGN §2's table. Every path — a recording
    /// command, the import — turns an event into postings from these legs.
    public var legs: [Leg] {
        switch self {
        case .appropriate: EntryKind.appropriateLegs
        case .supplement: EntryKind.supplementLegs
        case .reduce: EntryKind.reduceLegs
        case .transfer: EntryKind.transferLegs
        case .pay: EntryKind.payLegs
        case .refund: EntryKind.refundLegs
        case .recall: EntryKind.recallLegs
        case .carryIn: EntryKind.carryInLegs
        case .commit: EntryKind.commitLegs
        case .release: EntryKind.releaseLegs
        case .close, .open, .reversal, .consolidate, .eliminate: []
        }
    }

    /// The legs of the event when it names a contract: a payment then liquidates the
    /// commitment (Dr committed / Cr paid) instead of drawing on available. Every leg of a
    /// commit, a release and a payment against a contract is tagged with the contract.
    public func legs(againstContract: Bool) -> [Leg] {
        againstContract && self == .pay ? EntryKind.payContractLegs : legs
    }

    /// Whether the event names a contract: always (commit, release), may (pay), or never.
    public var contractRule: (required: Bool, allowed: Bool) {
        switch self {
        case .commit, .release: (true, true)
        case .pay: (false, true)
        default: (false, false)
        }
    }

    private static func leg(_ account: Account, _ sign: Int64, tagged: Bool = true, receiver: Bool = false) -> Leg {
        Leg(account: account, onReceiver: receiver, tagged: tagged, sign: sign)
    }
    private static let appropriateLegs = [leg(.initial, 1), leg(.available, -1)]
    private static let supplementLegs = [leg(.addition, 1), leg(.available, -1)]
    private static let reduceLegs = [leg(.available, 1), leg(.reduction, -1)]
    private static let transferLegs = [leg(.available, 1, tagged: false), leg(.transfer, -1, tagged: false),
                                       leg(.transfer, 1, tagged: false, receiver: true),
                                       leg(.available, -1, tagged: false, receiver: true)]
    private static let payLegs = [leg(.available, 1), leg(.paid, -1)]
    private static let refundLegs = [leg(.paid, 1), leg(.available, -1)]
    private static let recallLegs = [leg(.available, 1, tagged: false), leg(.recall, -1, tagged: false)]
    private static let carryInLegs = [leg(.carryIn, 1, tagged: false), leg(.available, -1, tagged: false)]
    private static let commitLegs = [leg(.available, 1), leg(.committed, -1)]
    private static let releaseLegs = [leg(.committed, 1), leg(.available, -1)]
    private static let payContractLegs = [leg(.committed, 1), leg(.paid, -1)]

    /// Whether the event's economic code is required (pay, refund), allowed (authority may be
    /// granted per code), or refused.
    public var econRule: (required: Bool, allowed: Bool) {
        switch self {
        case .pay, .refund, .commit: (true, true)
        case .appropriate, .supplement, .reduce, .release: (false, true)
        default: (false, false)
        }
    }

    /// The names a file or a command may give an event kind: English, Chinese, and a few
    /// spellings in use.
    static let eventNames: [String: EntryKind] = {
        var names: [String: EntryKind] = [:]
        for kind in EntryKind.events {
            names[kind.rawValue] = kind
            names[kind.nameZh] = kind
        }
        names["carry_in"] = .carryIn
        names["支出"] = .pay
        names["占用"] = .commit
        names["释放"] = .release
        return names
    }()

    /// The kind of event a name means, case-insensitively for English names.
    public static func event(named name: String) -> EntryKind? {
        eventNames[name] ?? eventNames[name.lowercased()]
    }

    /// The raw value as a static string, for binding without a copy in bulk writes.
    var staticName: StaticString {
        switch self {
        case .appropriate: "appropriate"; case .supplement: "supplement"; case .reduce: "reduce"
        case .transfer: "transfer"; case .pay: "pay"; case .refund: "refund"; case .recall: "recall"
        case .carryIn: "carry-in"; case .close: "close"; case .open: "open"; case .reversal: "reversal"
        case .commit: "commit"; case .release: "release"
        case .consolidate: "consolidate"; case .eliminate: "eliminate"
        }
    }
}

extension Account {
    /// The raw value as a static string, for binding without a copy in bulk writes.
    var staticName: StaticString {
        switch self {
        case .carryIn: "carry-in"; case .initial: "initial"; case .addition: "addition"; case .reduction: "reduction"
        case .transfer: "transfer"; case .recall: "recall"; case .available: "available"; case .paid: "paid"
        case .carriedForward: "carried-forward"; case .surplus: "surplus"; case .committed: "committed"
        }
    }
}
