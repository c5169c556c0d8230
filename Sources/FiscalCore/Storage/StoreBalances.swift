extension SQLiteStore {
    /// The year's maintained totals through a month (inclusive): what every report reads.
    func monthlyTotals(year: Int, throughMonth: Int = 12) throws -> [MonthlyTotal] {
        try db.cached("""
            SELECT project_id, account, econ, month, amount FROM monthly_total
            WHERE year = ? AND month <= ? AND amount <> 0
            """).rows([year, throughMonth]) { row in
                MonthlyTotal(projectID: try row.int("project_id"),
                             account: try row.decode("account", as: "an account", Account.init(rawValue:)),
                             econ: try row.text("econ"), month: Int(try row.int("month")), amount: Money(fen: try row.int("amount")))
            }
    }

}

extension SQLiteStore {
    /// Σ |monthly total| of a year, exact: the measure ``Money/yearCeiling`` bounds.
    func yearMagnitude(year: Int) throws -> Int128 {
        var sum: Int128 = 0
        try db.cached("SELECT amount FROM monthly_total WHERE year = ?").forEach([year]) {
            sum += Int128(try $0.int("amount").magnitude)
        }
        return sum
    }

    /// The available balance of each economic code of a project that received authority of
    /// its own, keyed by code.
    func ownAuthorityLines(year: Int, project: Int64) throws -> [String: Money] {
        var lines: [String: Money] = [:]
        try db.cached("""
            SELECT econ, -coalesce(sum(CASE WHEN account = 'available' THEN amount END), 0) AS available FROM monthly_total
            WHERE year = ? AND project_id = ? AND econ <> ''
            GROUP BY econ
            HAVING sum(account IN ('carry-in', 'initial', 'addition', 'reduction', 'transfer', 'recall')) > 0
            """).forEach([year, project]) { lines[try $0.text("econ")] = Money(fen: try $0.int("available")) }
        return lines
    }

    func projectCode(id: Int64) throws -> String? {
        try db.cached("SELECT code FROM project WHERE id = ?").first([id]) { try $0.text("code") }
    }
}
