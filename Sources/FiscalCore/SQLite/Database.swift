import CSQLite
import Foundation

/// One SQLite connection, opened the way its use needs (issue 12):
///
/// - a **reader** opens the file read-only: no journal-mode change, no write of any kind, so
///   it works on a book in a read-only file or directory, and never alters a file that turns
///   out not to be a book. It waits for a writer that holds the book (an import) as long as
///   that takes, telling `onWait` once when it starts waiting.
/// - a **writer** sets WAL (readers read beside it) and waits up to `writerTimeout` for
///   another writer, then fails with SQLITE_BUSY, which the core words as "the book is busy".
final class Database {
    /// `readImmutable`: a book on a read-only medium whose WAL index cannot be created
    /// (SQLite's `immutable=1`: nobody can be writing it there).
    enum Access { case read, readImmutable, write, create }

    let handle: OpaquePointer
    let path: String
    private var statementCache: [String: Statement] = [:]
    private var checksSuspended = false
    private let waiting: BusyWait
    /// The file among this process's open books (nil: in memory, or a private temporary one).
    private let file: OpenBookFiles.FileID?

    /// How long a writer waits for another writer, in milliseconds (`FISCAL_BUSY_TIMEOUT`
    /// overrides it, for tests).
    static var writerTimeout: Int {
        ProcessInfo.processInfo.environment["FISCAL_BUSY_TIMEOUT"].flatMap(Int.init) ?? 60_000
    }

    init(path: String, access: Access = .create, onWait: (@Sendable () -> Void)? = nil) throws(SQLiteError) {
        var db: OpaquePointer?
        var flags = SQLITE_OPEN_NOMUTEX
        switch access {
        case .read: flags |= SQLITE_OPEN_READONLY
        case .readImmutable: flags |= SQLITE_OPEN_READONLY | SQLITE_OPEN_URI
        case .write: flags |= SQLITE_OPEN_READWRITE
        case .create: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
        }
        let name = access == .readImmutable ? Database.immutableURI(path) : path
        let file = path == ":memory:" || path.isEmpty ? nil : OpenBookFiles.shared.opening(path, writer: access == .write || access == .create)
        let rc = sqlite3_open_v2(name, &db, flags, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            if let db { sqlite3_close_v2(db) }
            if let file { OpenBookFiles.shared.closed(file, path: path) }
            throw SQLiteError(code: rc, message: message, sql: nil)
        }
        handle = db
        self.file = file
        self.path = path
        waiting = BusyWait(timeoutMS: access == .read || access == .readImmutable ? nil : Database.writerTimeout, onWait: onWait)
        sqlite3_extended_result_codes(db, 1)
        sqlite3_busy_handler(db, { context, count in
            Unmanaged<BusyWait>.fromOpaque(context!).takeUnretainedValue().shouldRetry(count: Int(count))
        }, Unmanaged.passUnretained(waiting).toOpaque())
        try execute("PRAGMA foreign_keys = ON")
        if path != ":memory:" && !path.isEmpty && (access == .write || access == .create) {
            try execute("PRAGMA journal_mode = WAL")
            try execute("PRAGMA synchronous = NORMAL")
        }
    }

    /// A read-only connection that has read the header; on a read-only medium where SQLite
    /// cannot make the WAL index, an immutable one.
    static func reader(path: String, onWait: (@Sendable () -> Void)? = nil) throws(SQLiteError) -> Database {
        do {
            let db = try Database(path: path, access: .read, onWait: onWait)
            try db.execute("SELECT count(*) FROM sqlite_schema")
            return db
        } catch where error.code == Database.readOnlyRollback {
            // A write was killed midway (an import in rollback-journal mode): its hot journal
            // must be played back before anyone reads. An immutable reader would ignore it and
            // read half a transaction — the import's dropped triggers, its first pages. Playing
            // it back restores the book as it was before that write, as any writer would.
            try rollBackInterruptedWrite(path)
            let db = try Database(path: path, access: .read, onWait: onWait)
            try db.execute("SELECT count(*) FROM sqlite_schema")
            return db
        } catch where [SQLITE_CANTOPEN, SQLITE_READONLY].contains(error.primaryCode) {
            return try Database(path: path, access: .readImmutable, onWait: onWait)
        }
    }

    /// SQLITE_READONLY_ROLLBACK: a read-only connection found a hot journal it cannot play back.
    static let readOnlyRollback: Int32 = SQLITE_READONLY | (3 << 8)

    /// Plays back the hot journal an interrupted write left, on a read-write connection that
    /// changes nothing else (no journal mode, no statement but a read of the schema).
    private static func rollBackInterruptedWrite(_ path: String) throws(SQLiteError) {
        var db: OpaquePointer?
        defer { if let db { sqlite3_close_v2(db) } }
        var rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nil)
        if rc == SQLITE_OK, let db {
            sqlite3_busy_timeout(db, Int32(Database.writerTimeout))
            rc = sqlite3_exec(db, "SELECT count(*) FROM sqlite_schema", nil, nil, nil)
        }
        guard rc == SQLITE_OK else {
            throw SQLiteError(code: SQLITE_CORRUPT, message: "a write to it was interrupted and its journal \(path)-journal "
                + "cannot be played back here; run a writing command where the file can be written", sql: nil)
        }
    }

    static func immutableURI(_ path: String) -> String {
        var uri = "file:"
        for byte in path.utf8 {
            if byte >= 0x80 || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#") || byte == UInt8(ascii: "%") {
                uri += String(format: "%%%02X", byte)
            } else {
                uri.unicodeScalars.append(Unicode.Scalar(byte))
            }
        }
        return uri + "?immutable=1"
    }

    convenience init(path: String, create: Bool) throws(SQLiteError) {
        try self.init(path: path, access: create ? .create : .write)
    }

    deinit {
        statementCache.removeAll()
        sqlite3_close_v2(handle)
        if let file { OpenBookFiles.shared.closed(file, path: path) }
    }

    /// A private copy of this database in a temporary one of its own (SQLite's unnamed file:
    /// on disk as it grows, removed when closed), made through the backup API in one read.
    /// A reader of an older book reads an upgraded copy: the file is never written.
    func privateCopy() throws(SQLiteError) -> Database {
        let copy = try Database(path: "", access: .create)
        try backup(into: copy)
        return copy
    }

    func error(_ rc: Int32, sql: String?) -> SQLiteError {
        SQLiteError(code: sqlite3_extended_errcode(handle), message: String(cString: sqlite3_errmsg(handle)), sql: sql)
    }

    /// Runs one or more statements that return no rows.
    func execute(_ sql: String) throws(SQLiteError) {
        var message: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &message)
        if rc != SQLITE_OK {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(handle))
            sqlite3_free(message)
            throw SQLiteError(code: sqlite3_extended_errcode(handle), message: text, sql: sql)
        }
    }

    /// A prepared statement, reused across calls: bulk writes pay for parsing once.
    func cached(_ sql: String) throws(SQLiteError) -> Statement {
        if let statement = statementCache[sql] {
            statement.reset()
            return statement
        }
        let statement = try Statement(database: self, sql: sql)
        statementCache[sql] = statement
        return statement
    }

    /// A prepared statement cached under a short key, its SQL made only on first use: a bulk
    /// insert's SQL is kilobytes long, and hashing it for every batch showed in profiles.
    func cached(key: String, _ makeSQL: () -> String) throws(SQLiteError) -> Statement {
        if let statement = statementCache[key] {
            statement.reset()
            return statement
        }
        let statement = try Statement(database: self, sql: makeSQL())
        statementCache[key] = statement
        return statement
    }

    func prepare(_ sql: String) throws(SQLiteError) -> Statement {
        try Statement(database: self, sql: sql)
    }

    var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }
    var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    /// Runs `body` in one IMMEDIATE transaction: committed when it returns, rolled back on
    /// the first error it throws. Nested calls join the outer transaction.
    func write<T, E: Error>(_ body: () throws(E) -> T) throws -> T {
        if isInTransaction { return try body() }
        try execute("BEGIN IMMEDIATE")
        defer { resumeChecks() }
        do {
            let value = try body()
            try execute("COMMIT")
            return value
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    /// Turns SQLite's CHECK constraints off until ``resumeChecks()`` or the end of this write
    /// transaction, committed or rolled back, whichever comes first: for a bulk write whose
    /// every value comes from the domain types the constraints repeat (an import's dates,
    /// kinds, interned codes). Evaluating them was a fifth of the import's writer. They stay
    /// in the schema for every other writer, and `PRAGMA integrity_check`, which `verify`
    /// runs, still checks every row against them.
    func suspendChecks() throws(SQLiteError) {
        precondition(isInTransaction, "checks may only be suspended inside a write transaction")
        try execute("PRAGMA ignore_check_constraints = ON")
        checksSuspended = true
    }

    func resumeChecks() {
        guard checksSuspended else { return }
        try? execute("PRAGMA ignore_check_constraints = OFF")
        checksSuspended = false
    }

    /// Reads inside one DEFERRED transaction, so a multi-query report sees one snapshot.
    func read<T, E: Error>(_ body: () throws(E) -> T) throws -> T {
        if isInTransaction { return try body() }
        try execute("BEGIN DEFERRED")
        defer { try? execute("COMMIT") }
        return try body()
    }
}

/// SQLite's busy handler: sleeps a little longer each time, tells whoever waits once, and
/// gives up after the timeout (never, for a reader).
final class BusyWait: @unchecked Sendable {
    let timeoutMS: Int?
    let onWait: (@Sendable () -> Void)?
    private var waitedMS = 0
    private var told = false

    init(timeoutMS: Int?, onWait: (@Sendable () -> Void)?) {
        self.timeoutMS = timeoutMS
        self.onWait = onWait
    }

    func shouldRetry(count: Int) -> Int32 {
        if count == 0 { waitedMS = 0 }
        if let timeoutMS, waitedMS >= timeoutMS { return 0 }
        let step = min(100, 1 << min(count, 7))
        if waitedMS >= 500 && !told { told = true; onWait?() }
        usleep(useconds_t(step * 1_000))
        waitedMS += step
        return 1
    }
}

extension Database {
    /// Copies the whole database into a new file with SQLite's online backup API, a few
    /// hundred pages at a time: others keep reading and writing meanwhile, and the copy is
    /// one consistent moment of the book (a write in between makes SQLite start over).
    func backup(to path: String) throws(SQLiteError) {
        try backup(into: try Database(path: path, access: .create))
    }

    private func backup(into target: Database) throws(SQLiteError) {
        guard let backup = sqlite3_backup_init(target.handle, "main", handle, "main") else {
            throw target.error(sqlite3_errcode(target.handle), sql: nil)
        }
        var rc: Int32
        repeat {
            rc = sqlite3_backup_step(backup, 256)
            if rc == SQLITE_BUSY || rc == SQLITE_LOCKED { usleep(20_000) }
        } while rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED
        sqlite3_backup_finish(backup)
        guard rc == SQLITE_DONE else { throw SQLiteError(code: rc, message: String(cString: sqlite3_errstr(rc)), sql: nil) }
    }
}
