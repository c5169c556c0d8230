import CSQLite

/// A failure reported by SQLite, with what GRDB's `DatabaseError` keeps: the extended result
/// code, SQLite's message, and the statement that was running.
public struct SQLiteError: Error, CustomStringConvertible, Sendable {
    public var code: Int32
    public var message: String
    public var sql: String?

    public var description: String {
        var text = "SQLite error \(code): \(message)"
        if let sql { text += " - while executing `\(sql)`" }
        return text
    }

    /// The primary result code (`SQLITE_CONSTRAINT` for every constraint failure, …).
    public var primaryCode: Int32 { code & 0xFF }

    /// Constraint failures raised by our own triggers carry their message as written in schema.sql.
    public var isConstraint: Bool { primaryCode == SQLITE_CONSTRAINT }
}
