import Foundation

/// All SQL of fiscal lives in the storage layer: this type and its extensions, the SQLite
/// implementation of ``Store``. The operations and reports ask it for values and never see a
/// statement.
struct SQLiteStore {
    let db: Database

    init(db: Database) { self.db = db }

    // MARK: Transactions

    func write<T>(_ body: () throws -> T) throws -> T { try db.write(body) }
    func read<T>(_ body: () throws -> T) throws -> T { try db.read(body) }
    var isInTransaction: Bool { db.isInTransaction }

    // MARK: Schema

    func schemaVersion() throws -> Int {
        Int(try db.cached("PRAGMA user_version").first { try $0.int("user_version") } ?? 0)
    }

    func hasBookTable() throws -> Bool {
        try db.cached("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table' AND name = 'book'")
            .first { try $0.int("n") } == 1
    }

    func createSchema() throws { try db.execute(Schema.sql) }

    /// Brings an older book up to `Schema.version`, one recorded step at a time, inside the
    /// caller's transaction. A table's constraint is changed the way SQLite documents for it
    /// (ALTER TABLE §7): its stored SQL edited under `writable_schema`, and the schema cookie
    /// bumped so every connection reloads it.
    func migrate(from version: Int) throws {
        var v = version
        while v < Schema.version {
            guard let step = Schema.migrations[v] else {
                throw SQLiteError(code: 1, message: "no migration from schema version \(v)", sql: nil)
            }
            if !step.tableEdits.isEmpty {
                let cookie = try db.cached("PRAGMA schema_version").first { try $0.int("schema_version") } ?? 0
                try db.execute("PRAGMA writable_schema = ON")
                for edit in step.tableEdits {
                    let stored = try db.cached("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?")
                        .first([edit.table]) { try $0.text("sql") } ?? ""
                    guard stored.contains(edit.old) else {
                        try db.execute("PRAGMA writable_schema = OFF")
                        throw SQLiteError(code: 1, message: "table \(edit.table) is not as schema version \(v) declares it",
                                          sql: nil)
                    }
                    try db.cached("UPDATE sqlite_schema SET sql = ? WHERE type = 'table' AND name = ?")
                        .run([stored.replacingOccurrences(of: edit.old, with: edit.new), edit.table])
                }
                try db.execute("PRAGMA schema_version = \(cookie + 1)")
                try db.execute("PRAGMA writable_schema = OFF")
            }
            if step.fillsChain {
                // The rows are history already guarded against UPDATE: the guards step aside
                // inside this transaction, and come back from their text as stored.
                let guards = try db.prepare("""
                    SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND sql LIKE '%BEFORE UPDATE%'
                    """).rows { (try $0.text("name"), try $0.text("sql")) }
                for g in guards { try db.execute("DROP TRIGGER \(g.0)") }
                try fillChain()
                for g in guards { try db.execute(g.1) }
            }
            if !step.triggers.isEmpty {
                let declared = try Schema.declaredObjects()
                for name in step.triggers {
                    guard let object = declared.first(where: { $0.type == "trigger" && $0.name == name }), let sql = object.sql else {
                        throw SQLiteError(code: 1, message: "schema.sql declares no trigger \(name)", sql: nil)
                    }
                    try db.execute(sql)
                }
            }
            if !step.sql.isEmpty { try db.execute(step.sql) }
            v += 1
            try db.execute("PRAGMA user_version = \(v)")
        }
    }

    // MARK: Book and years

    func insertBook(name: String, firstYear: Int) throws {
        let hash = ChainRecord.book(id: 1, name: name, firstYear: Int64(firstYear)).hash(after: ChainRecord.genesis)
        try db.cached("INSERT INTO book (id, name, first_year, hash) VALUES (1, ?, ?, ?)").run([name, firstYear, hash])
    }

    func bookName() throws -> String {
        try db.cached("SELECT name FROM book WHERE id = 1").first { try $0.text("name") } ?? ""
    }

    func yearStatus(_ year: Int) throws -> YearStatus? {
        try db.cached("SELECT status FROM fiscal_year WHERE year = ?").first([year]) {
            try $0.decode("status", as: "a year status", YearStatus.init(rawValue:))
        }
    }

    func years() throws -> [(year: Int, closed: Bool)] {
        try db.cached("SELECT year, status FROM fiscal_year ORDER BY year").rows {
            (Int(try $0.int("year")), try $0.decode("status", as: "a year status", YearStatus.init(rawValue:)) == .closed)
        }
    }

    func insertYear(_ year: Int, date: Day, reason: String?) throws {
        try db.cached("INSERT INTO fiscal_year (year, status) VALUES (?, 'open')").run([year])
        try insertYearEvent(year, action: "open", date: date, reason: reason)
    }

    func setYearStatus(_ year: Int, closed: Bool) throws {
        try db.cached("UPDATE fiscal_year SET status = ? WHERE year = ?").run([closed ? "closed" : "open", year])
    }

    func insertYearEvent(_ year: Int, action: String, date: Day, reason: String?) throws {
        let id = try nextID("year_event")
        let hash = ChainRecord.yearEvent(id: id, year: Int64(year), action: action, date: date.description, reason: reason)
            .hash(after: try chainHead("year_event"))
        try db.cached("INSERT INTO year_event (id, year, action, date, reason, hash) VALUES (?, ?, ?, ?, ?, ?)")
            .run([id, year, action, date.description, reason, hash])
    }

    func yearEvents(_ year: Int) throws -> [(action: String, date: String, reason: String?)] {
        try db.cached("SELECT action, date, reason FROM year_event WHERE year = ? ORDER BY id")
            .rows([year]) { (try $0.text("action"), try $0.text("date"), try $0.optionalText("reason")) }
    }
}
