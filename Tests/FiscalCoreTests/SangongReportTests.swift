import Foundation
import Testing
@testable import FiscalCore

private func m(_ text: String) -> Money { CloseFixture.yuan(text) }

@Suite struct SangongReportTests {
    @Test func budgetActualSavingAndRatesPerCategory() throws {
        let f = try CloseFixture()
        try f.project("JB02", kind: .public)
        try f.appropriate("JB02", "1000000.00", on: "2023-01-05")          // not 三公
        try f.appropriate("JB02", "20000.00", on: "2023-01-05", econ: "30212")
        try f.appropriate("JB02", "300000.00", on: "2023-01-05", econ: "31013")
        try f.appropriate("JB02", "150000.00", on: "2023-01-05", econ: "30231")
        try f.appropriate("JB02", "80000.00", on: "2023-01-05", econ: "30217")
        try f.record("2023-06-01", .supplement(project: "JB02", amount: m("10000.00"), econ: EconomicCode("30217")))
        try f.record("2023-06-01", .reduce(project: "JB02", amount: m("100000.00"), econ: EconomicCode("31013")))
        try f.pay("JB02", "180000.00", on: "2023-07-01", econ: "31013")
        try f.pay("JB02", "120000.00", on: "2023-07-01", econ: "30231")
        try f.pay("JB02", "45000.00", on: "2023-07-01", econ: "30217")
        try f.record("2023-08-01", .refund(project: "JB02", amount: m("5000.00"), econ: EconomicCode("30217")!))
        try f.pay("JB02", "500000.00", on: "2023-07-01", econ: "30201")      // not 三公

        let r = try f.book.sangongReport(SangongSpec(year: 2023))
        #expect(r.categories.map(\.key) == ["abroad", "vehicles", "reception"])
        let abroad = r.categories[0].figures
        #expect(abroad.budget == m("20000.00"))
        #expect(abroad.actual == .zero)
        #expect(abroad.savingRate?.percentHundredths == 10_000)
        #expect(abroad.completionRate?.percentHundredths == 0)

        let vehicles = r.categories[1]
        #expect(vehicles.parts.map(\.key) == ["vehicle-purchase", "vehicle-operation"])
        #expect(vehicles.parts[0].figures == SangongFigures(budget: m("200000.00"), actual: m("180000.00")))
        #expect(vehicles.parts[1].figures == SangongFigures(budget: m("150000.00"), actual: m("120000.00")))
        #expect(vehicles.figures == SangongFigures(budget: m("350000.00"), actual: m("300000.00")))

        let reception = r.categories[2].figures
        #expect(reception.budget == m("90000.00"))
        #expect(reception.actual == m("40000.00"))
        #expect(reception.saving == m("50000.00"))

        #expect(r.total.budget == m("460000.00"))
        #expect(r.total.actual == m("340000.00"))
        #expect(r.total.saving == m("120000.00"))
        #expect(r.total.savingRate?.percentHundredths == 2609)     // 120000 / 460000 = 26.087%
        #expect(r.total.completionRate?.percentHundredths == 7391)
    }

    @Test func theAnnualReportsFigures() {
        // 三公 budget 691.60万元, actual 327.74万元 (the running example's section 6).
        let f = SangongFigures(budget: m("6916000.00"), actual: m("3277400.00"))
        #expect(f.saving == m("3638600.00"))
        #expect(f.savingRate?.percentHundredths == 5261)
        #expect(f.completionRate?.percentHundredths == 4739)
    }

    @Test func carryInTaggedWithACodeIsBudgetAndAZeroBudgetHasNoRate() throws {
        let f = try CloseFixture()
        try f.project("JB02", kind: .public)
        try f.appropriate("JB02", "100.00", on: "2023-01-05", econ: "30217")
        try f.pay("JB02", "30.00", on: "2023-03-01", econ: "30217")
        try f.close(2023)
        let next = try f.book.sangongReport(SangongSpec(year: 2024))
        #expect(next.categories[2].figures.budget == m("70.00"))
        #expect(next.categories[0].figures.savingRate == nil)
        #expect(next.categories[0].figures.completionRate == nil)
        // The closed year's 三公 figures are what they were before the close.
        let closed = try f.book.sangongReport(SangongSpec(year: 2023))
        #expect(closed.categories[2].figures == SangongFigures(budget: m("100.00"), actual: m("30.00")))
    }
}
