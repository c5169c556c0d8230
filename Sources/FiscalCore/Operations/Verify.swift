import Foundation

extension Book {
    /// Every violated invariant of the book; empty when the book is sound. SQLite's own
    /// structural check (every page, every index against its table, the foreign keys) is the
    /// slowest part, so it runs on a second connection on the other core while this one scans
    /// the ledger once; a book in memory runs both here.
    ///
    /// An older book (``olderVersion``) is checked as its upgraded copy reads it: SQLite's
    /// structural check on the file, everything else on the copy, whose schema is exactly
    /// `schema.sql`'s unless the file's was altered (a dropped guard stays dropped).
    public func verify() throws(FiscalError) -> [Violation] {
        // Three independent reads, on three connections: the OS spreads them over the cores.
        let structural = BackgroundCheck.start(path: path) { try $0.structuralViolations() }
        let chain = olderVersion == nil ? BackgroundCheck.start(path: path) { try $0.chainViolations() } : nil
        let (schema, scan, fromTotals) = try guarded {
            try store.read { (try store.schemaViolations(), try LedgerScan.run(store: store), try store.totalsViolations()) }
        }
        func result(_ check: BackgroundCheck?, here: () throws -> [Violation]) throws(FiscalError) -> [Violation] {
            if let check { return try check.wait() }
            return try guarded { try store.read { try here() } }
        }
        let structure = try result(structural) { try store.structuralViolations() }
        let chained = try result(chain) { try store.chainViolations() }
        return structure + scan.keys + scan.batches + schema + chained + scan.byEntry + fromTotals + scan.contracts + scan.totals
    }
}

/// A read-only check of the whole book (SQLite's integrity check, the hash chain) on a
/// connection and thread of its own; a book in memory has no second connection and runs it
/// in place.
private final class BackgroundCheck: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<[Violation], FiscalError> = .success([])

    static func start(path: String, _ check: @escaping @Sendable (SQLiteStore) throws -> [Violation]) -> BackgroundCheck? {
        guard path != ":memory:" else { return nil }
        let background = BackgroundCheck()
        Thread.detachNewThread { background.run(path: path, check) }
        return background
    }

    private func run(path: String, _ check: (SQLiteStore) throws -> [Violation]) {
        do {
            result = .success(try guarded {
                let store = SQLiteStore(db: try Database.reader(path: path))
                return try store.read { try check(store) }
            })
        } catch {
            result = .failure(error)
        }
        done.signal()
    }

    func wait() throws(FiscalError) -> [Violation] {
        done.wait()
        return try result.get()
    }
}
