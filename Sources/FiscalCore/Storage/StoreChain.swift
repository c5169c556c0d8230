/// The hash chain in the book (DESIGN §9, ``ChainRecord``): each history table is a chain in
/// id order that starts from the book row's hash. Rows are hashed as they are written, here
/// and in the import; `verify` recomputes every chain from the stored rows.
extension SQLiteStore {
    /// The tables that carry a chain besides `book`, in the order `verify` reads them.
    static let chainedTables = ["project", "project_event", "year_event", "contract", "entry"]
    /// The chains the v3 migration fills in (a book older than v3 has no contracts yet).
    static let chainedTablesV3 = ["project", "project_event", "year_event", "entry"]

    func bookHash() throws -> [UInt8] {
        try db.cached("SELECT hash FROM book WHERE id = 1").first { try $0.optionalBlob("hash") }.flatMap { $0 } ?? ChainRecord.genesis
    }

    /// The hash the next row of `table` follows: its last row's, or the book's.
    func chainHead(_ table: String) throws -> [UInt8] {
        let last = try db.cached("SELECT hash FROM \(table) ORDER BY id DESC LIMIT 1").first([]) { try $0.optionalBlob("hash") }
        if let last, let last { return last }
        return try bookHash()
    }

    /// `alias.counterpart_unit`, or NULL in a book older than schema v5 (a reader reads it as it is).
    func counterpartColumn(_ alias: String) throws -> String {
        let has = try db.cached("SELECT count(*) AS n FROM pragma_table_info('entry') WHERE name = 'counterpart_unit'")
            .first { try $0.int("n") } == 1
        return has ? "\(alias).counterpart_unit" : "NULL AS counterpart_unit"
    }

    func nextID(_ table: String) throws -> Int64 {
        try db.cached("SELECT coalesce(max(id), 0) + 1 AS next FROM \(table)").first { try $0.int("next") } ?? 1
    }

    /// Each project's hash by id: what a posting's bytes name.
    func projectHashes() throws -> [Int64: [UInt8]] {
        var hashes: [Int64: [UInt8]] = [:]
        try db.cached("SELECT id, hash FROM project").forEach { hashes[try $0.int("id")] = try $0.optionalBlob("hash") }
        return hashes
    }

    /// Each contract's hash by id: what a posting that names it carries.
    func contractHashes() throws -> [Int64: [UInt8]] {
        var hashes: [Int64: [UInt8]] = [:]
        try db.cached("SELECT id, hash FROM contract").forEach { hashes[try $0.int("id")] = try $0.optionalBlob("hash") }
        return hashes
    }

    func contractHash(id: Int64) throws -> [UInt8]? {
        try db.cached("SELECT hash FROM contract WHERE id = ?").first([id]) { try $0.optionalBlob("hash") } ?? nil
    }

    func projectHash(id: Int64) throws -> [UInt8]? {
        try db.cached("SELECT hash FROM project WHERE id = ?").first([id]) { try $0.optionalBlob("hash") } ?? nil
    }

    /// The bytes of an entry, its postings given in id order.
    func entryRecord(id: Int64, date: String, year: Int64, kind: String, doc: String?, memo: String?, ref: String?,
                     reverses: Int64?, overdraft: Bool,
                     postings: [(account: String, project: Int64, econ: String?, amount: Int64, contract: Int64?)],
                     projectHash: (Int64) throws -> [UInt8]?, contractHash: (Int64) throws -> [UInt8]?,
                     payee: String? = nil, paymentMethod: String? = nil, counterpartUnit: String? = nil) rethrows -> ChainRecord {
        var r = ChainRecord.entry(id: id, date: date, year: year, kind: kind, doc: doc, memo: memo, ref: ref,
                                  reverses: reverses, overdraft: overdraft, postings: postings.count)
        for p in postings {
            r.posting(account: p.account, project: try projectHash(p.project), econ: p.econ, amount: p.amount,
                      contract: try p.contract.map(contractHash))
        }
        r.details(payee: payee, paymentMethod: paymentMethod)
        r.entryTrailer(counterpartUnit: counterpartUnit)
        return r
    }

    /// Fills in the chain of a book written before it had one (schema v2), in id order.
    /// Runs inside the migration, with the guards against UPDATE lifted by the caller.
    func fillChain() throws {
        let book = try db.prepare("SELECT id, name, first_year FROM book").rows {
            ChainRecord.book(id: try $0.int("id"), name: try $0.text("name"), firstYear: try $0.int("first_year"))
        }
        var bookHash = ChainRecord.genesis
        if let record = book.first {
            bookHash = record.hash(after: ChainRecord.genesis)
            try db.prepare("UPDATE book SET hash = ? WHERE id = 1").run([bookHash])
        }
        for table in SQLiteStore.chainedTablesV3 {
            var previous = bookHash
            let update = try db.prepare("UPDATE \(table) SET hash = ? WHERE id = ?")
            try forEachChainRecord(table) { id, record in
                previous = record.hash(after: previous)
                try update.run([previous, id])
            }
        }
    }

    /// Every row of a chained table in id order, as its canonical record.
    func forEachChainRecord(_ table: String, _ body: (Int64, ChainRecord) throws -> Void) throws {
        switch table {
        case "project":
            try db.prepare("SELECT id, code, name, kind, fund, function_code, unit FROM project ORDER BY id").forEach {
                try body(try $0.int("id"), ChainRecord.project(
                    id: try $0.int("id"), code: try $0.text("code"), name: try $0.text("name"), kind: try $0.text("kind"),
                    fund: try $0.text("fund"), function: try $0.optionalText("function_code"), unit: try $0.optionalText("unit")))
            }
        case "project_event":
            try db.prepare("SELECT id, project_id, status, date, reason FROM project_event ORDER BY id").forEach {
                try body(try $0.int("id"), ChainRecord.projectEvent(
                    id: try $0.int("id"), project: try $0.int("project_id"), status: try $0.text("status"),
                    date: try $0.text("date"), reason: try $0.optionalText("reason")))
            }
        case "year_event":
            try db.prepare("SELECT id, year, action, date, reason FROM year_event ORDER BY id").forEach {
                try body(try $0.int("id"), ChainRecord.yearEvent(
                    id: try $0.int("id"), year: try $0.int("year"), action: try $0.text("action"),
                    date: try $0.text("date"), reason: try $0.optionalText("reason")))
            }
        case "contract":
            try db.prepare("SELECT id, number, project_id, supplier, econ, procurement, sme, signed, memo FROM contract ORDER BY id").forEach {
                try body(try $0.int("id"), ChainRecord.contract(
                    id: try $0.int("id"), number: try $0.text("number"), project: try $0.int("project_id"),
                    supplier: try $0.optionalText("supplier"), econ: try $0.text("econ"),
                    procurement: try $0.optionalText("procurement"), sme: try $0.int("sme") == 1,
                    signed: try $0.text("signed"), memo: try $0.optionalText("memo")))
            }
        default:
            let hashes = try projectHashes()
            try forEachEntryRecord(projectHashes: hashes, body)
        }
    }

    /// Entries with their postings, in id order, as canonical records: one pass over both.
    /// Only the migration to schema 3 calls it (``fillChain()``), before entries had details
    /// (schema 5b): `verify` reads the entry chain through ``entryChainBreaks(recomputed:_:)``.
    private func forEachEntryRecord(projectHashes: [Int64: [UInt8]], _ body: (Int64, ChainRecord) throws -> Void) throws {
        var current: (id: Int64, head: (date: String, year: Int64, kind: String, doc: String?, memo: String?, ref: String?,
                                         reverses: Int64?, overdraft: Bool))?
        var postings: [(account: String, project: Int64, econ: String?, amount: Int64, contract: Int64?)] = []
        // Before v5 (the migration that fills the chain of a v2 book) there is no contract.
        let hasContracts = try db.cached("SELECT count(*) AS n FROM pragma_table_info('posting') WHERE name = 'contract_id'")
            .first { try $0.int("n") } == 1
        let contractHashes = hasContracts ? try contractHashes() : [:]
        func finish() throws {
            guard let c = current else { return }
            let h = c.head
            try body(c.id, entryRecord(id: c.id, date: h.date, year: h.year, kind: h.kind, doc: h.doc, memo: h.memo, ref: h.ref,
                                       reverses: h.reverses, overdraft: h.overdraft, postings: postings,
                                       projectHash: { projectHashes[$0] }, contractHash: { contractHashes[$0] ?? nil }))
            postings.removeAll(keepingCapacity: true)
        }
        try db.prepare("""
            SELECT e.id, e.date, e.year, e.kind, e.doc, e.memo, e.ref, e.reverses, e.overdraft,
                   p.account, p.project_id, p.econ, p.amount, \(hasContracts ? "p.contract_id" : "NULL AS contract_id")
            FROM entry e LEFT JOIN posting p ON p.entry_id = e.id ORDER BY e.id, p.id
            """).forEach { row in
            let id = try row.int("id")
            if current?.id != id {
                try finish()
                current = (id, (try row.text("date"), try row.int("year"), try row.text("kind"), try row.optionalText("doc"),
                                try row.optionalText("memo"), try row.optionalText("ref"), try row.optionalInt("reverses"),
                                try row.int("overdraft") == 1))
            }
            if let account = try row.optionalText("account") {
                postings.append((account, try row.int("project_id"), try row.optionalText("econ"), try row.int("amount"),
                                 try row.optionalInt("contract_id")))
            }
        }
        try finish()
    }

    /// The stored hash of every row of a chained table (or `book`), by id.
    func storedHashes(_ table: String) throws -> [(id: Int64, hash: [UInt8]?)] {
        try db.prepare("SELECT id, hash FROM \(table) ORDER BY id").rows { (try $0.int("id"), try $0.optionalBlob("hash")) }
    }

    /// The last entry (the chain head a seal names): its id, date and hash.
    func lastEntry() throws -> (id: Int64, date: String, hash: [UInt8]?)? {
        try db.cached("SELECT id, date, hash FROM entry ORDER BY id DESC LIMIT 1").first {
            (try $0.int("id"), try $0.text("date"), try $0.optionalBlob("hash"))
        }
    }

    func entryHash(id: Int64) throws -> (date: String, hash: [UInt8]?)? {
        try db.cached("SELECT date, hash FROM entry WHERE id = ?").first([id]) { (try $0.text("date"), try $0.optionalBlob("hash")) }
    }

    /// Entries after `id` dated on or before `date`: what a seal of that date cannot cover.
    func entriesAfter(id: Int64, datedThrough date: String) throws -> [(id: Int64, date: String)] {
        try db.prepare("SELECT id, date FROM entry WHERE id > ? AND date <= ? ORDER BY id").rows([id, date]) {
            (try $0.int("id"), try $0.text("date"))
        }
    }
}

extension SQLiteStore {
    /// Every row whose stored hash is not SHA-256(the stored hash before it ‖ its bytes): a
    /// row changed, inserted or removed behind fiscal's back, by table and id. Each row is
    /// checked against the stored hash before it, so every changed row is named, not just
    /// the first.
    func chainViolations() throws -> [Violation] {
        var found: [Violation] = []
        let book = try storedHashes("book").first
        let bookRecord = try db.prepare("SELECT id, name, first_year FROM book").first {
            ChainRecord.book(id: try $0.int("id"), name: try $0.text("name"), firstYear: try $0.int("first_year"))
        }
        if let bookRecord, bookRecord.hash(after: ChainRecord.genesis) != book?.hash {
            found.append(Violation(check: "chain", detail: "the book row does not match its hash"))
        }
        for table in SQLiteStore.chainedTables where table != "entry" {
            let stored = try storedHashes(table)
            var index = 0
            var named = 0
            var previous = book?.hash ?? ChainRecord.genesis
            try forEachChainRecord(table) { id, record in
                let row = stored[index]
                index += 1
                defer { previous = row.hash ?? [] }
                guard row.hash != nil, record.hash(after: previous) == row.hash else {
                    named += 1
                    if named <= 20 {
                        found.append(Violation(check: "chain", detail: row.hash == nil
                            ? "\(table) \(id) has no hash"
                            : "\(table) \(id) does not match its hash: it or the row before it was changed after it was written"))
                    }
                    return
                }
            }
            if named > 20 { found.append(Violation(check: "chain", detail: "\(named - 20) more rows of \(table) do not match their hashes")) }
        }
        var entries = 0
        try entryChainBreaks(recomputed: false) { id, hasHash in
            entries += 1
            if entries <= 20 {
                found.append(Violation(check: "chain", detail: hasHash
                    ? "entry \(id) does not match its hash: it or the row before it was changed after it was written"
                    : "entry \(id) has no hash"))
            }
            return false
        }
        if entries > 20 { found.append(Violation(check: "chain", detail: "\(entries - 20) more rows of entry do not match their hashes")) }
        return found
    }

    /// The first entry whose hash differs from the chain recomputed from the book row on:
    /// where a rewrite of the entries begins.
    func firstRewrittenEntry() throws -> Int64? {
        var first: Int64?
        try entryChainBreaks(recomputed: true) { id, _ in
            first = id
            return true
        }
        return first
    }
}
