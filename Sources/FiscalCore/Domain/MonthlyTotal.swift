/// One row of the maintained totals: a year's postings on one project, account, economic code
/// ('' for none) and month.
public struct MonthlyTotal: Sendable, Hashable {
    public var projectID: Int64
    public var account: Account
    public var econ: String
    public var month: Int
    public var amount: Money
}

/// A consolidated book's total per unit (部门汇总, issue 16): its monthly totals summed over
/// the projects of one unit and kind, kept beside them (table unit_total), so a report by
/// unit reads a few rows per unit instead of every project's.
public struct UnitMonthlyTotal: Sendable, Hashable {
    public var year: Int
    public var unit: String
    public var kind: ProjectKind
    public var account: Account
    public var month: Int
    public var amount: Money

    public init(year: Int, unit: String, kind: ProjectKind, account: Account, month: Int, amount: Money) {
        self.year = year; self.unit = unit; self.kind = kind; self.account = account; self.month = month; self.amount = amount
    }
}
