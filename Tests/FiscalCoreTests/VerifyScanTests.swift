import Foundation
import Testing

@testable import FiscalCore

/// What `verify` proves on its own passes over the postings instead of SQLite's checks or a
/// query per rule (issue 10's budget): the postings' foreign keys, the contracts' balances,
/// and the entry chain read in table order — which must not be fooled by a book whose
/// postings were moved out of entry order.
@Suite struct VerifyScanTests {
    private func book() throws -> TempBook {
        let t = try TempBook()
        try t.record(.appropriate(project: "JD01", amount: fen(100_000), econ: nil), on: "2023-01-10")
        try t.book.record(.commit(project: "JD01", amount: fen(30_000), econ: econ("31002")),
                          RecordOptions(date: day("2023-03-01"), contract: "HT-1",
                                        terms: ContractTerms(supplier: "甲公司", procurement: .goods, sme: true)))
        try t.book.record(.pay(project: "JD01", amount: fen(10_000), econ: econ("31002")),
                          RecordOptions(date: day("2023-06-01"), contract: "HT-1"))
        try t.record(.pay(project: "JD01", amount: fen(5_000), econ: econ("30201")), on: "2023-06-02")
        _ = try t.book.setStatus(code: "ZX02", to: .completed, date: day("2023-07-01"), reason: "验收")
        return t
    }

    /// Each forgery turns the guards off first, as a tool other than fiscal could.
    @Test(arguments: [
        ("UPDATE posting SET entry_id = 99 WHERE id = 1", "posting row 1 refers to a missing entry"),
        ("UPDATE posting SET project_id = 99 WHERE id = 1", "posting row 1 refers to a missing project"),
        ("UPDATE posting SET account = 'nowhere' WHERE id = 1", "posting row 1 refers to a missing account"),
        ("UPDATE posting SET contract_id = 99 WHERE contract_id IS NOT NULL AND id = (SELECT min(id) FROM posting WHERE contract_id IS NOT NULL)",
         "posting row 3 refers to a missing contract"),
        ("UPDATE year_event SET year = 1999", "year_event row 1 refers to a missing fiscal_year"),
        ("UPDATE project_event SET project_id = 99", "project_event row 1 refers to a missing project"),
    ])
    func aKeyNamingNoRowIsNamedOnce(_ sql: String, _ named: String) throws {
        let t = try book()
        try t.raw().execute("""
            PRAGMA foreign_keys = OFF; DROP TRIGGER posting_no_update; DROP TRIGGER entry_no_update;
            DROP TRIGGER project_event_no_update; DROP TRIGGER year_event_no_update; \(sql)
            """)
        #expect(try t.book.verify().filter { $0.check == "foreign key" }.map(\.detail) == [named])
    }

    /// Moves postings to the end of the table, same rows in the same order within their entry:
    /// the history is unchanged, only where it lies.
    private func move(_ t: TempBook, _ which: String, then: String = "") throws {
        try t.raw().execute("""
            DROP TRIGGER posting_no_delete; DROP TRIGGER posting_total;
            CREATE TEMP TABLE moved AS SELECT entry_id, account, project_id, econ, amount, contract_id FROM posting WHERE \(which) ORDER BY id;
            DELETE FROM posting WHERE \(which);
            INSERT INTO posting (entry_id, account, project_id, econ, amount, contract_id) SELECT * FROM moved ORDER BY rowid;
            \(then)
            """)
    }

    private func ledgerFindings(_ t: TempBook) throws -> [String] {
        try t.book.verify().filter { $0.check != "schema" }.map(\.description)
    }

    @Test func postingsMovedOutOfEntryOrderStillMatchTheirChain() throws {
        let whole = try book()
        try move(whole, "entry_id = 1")
        #expect(try ledgerFindings(whole) == [])
        // One leg of an entry apart from the others, now after them: the entry is read whole
        // (it balances, its totals hold), and its legs' order changed, which its hash names.
        let apart = try book()
        try move(apart, "id = (SELECT min(id) FROM posting WHERE entry_id = 2)")
        let found = try ledgerFindings(apart)
        #expect(found == ["chain: entry 2 does not match its hash: it or the row before it was changed after it was written"], "\(found)")
    }

    @Test func aChangedPostingOutOfEntryOrderIsStillNamed() throws {
        let t = try book()
        try move(t, "entry_id = 1", then: "DROP TRIGGER posting_no_update; UPDATE posting SET amount = amount + 1 WHERE id = (SELECT max(id) FROM posting)")
        let found = try ledgerFindings(t)
        #expect(found.contains { $0.hasPrefix("chain: entry 1 does not match its hash") }, "\(found)")
        #expect(found.filter { $0.hasPrefix("chain:") }.count == 1, "\(found)")
    }

    @Test func aContractOnAnotherProjectOrLeftOpenInAClosedYearIsNamed() throws {
        let t = try book()
        try t.raw().execute("""
            DROP TRIGGER posting_no_update; DROP TRIGGER fiscal_year_status;
            UPDATE posting SET project_id = 2 WHERE contract_id IS NOT NULL AND entry_id = 3;
            UPDATE fiscal_year SET status = 'closed'
            """)
        let found = try ledgerFindings(t)
        #expect(found.contains("contract of another project: entry 3 posts contract HT-1 on a project not its own"), "\(found)")
        #expect(found.contains("open commitment after close: contract HT-1 in closed year 2023 still has 200.00 open"), "\(found)")
    }
}
