import Foundation
import Testing

@testable import FiscalCore

/// The hash chain and seals (issue 12): history changed behind fiscal's back — even with every
/// guard dropped — is named by `verify`; a seal proves the book still extends it.
@Suite struct ChainTests {
    private func book() throws -> TempBook {
        let t = try TempBook()
        try t.record(.appropriate(project: "JD01", amount: fen(100_000), econ: nil), on: "2023-01-10")
        try t.record(.pay(project: "JD01", amount: fen(20_000), econ: econ("30201")), on: "2023-02-10")
        try t.book.reverse(entry: 2, reason: "错付", date: day("2023-02-11"))
        _ = try t.book.setStatus(code: "ZX02", to: .completed, date: day("2023-03-01"), reason: "验收")
        return t
    }

    @Test func aBookMadeByEveryPathMatchesItsChain() throws {
        let t = try book()
        #expect(try t.book.verify() == [])
        let seal = try t.book.seal(asOf: day("2023-03-31"))
        #expect(seal.entryID == 3 && seal.hash.count == 32)
        #expect(Seal(token: seal.token) == seal)
    }

    /// Each forgery drops the guards it needs first, as a tool other than fiscal could.
    @Test(arguments: [
        ("DROP TRIGGER entry_no_update; UPDATE entry SET memo = '错付!' WHERE id = 3", "entry 3 does not match its hash"),
        ("DROP TRIGGER entry_no_update; UPDATE entry SET doc = '假' WHERE id = 1", "entry 1 does not match its hash"),
        ("DROP TRIGGER posting_no_update; UPDATE posting SET amount = amount * 2 WHERE entry_id = 2", "entry 2 does not match its hash"),
        ("DROP TRIGGER project_no_update; UPDATE project SET kind = 'personnel' WHERE code = 'JD01'", "project 1 does not match its hash"),
        ("DROP TRIGGER project_no_update; UPDATE project SET name = '别的' WHERE code = 'ZX02'", "project 2 does not match its hash"),
        ("DROP TRIGGER year_event_no_update; UPDATE year_event SET reason = 'x'", "year_event 1 does not match its hash"),
        ("DROP TRIGGER project_event_no_update; UPDATE project_event SET reason = 'x'", "project_event 1 does not match its hash"),
        ("DROP TRIGGER book_no_update; UPDATE book SET name = '别的局'", "the book row does not match its hash"),
    ])
    func aForgeryIsNamed(_ sql: String, _ named: String) throws {
        let t = try book()
        try t.raw().execute(sql)
        let found = try t.book.verify().filter { $0.check == "chain" }.map(\.detail)
        #expect(found.contains { $0.hasPrefix(named) }, "\(found)")
    }

    @Test func aSingleFlippedByteInAMemoIsNamed() throws {
        let t = try book()
        #expect(try t.book.journal(JournalFilter(entryID: 3)).first?.memo == "错付")  // E9 94 99 E4 BB 98
        try t.raw().execute("DROP TRIGGER entry_no_update; UPDATE entry SET memo = CAST(X'E99498E4BB98' AS TEXT) WHERE id = 3")
        #expect(try t.book.verify().map(\.description).contains(
            "chain: entry 3 does not match its hash: it or the row before it was changed after it was written"))
    }

    @Test func theImportComputesTheSameChain() throws {
        let t = try book()
        let url = t.directory.appendingPathComponent("events.csv")
        try "date,kind,project,amount,econ,memo,ref\n2023-04-01,pay,JD01,100,30201,办公,A1\n2023-04-02,supplement,ZX02,50,,,A2\n"
            .write(to: url, atomically: true, encoding: .utf8)
        let result = try t.book.importEvents(fromFile: url.path)
        #expect(result.posted == 2)
        #expect(try t.book.verify() == [])
        #expect(try t.book.seal(asOf: day("2023-04-30")).entryID == 5)
    }

    @Test func aSealIsExtendedAndLateEntriesAreListed() throws {
        let t = try book()
        let seal = try t.book.seal(asOf: day("2023-02-28"))
        try t.record(.pay(project: "JD01", amount: fen(1_000), econ: econ("30201")), on: "2023-02-20")  // late
        try t.record(.pay(project: "JD01", amount: fen(1_000), econ: econ("30201")), on: "2023-03-20")
        let check = try t.book.check(seal)
        #expect(check.broken == nil)
        #expect(check.late.map(\.id) == [4])
    }

    @Test func aRewrittenBookDoesNotExtendItsSeal() throws {
        let t = try book()
        let seal = try t.book.seal(asOf: day("2023-03-31"))
        try t.raw().execute("DROP TRIGGER entry_no_update; UPDATE entry SET memo = 'x' WHERE id = 2")
        #expect(try t.book.check(seal).broken == "entry 2 was changed after the seal (or an entry before it was removed)")
    }

    @Test func theAuditorsScriptAgrees() throws {
        let t = try book()
        func run() throws -> (Int32, String) { try runChainCheck(t.path) }
        let seal = try t.book.seal(asOf: day("2023-03-31"))
        #expect(try run() == (0, "ok: every chain matches; head \(seal.hex)\n"))
        try t.raw().execute("DROP TRIGGER project_no_update; UPDATE project SET kind = 'public' WHERE id = 2")
        #expect(try run() == (1, "project 2 does not match its hash\n1 rows do not match\n"))
    }
}
