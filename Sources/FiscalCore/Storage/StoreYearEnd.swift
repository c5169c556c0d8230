/// The SQL of the year-end close and reopen (Operations/YearEnd.swift).
extension Store {
    /// The entries of one kind booked in a year that no reversal has undone yet, oldest first:
    /// the closing entries of a year, or the opening (carry-in) entries a close wrote.
    public func unreversedEntries(year: Int, kind: EntryKind) throws -> [Int64] {
        try db.cached("""
            SELECT e.id FROM entry e
            WHERE e.year = ? AND e.kind = ? AND e.reverses IS NULL
              AND NOT EXISTS (SELECT 1 FROM entry r WHERE r.reverses = e.id)
            ORDER BY e.id
            """).rows([year, kind.rawValue]) { $0.int(0) }
    }

    /// The latest year whose status is closed, if any.
    public func latestClosedYear() throws -> Int? {
        try db.cached("SELECT max(year) FROM fiscal_year WHERE status = 'closed'").first { $0.optionalInt(0) }
            .flatMap { $0 }.map(Int.init)
    }
}
