import Foundation
import Testing
@testable import FiscalCore

private func m(_ text: String) -> Money { CloseFixture.yuan(text) }

@Suite struct SettlementReportTests {
    /// Two general-budget projects and one government-fund project; carry-in, a supplement,
    /// a reduction, a transfer, a recall and payments, closed.
    private func book() throws -> CloseFixture {
        let f = try CloseFixture()
        try f.project("JB01", kind: .personnel)
        try f.project("ZX01")
        try f.project("JJ01", fund: .govFund, status: .completed)
        try f.record("2023-01-01", .carryIn(project: "ZX01", amount: m("40.00")))
        try f.appropriate("JB01", "1000.00", on: "2023-01-05")
        try f.appropriate("ZX01", "300.00", on: "2023-01-05")
        try f.appropriate("JJ01", "80.00", on: "2023-01-05")
        try f.record("2023-03-01", .supplement(project: "ZX01", amount: m("60.00"), econ: nil))
        try f.record("2023-04-01", .reduce(project: "JB01", amount: m("100.00"), econ: nil))
        try f.record("2023-05-01", .transfer(from: "JB01", to: "ZX01", amount: m("25.00")))
        try f.record("2023-06-01", .recall(project: "ZX01", amount: m("10.00")))
        try f.pay("JB01", "800.00", on: "2023-07-01", econ: "30101")
        try f.pay("ZX01", "315.00", on: "2023-08-01")
        try f.pay("JJ01", "80.00", on: "2023-09-01")
        return f
    }

    @Test func rowsSectionsAndTotalBeforeAndAfterTheClose() throws {
        let f = try book()
        let open = try f.book.settlementReport(SettlementSpec(year: 2023))
        #expect(!open.closed)
        #expect(open.total.figures.available == m("175.00"))  // 75 + 100, not yet classified
        #expect(open.identityFailures.isEmpty)

        try f.close(2023)
        let report = try f.book.settlementReport(SettlementSpec(year: 2023))
        #expect(report.closed)
        #expect(report.sections.map(\.fund) == [.general, .govFund, .stateCapital, .socialInsurance])
        #expect(report.sections.map(\.isEmpty) == [false, false, true, true])
        #expect(report.sections[0].rows.map { $0.project!.code } == ["JB01", "ZX01"])

        let zx01 = report.sections[0].rows[1].figures
        #expect(zx01.carryIn == m("40.00"))
        #expect(zx01.initial == m("300.00"))
        #expect(zx01.additions == m("60.00"))
        #expect(zx01.transfers == m("25.00"))
        #expect(zx01.budget == m("385.00"))
        #expect(zx01.recalled == m("10.00"))
        #expect(zx01.paid == m("315.00"))
        #expect(zx01.carriedForward == m("100.00"))  // 40 + 385 − 10 − 315
        #expect(zx01.surplus == .zero)

        let jb01 = report.sections[0].rows[0].figures
        #expect(jb01.reductions == m("100.00"))
        #expect(jb01.transfers == m("-25.00"))
        #expect(jb01.carriedForward == m("75.00"))  // 1000 − 100 − 25 − 800

        #expect(report.sections[1].subtotal.figures.paid == m("80.00"))
        #expect(report.sections[1].subtotal.figures.surplus == .zero)
        #expect(report.sections[2].subtotal.figures == BudgetFigures())

        #expect(report.total.figures.paid == m("1195.00"))
        #expect(report.total.figures.carriedForward == m("175.00"))
        #expect(report.total.figures.available == .zero)
        #expect(report.total.yearEnd == m("175.00"))
        #expect(report.identityFailures.isEmpty)

        // The next year opens with exactly that.
        let next = try f.book.settlementReport(SettlementSpec(year: 2024))
        #expect(next.total.figures.carryIn == m("175.00"))
    }

    @Test func theIdentityIsCheckedOnEveryRow() {
        var figures = BudgetFigures()
        figures.carryIn = m("10.00"); figures.initial = m("100.00"); figures.paid = m("60.00")
        figures.carriedForward = m("50.00")
        #expect(SettlementLine(project: nil, figures: figures).identityHolds)
        figures.surplus = m("0.01")
        #expect(!SettlementLine(project: nil, figures: figures).identityHolds)
    }

    @Test func otherFundsGetASectionOnlyWhenThereAreAny() throws {
        let f = try CloseFixture()
        try f.project("QT01", fund: .other)
        try f.appropriate("QT01", "5.00", on: "2023-02-01")
        let report = try f.book.settlementReport(SettlementSpec(year: 2023))
        #expect(report.sections.map(\.fund) == [.general, .govFund, .stateCapital, .socialInsurance, .other])
        #expect(report.sections.prefix(4).allSatisfy { $0.isEmpty })
        #expect(try CloseFixture().book.settlementReport(SettlementSpec(year: 2023)).sections.count == 4)
        #expect(throws: FiscalError.self) { try f.book.settlementReport(SettlementSpec(year: 2019)) }
    }
}
