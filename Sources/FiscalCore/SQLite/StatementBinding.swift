import CSQLite

private let SQLITE_TRANSIENT = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// Positional binding without boxing, for bulk writes (an import of a million rows): each value
/// goes straight to SQLite, text as the bytes it already is, with no `String` in between.
///
///     let insert = try db.cached("INSERT INTO t (a, b) VALUES (?, ?)")
///     insert.clear()
///     insert.bind(1, 42)
///     insert.bind(2, utf8: bytes)
///     try insert.execute()
extension Statement {
    /// Resets the statement and unbinds every parameter (unbound parameters are NULL).
    func clear() {
        reset()
    }

    /// Every bind's result code is checked: a bind that fails (an index out of range, a
    /// statement in use) must stop the write, not leave a parameter NULL.
    private func check(_ rc: Int32) throws(SQLiteError) {
        guard rc == SQLITE_OK else { throw database.error(rc, sql: sql) }
    }

    /// Binds bytes as a BLOB, copied by SQLite.
    func bind(_ index: Int32, blob bytes: UnsafeRawBufferPointer) throws(SQLiteError) {
        try check(sqlite3_bind_blob(handle, index, bytes.baseAddress, Int32(bytes.count), SQLITE_TRANSIENT))
    }

    func bind(_ index: Int32, _ value: Int64) throws(SQLiteError) {
        try check(sqlite3_bind_int64(handle, index, value))
    }

    /// Binds UTF-8 text; SQLite copies the bytes, so the buffer need not outlive the call.
    /// An empty buffer binds the empty string, not NULL.
    func bind(_ index: Int32, utf8 bytes: UnsafeBufferPointer<UInt8>) throws(SQLiteError) {
        if let base = bytes.baseAddress, bytes.count > 0 {
            try check(base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                sqlite3_bind_text(handle, index, $0, Int32(bytes.count), SQLITE_TRANSIENT)
            })
        } else {
            try check(sqlite3_bind_text(handle, index, "", 0, SQLITE_TRANSIENT))
        }
    }

    /// Binds UTF-8 text without a copy (SQLITE_STATIC): the bytes must stay valid and
    /// unchanged until the statement has run. A bulk insert binds millions of texts, and
    /// copying each one (SQLITE_TRANSIENT) was a malloc and a free per field.
    func bind(_ index: Int32, borrowedUTF8 bytes: UnsafeBufferPointer<UInt8>) throws(SQLiteError) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return try bind(index, utf8: bytes) }
        try check(base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
            sqlite3_bind_text(handle, index, $0, Int32(bytes.count), nil)
        })
    }

    /// Binds text that lives for the whole program (a `StaticString`): no copy is made.
    func bind(_ index: Int32, static text: StaticString) throws(SQLiteError) {
        try check(text.utf8Start.withMemoryRebound(to: CChar.self, capacity: text.utf8CodeUnitCount) {
            sqlite3_bind_text(handle, index, $0, Int32(text.utf8CodeUnitCount), nil)
        })
    }

    /// Runs the bound statement once (no rows expected), then resets it for the next binding.
    func execute() throws(SQLiteError) {
        let rc = sqlite3_step(handle)
        guard rc == SQLITE_DONE || rc == SQLITE_ROW else {
            let error = database.error(rc, sql: sql)
            sqlite3_reset(handle)
            throw error
        }
        sqlite3_reset(handle)
    }
}

extension Statement {
    /// Runs the bound statement and says whether it gave a row, then resets it.
    func returnsRow() throws(SQLiteError) -> Bool {
        try stepOnce { _ in true } ?? false
    }

    /// Runs the bound statement and gives the first column of its first row as an integer.
    func firstInt() throws(SQLiteError) -> Int64? {
        try stepOnce { sqlite3_column_int64($0, 0) }
    }

    private func stepOnce<T>(_ read: (OpaquePointer) -> T) throws(SQLiteError) -> T? {
        let rc = sqlite3_step(handle)
        guard rc == SQLITE_DONE || rc == SQLITE_ROW else {
            let error = database.error(rc, sql: sql)
            sqlite3_reset(handle)
            throw error
        }
        let value = rc == SQLITE_ROW ? read(handle) : nil
        sqlite3_reset(handle)
        return value
    }
}
