extension Store {
    /// Writes an entry and its postings; the caller owns the transaction.
    func insertEntry(_ draft: EntryDraft) throws -> Int64 {
        try db.cached("""
            INSERT INTO entry (date, year, kind, doc, memo, ref, reverses, overdraft)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """).run([draft.date.description, draft.date.year, draft.kind.rawValue, draft.doc, draft.memo,
                      draft.ref, draft.reverses, draft.overdraft])
        let id = db.lastInsertRowID
        let insert = try db.cached("INSERT INTO posting (entry_id, account, project_id, econ, amount) VALUES (?, ?, ?, ?, ?)")
        for p in draft.postings {
            try insert.run([id, p.account.rawValue, p.projectID, p.econ?.code, p.amount.fen])
        }
        return id
    }

    public func refExists(_ ref: String) throws -> Bool {
        try db.cached("SELECT 1 FROM entry WHERE ref = ?").first([ref]) { _ in true } ?? false
    }

    /// Every external reference in the book, for an import that skips what it already posted.
    public func refs(among candidates: Set<String>) throws -> Set<String> {
        let stmt = try db.cached("SELECT 1 FROM entry WHERE ref = ?")
        var found: Set<String> = []
        for ref in candidates where try stmt.first([ref], { _ in true }) == true { found.insert(ref) }
        return found
    }

    /// One entry with its postings, for reversal and `journal`.
    public func entry(id: Int64) throws -> JournalEntry? {
        try journal(JournalFilter(entryID: id)).first
    }

    func postings(entryID: Int64) throws -> [Posting] {
        try db.cached("SELECT account, project_id, econ, amount FROM posting WHERE entry_id = ? ORDER BY id")
            .rows([entryID]) { row in
                Posting(Account(rawValue: row.text(0))!, project: row.int(1),
                        econ: row.optionalText(2).flatMap(EconomicCode.init), Money(fen: row.int(3)))
            }
    }

    public func reversal(of entryID: Int64) throws -> Int64? {
        try db.cached("SELECT id FROM entry WHERE reverses = ?").first([entryID]) { $0.int(0) }
    }
}

/// Which entries `journal` lists: a half-open range of dates, one project, or one entry.
public struct JournalFilter: Sendable {
    public var projectID: Int64?
    public var from: Day?
    public var to: Day?
    public var entryID: Int64?
    public var year: Int?

    public init(projectID: Int64? = nil, from: Day? = nil, to: Day? = nil, entryID: Int64? = nil, year: Int? = nil) {
        self.projectID = projectID; self.from = from; self.to = to; self.entryID = entryID; self.year = year
    }
}

extension Store {
    /// Entries in date order with their postings, filtered in SQL.
    public func journal(_ filter: JournalFilter) throws -> [JournalEntry] {
        var conditions: [String] = []
        var values: [SQLBindable?] = []
        if let id = filter.entryID { conditions.append("e.id = ?"); values.append(id) }
        if let year = filter.year { conditions.append("e.year = ?"); values.append(year) }
        if let from = filter.from { conditions.append("e.date >= ?"); values.append(from.description) }
        if let to = filter.to { conditions.append("e.date <= ?"); values.append(to.description) }
        if let project = filter.projectID {
            // One pass over the postings: the schema keeps no index by project, which would cost
            // every posting written more than this listing saves (reports read monthly_total).
            conditions.append("e.id IN (SELECT entry_id FROM posting WHERE project_id = ?)")
            values.append(project)
        }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let sql = """
            SELECT e.id, e.date, e.kind, e.doc, e.memo, e.ref, e.reverses, e.overdraft,
                   (SELECT r.id FROM entry r WHERE r.reverses = e.id),
                   p.account, pr.code, p.econ, p.amount
            FROM entry e JOIN posting p ON p.entry_id = e.id JOIN project pr ON pr.id = p.project_id
            \(whereClause)
            ORDER BY e.date, e.id, p.id
            """
        var entries: [JournalEntry] = []
        try db.prepare(sql).forEach(values) { row in
            let id = row.int(0)
            if entries.last?.id != id {
                entries.append(JournalEntry(
                    id: id, date: Day(row.text(1))!, kind: EntryKind(rawValue: row.text(2))!,
                    doc: row.optionalText(3), memo: row.optionalText(4), ref: row.optionalText(5),
                    reverses: row.optionalInt(6), reversedBy: row.optionalInt(8), overdraft: row.int(7) == 1,
                    postings: []))
            }
            entries[entries.count - 1].postings.append(JournalPosting(
                account: Account(rawValue: row.text(9))!, projectCode: row.text(10),
                econ: row.optionalText(11), amount: Money(fen: row.int(12))))
        }
        return entries
    }
}
