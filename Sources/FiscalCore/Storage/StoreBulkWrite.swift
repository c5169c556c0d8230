/// Bulk writes (an import) keep the invariants the per-row triggers keep, but in one pass:
/// the import checks open years itself and adds its postings to `monthly_total` once per
/// (year, project, account, code, month) instead of once per posting. For that the three
/// per-row triggers are dropped inside the import's transaction and re-created, from their
/// exact text, before it commits: no other connection ever sees the book without them, and a
/// failed import rolls the drop back with everything else.
extension Store {
    static let rowTriggers = ["entry_open_year", "posting_open_year", "posting_total"]

    /// Drops the per-row triggers; returns their CREATE statements as stored.
    func suspendRowTriggers() throws -> [String] {
        precondition(db.isInTransaction, "triggers may only be suspended inside the write transaction")
        var texts: [String] = []
        for name in Store.rowTriggers {
            guard let sql = try db.cached("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?")
                .first([name], { $0.text(0) }) else { continue }
            texts.append(sql)
            try db.execute("DROP TRIGGER \(name)")
        }
        return texts
    }

    func restoreTriggers(_ texts: [String]) throws {
        for sql in texts { try db.execute(sql) }
    }

    /// Adds summed postings to the maintained totals.
    func addToMonthlyTotals(_ totals: [MonthlyTotalKey: (amount: Int64, postings: Int64)]) throws {
        let upsert = try db.cached("""
            INSERT INTO monthly_total (year, project_id, account, econ, month, amount, postings) VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (year, project_id, account, econ, month)
            DO UPDATE SET amount = amount + excluded.amount, postings = postings + excluded.postings
            """)
        for (key, value) in totals {
            try upsert.run([key.year, key.project, key.account, key.econ, key.month, value.amount, value.postings])
        }
    }
}

/// Where a posting is summed in `monthly_total`.
struct MonthlyTotalKey: Hashable {
    var year: Int
    var project: Int64
    var account: String
    var econ: String
    var month: Int
}
