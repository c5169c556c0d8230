/// The SQL of a consolidation (部门汇总, issue 16): what is read from a unit book (its monthly
/// totals, its contract-tagged sums, its contracts, its transfers to and from other units) and
/// what a consolidated book keeps of its units (table consolidated_unit, schema step 5e).
extension SQLiteStore {
    func hasTable(_ name: String) throws -> Bool {
        try db.cached("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table' AND name = ?").first([name]) { try $0.int("n") } == 1
    }

    /// A book built by `consolidate`: it has units recorded (and takes no recording).
    func isConsolidated() throws -> Bool {
        guard try hasTable("consolidated_unit") else { return false }
        return try db.cached("SELECT count(*) AS n FROM consolidated_unit").first { try $0.int("n") } ?? 0 > 0
    }

    /// The year's maintained totals in their key order (project, account, code, month), as
    /// the table holds them: nothing to sort.
    func forEachMonthlyTotal(year: Int, _ body: (MonthlyTotal) throws -> Void) throws {
        let statement = try db.prepare("""
            SELECT project_id, account, econ, month, amount FROM monthly_total
            WHERE year = ? AND amount <> 0 ORDER BY project_id, account, econ, month
            """)
        let (project, account, econ, month, amount) = (try statement.column("project_id"), try statement.column("account"),
                                                       try statement.column("econ"), try statement.column("month"),
                                                       try statement.column("amount"))
        // Columns by index and the account parsed once per run of rows (a unit's totals come
        // grouped by project and account): a consolidation reads every unit's totals.
        var lastAccount: (bytes: [UInt8], account: Account)?
        try statement.forEach([year]) { row in
            let a = try row.withBytes(account) { bytes throws(SQLiteError) -> Account in
                let bytes = bytes ?? UnsafeBufferPointer(start: nil, count: 0)
                if let last = lastAccount, last.bytes.elementsEqual(bytes) { return last.account }
                let text = String(decoding: bytes, as: UTF8.self)
                guard let parsed = Account(rawValue: text) else { throw row.badValue("account", text, "an account") }
                lastAccount = (Array(bytes), parsed)
                return parsed
            }
            let code = row.withBytes(econ) { $0.map { String(decoding: $0, as: UTF8.self) } } ?? ""
            try body(MonthlyTotal(projectID: try row.int(project), account: a, econ: code, month: Int(try row.int(month)),
                                  amount: Money(fen: try row.int(amount))))
        }
    }

    /// The year's postings tagged with a contract, summed by month, project, account, code and
    /// contract (found through the partial index on contract_id; none in a book before v5).
    func contractSums(year: Int) throws -> [ContractSum] {
        guard try hasTable("contract") else { return [] }
        return try db.prepare("""
            SELECT CAST(substr(e.date, 6, 2) AS INTEGER) AS month, p.project_id, p.account, coalesce(p.econ, '') AS econ,
                   p.contract_id, sum(p.amount) AS amount
            FROM posting p JOIN entry e ON e.id = p.entry_id
            WHERE p.contract_id IS NOT NULL AND e.year = ?
            GROUP BY 1, 2, 3, 4, 5 HAVING sum(p.amount) <> 0
            """).rows([year]) {
            ContractSum(month: Int(try $0.int("month")), projectID: try $0.int("project_id"),
                        account: try $0.decode("account", as: "an account", Account.init(rawValue:)),
                        econ: try $0.text("econ"), contractID: try $0.int("contract_id"), amount: try $0.int("amount"))
        }
    }

    /// Every contract row, as stored (none in a book before v5).
    func contractRows() throws -> [ContractRow] {
        guard try hasTable("contract") else { return [] }
        return try db.prepare("""
            SELECT id, number, project_id, supplier, econ, procurement, sme, signed, memo FROM contract ORDER BY id
            """).rows {
            ContractRow(id: try $0.int("id"), number: try $0.text("number"), projectID: try $0.int("project_id"),
                        supplier: try $0.optionalText("supplier"), econ: try $0.text("econ"),
                        procurement: try $0.optionalText("procurement"), sme: try $0.int("sme") == 1,
                        signed: try $0.text("signed"), memo: try $0.optionalText("memo"))
        }
    }

    /// Writes a contract row under a new id; its hash is left to the contract chain (issue 14).
    func insertContract(_ c: ContractRow) throws -> Int64 {
        let id = try nextID("contract")
        // In the contract chain like any contract (issue 14), so `verify` checks the copies too.
        let hash = ChainRecord.contract(id: id, number: c.number, project: c.projectID, supplier: c.supplier, econ: c.econ,
                                        procurement: c.procurement, sme: c.sme, signed: c.signed, memo: c.memo)
            .hash(after: try chainHead("contract"))
        try db.cached("""
            INSERT INTO contract (id, number, project_id, supplier, econ, procurement, sme, signed, memo, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).run([id, c.number, c.projectID, c.supplier, c.econ, c.procurement, c.sme, c.signed, c.memo, hash])
        return id
    }

    /// The year's entries that name another unit and are not reversed, with their postings.
    func unitTransferEntries(year: Int) throws -> [(id: Int64, date: String, kind: String, doc: String?, unit: String,
                                                   postings: [(account: Account, project: Int64, econ: String?, amount: Int64)])] {
        guard try counterpartColumn("e") != "NULL AS counterpart_unit" else { return [] }
        var found: [(id: Int64, date: String, kind: String, doc: String?, unit: String,
                     postings: [(account: Account, project: Int64, econ: String?, amount: Int64)])] = []
        try db.prepare("""
            SELECT e.id, e.date, e.kind, e.doc, e.counterpart_unit, p.account, p.project_id, p.econ, p.amount
            FROM entry e JOIN posting p ON p.entry_id = e.id
            WHERE e.year = ? AND e.counterpart_unit IS NOT NULL AND NOT EXISTS (SELECT 1 FROM entry r WHERE r.reverses = e.id)
            ORDER BY e.id, p.id
            """).forEach([year]) { row in
            let id = try row.int("id")
            if found.last?.id != id {
                found.append((id, try row.text("date"), try row.text("kind"), try row.optionalText("doc"),
                              try row.text("counterpart_unit"), []))
            }
            found[found.count - 1].postings.append((try row.decode("account", as: "an account", Account.init(rawValue:)),
                                                    try row.int("project_id"), try row.optionalText("econ"), try row.int("amount")))
        }
        return found
    }

    /// Writes a consolidate entry as ``insertEntry(_:)`` does, with the per-row triggers
    /// suspended (``suspendRowTriggers()``) and its postings in many rows per statement, as an
    /// import writes them; projects' hashes come from `projectHash` instead of a query per
    /// posting. Its postings are not added to `monthly_total` here: the consolidation sums a
    /// unit's and writes them with ``insertConsolidatedTotals(_:)``, once per key.
    func insertConsolidatedEntry(_ draft: EntryDraft, projectHash: (Int64) -> [UInt8]?) throws -> Int64 {
        let id = try nextID("entry")
        let record = try entryRecord(
            id: id, date: draft.date.description, year: Int64(draft.date.year), kind: draft.kind.rawValue, doc: draft.doc,
            memo: draft.memo, ref: draft.ref, reverses: draft.reverses, overdraft: draft.overdraft,
            postings: draft.postings.map { ($0.account.rawValue, $0.projectID, $0.econ?.code, $0.amount.fen, $0.contractID) },
            projectHash: projectHash, contractHash: { try contractHash(id: $0) }, counterpartUnit: draft.counterpartUnit)
        try db.cached("""
            INSERT INTO entry (id, date, year, kind, doc, memo, ref, reverses, overdraft, counterpart_unit, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).run([id, draft.date.description, draft.date.year, draft.kind.rawValue, draft.doc, draft.memo,
                      draft.ref, draft.reverses, draft.overdraft, draft.counterpartUnit,
                      record.hash(after: try chainHead("entry"))])
        try insertBatched(draft.postings[...], "INSERT INTO posting (entry_id, account, project_id, econ, amount, contract_id) VALUES ",
                          columns: 6) { statement, p, n in
            try statement.bind(n, id)
            try statement.bind(n + 1, static: p.account.staticName)
            try statement.bind(n + 2, p.projectID)
            if let econ = p.econ?.code {
                var code = econ
                try code.withUTF8 { try statement.bind(n + 3, utf8: $0) }
            }
            try statement.bind(n + 4, p.amount.fen)
            if let contract = p.contractID { try statement.bind(n + 5, contract) }
        }
        return id
    }

    /// Adds a unit's totals to `monthly_total`, in key order (a unit's projects are new and
    /// numbered after every other's, so its keys go to the end of the table).
    func insertConsolidatedTotals(_ sums: [(key: ConsolidatedTotalKey, amount: Int64, postings: Int64)]) throws {
        // Many rows per statement, as the import writes its postings: one statement per total
        // was most of the time SQLite spent on them.
        try insertBatched(sums[...], "INSERT INTO monthly_total (year, project_id, account, econ, month, amount, postings) VALUES ",
                          columns: 7, tail: """
                           ON CONFLICT (year, project_id, account, econ, month)
                          DO UPDATE SET amount = amount + excluded.amount, postings = postings + excluded.postings
                          """) { statement, s, n in
            try statement.bind(n, Int64(s.key.year))
            try statement.bind(n + 1, s.key.project)
            try statement.bind(n + 2, static: s.key.account.staticName)
            var econ = s.key.econ
            try econ.withUTF8 { try statement.bind(n + 3, utf8: $0) }
            try statement.bind(n + 4, Int64(s.key.month))
            try statement.bind(n + 5, s.amount)
            try statement.bind(n + 6, s.postings)
        }
    }

    /// Adds to a consolidated book's totals per unit (table unit_total, schema step 6).
    func addToUnitTotals(_ sums: [UnitMonthlyTotal]) throws {
        let upsert = try db.cached("""
            INSERT INTO unit_total (year, unit, kind, account, month, amount) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (year, unit, kind, account, month) DO UPDATE SET amount = amount + excluded.amount
            """)
        for s in sums {
            try upsert.run([s.year, s.unit, s.kind.rawValue, s.account.rawValue, s.month, s.amount.fen])
        }
    }

    /// A consolidated book's totals per unit and kind of project through `throughMonth`; nil
    /// when it keeps none (a book consolidated before schema v6).
    func unitTotals(year: Int, throughMonth: Int) throws -> [UnitMonthlyTotal]? {
        guard try hasTable("unit_total"),
              try db.cached("SELECT EXISTS (SELECT 1 FROM unit_total) AS kept").first { try $0.int("kept") } == 1 else { return nil }
        return try db.prepare("""
            SELECT year, unit, kind, account, month, amount FROM unit_total
            WHERE year = ? AND month <= ? AND amount <> 0 ORDER BY unit, kind, account, month
            """).rows([year, throughMonth]) {
            UnitMonthlyTotal(year: Int(try $0.int("year")), unit: try $0.text("unit"),
                             kind: try $0.decode("kind", as: "a project kind", ProjectKind.init(rawValue:)),
                             account: try $0.decode("account", as: "an account", Account.init(rawValue:)),
                             month: Int(try $0.int("month")), amount: Money(fen: try $0.int("amount")))
        }
    }

    /// Every row of unit_total, as stored (`verify` compares them with `monthly_total`).
    func allUnitTotals() throws -> [UnitMonthlyTotal] {
        guard try hasTable("unit_total") else { return [] }
        return try db.prepare("SELECT year, unit, kind, account, month, amount FROM unit_total").rows {
            UnitMonthlyTotal(year: Int(try $0.int("year")), unit: try $0.text("unit"),
                             kind: try $0.decode("kind", as: "a project kind", ProjectKind.init(rawValue:)),
                             account: try $0.decode("account", as: "an account", Account.init(rawValue:)),
                             month: Int(try $0.int("month")), amount: Money(fen: try $0.int("amount")))
        }
    }

    /// The hashes of the projects with ids in `ids` (one unit's, written together).
    func projectHashes(ids: ClosedRange<Int64>) throws -> [Int64: [UInt8]] {
        var hashes: [Int64: [UInt8]] = [:]
        try db.prepare("SELECT id, hash FROM project WHERE id BETWEEN ? AND ?").forEach([ids.lowerBound, ids.upperBound]) {
            hashes[try $0.int("id")] = try $0.optionalBlob("hash")
        }
        return hashes
    }

    func insertConsolidatedUnit(_ u: ConsolidatedUnit) throws {
        try db.cached("""
            INSERT INTO consolidated_unit (name, path, book_name, seal, entries, taken) VALUES (?, ?, ?, ?, ?, ?)
            """).run([u.name, u.path, u.bookName, u.seal.hash, u.seal.entryID, u.seal.asOf.description])
    }

    func consolidatedUnits() throws -> [ConsolidatedUnit] {
        guard try hasTable("consolidated_unit") else { return [] }
        return try db.prepare("SELECT name, path, book_name, seal, entries, taken FROM consolidated_unit ORDER BY id").rows {
            ConsolidatedUnit(name: try $0.text("name"), path: try $0.text("path"), bookName: try $0.text("book_name"),
                             seal: Seal(asOf: try $0.decode("taken", as: "a date", Day.init), entryID: try $0.int("entries"),
                                        hash: try $0.optionalBlob("seal") ?? []))
        }
    }

    /// The documents (seal tokens) of a unit's consolidate entries: chained, so they vouch for
    /// the seal its consolidated_unit row records.
    func consolidateDocs(unit: String) throws -> [String] {
        try db.prepare("""
            SELECT DISTINCT e.doc FROM entry e WHERE e.kind = 'consolidate' AND e.counterpart_unit = ? AND e.doc IS NOT NULL
            """).rows([unit]) { try $0.text("doc") }
    }

    /// What the consolidated book holds of one unit's own figures, by project (the consolidated
    /// book's id), account, code and month: the maintained totals of the unit's projects (a
    /// range of each project's keys, not a pass over the postings), less the postings of the
    /// eliminations on them. `verify` proves the totals equal the postings, so this is what the
    /// unit's consolidate entries hold — and any other entry posted to its projects shows.
    func consolidatedSums(unit: String, year: Int) throws -> [HeldTotalKey: Int64] {
        var sums: [HeldTotalKey: Int64] = [:]
        func add(_ sql: String, sign: Int64) throws {
            let statement = try db.prepare(sql)
            let (project, account, econ, month, amount) = (try statement.column("project_id"), try statement.column("account"),
                                                           try statement.column("econ"), try statement.column("month"),
                                                           try statement.column("amount"))
            try statement.forEach([year, unit]) { row in
                let a = row.withBytes(account) { bytes in
                    Account(rawValue: String(decoding: bytes ?? UnsafeBufferPointer(start: nil, count: 0), as: UTF8.self))
                }
                guard let a else { return }  // an unknown account: the structural check names it
                let key = HeldTotalKey(project: try row.int(project), account: a,
                                       econ: row.withBytes(econ) { $0.map { String(decoding: $0, as: UTF8.self) } } ?? "",
                                       month: Int(try row.int(month)))
                sums[key, default: 0] &+= sign &* (try row.int(amount))
            }
        }
        try add("""
            SELECT t.project_id, t.account, t.econ, t.month, t.amount FROM monthly_total t
            WHERE t.year = ?1 AND t.project_id IN (SELECT id FROM project WHERE unit = ?2)
            """, sign: 1)
        try add("""
            SELECT p.project_id, p.account, coalesce(p.econ, '') AS econ, CAST(substr(e.date, 6, 2) AS INTEGER) AS month, p.amount
            FROM entry e JOIN posting p ON p.entry_id = e.id
            WHERE e.kind = 'eliminate' AND e.year = ?1 AND p.project_id IN (SELECT id FROM project WHERE unit = ?2)
            """, sign: -1)
        return sums
    }

    /// The postings of the year's eliminate entries, with their unit and project.
    func eliminationPostings(year: Int) throws -> [EliminationPosting] {
        guard try hasTable("consolidated_unit") else { return [] }
        return try db.prepare("""
            SELECT e.id, e.date, e.memo, e.counterpart_unit, pr.code, pr.unit, p.account, p.amount
            FROM entry e JOIN posting p ON p.entry_id = e.id JOIN project pr ON pr.id = p.project_id
            WHERE e.kind = 'eliminate' AND e.year = ? ORDER BY e.id, p.id
            """).rows([year]) {
            EliminationPosting(entry: try $0.int("id"), date: try $0.decode("date", as: "a date", Day.init),
                               memo: try $0.optionalText("memo"), counterpart: try $0.optionalText("counterpart_unit"),
                               projectCode: try $0.text("code"), unit: try $0.optionalText("unit"),
                               account: try $0.decode("account", as: "an account", Account.init(rawValue:)),
                               amount: Money(fen: try $0.int("amount")))
        }
    }
}
