import Testing

@testable import FiscalCore

/// The schema defends the history by itself: even a tool that is not fiscal, writing raw SQL
/// to the file, cannot rewrite entries or post into a closed year.
@Suite("Triggers")
struct TriggerTests {
    let t: TempBook
    init() throws {
        t = try TempBook()
        try t.record(.appropriate(project: "JD01", amount: fen(100_000), econ: nil), on: "2023-01-10")
        try t.record(.pay(project: "JD01", amount: fen(20_000), econ: econ("30201")), on: "2023-02-10")
    }

    /// Runs raw SQL on a second connection and returns SQLite's refusal.
    private func rawFailure(_ sql: String) throws -> SQLiteError? {
        let raw = try t.raw()
        do { try raw.execute(sql); return nil } catch { return error }
    }

    @Test(arguments: [
        ("UPDATE entry SET memo = 'changed' WHERE id = 1", "entries are append-only: post a reversal instead"),
        ("UPDATE entry SET date = '2023-01-11'", "entries are append-only: post a reversal instead"),
        ("DELETE FROM entry WHERE id = 2", "entries are append-only: post a reversal instead"),
        ("UPDATE posting SET amount = amount * 2 WHERE entry_id = 2", "postings are append-only: post a reversal instead"),
        ("DELETE FROM posting", "postings are append-only: post a reversal instead"),
        ("DELETE FROM posting WHERE entry_id = 2", "postings are append-only: post a reversal instead"),
        ("UPDATE year_event SET reason = 'x'", "year history is append-only"),
        ("DELETE FROM year_event", "year history is append-only"),
        // INSERT OR REPLACE deletes the row it conflicts with and fires no DELETE trigger (issue 12).
        ("INSERT OR REPLACE INTO posting (id, entry_id, account, project_id, econ, amount) SELECT id, entry_id, account, project_id, econ, amount * 2 FROM posting WHERE entry_id = 2",
         "postings are append-only: post a reversal instead"),
        ("INSERT OR REPLACE INTO entry (id, date, year, kind, doc, memo) VALUES (1, '2023-01-10', 2023, 'appropriate', '假文号', '改过的摘要')",
         "entries are append-only: post a reversal instead"),
        ("REPLACE INTO year_event (id, year, action, date, reason) VALUES (1, 2023, 'open', '2023-01-01', 'rewritten')", "year history is append-only"),
        ("UPDATE project SET kind = 'personnel' WHERE code = 'JD01'", "a project changes only its status, with a recorded event"),
        ("UPDATE project SET name = '别的项目' WHERE code = 'JD01'", "a project changes only its status, with a recorded event"),
        ("UPDATE project SET status = 'completed' WHERE code = 'JD01'", "a project changes only its status, with a recorded event"),
        ("INSERT OR REPLACE INTO project (id, code, name, kind, fund) VALUES (1, 'JD01', '禁毒', 'personnel', 'general')", "a project is never removed"),
        ("DELETE FROM project WHERE code = 'ZX02'", "a project is never removed"),
        ("UPDATE book SET name = '别的局'", "the book row is never changed"),
        ("INSERT OR REPLACE INTO book (id, name, first_year) VALUES (1, '别的局', 2023)", "the book row is never changed"),
        ("UPDATE fiscal_year SET status = 'closed'", "a year changes status only with a recorded close or reopen"),
        ("DELETE FROM fiscal_year", "a year is never removed"),
        ("INSERT OR REPLACE INTO fiscal_year (year, status) VALUES (2023, 'closed')", "a year is never removed"),
    ])
    func historyCannotBeRewritten(_ sql: String, _ message: String) throws {
        let before = try t.snapshot()
        let error = try #require(try rawFailure(sql), "`\(sql)` was allowed")
        #expect(error.isConstraint)
        #expect(error.message == message)
        #expect(try t.snapshot() == before)
    }

    @Test func nothingIsInsertedIntoAClosedYear() throws {
        #expect(try rawFailure("INSERT INTO year_event (year, action, date) VALUES (2023, 'close', '2023-12-31'); UPDATE fiscal_year SET status = 'closed' WHERE year = 2023") == nil)
        let before = try t.snapshot()

        let entry = try #require(try rawFailure("INSERT INTO entry (date, year, kind) VALUES ('2023-05-01', 2023, 'pay')"))
        #expect(entry.isConstraint && entry.message == "year is closed")

        // A posting added to an entry that is already in the closed year.
        let posting = try #require(try rawFailure(
            "INSERT INTO posting (entry_id, account, project_id, econ, amount) VALUES (2, 'paid', 1, '30201', -1)"))
        #expect(posting.isConstraint && posting.message == "year is closed")
        #expect(try t.snapshot() == before)

        // Nor into a year the book does not have.
        let unknown = try #require(try rawFailure("INSERT INTO entry (date, year, kind) VALUES ('2030-05-01', 2030, 'pay')"))
        #expect(unknown.isConstraint)
    }

    @Test func anOpenYearTakesRawPostingsAndKeepsItsTotals() throws {
        // The triggers only guard history; a raw, balanced entry in an open year is kept in
        // the totals like any other, and only the hash chain, which it is not part of, tells.
        #expect(try rawFailure("""
            INSERT INTO entry (date, year, kind) VALUES ('2023-05-01', 2023, 'pay');
            INSERT INTO posting (entry_id, account, project_id, econ, amount) VALUES (3, 'available', 1, '30201', 100);
            INSERT INTO posting (entry_id, account, project_id, econ, amount) VALUES (3, 'paid', 1, '30201', -100);
            """) == nil)
        #expect(try t.book.store.monthlyTotals(year: 2023).filter { $0.projectID == 1 && $0.account == .paid }.reduce(Money.zero) { $0 + $1.amount } == fen(-20_100))
        #expect(try t.book.verify() == [Violation(check: "chain", detail: "entry 3 has no hash")])
    }

    @Test func theSchemaRefusesMalformedRows() throws {
        let cases = [
            "INSERT INTO posting (entry_id, account, project_id, amount) VALUES (2, 'paid', 1, 0)",           // zero amount
            "INSERT INTO posting (entry_id, account, project_id, amount) VALUES (2, 'cash', 1, 5)",           // no such account
            "INSERT INTO posting (entry_id, account, project_id, econ, amount) VALUES (2, 'paid', 1, '3021', 5)", // 4-digit econ
            "INSERT INTO posting (entry_id, account, project_id, amount) VALUES (2, 'paid', 99, 5)",          // no such project
            "INSERT INTO entry (date, year, kind) VALUES ('2023-05-01', 2024, 'pay')",                        // year ≠ date's year
            "INSERT INTO entry (date, year, kind) VALUES ('2023-05-01', 2023, 'gift')",                       // no such kind
            "INSERT INTO entry (date, year, kind, reverses) VALUES ('2023-05-01', 2023, 'reversal', 99)",    // no such entry
        ]
        for sql in cases {
            let error = try rawFailure(sql)
            #expect(error?.isConstraint == true, "`\(sql)` was allowed")
        }
    }

    // `verify` sums each entry's postings in one sequential pass; a posting appended to an old
    // entry later (written apart from its other postings) must be summed all the same.

    @Test func aPostingAppendedToAnOldEntryUnbalancesIt() throws {
        try t.raw().execute("INSERT INTO posting (entry_id, account, project_id, amount) VALUES (1, 'initial', 1, 100)")
        #expect(try t.book.verify().map(\.description).contains("unbalanced entry: entry 1 project JD01 sums to 1.00 instead of 0"))
    }

    @Test func postingsAppendedApartThatBalanceAreNotAViolation() throws {
        try t.raw().execute("""
            INSERT INTO posting (entry_id, account, project_id, amount) VALUES (1, 'initial', 1, 100);
            INSERT INTO posting (entry_id, account, project_id, amount) VALUES (2, 'paid', 1, 7);
            INSERT INTO posting (entry_id, account, project_id, amount) VALUES (1, 'available', 1, -100);
            INSERT INTO posting (entry_id, account, project_id, amount) VALUES (2, 'available', 1, -7);
            """)
        let found = try t.book.verify().map(\.check)
        #expect(!found.contains("unbalanced entry"))
    }

    @Test func anEntryWithoutPostingsAndAWrongYearAreNamed() throws {
        let raw = try t.raw()
        try raw.execute("INSERT INTO entry (id, date, year, kind) VALUES (9, '2023-05-01', 2023, 'pay')")
        #expect(try t.book.verify().map(\.description) == ["chain: entry 9 has no hash", "empty entry: entry 9 has no postings"])
    }
}
