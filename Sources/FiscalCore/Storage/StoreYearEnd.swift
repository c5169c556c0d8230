/// The SQL of the year-end close and reopen (Operations/YearEnd.swift).
extension SQLiteStore {
    /// The entries of one kind booked in a year that no reversal has undone yet, oldest first:
    /// the closing entries of a year, or the opening (carry-in) entries a close wrote.
    func unreversedEntries(year: Int, kind: EntryKind) throws -> [Int64] {
        try db.cached("""
            SELECT e.id FROM entry e
            WHERE e.year = ? AND e.kind = ? AND e.reverses IS NULL
              AND NOT EXISTS (SELECT 1 FROM entry r WHERE r.reverses = e.id)
            ORDER BY e.id
            """).rows([year, kind.rawValue]) { try $0.int("id") }
    }

    /// The latest year whose status is closed, if any.
    func latestClosedYear() throws -> Int? {
        try db.cached("SELECT max(year) AS year FROM fiscal_year WHERE status = 'closed'").first { try $0.optionalInt("year") }
            .flatMap { $0 }.map(Int.init)
    }
}
