import Foundation

/// An open book (账套): one department's ledger in one SQLite file. Every operation of the
/// core goes through here; the CLI never sees SQL.
public final class Book {
    let store: any Store
    public let path: String

    init(store: any Store, path: String) {
        self.store = store
        self.path = path
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

    /// Opens an existing book, migrating an older one and refusing one from a newer fiscal.
    public static func open(at path: String) throws(FiscalError) -> Book {
        guard path == ":memory:" || FileManager.default.fileExists(atPath: path) else { throw .noBook(path: path) }
        let store: SQLiteStore
        let version: Int
        do {
            store = SQLiteStore(db: try Database(path: path, create: false))
            version = try store.schemaVersion()
        } catch {
            throw .notABook(path: path, reason: "\(error)")
        }
        if version > Schema.version { throw .newerSchema(path: path, found: version, supported: Schema.version) }
        do {
            guard try store.hasBookTable() else { throw FiscalError.notABook(path: path, reason: "it has no book table") }
            if version < Schema.version { try store.write { try store.migrate(from: version) } }
        } catch let error as FiscalError {
            throw error
        } catch {
            throw .notABook(path: path, reason: "\(error)")
        }
        return Book(store: store, path: path)
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
        throw .storage(error)
    } catch {
        throw .refused("\(error)")
    }
}
