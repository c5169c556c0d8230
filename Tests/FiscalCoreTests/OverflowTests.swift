import Foundation
import Testing

@testable import FiscalCore

/// No input the tool accepts can make a later command crash (issue 12): amounts have a ceiling
/// at the door, a year of a book has a ceiling in the posting engine, and every report, export
/// and check runs on whatever was accepted.
@Suite struct OverflowTests {
    @Test func theIssuesAmountIsRefusedAtTheDoor() throws {
        #expect(throws: MoneyParseError.self) { try Money.parse("9,999,999,999,999,999.99") }
        #expect(throws: MoneyParseError.self) { try Money.parse("1000000000000.01") }
        #expect(throws: MoneyParseError.self) { try Money.parse("100000001万") }
        #expect(try Money.parse("100000000万") == Money.ceiling)
    }

    @Test func aYearTakesNoMoreThanItsCeilingAndStaysReadable() throws {
        let t = try TempBook()
        // Each appropriation of the ceiling adds 2 × 10¹⁴ 分 of totals: 50 fill the year.
        for i in 0..<50 { try t.record(.appropriate(project: i % 2 == 0 ? "JD01" : "ZX02", amount: Money.ceiling, econ: nil)) }
        let before = try t.snapshot()
        let error = refusal { try t.record(.appropriate(project: "JD01", amount: fen(1), econ: nil)) }
        #expect(error?.description == "entry would take year 2023 past the most a year of one book may hold (100,000,000,000,000.00 元 of totals)")
        #expect(try t.snapshot() == before)
        try everyReadOut(t.book, year: 2023)
        #expect(try t.book.verify().isEmpty)
    }

    @Test func theImportMeetsTheSameCeiling() throws {
        let t = try TempBook()
        var csv = "date,kind,project,amount\n"
        for _ in 0..<51 { csv += "2023-02-01,appropriate,JD01,1000000000000\n" }
        let url = t.directory.appendingPathComponent("big.csv")
        try csv.write(to: url, atomically: true, encoding: .utf8)
        let before = try t.snapshot()
        let result = try t.book.importEvents(fromFile: url.path)
        #expect(result.problems.contains { $0.description.contains("past the most a year") })
        #expect(try t.snapshot() == before)
    }

    /// Random sequences of accepted and refused commands, with amounts at and near the ceiling;
    /// whatever the book accepted, every report, export, the close plan and verify run on it.
    @Test(arguments: 1...6)
    func randomAcceptedCommandsNeverCrashALaterCommand(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let t = try TempBook(projects: [("JD01", .project), ("ZX02", .project), ("RY01", .personnel)])
        let codes = ["JD01", "ZX02", "RY01"]
        func amount() -> Money {
            switch Int.random(in: 0..<4, using: &rng) {
            case 0: Money.ceiling
            case 1: Money(fen: Money.ceiling.fen - Int64.random(in: 0..<1_000, using: &rng))
            case 2: Money(fen: Int64.random(in: 1...Money.ceiling.fen, using: &rng))
            default: Money(fen: Int64.random(in: 1...1_000_000, using: &rng))
            }
        }
        for step in 0..<80 {
            let p = codes.randomElement(using: &rng)!
            let q = codes.filter { $0 != p }.randomElement(using: &rng)!
            let tag: EconomicCode? = Bool.random(using: &rng) ? econ("30217") : nil
            let event: BudgetEvent = switch Int.random(in: 0..<7, using: &rng) {
            case 0, 1: .appropriate(project: p, amount: amount(), econ: tag)
            case 2: .supplement(project: p, amount: amount(), econ: tag)
            case 3: .reduce(project: p, amount: amount(), econ: nil)
            case 4: .transfer(from: p, to: q, amount: amount())
            case 5: .refund(project: p, amount: amount(), econ: econ("30201"))
            default: .pay(project: p, amount: amount(), econ: tag ?? econ("30201"))
            }
            let month = 1 + step % 12
            _ = refusal { try t.record(event, on: String(format: "2023-%02d-15", month), allowOverdraft: Bool.random(using: &rng)) }
        }
        try everyReadOut(t.book, year: 2023)
        #expect(try t.book.verify().isEmpty)
        if (try? t.book.close(year: 2023, today: day("2024-01-05"))) != nil {
            try everyReadOut(t.book, year: 2023)
            try everyReadOut(t.book, year: 2024)
            #expect(try t.book.verify().isEmpty)
        }
    }
}

/// Runs every report in every grouping, every export, and the close plan.
func everyReadOut(_ book: Book, year: Int) throws {
    for month in 1...12 {
        for grouping in ProgressGrouping.allCases {
            for basis in RateBasis.allCases {
                var spec = ProgressSpec(month: YearMonth(year: year, month: month)!)
                spec.grouping = grouping
                spec.basis = basis
                _ = try book.progressReport(spec)
            }
        }
    }
    _ = try book.progressSeries(ProgressSpec(month: YearMonth(year: year, month: 12)!))
    _ = try book.settlementReport(SettlementSpec(year: year))
    _ = try book.sangongReport(SangongSpec(year: year))
    for dimension in ExpenditureDimension.allCases {
        for kinds in [KindFilter.all, .basic, .project] { _ = try book.expenditureReport(year: year, by: dimension, kinds: kinds) }
    }
    _ = try book.trialBalance(year: year)
    _ = try book.journal(JournalFilter())
    for format in ExportFormat.allCases {
        var text = ""
        _ = try book.export(format, year: year, to: &text)
        _ = try book.export(format, to: &text)
    }
    _ = try? book.planClose(year: year)
}
