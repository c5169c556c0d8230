/// The SQL of `fiscal export`: every entry in date order, one at a time, so that a book of a
/// million entries is written out without being held in memory.
extension Store {
    /// Calls `body` with each entry of `year` (every year when nil) and its postings, in date
    /// order (the order the journal shows), ties in the order they were posted.
    func forEachEntry(year: Int?, _ body: (JournalEntry) throws -> Void) throws {
        let sql = """
            SELECT e.id, e.date, e.kind, e.doc, e.memo, e.ref, e.reverses, e.overdraft,
                   (SELECT r.id FROM entry r WHERE r.reverses = e.id),
                   p.account, pr.code, p.econ, p.amount
            FROM entry e JOIN posting p ON p.entry_id = e.id JOIN project pr ON pr.id = p.project_id
            \(year == nil ? "" : "WHERE e.year = ?")
            ORDER BY e.year, e.date, e.id, p.id
            """
        var current: JournalEntry?
        try db.prepare(sql).forEach(year.map { [$0] } ?? []) { row in
            let id = row.int(0)
            if current?.id != id {
                if let done = current { try body(done) }
                current = JournalEntry(
                    id: id, date: Day(row.text(1))!, kind: EntryKind(rawValue: row.text(2))!,
                    doc: row.optionalText(3), memo: row.optionalText(4), ref: row.optionalText(5),
                    reverses: row.optionalInt(6), reversedBy: row.optionalInt(8), overdraft: row.int(7) == 1,
                    postings: [])
            }
            current!.postings.append(JournalPosting(
                account: Account(rawValue: row.text(9))!, projectCode: row.text(10),
                econ: row.optionalText(11), amount: Money(fen: row.int(12))))
        }
        if let done = current { try body(done) }
    }

    /// The distinct (account, project, economic code) combinations posted to in `year` (every
    /// year when nil): the accounts an export declares before it uses them.
    func postedAccounts(year: Int?) throws -> [(account: Account, project: String, econ: String?)] {
        let sql = """
            SELECT DISTINCT t.account, pr.code, nullif(t.econ, '') FROM monthly_total t JOIN project pr ON pr.id = t.project_id
            \(year == nil ? "" : "WHERE t.year = ?")
            ORDER BY 1, 2, 3
            """
        return try db.prepare(sql).rows(year.map { [$0] } ?? []) {
            (Account(rawValue: $0.text(0))!, $0.text(1), $0.optionalText(2))
        }
    }
}
