import Testing

@testable import FiscalCore

/// `verify` sums each entry's postings in one sequential pass; a posting appended to an old
/// entry later (written apart from its entry's other postings) must be summed all the same.
@Suite("Verify scan")
struct VerifyScanTests {
    let t: TempBook
    init() throws {
        t = try TempBook()
        try t.record(.appropriate(project: "JD01", amount: fen(100_000), econ: nil), on: "2023-01-10")
        try t.record(.pay(project: "JD01", amount: fen(20_000), econ: econ("30201")), on: "2023-02-10")
    }

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
