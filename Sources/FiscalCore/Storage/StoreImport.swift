/// The SQL of an import (`Book.importEvents`): what it reads once to seed its checks, and the
/// two prepared statements it runs per row, bound without boxing.
extension SQLiteStore {
    /// Whether any entry carries an external reference: when none does, an import need not
    /// look its references up at all.
    func hasRefs() throws -> Bool {
        try db.cached("SELECT EXISTS (SELECT 1 FROM entry WHERE ref IS NOT NULL) AS found").first { try $0.int("found") == 1 } ?? false
    }

    /// The entry with this external reference (UTF-8 bytes), through the unique index.
    func entryID(ref: UnsafeBufferPointer<UInt8>) throws -> Int64? {
        let statement = try db.cached("SELECT id FROM entry WHERE ref = ?")
        try statement.bind(1, utf8: ref)
        return try statement.firstInt()
    }

    /// Whether an entry has this external reference (UTF-8 bytes), through the unique index.
    func refExists(utf8 ref: UnsafeBufferPointer<UInt8>) throws -> Bool {
        let statement = try db.cached("SELECT 1 FROM entry WHERE ref = ?")
        try statement.bind(1, utf8: ref)
        return try statement.returnsRow()
    }

    /// The entry holding this external reference and the entry that reversed it, when it
    /// was reversed (an undone import's rows): such a ref is not "already in the book".
    func reversedEntry(ref: String) throws -> (entry: Int64, reversal: Int64)? {
        try db.cached("SELECT e.id AS id, r.id AS reversal FROM entry e JOIN entry r ON r.reverses = e.id WHERE e.ref = ?")
            .first([ref]) { (try $0.int("id"), try $0.int("reversal")) }
    }

    /// A year's available balance per project and economic code ('' for none), with whether
    /// the code received authority of its own (a resource posting tagged with it): what
    /// availability control starts from, read from the maintained totals — for one project,
    /// or for all of them.
    func availabilitySeed(year: Int, project: Int64?,
                          _ body: (_ projectID: Int64, _ econ: String, _ available: Int64, _ ownAuthority: Bool) -> Void) throws {
        let head = """
            SELECT project_id, econ, -sum(CASE WHEN account = 'available' THEN amount ELSE 0 END) AS available,
                   max(account IN ('carry-in', 'initial', 'addition', 'reduction', 'transfer', 'recall')) AS own
            FROM monthly_total WHERE year = ?
            """
        let each: (Row) throws -> Void = { row in
            body(try row.int("project_id"), try row.text("econ"), try row.int("available"), try row.int("own") == 1)
        }
        if let project {
            try db.cached(head + " AND project_id = ? GROUP BY econ").forEach([year, project], each)
        } else {
            try db.cached(head + " GROUP BY project_id, econ").forEach([year], each)
        }
    }

    /// Runs a bulk write (an import) with the connection set up for it, and back as it was
    /// after:
    /// - a page cache of `cacheKiB`, since the indexes it grows (the unique `ref`) are much
    ///   faster to update when their pages stay in memory (32 MiB holds a million entries'
    ///   refs; the import's whole budget is 150 MB);
    /// - temporary files in memory, since a multi-row INSERT keeps a statement journal that
    ///   SQLite otherwise spills to a temporary file past 64 KiB;
    /// - foreign keys not enforced row by row: every reference an import writes is to a row it
    ///   read or wrote inside the same write transaction (the book's projects, the chart's
    ///   accounts, entries it numbered itself, years it checked or opened), so the check could
    ///   not fail, and it was a fifth of the import's time. `verify` still checks every
    ///   foreign key of the whole book;
    /// - the rollback journal instead of WAL when no other connection is open: a large import
    ///   appends new pages, which a rollback journal need not copy, where WAL writes every page
    ///   twice (into the log, then back into the book).
    /// These pragmas only take effect outside a transaction, so a nested call leaves them be.
    func withBulkWriteSettings<T>(cacheKiB: Int, _ body: () throws -> T) throws -> T {
        let cache = Int(try db.cached("PRAGMA cache_size").first { try $0.int("cache_size") } ?? -2000)
        guard !db.isInTransaction else { return try body() }
        let temp = Int(try db.cached("PRAGMA temp_store").first { try $0.int("temp_store") } ?? 0)
        let wal = try db.prepare("PRAGMA journal_mode").first { try $0.text("journal_mode") } == "wal"
        try db.execute("PRAGMA cache_size = -\(cacheKiB); PRAGMA temp_store = MEMORY; PRAGMA foreign_keys = OFF")
        if wal { try? db.execute("PRAGMA journal_mode = TRUNCATE") }
        defer {
            if wal { try? db.execute("PRAGMA journal_mode = WAL") }
            try? db.execute("PRAGMA cache_size = \(cache); PRAGMA temp_store = \(temp); PRAGMA foreign_keys = ON")
        }
        return try body()
    }

    /// The id the next entry gets: an import numbers its entries itself, so that it can insert
    /// them many rows per statement and their postings after them. It holds the write lock.
    func nextEntryID() throws -> Int64 {
        try db.cached("SELECT coalesce(max(id), 0) + 1 AS next FROM entry").first { try $0.int("next") } ?? 1
    }

    /// Inserts entries, up to `bulkInsertRows` per statement. Texts are bound without a copy:
    /// the rows' bytes outlive the call, and each row's date gets its own ten bytes here.
    func insertEntries(_ rows: ArraySlice<ImportEntryRow>) throws {
        let dates = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, rows.count * 10))
        defer { dates.deallocate() }
        var n = 0
        try insertBatched(rows, "INSERT INTO entry (id, date, year, kind, doc, memo, ref, overdraft, hash, payee, payment_method) VALUES ",
                          columns: 11) { statement, row, p in
            let date = UnsafeMutableBufferPointer(rebasing: dates[(n * 10)..<(n * 10 + 10)])
            n += 1
            writeDate(row.date, into: date)
            try statement.bind(p, row.id)
            try statement.bind(p + 1, borrowedUTF8: UnsafeBufferPointer(date))
            try statement.bind(p + 2, Int64(row.date / 10_000))
            try statement.bind(p + 3, static: row.kind)
            if let doc = row.doc { try statement.bind(p + 4, borrowedUTF8: doc) }
            if let memo = row.memo { try statement.bind(p + 5, borrowedUTF8: memo) }
            if let ref = row.ref { try statement.bind(p + 6, borrowedUTF8: ref) }
            try statement.bind(p + 7, row.overdraft ? 1 : 0)
            try statement.bind(p + 8, blob: row.hash)
            if let payee = row.payee { try statement.bind(p + 9, borrowedUTF8: payee) }
            if let method = row.paymentMethod { try statement.bind(p + 10, borrowedUTF8: method) }
        }
    }

    /// Inserts postings, up to `Store.importBatch` per statement; their entries must exist.
    func insertPostings(_ rows: ArraySlice<ImportPostingRow>) throws {
        try insertBatched(rows, "INSERT INTO posting (entry_id, account, project_id, econ, amount, contract_id) VALUES ", columns: 6) { statement, row, p in
            try statement.bind(p, row.entry)
            try statement.bind(p + 1, static: row.account)
            try statement.bind(p + 2, row.project)
            if let econ = row.econ { try statement.bind(p + 3, borrowedUTF8: econ) }
            try statement.bind(p + 4, row.amount)
            if row.contract != 0 { try statement.bind(p + 5, row.contract) }
        }
    }

    /// Runs `head` followed by up to `Store.importBatch` rows of `columns` parameters per
    /// statement; `bind` binds one row from parameter `p` on.
    func insertBatched<Item>(_ rows: ArraySlice<Item>, _ head: String, columns: Int32, tail: String = "",
                                    _ bind: (Statement, Item, Int32) throws -> Void) throws {
        var rest = rows
        while !rest.isEmpty {
            let batch = rest.prefix(bulkInsertRows)
            rest = rest.dropFirst(batch.count)
            let statement = try db.cached(key: "bulk \(batch.count) \(head)\(tail)") {
                SQLiteStore.multiRowInsert(head, columns: Int(columns), rows: batch.count) + tail
            }
            statement.clear()
            var p: Int32 = 1
            for row in batch {
                try bind(statement, row, p)
                p += columns
            }
            try statement.execute()
        }
    }


    static func multiRowInsert(_ head: String, columns: Int, rows: Int) -> String {
        let row = "(" + Array(repeating: "?", count: columns).joined(separator: ", ") + ")"
        return head + Array(repeating: row, count: rows).joined(separator: ", ")
    }
}

/// Rows per INSERT of an import: enough to spread the cost of a statement over many rows,
/// few enough (11 × 256 parameters) to stay far below SQLite's limit of 32,766.
let bulkInsertRows = 256

/// An entry as an import writes it; the text is bytes that outlive the insert.
struct ImportEntryRow {
    var id: Int64
    /// yyyymmdd
    var date: Int32
    var kind: StaticString
    var doc: UnsafeBufferPointer<UInt8>?
    var memo: UnsafeBufferPointer<UInt8>?
    var ref: UnsafeBufferPointer<UInt8>?
    var payee: UnsafeBufferPointer<UInt8>?
    var paymentMethod: UnsafeBufferPointer<UInt8>?
    var overdraft: Bool
    /// Its link in the chain (``ChainRecord``), computed by the import in id order: 32 bytes
    /// the batch owns until it is flushed.
    var hash: UnsafeRawBufferPointer
}

struct ImportPostingRow {
    var entry: Int64
    var account: StaticString
    var project: Int64
    var econ: UnsafeBufferPointer<UInt8>?
    var amount: Int64
    /// 0: none (NULL).
    var contract: Int64 = 0
}

/// `yyyymmdd` as the ten bytes `YYYY-MM-DD` into `out`.
func writeDate(_ packed: Int32, into out: UnsafeMutableBufferPointer<UInt8>) {
    var y = Int(packed / 10_000), m = Int(packed / 100 % 100), d = Int(packed % 100)
    for k in stride(from: 3, through: 0, by: -1) { out[k] = UInt8(48 + y % 10); y /= 10 }
    out[4] = UInt8(ascii: "-"); out[7] = UInt8(ascii: "-")
    out[5] = UInt8(48 + m / 10); m %= 10; out[6] = UInt8(48 + m)
    out[8] = UInt8(48 + d / 10); d %= 10; out[9] = UInt8(48 + d)
}
