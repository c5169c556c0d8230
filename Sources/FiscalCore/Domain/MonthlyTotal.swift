/// One row of the maintained totals: a year's postings on one project, account, economic code
/// ('' for none) and month.
public struct MonthlyTotal: Sendable, Hashable {
    public var projectID: Int64
    public var account: Account
    public var econ: String
    public var month: Int
    public var amount: Money
}
