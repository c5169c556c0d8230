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
        }
    }

    public static func + (a: BudgetFigures, b: BudgetFigures) -> BudgetFigures {
        var s = a
        s.carryIn += b.carryIn; s.initial += b.initial; s.additions += b.additions; s.reductions += b.reductions
        s.transfers += b.transfers; s.recalled += b.recalled; s.paid += b.paid; s.paidInMonth += b.paidInMonth
        s.available += b.available; s.carriedForward += b.carriedForward; s.surplus += b.surplus
        return s
    }

    public static func += (a: inout BudgetFigures, b: BudgetFigures) { a = a + b }
}

/// An exact ratio of two amounts; `nil` where the denominator is zero (an undefined rate is
/// a value, rendered `-`, never an error).
public struct Ratio: Sendable, Equatable {
    public var numerator: Int64
    public var denominator: Int64

    public init?(_ numerator: Int64, _ denominator: Int64) {
        guard denominator != 0 else { return nil }
        self.numerator = numerator; self.denominator = denominator
    }

    public init?(_ numerator: Money, _ denominator: Money) { self.init(numerator.fen, denominator.fen) }

    /// The ratio × 10^decimals, rounded half away from zero: `scaled(4)` of 0.925506… is 9255.
    public func scaled(_ decimals: Int) -> Int64 {
        var factor: Int64 = 1
        for _ in 0..<decimals { factor *= 10 }
        let n = Int128(numerator) * Int128(factor)
        let d = Int128(denominator)
        let (q, r) = n.quotientAndRemainder(dividingBy: d)
        let twiceRemainder = (r < 0 ? -r : r) * 2
        let dAbs = d < 0 ? -d : d
        if twiceRemainder >= dAbs { return Int64(q + ((n < 0) != (d < 0) ? -1 : 1)) }
        return Int64(q)
    }

    /// Percent with two decimals, in hundredths of a percent: 92.55% → 9255.
    public var percentHundredths: Int64 { scaled(4) }

    /// `a − b` in hundredths of a percentage point (百分点), exact before rounding.
    public func pointsMinus(_ other: Ratio) -> Int64 {
        let n = Int128(numerator) * Int128(other.denominator) - Int128(other.numerator) * Int128(denominator)
        let d = Int128(denominator) * Int128(other.denominator)
        let scaled = n * 10_000
        let (q, r) = scaled.quotientAndRemainder(dividingBy: d)
        let up = (r < 0 ? -r : r) * 2 >= (d < 0 ? -d : d)
        return Int64(up ? q + ((scaled < 0) != (d < 0) ? -1 : 1) : q)
    }

    public var doubleValue: Double { Double(numerator) / Double(denominator) }
}

extension Book {
    /// A project's figures for a whole year, from the maintained totals.
    public func figures(project: Project, year: Int) throws(FiscalError) -> BudgetFigures {
        try guarded {
            var f = BudgetFigures()
            for t in try store.monthlyTotals(year: year) where t.projectID == project.id { f.add(t.account, t.amount) }
            return f
        }
    }
}
