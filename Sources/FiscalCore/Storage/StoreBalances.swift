/// One row of the maintained totals: a year's postings on one project, account, economic code
/// ('' for none) and month.
public struct MonthlyTotal: Sendable, Hashable {
    public var projectID: Int64
    public var account: Account
    public var econ: String
    public var month: Int
    public var amount: Money
}

extension Store {
    /// The signed balance (debit positive) of a project's account in a year, from the maintained
    /// totals: at most 12 rows per economic code, whatever the size of the book.
    public func balance(year: Int, project: Int64, account: Account, econ: String? = nil) throws -> Money {
        if let econ {
            return Money(fen: try db.cached("""
                SELECT coalesce(sum(amount), 0) FROM monthly_total
                WHERE year = ? AND project_id = ? AND account = ? AND econ = ?
                """).first([year, project, account.rawValue, econ]) { $0.int(0) } ?? 0)
        }
        return Money(fen: try db.cached("""
            SELECT coalesce(sum(amount), 0) FROM monthly_total
            WHERE year = ? AND project_id = ? AND account = ?
            """).first([year, project, account.rawValue]) { $0.int(0) } ?? 0)
    }

    /// The year's maintained totals through a month (inclusive): what every report reads.
    public func monthlyTotals(year: Int, throughMonth: Int = 12) throws -> [MonthlyTotal] {
        try db.cached("""
            SELECT project_id, account, econ, month, amount FROM monthly_total
            WHERE year = ? AND month <= ? AND amount <> 0
            """).rows([year, throughMonth]) { row in
                MonthlyTotal(projectID: row.int(0), account: Account(rawValue: row.text(1))!, econ: row.text(2),
                             month: Int(row.int(3)), amount: Money(fen: row.int(4)))
            }
    }

}

extension Store {
    /// The available balance of each economic code of a project that received authority of
    /// its own, keyed by code.
    public func ownAuthorityLines(year: Int, project: Int64) throws -> [String: Money] {
        var lines: [String: Money] = [:]
        try db.cached("""
            SELECT econ, -coalesce(sum(CASE WHEN account = 'available' THEN amount END), 0) FROM monthly_total
            WHERE year = ? AND project_id = ? AND econ <> ''
            GROUP BY econ
            HAVING sum(account IN ('carry-in', 'initial', 'addition', 'reduction', 'transfer', 'recall')) > 0
            """).forEach([year, project]) { lines[$0.text(0)] = Money(fen: $0.int(1)) }
        return lines
    }

    public func projectCode(id: Int64) throws -> String? {
        try db.cached("SELECT code FROM project WHERE id = ?").first([id]) { $0.text(0) }
    }
}
