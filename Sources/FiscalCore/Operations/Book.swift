import Foundation

/// An open book (账套): one department's ledger in one SQLite file. Every operation of the
/// core goes through here; the CLI never sees SQL.
public final class Book {
    let store: any Store
    public let path: String
    /// The schema version of the file when it is older than this fiscal's: a reader then
    /// reads an upgraded private copy (``open(at:access:onWait:)``), and `file` is the
    /// connection to the file itself. Nil for a current book.
    public let olderVersion: Int?
    let file: SQLiteStore?

    init(store: any Store, path: String, olderVersion: Int? = nil, file: SQLiteStore? = nil) {
        self.store = store
        self.path = path
        self.olderVersion = olderVersion
        self.file = file
    }

    /// Creates a new book; refuses to touch an existing file.
    public static func create(at path: String, name: String, year: Int, today: Day) throws(FiscalError) -> Book {
        let trimmed = name.trimmingWhitespace()
        guard !trimmed.isEmpty else { throw .invalidValue(field: "name", value: name, reason: "must not be empty") }
        try TextRules.check(String(trimmed), .name)
        guard (1900...9999).contains(year) else { throw .invalidValue(field: "year", value: "\(year)", reason: "not a year") }
        if path != ":memory:" && FileManager.default.fileExists(atPath: path) { throw .bookExists(path: path) }
        return try guarded {
            let store = SQLiteStore(db: try Database(path: path))
            try store.write {
                try store.createSchema()
                try store.insertBook(name: String(trimmed), firstYear: year)
                try store.insertYear(year, date: today, reason: "book created")
            }
            return Book(store: store, path: path)
        }
    }

    /// How a command uses the book: a reader never writes to the file (issue 12).
    public enum Access: Sendable { case read, write }

    /// Opens an existing book. The file's header is checked first and the book table looked
    /// for on a read-only connection, so a file that is not a book is refused unchanged.
    /// A writer then opens the book for writing (WAL) and migrates an older one. A reader
    /// never writes, not even to upgrade: it reads an older book through a private copy made
    /// in one read (SQLite's backup API) and migrated there, so every query sees the current
    /// schema whatever version the file has, on a read-only medium too. `onWait` is told
    /// once when a reader starts waiting for a writer that holds the whole book (an import).
    public static func open(at path: String, access: Access = .write,
                            onWait: (@Sendable () -> Void)? = nil) throws(FiscalError) -> Book {
        guard path == ":memory:" || FileManager.default.fileExists(atPath: path) else { throw .noBook(path: path) }
        if path != ":memory:" { try BookFile.checkHeader(path) }
        var store = try probe(path, access: path == ":memory:" ? .write : .read, onWait: onWait)
        let version = try bookVersion(store, path: path)
        if version > Schema.version { throw .newerSchema(path: path, found: version, supported: Schema.version) }
        if access == .write && path != ":memory:" {
            store = try probe(path, access: .write, onWait: nil)
            if version < Schema.version { try guarded { try store.write { try store.migrate(from: version) } } }
            // A consolidated book is built whole by `consolidate` and never recorded into.
            if try guarded({ try store.isConsolidated() }) { throw .consolidatedBook(path: path) }
        } else if version < Schema.oldestReadable {
            throw .refused("the book at \(path) has schema version \(version): open it once with a writing command to upgrade it")
        } else if version < Schema.version {
            let copy = try guarded {
                let copy = SQLiteStore(db: try store.read { try store.db.privateCopy() })
                try copy.write { try copy.migrate(from: version) }
                return copy
            }
            return Book(store: copy, path: path, olderVersion: version, file: store)
        }
        return Book(store: store, path: path)
    }

    /// A connection to a file about to be checked; a reader falls back to SQLite's immutable
    /// mode where the WAL index cannot be made (a read-only directory).
    private static func probe(_ path: String, access: Database.Access, onWait: (@Sendable () -> Void)?) throws(FiscalError) -> SQLiteStore {
        do {
            return SQLiteStore(db: access == .read ? try Database.reader(path: path, onWait: onWait)
                                                   : try Database(path: path, access: access, onWait: onWait))
        } catch {
            throw opening(error, path: path)
        }
    }

    private static func bookVersion(_ store: SQLiteStore, path: String) throws(FiscalError) -> Int {
        do {
            let version = try store.schemaVersion()
            guard try store.hasBookTable() else { throw FiscalError.notABook(path: path, reason: "it has no book table") }
            return version
        } catch {
            throw opening(error, path: path)
        }
    }

    /// An error met while opening: busy and damage in the project's words, else not a book.
    private static func opening(_ error: Error, path: String) -> FiscalError {
        switch error {
        case let error as FiscalError: error
        case let error as SQLiteError: FiscalError(error) ?? .notABook(path: path, reason: error.message)
        default: .notABook(path: path, reason: "\(error)")
        }
    }

    public func name() throws(FiscalError) -> String { try guarded { try store.bookName() } }

    /// The years of the book, oldest first.
    public func years() throws(FiscalError) -> [(year: Int, closed: Bool)] { try guarded { try store.years() } }
}

/// Runs storage work, turning SQLite's failures into the core's one error type.
func guarded<T>(_ body: () throws -> T) throws(FiscalError) -> T {
    do {
        return try body()
    } catch let error as FiscalError {
        throw error
    } catch let error as SQLiteError {
        throw FiscalError(error) ?? .storage(error)
    } catch {
        throw .refused("\(error)")
    }
}
