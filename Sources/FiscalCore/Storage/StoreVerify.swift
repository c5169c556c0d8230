/// One thing wrong with a book, as `fiscal verify` lists it.
public struct Violation: Sendable, Hashable, CustomStringConvertible {
    public var check: String
    public var detail: String
    public var description: String { "\(check): \(detail)" }
}

extension SQLiteStore {
    private func collect(_ check: String, _ sql: String, into found: inout [Violation],
                         _ detail: (Row) throws -> String) throws {
        try db.prepare(sql).forEach { found.append(Violation(check: check, detail: try detail($0))) }
    }

    /// SQLite's own checks: the file's structure (every page, every index against its table)
    /// and the foreign keys of every table but `posting`. The slowest part of `verify`, run on
    /// a connection of its own. The postings' keys are checked on the ledger scan's way
    /// (``LedgerScan``): it reads every posting anyway, and SQLite's check of two million
    /// postings against four parents was a seventh of this thread.
    func structuralViolations() throws -> [Violation] {
        var found: [Violation] = []
        func collect(_ check: String, _ sql: String, _ detail: (Row) throws -> String) throws {
            try self.collect(check, sql, into: &found, detail)
        }
        try collect("integrity", "PRAGMA integrity_check") { row in try row.text("integrity_check") }
        found.removeAll { $0.check == "integrity" && $0.detail == "ok" }
        let tables = try db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name <> 'posting' ORDER BY name")
            .rows { try $0.text("name") }
        for table in tables {
            try collect("foreign key", "PRAGMA foreign_key_check(\"\(table.replacingOccurrences(of: "\"", with: "\"\""))\")") { row in
                SQLiteStore.missingParent(table: try row.text("table"), row: try row.optionalInt("rowid"), parent: try row.text("parent"))
            }
        }
        return found
    }

    /// How a row whose foreign key names no row is listed, by SQLite's check or the scan's.
    static func missingParent(table: String, row: Int64?, parent: String) -> String {
        "\(table) row \(row.map(String.init) ?? "?") refers to a missing \(parent)"
    }

    /// The keys a posting may name that are not entries or projects (which the scan holds):
    /// the account codes, and each contract's project and number.
    func postingParents() throws -> (accounts: [String], contracts: [Int64: (project: Int64, number: String)]) {
        var contracts: [Int64: (project: Int64, number: String)] = [:]
        try db.prepare("SELECT id, project_id, number FROM contract").forEach {
            contracts[try $0.int("id")] = (try $0.int("project_id"), try $0.text("number"))
        }
        return (try db.prepare("SELECT code FROM account").rows { try $0.text("code") }, contracts)
    }

    /// The invariants of DESIGN §2 that the maintained totals answer directly.
    func totalsViolations() throws -> [Violation] {
        var found: [Violation] = []
        func collect(_ check: String, _ sql: String, _ detail: (Row) throws -> String) throws {
            try self.collect(check, sql, into: &found, detail)
        }
        try collect("resources ≠ status", """
            SELECT t.year, pr.code, sum(t.amount) AS sum FROM monthly_total t JOIN project pr ON pr.id = t.project_id
            GROUP BY t.year, t.project_id HAVING sum(t.amount) <> 0 ORDER BY t.year, pr.code
            """) { row in "project \(try row.text("code")) in \(try row.int("year")): resources − status = \(Money(fen: try row.int("sum"))), not 0" }
        try collect("open available after close", """
            SELECT t.year, pr.code, -sum(t.amount) AS available FROM monthly_total t
            JOIN project pr ON pr.id = t.project_id JOIN fiscal_year y ON y.year = t.year
            WHERE y.status = 'closed' AND t.account = 'available'
            GROUP BY t.year, t.project_id HAVING sum(t.amount) <> 0 ORDER BY t.year, pr.code
            """) { row in "project \(try row.text("code")) in closed year \(try row.int("year")) still has \(Money(fen: try row.int("available"))) available" }
        try collect("negative available", """
            WITH excused AS (
                SELECT DISTINCT e.year, p.project_id FROM entry e JOIN posting p ON p.entry_id = e.id
                WHERE e.overdraft = 1)
            SELECT t.year, pr.code, -sum(t.amount) AS available FROM monthly_total t JOIN project pr ON pr.id = t.project_id
            WHERE t.account = 'available' AND (t.year, t.project_id) NOT IN (SELECT year, project_id FROM excused)
            GROUP BY t.year, t.project_id HAVING sum(t.amount) > 0 ORDER BY t.year, pr.code
            """) { row in "project \(try row.text("code")) in \(try row.int("year")) has \(Money(fen: try row.int("available"))) available, below zero, with no overdraft recorded" }
        try collect("over the ceiling", """
            SELECT year, total(abs(amount)) AS held FROM monthly_total GROUP BY year
            HAVING total(abs(amount)) > \(Money.yearCeiling.fen) ORDER BY year
            """) { row in "year \(try row.int("year")) holds more than \(Money.yearCeiling) 元 of totals, the most a year may hold" }
        try collect("bad reversal", """
            SELECT r.id, r.reverses FROM entry r WHERE r.reverses IS NOT NULL AND EXISTS (
                SELECT account, project_id, coalesce(econ, ''), amount, coalesce(contract_id, 0) FROM posting WHERE entry_id = r.reverses
                EXCEPT SELECT account, project_id, coalesce(econ, ''), -amount, coalesce(contract_id, 0) FROM posting WHERE entry_id = r.id)
            ORDER BY r.id
            """) { row in "entry \(try row.int("id")) does not exactly undo entry \(try row.int("reverses"))" }
        try importBatchViolations(into: &found)
        return found
    }

    /// An import's record against the entries it posted (issue QA): the batch tables sit outside
    /// the hash chain and `import_batch_total` has no guard trigger, so a plain `UPDATE` could
    /// change the totals an office ties to the bank's list, or drop an undo, unnoticed. The
    /// entries are chained, so the record must agree with them: `posted` is the count of its
    /// consecutive entries, each kind's count and amount are those entries' (summed by the
    /// ledger scan, `LedgerScan.batchMismatches`: in SQL it was a join of every posting to its
    /// entry, as long as SQLite's integrity check), and an undo's reversals reverse
    /// the batch's entries — and a batch whose entries were reversed by `import undo` has its
    /// undo recorded.
    private func importBatchViolations(into found: inout [Violation]) throws {
        try collect("import batch", """
            SELECT id, posted, coalesce(last_entry - first_entry + 1, 0) AS entries FROM import_batch
            WHERE posted <> coalesce(last_entry - first_entry + 1, 0) ORDER BY id
            """, into: &found) { row in
            "batch \(try row.int("id")) records \(try row.int("posted")) posted rows, but its entries are \(try row.int("entries"))"
        }
        try collect("import batch", """
            SELECT DISTINCT u.batch_id AS batch FROM import_undo u JOIN import_batch b ON b.id = u.batch_id
            JOIN entry r ON r.id BETWEEN u.first_entry AND u.last_entry
            WHERE r.reverses IS NULL OR b.first_entry IS NULL OR r.reverses NOT BETWEEN b.first_entry AND b.last_entry
            ORDER BY u.batch_id
            """, into: &found) { row in
            "the undo of batch \(try row.int("batch")) lists entries that do not reverse the batch's entries"
        }
        try collect("import batch", """
            SELECT DISTINCT b.id AS batch FROM import_batch b
            JOIN entry e ON e.id BETWEEN b.first_entry AND b.last_entry JOIN entry r ON r.reverses = e.id
            WHERE r.memo LIKE 'undo import ' || b.id || ': %'
              AND NOT EXISTS (SELECT 1 FROM import_undo u WHERE u.batch_id = b.id)
            ORDER BY b.id
            """, into: &found) { row in
            "batch \(try row.int("batch")) was undone (its entries' reversals say so), but its undo is not recorded"
        }
    }

    /// Every entry's id, date and booked year, in id order: what the ledger scan of `verify`
    /// needs of entries.
    func forEachEntryHeader(_ body: (_ id: Int64, _ date: UnsafeBufferPointer<UInt8>, _ year: Int64,
                                     _ kind: UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        let statement = try db.prepare("SELECT id, date, year, kind FROM entry ORDER BY id")
        let (id, date, year, kind) = (try statement.column("id"), try statement.column("date"), try statement.column("year"),
                                      try statement.column("kind"))
        let none = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        try statement.forEach { row in
            let i = try row.int(id), y = try row.int(year)
            try row.withBytes(date) { d in try row.withBytes(kind) { try body(i, d ?? none, y, $0 ?? none) } }
        }
    }

    /// Every posting in the order it was written (the table's own order: one sequential read),
    /// its account and economic code as bytes: two million postings make no string.
    func forEachPostingRow(_ body: (PostingRow) throws -> Void) throws {
        let statement = try db.prepare("SELECT id, entry_id, project_id, account, econ, amount, contract_id FROM posting ORDER BY id")
        let c = try ["id", "entry_id", "project_id", "account", "econ", "amount", "contract_id"]
            .map { name throws(SQLiteError) in try statement.column(name) }
        let none = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        try statement.forEach { row in
            let id = try row.int(c[0]), e = try row.int(c[1]), p = try row.int(c[2]), a = try row.int(c[5])
            let contract = try row.optionalInt(c[6])
            try row.withBytes(c[3]) { account in
                try row.withBytes(c[4]) { econ in
                    try body(PostingRow(id: id, entry: e, project: p, account: account ?? none, econ: econ, amount: a, contract: contract))
                }
            }
        }
    }

    /// Every maintained total of every year, as stored, its texts as bytes (nothing per row
    /// is a string: a consolidated book holds millions).
    func forEachStoredTotal(_ body: (_ year: Int64, _ project: Int64, _ account: UnsafeBufferPointer<UInt8>,
                                     _ econ: UnsafeBufferPointer<UInt8>, _ month: Int64, _ amount: Int64,
                                     _ postings: Int64) throws -> Void) throws {
        let statement = try db.prepare("SELECT year, project_id, account, econ, month, amount, postings FROM monthly_total")
        let (year, project, account, econ, month, amount, postings) = (
            try statement.column("year"), try statement.column("project_id"), try statement.column("account"),
            try statement.column("econ"), try statement.column("month"), try statement.column("amount"),
            try statement.column("postings"))
        try statement.forEach { row in
            let y = try row.int(year), p = try row.int(project), m = try row.int(month), a = try row.int(amount),
                n = try row.int(postings)
            try row.withBytes(account) { accountBytes in
                try row.withBytes(econ) { econBytes in
                    let none = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
                    try body(y, p, accountBytes ?? none, econBytes ?? none, m, a, n)
                }
            }
        }
    }

    /// How many maintained totals the book holds (to size the scan's table).
    func monthlyTotalCount() throws -> Int {
        Int(try db.prepare("SELECT count(*) AS n FROM monthly_total").first { try $0.int("n") } ?? 0)
    }
}

/// A posting as the ledger scan reads it; its texts are valid only inside the call.
struct PostingRow {
    var id: Int64
    var entry: Int64
    var project: Int64
    var account: UnsafeBufferPointer<UInt8>
    var econ: UnsafeBufferPointer<UInt8>?
    var amount: Int64
    var contract: Int64?
}

extension SQLiteStore {
    /// Per project, the sum of one entry's postings (for an entry whose postings are not
    /// written together, which the sequential scan cannot sum on the way).
    func postingSums(entryID: Int64) throws -> [(project: Int64, sum: Int64)] {
        try db.cached("SELECT project_id, sum(amount) AS sum FROM posting WHERE entry_id = ? GROUP BY project_id ORDER BY project_id")
            .rows([entryID]) { (try $0.int("project_id"), try $0.int("sum")) }
    }
}

extension SQLiteStore {
    /// Every table, index and trigger of the book, as SQLite stores their text.
    func schemaObjects() throws -> [Schema.Object] {
        try db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name").rows {
            Schema.Object(type: try $0.text("type"), name: try $0.text("name"), table: try $0.text("tbl_name"), sql: try $0.optionalText("sql"))
        }
    }

    /// The book's schema against `schema.sql`: each table, index or trigger missing, altered
    /// (its text differs: a changed CHECK, a trigger rewritten through `writable_schema`) or
    /// added, by name; and a schema version other than the one the code reads.
    func schemaViolations() throws -> [Violation] {
        let declared = Dictionary(uniqueKeysWithValues: try Schema.declaredObjects().map { ("\($0.type) \($0.name)", $0) })
        let stored = Dictionary(uniqueKeysWithValues: try schemaObjects().map { ("\($0.type) \($0.name)", $0) })
        var found: [Violation] = []
        for key in declared.keys.sorted() {
            guard let object = stored[key] else {
                found.append(Violation(check: "schema", detail: "\(key) is missing"))
                continue
            }
            if object != declared[key] {
                found.append(Violation(check: "schema", detail: "\(key) differs from schema.sql"))
            }
        }
        for key in stored.keys.sorted() where declared[key] == nil {
            found.append(Violation(check: "schema", detail: "\(key) is not in schema.sql"))
        }
        let version = try schemaVersion()
        if version != Schema.version {
            found.append(Violation(check: "schema", detail: "version \(version), not \(Schema.version)"))
        }
        return found
    }
}
