import Foundation

extension Book {
    /// Every violated invariant of the book; empty when the book is sound. SQLite's own
    /// structural check (every page, every index against its table, every foreign key) is the
    /// slowest part, so it runs on a second connection on the other core while this one scans
    /// the ledger once; a book in memory runs both here.
    public func verify() throws(FiscalError) -> [Violation] {
        let structural = StructuralCheck.start(path: path)
        let (schema, byEntry, totals, fromTotals) = try guarded {
            try store.read {
                let schema = try store.schemaViolations() + store.chainViolations()
                let scan = try LedgerScan(store: store).violations()
                return (schema, scan.byEntry, scan.totals, try store.totalsViolations())
            }
        }
        let structure: [Violation]
        if let structural { structure = try structural.wait() }
        else { structure = try guarded { try store.read { try store.structuralViolations() } } }
        return structure + schema + byEntry + fromTotals + totals
    }
}

/// `PRAGMA integrity_check` and `foreign_key_check` on a connection and thread of their own.
private final class StructuralCheck: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<[Violation], FiscalError> = .success([])

    static func start(path: String) -> StructuralCheck? {
        guard path != ":memory:" else { return nil }
        let check = StructuralCheck()
        Thread.detachNewThread { check.run(path: path) }
        return check
    }

    private func run(path: String) {
        do {
            result = .success(try guarded {
                let store = SQLiteStore(db: try Database.reader(path: path))
                return try store.read { try store.structuralViolations() }
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
