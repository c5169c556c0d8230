import CSQLite

private let SQLITE_TRANSIENT = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// A value SQLite stores: what can be bound and read back.
enum SQLValue: Sendable, Equatable {
    case null
    case integer(Int64)
    case text(String)
    case blob([UInt8])
}

protocol SQLBindable {
    var sqlValue: SQLValue { get }
}
extension Int64: SQLBindable { var sqlValue: SQLValue { .integer(self) } }
extension Int: SQLBindable { var sqlValue: SQLValue { .integer(Int64(self)) } }
extension String: SQLBindable { var sqlValue: SQLValue { .text(self) } }
extension Array: SQLBindable where Element == UInt8 { var sqlValue: SQLValue { .blob(self) } }
extension Bool: SQLBindable { var sqlValue: SQLValue { .integer(self ? 1 : 0) } }
extension Optional: SQLBindable where Wrapped: SQLBindable {
    var sqlValue: SQLValue { self?.sqlValue ?? .null }
}

/// A prepared statement; finalized when released.
final class Statement {
    let handle: OpaquePointer
    unowned let database: Database
    let sql: String

    init(database: Database, sql: String) throws(SQLiteError) {
        var stmt: OpaquePointer?
        let rc = sqlite3_prepare_v2(database.handle, sql, -1, &stmt, nil)
        guard rc == SQLITE_OK, let stmt else { throw database.error(rc, sql: sql) }
        handle = stmt
        self.database = database
        self.sql = sql
    }

    deinit { sqlite3_finalize(handle) }

    /// A result column by name, checked once, for reading many rows without a look-up each.
    func column(_ name: String) throws(SQLiteError) -> Column {
        guard let i = columnIndex[name] else {
            throw SQLiteError(code: SQLITE_MISUSE, message: "no column \(name) in the result", sql: sql)
        }
        return Column(name: name, index: i)
    }

    /// Result columns by name (the `AS` name where the SQL gives one), for ``Row``.
    private(set) lazy var columnIndex: [String: Int32] = {
        var names: [String: Int32] = [:]
        for i in 0..<sqlite3_column_count(handle) {
            if let name = sqlite3_column_name(handle, i) { names[String(cString: name)] = i }
        }
        return names
    }()

    func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    func bind(_ values: [SQLBindable?]) throws(SQLiteError) {
        reset()
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let rc: Int32
            switch value?.sqlValue ?? .null {
            case .null: rc = sqlite3_bind_null(handle, index)
            case .integer(let v): rc = sqlite3_bind_int64(handle, index, v)
            case .text(let s): rc = sqlite3_bind_text(handle, index, s, -1, SQLITE_TRANSIENT)
            case .blob(let b): rc = b.withUnsafeBytes { sqlite3_bind_blob(handle, index, $0.baseAddress, Int32($0.count), SQLITE_TRANSIENT) }
            }
            guard rc == SQLITE_OK else { throw database.error(rc, sql: sql) }
        }
    }

    /// Runs a statement that returns no rows.
    func run(_ values: [SQLBindable?] = []) throws(SQLiteError) {
        try bind(values)
        let rc = sqlite3_step(handle)
        defer { sqlite3_reset(handle) }
        guard rc == SQLITE_DONE || rc == SQLITE_ROW else { throw database.error(rc, sql: sql) }
    }

    /// Calls `body` for each row; the row is only valid inside the call.
    func forEach(_ values: [SQLBindable?] = [], _ body: (Row) throws -> Void) throws {
        try bind(values)
        defer { sqlite3_reset(handle) }
        while true {
            let rc = sqlite3_step(handle)
            if rc == SQLITE_DONE { return }
            guard rc == SQLITE_ROW else { throw database.error(rc, sql: sql) }
            try body(Row(handle: handle, statement: self))
        }
    }

    /// The next row, or nil when done: for walking two ordered reads side by side (a merge).
    /// The row is valid until the next step; ``reset()`` after the walk.
    func step() throws(SQLiteError) -> Row? {
        let rc = sqlite3_step(handle)
        if rc == SQLITE_DONE { return nil }
        guard rc == SQLITE_ROW else { throw database.error(rc, sql: sql) }
        return Row(handle: handle, statement: self)
    }

    func rows<T>(_ values: [SQLBindable?] = [], _ transform: (Row) throws -> T) throws -> [T] {
        var result: [T] = []
        try forEach(values) { result.append(try transform($0)) }
        return result
    }

    func first<T>(_ values: [SQLBindable?] = [], _ transform: (Row) throws -> T) throws -> T? {
        try bind(values)
        defer { sqlite3_reset(handle) }
        let rc = sqlite3_step(handle)
        if rc == SQLITE_DONE { return nil }
        guard rc == SQLITE_ROW else { throw database.error(rc, sql: sql) }
        return try transform(Row(handle: handle, statement: self))
    }
}

/// A result column of a statement, found by name.
struct Column {
    let name: String
    let index: Int32
}

/// The current row of a stepping statement, read by column name. A value that is not what
/// the column must hold — a NULL where a value belongs, a text no domain type reads — throws
/// instead of trapping: a book edited behind fiscal's back must give an error, not a crash.
struct Row {
    let handle: OpaquePointer
    unowned let statement: Statement

    func index(_ name: String) throws(SQLiteError) -> Int32 { try statement.column(name).index }

    /// A column's value in a hot loop, its name resolved once (``Statement/column(_:)``).
    func int(_ column: Column) throws(SQLiteError) -> Int64 {
        guard sqlite3_column_type(handle, column.index) == SQLITE_INTEGER else {
            let text = sqlite3_column_text(handle, column.index).map { String(cString: $0) } ?? "NULL"
            throw badValue(column.name, text, "an integer")
        }
        return sqlite3_column_int64(handle, column.index)
    }

    /// A text column's UTF-8 bytes, valid inside `body`; nil for NULL.
    func withBytes<T>(_ column: Column, _ body: (UnsafeBufferPointer<UInt8>?) throws -> T) rethrows -> T {
        guard sqlite3_column_type(handle, column.index) != SQLITE_NULL, let p = sqlite3_column_text(handle, column.index) else {
            return try body(nil)
        }
        return try body(UnsafeBufferPointer(start: p, count: Int(sqlite3_column_bytes(handle, column.index))))
    }

    func optionalInt(_ column: Column) throws(SQLiteError) -> Int64? {
        sqlite3_column_type(handle, column.index) == SQLITE_NULL ? nil : try int(column)
    }

    /// A BLOB column's bytes, valid inside `body`; nil for NULL or another type.
    func withBlob<T>(_ column: Column, _ body: (UnsafeRawBufferPointer?) throws -> T) rethrows -> T {
        guard sqlite3_column_type(handle, column.index) == SQLITE_BLOB, let p = sqlite3_column_blob(handle, column.index) else {
            return try body(nil)
        }
        return try body(UnsafeRawBufferPointer(start: p, count: Int(sqlite3_column_bytes(handle, column.index))))
    }

    func isNull(_ name: String) throws(SQLiteError) -> Bool { sqlite3_column_type(handle, try index(name)) == SQLITE_NULL }

    func int(_ name: String) throws(SQLiteError) -> Int64 {
        guard let value = try optionalInt(name) else { throw badValue(name, "NULL", "an integer") }
        return value
    }

    func text(_ name: String) throws(SQLiteError) -> String {
        guard let value = try optionalText(name) else { throw badValue(name, "NULL", "a text") }
        return value
    }

    func optionalInt(_ name: String) throws(SQLiteError) -> Int64? {
        let i = try index(name)
        switch sqlite3_column_type(handle, i) {
        case SQLITE_NULL: return nil
        case SQLITE_INTEGER: return sqlite3_column_int64(handle, i)
        default: throw badValue(name, String(cString: sqlite3_column_text(handle, i)), "an integer")
        }
    }

    /// A BLOB column's bytes; nil for NULL or a value of another type.
    func optionalBlob(_ name: String) throws(SQLiteError) -> [UInt8]? {
        let i = try index(name)
        guard sqlite3_column_type(handle, i) == SQLITE_BLOB, let p = sqlite3_column_blob(handle, i) else { return nil }
        return Array(UnsafeRawBufferPointer(start: p, count: Int(sqlite3_column_bytes(handle, i))))
    }

    func optionalText(_ name: String) throws(SQLiteError) -> String? {
        let i = try index(name)
        guard sqlite3_column_type(handle, i) != SQLITE_NULL, let p = sqlite3_column_text(handle, i) else { return nil }
        return String(cString: p)
    }

    /// A column read through a domain type's parser (`Account(rawValue:)`, `Day.init`, …).
    func decode<T>(_ name: String, as what: String, _ parse: (String) -> T?) throws(SQLiteError) -> T {
        let raw = try text(name)
        guard let value = parse(raw) else { throw badValue(name, raw, what) }
        return value
    }

    func optionalDecode<T>(_ name: String, as what: String, _ parse: (String) -> T?) throws(SQLiteError) -> T? {
        guard let raw = try optionalText(name) else { return nil }
        guard let value = parse(raw) else { throw badValue(name, raw, what) }
        return value
    }

    func badValue(_ name: String, _ value: String, _ what: String) -> SQLiteError {
        SQLiteError(code: SQLITE_MISMATCH, message: "column \(name) holds '\(value.prefix(40))', not \(what)", sql: statement.sql)
    }
}
