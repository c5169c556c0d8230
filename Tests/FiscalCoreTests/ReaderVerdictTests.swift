import Foundation
import Testing
@testable import FiscalCore

/// Verdicts a reader's claim can get: a label that fits two metrics is read as the one the
/// ledger bears out, or `ambiguous` — never a mismatch.
@Suite struct ReaderVerdictTests {
    /// 1,000万元 appropriated to one project, 300万元 paid: 支出 300, 支出总计 (paid + what is left) 1,000.
    func book() throws -> CloseFixture {
        let f = try CloseFixture()
        try f.project("XM01")
        try f.appropriate("XM01", "10000000.00", on: "2023-01-05")
        try f.pay("XM01", "3000000.00", on: "2023-03-01")
        return f
    }

    func verdict(_ text: String, _ f: CloseFixture) throws -> ClaimResult {
        let claims = ReportReader().read(text)
        return try #require(try f.book.reconcile(claims, year: 2023).results.first)
    }

    @Test func theAlternativeTheLedgerBearsOutIsTaken() throws {
        let f = try book()
        // 支出合计 is 支出总计 first (a balance's total), 本年支出 second.
        let r = try verdict("支出合计300万元。", f)
        #expect(ReportReader().read("支出合计300万元。").map(\.alternative) == [ClaimMetric.paid])
        #expect(r.verdict == .match && r.claim.metric == ClaimMetric.paid)
        #expect(r.note?.contains("read as paid") == true)
        #expect(try verdict("支出合计1,000万元。", f).verdict == .match)
    }

    @Test func neitherReadingIsAmbiguousNotAMismatch() throws {
        let f = try book()
        let claims = ReportReader().read("支出合计500万元。")
        let report = try f.book.reconcile(claims, year: 2023)
        #expect(report.results.map(\.verdict) == [.ambiguous])
        #expect(report.results[0].note == "fits expense_total (ledger 1000.00万元) or paid (ledger 300.00万元)")
        #expect(!report.hasMismatch)
    }

    @Test func aLabelWithOneMeaningStillMismatches() throws {
        let f = try book()
        #expect(try verdict("本年支出合计500万元。", f).verdict == .mismatch)
    }
}
