/// One thing wrong with a book, as `fiscal verify` lists it.
public struct Violation: Sendable, Hashable, CustomStringConvertible {
    public var check: String
    public var detail: String
    public var description: String { "\(check): \(detail)" }
}

extension SQLiteStore {
    /// Every invariant of DESIGN §2 checked against the raw tables, each failure as data.
    func violations() throws -> [Violation] {
        var found: [Violation] = []
        func collect(_ check: String, _ sql: String, _ detail: (Row) throws -> String) throws {
            try db.prepare(sql).forEach { found.append(Violation(check: check, detail: try detail($0))) }
        }
        try collect("integrity", "PRAGMA integrity_check") { row in try row.text("integrity_check") }
        found.removeAll { $0.check == "integrity" && $0.detail == "ok" }
        try collect("foreign key", "PRAGMA foreign_key_check") { row in
            "\(try row.text("table")) row \(try row.optionalInt("rowid").map(String.init) ?? "?") refers to a missing \(try row.text("parent"))"
        }
        try collect("unbalanced entry", """
            SELECT p.entry_id AS entry, pr.code, sum(p.amount) AS sum FROM posting p JOIN project pr ON pr.id = p.project_id
            GROUP BY p.entry_id, p.project_id HAVING sum(p.amount) <> 0 ORDER BY p.entry_id
            """) { row in "entry \(try row.int("entry")) project \(try row.text("code")) sums to \(Money(fen: try row.int("sum"))) instead of 0" }
        try collect("empty entry", """
            SELECT e.id FROM entry e WHERE NOT EXISTS (SELECT 1 FROM posting p WHERE p.entry_id = e.id) ORDER BY e.id
            """) { row in "entry \(try row.int("id")) has no postings" }
        try collect("wrong year", """
            SELECT id, date, year FROM entry WHERE year <> CAST(substr(date, 1, 4) AS INTEGER) ORDER BY id
            """) { row in "entry \(try row.int("id")) dated \(try row.text("date")) is booked in year \(try row.int("year"))" }
        try collect("resources ≠ status", """
            SELECT t.year, pr.code, sum(t.amount) AS sum FROM monthly_total t JOIN project pr ON pr.id = t.project_id
            GROUP BY t.year, t.project_id HAVING sum(t.amount) <> 0 ORDER BY t.year, pr.code
            """) { row in "project \(try row.text("code")) in \(try row.int("year")): resources − status = \(Money(fen: try row.int("sum"))), not 0" }
        try collect("open available after close", """
            SELECT t.year, pr.code, -sum(t.amount) AS available FROM monthly_total t
            JOIN project pr ON pr.id = t.project_id JOIN fiscal_year y ON y.year = t.year
            WHERE y.status = 'closed' AND t.account = 'available'
            GROUP BY t.year, t.project_id HAVING sum(t.amount) <> 0 ORDER BY t.year, pr.code
            """) { row in "project \(try row.text("code")) in closed year \(try row.int("year")) still has \(Money(fen: try row.int("available"))) available" }
        try collect("negative available", """
            WITH excused AS (
                SELECT DISTINCT e.year, p.project_id FROM entry e JOIN posting p ON p.entry_id = e.id
                WHERE e.overdraft = 1)
            SELECT t.year, pr.code, -sum(t.amount) AS available FROM monthly_total t JOIN project pr ON pr.id = t.project_id
            WHERE t.account = 'available' AND (t.year, t.project_id) NOT IN (SELECT year, project_id FROM excused)
            GROUP BY t.year, t.project_id HAVING sum(t.amount) > 0 ORDER BY t.year, pr.code
            """) { row in "project \(try row.text("code")) in \(try row.int("year")) has \(Money(fen: try row.int("available"))) available, below zero, with no overdraft recorded" }
        try collect("bad reversal", """
            SELECT r.id, r.reverses FROM entry r WHERE r.reverses IS NOT NULL AND EXISTS (
                SELECT account, project_id, coalesce(econ, ''), amount FROM posting WHERE entry_id = r.reverses
                EXCEPT SELECT account, project_id, coalesce(econ, ''), -amount FROM posting WHERE entry_id = r.id)
            ORDER BY r.id
            """) { row in "entry \(try row.int("id")) does not exactly undo entry \(try row.int("reverses"))" }
        try collect("totals ≠ postings", """
            WITH actual AS (
                SELECT e.year, p.project_id, p.account, coalesce(p.econ, '') AS econ,
                       CAST(substr(e.date, 6, 2) AS INTEGER) AS month, sum(p.amount) AS amount, count(*) AS n
                FROM posting p JOIN entry e ON e.id = p.entry_id
                GROUP BY 1, 2, 3, 4, 5),
            kept AS (SELECT year, project_id, account, econ, month, amount, postings AS n FROM monthly_total)
            SELECT d.year, coalesce(pr.code, '#' || d.project_id) AS code, d.account, d.econ, d.month FROM (
                SELECT * FROM (SELECT * FROM actual EXCEPT SELECT * FROM kept)
                UNION ALL
                SELECT * FROM (SELECT * FROM kept EXCEPT SELECT * FROM actual)) d
            LEFT JOIN project pr ON pr.id = d.project_id
            GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
            """) { row in
                "year \(try row.int("year")) project \(try row.text("code")) \(try row.text("account"))\(try row.text("econ").isEmpty ? "" : " econ \(try row.text("econ"))") month \(try row.int("month")): the maintained total differs from the postings"
            }
        return found
    }
}
