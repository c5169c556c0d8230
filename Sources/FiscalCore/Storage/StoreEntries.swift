extension SQLiteStore {
    /// Writes an entry and its postings; the caller owns the transaction.
    func insertEntry(_ draft: EntryDraft) throws -> Int64 {
        let id = try nextID("entry")
        let record = try entryRecord(
            id: id, date: draft.date.description, year: Int64(draft.date.year), kind: draft.kind.rawValue, doc: draft.doc,
            memo: draft.memo, ref: draft.ref, reverses: draft.reverses, overdraft: draft.overdraft,
            postings: draft.postings.map { ($0.account.rawValue, $0.projectID, $0.econ?.code, $0.amount.fen, $0.contractID) },
            projectHash: { try projectHash(id: $0) }, contractHash: { try contractHash(id: $0) },
            payee: draft.payee, paymentMethod: draft.paymentMethod, counterpartUnit: draft.counterpartUnit)
        try db.cached("""
            INSERT INTO entry (id, date, year, kind, doc, memo, ref, reverses, overdraft, payee, payment_method, counterpart_unit, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).run([id, draft.date.description, draft.date.year, draft.kind.rawValue, draft.doc, draft.memo,
                      draft.ref, draft.reverses, draft.overdraft, draft.payee, draft.paymentMethod, draft.counterpartUnit,
                      record.hash(after: try chainHead("entry"))])
        let insert = try db.cached("INSERT INTO posting (entry_id, account, project_id, econ, amount, contract_id) VALUES (?, ?, ?, ?, ?, ?)")
        for p in draft.postings {
            try insert.run([id, p.account.rawValue, p.projectID, p.econ?.code, p.amount.fen, p.contractID])
        }
        return id
    }

    /// Whether an entry of `year` (any year when nil) has a payee or payment method (schema 5b).
    func hasEntryDetails(year: Int?) throws -> Bool {
        try db.prepare("""
            SELECT 1 AS found FROM entry WHERE (payee IS NOT NULL OR payment_method IS NOT NULL)\(year == nil ? "" : " AND year = ?") LIMIT 1
            """).first(year.map { [$0] } ?? []) { _ in true } ?? false
    }

    func refExists(_ ref: String) throws -> Bool {
        try db.cached("SELECT 1 AS found FROM entry WHERE ref = ?").first([ref]) { _ in true } ?? false
    }

    /// One entry with its postings, for reversal and `journal`.
    func entry(id: Int64) throws -> JournalEntry? {
        try journal(JournalFilter(entryID: id)).first
    }

    func postings(entryID: Int64) throws -> [Posting] {
        try db.cached("SELECT account, project_id, econ, amount, contract_id FROM posting WHERE entry_id = ? ORDER BY id")
            .rows([entryID]) { row in
                Posting(try row.decode("account", as: "an account", Account.init(rawValue:)), project: try row.int("project_id"),
                        econ: try row.optionalDecode("econ", as: "an economic code", EconomicCode.init),
                        Money(fen: try row.int("amount")), contract: try row.optionalInt("contract_id"))
            }
    }

    /// Entries in date order with their postings, filtered in SQL.
    func journal(_ filter: JournalFilter) throws -> [JournalEntry] {
        var entries: [JournalEntry] = []
        try forEachEntry(filter) { entries.append($0) }
        return entries
    }

    /// Calls `body` with each entry the filter selects and its postings, in date order (the
    /// order the journal shows), ties in the order they were posted, one at a time: a book of
    /// a million entries is exported without being held in memory. The one place journal
    /// rows are grouped into entries.
    func forEachEntry(_ filter: JournalFilter, _ body: (JournalEntry) throws -> Void) throws {
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
            SELECT e.id, e.date, e.kind, e.doc, e.memo, e.ref, e.reverses, e.overdraft, e.payee, e.payment_method, \(try counterpartColumn("e")),
                   (SELECT r.id FROM entry r WHERE r.reverses = e.id) AS reversed_by,
                   p.account, pr.code, p.econ, p.amount, c.number AS contract
            FROM entry e JOIN posting p ON p.entry_id = e.id JOIN project pr ON pr.id = p.project_id
            LEFT JOIN contract c ON c.id = p.contract_id
            \(whereClause)
            ORDER BY e.date, e.id, p.id
            """
        var current: JournalEntry?
        try db.prepare(sql).forEach(values) { row in
            let id = try row.int("id")
            if current?.id != id {
                if let done = current { try body(done) }
                current = JournalEntry(
                    id: id, date: try row.decode("date", as: "a date", Day.init),
                    kind: try row.decode("kind", as: "an entry kind", EntryKind.init(rawValue:)),
                    doc: try row.optionalText("doc"), memo: try row.optionalText("memo"), ref: try row.optionalText("ref"),
                    reverses: try row.optionalInt("reverses"), reversedBy: try row.optionalInt("reversed_by"),
                    overdraft: try row.int("overdraft") == 1, postings: [],
                    payee: try row.optionalText("payee"), paymentMethod: try row.optionalText("payment_method"),
                    counterpartUnit: try row.optionalText("counterpart_unit"))
            }
            current!.postings.append(JournalPosting(
                account: try row.decode("account", as: "an account", Account.init(rawValue:)), projectCode: try row.text("code"),
                econ: try row.optionalText("econ"), amount: Money(fen: try row.int("amount")),
                contract: try row.optionalText("contract")))
        }
        if let done = current { try body(done) }
    }

    /// The distinct (account, project, economic code) combinations posted to in `year` (every
    /// year when nil): the accounts an export declares before it uses them.
    func postedAccounts(year: Int?) throws -> [(account: Account, project: String, econ: String?)] {
        let sql = """
            SELECT DISTINCT t.account, pr.code, nullif(t.econ, '') AS econ
            FROM monthly_total t JOIN project pr ON pr.id = t.project_id
            \(year == nil ? "" : "WHERE t.year = ?")
            ORDER BY 1, 2, 3
            """
        return try db.prepare(sql).rows(year.map { [$0] } ?? []) {
            (try $0.decode("account", as: "an account", Account.init(rawValue:)), try $0.text("code"), try $0.optionalText("econ"))
        }
    }
}
