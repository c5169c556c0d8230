import Foundation
@testable import FiscalCore

/// A demo book in a temp file, and independent sums straight from the postings (not from the
/// maintained totals the reports read), to check reports against.
struct DemoFixture {
    let book: Book
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("demo-\(UUID().uuidString).db").path
        book = try Book.createDemo(at: path, force: false, today: Day("2024-01-15")!)
    }

    func remove() {
        for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + s) }
    }

    /// Σ amount of postings on `account` of a project (or all) dated on or before `asOf`.
    func rawSum(account: String, project: String? = nil, through asOf: String, fromMonth: String? = nil) throws -> Int64 {
        let db = try Database(path: path, create: false)
        var sql = """
            SELECT coalesce(sum(p.amount), 0) AS s FROM posting p JOIN entry e ON e.id = p.entry_id
            JOIN project pr ON pr.id = p.project_id
            WHERE p.account = ? AND e.date <= ? AND e.year = CAST(substr(?, 1, 4) AS INTEGER)
            """
        var values: [SQLBindable?] = [account, asOf, asOf]
        if let project { sql += " AND pr.code = ?"; values.append(project) }
        if let fromMonth { sql += " AND e.date >= ?"; values.append(fromMonth) }
        return try db.prepare(sql).first(values) { try $0.int("s") } ?? 0
    }
}
