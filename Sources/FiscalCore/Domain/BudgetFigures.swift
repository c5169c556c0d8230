/// The figures of DESIGN §3 for one project or a group of projects. Groups add these up
/// field by field; rates are always computed from the sums, never averaged.
public struct BudgetFigures: Sendable, Equatable {
    public var carryIn = Money.zero        // 上年结转
    public var initial = Money.zero        // 年初预算
    public var additions = Money.zero      // 追加
    public var reductions = Money.zero     // 调减
    public var transfers = Money.zero      // 调剂 (either sign)
    public var recalled = Money.zero       // 收回
    public var paid = Money.zero           // 已支付
    public var paidInMonth = Money.zero    // 本月支付
    public var available = Money.zero      // 可执行指标
    public var carriedForward = Money.zero // 年末结转
    public var surplus = Money.zero        // 年末结余
    public var committed = Money.zero      // 已占用: open commitments (issue 14)

    public init() {}

    /// 本年预算: the current year's authority, without the carry-in.
    public var budget: Money { initial + additions - reductions + transfers }
    /// 全年预算数 / 可用总额: everything the year could spend.
    public var totalBudget: Money { carryIn + budget - recalled }

    /// Adds one maintained total (debit-positive balance of an account) into the figures.
    public mutating func add(_ account: Account, _ amount: Money) {
        switch account {
        case .carryIn: carryIn += amount
        case .initial: initial += amount
        case .addition: additions += amount
        case .reduction: reductions -= amount
        case .transfer: transfers += amount
        case .recall: recalled -= amount
        case .available: available -= amount
        case .paid: paid -= amount
        case .carriedForward: carriedForward -= amount
        case .surplus: surplus -= amount
        case .committed: committed -= amount
        }
    }

    public static func + (a: BudgetFigures, b: BudgetFigures) -> BudgetFigures {
        var s = a
        s.carryIn += b.carryIn; s.initial += b.initial; s.additions += b.additions; s.reductions += b.reductions
        s.transfers += b.transfers; s.recalled += b.recalled; s.paid += b.paid; s.paidInMonth += b.paidInMonth
        s.available += b.available; s.carriedForward += b.carriedForward; s.surplus += b.surplus
        s.committed += b.committed
        return s
    }

    public static func += (a: inout BudgetFigures, b: BudgetFigures) { a = a + b }
}
