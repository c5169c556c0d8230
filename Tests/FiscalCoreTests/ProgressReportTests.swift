import Testing
@testable import FiscalCore

@Suite("Progress report on the demo book")
struct ProgressReportTests {
    @Test func decemberByKindMatchesThePublishedReport() throws {
        let demo = try DemoFixture()
        defer { demo.remove() }
        var spec = ProgressSpec(month: YearMonth(year: 2023, month: 12)!)
        spec.grouping = .kind
        let report = try demo.book.progressReport(spec)
        #expect(report.total.figures.initial == wan("73369.27"))
        #expect(report.total.figures.additions == wan("2257.03"))
        #expect(report.total.figures.totalBudget == wan("75626.30"))
        #expect(report.total.figures.paid == wan("69992.56"))
        #expect(report.total.figures.available == wan("5633.74"))
        #expect(report.total.executionRate?.percentHundredths == 9255)
        #expect(report.rows.map(\.key) == ["personnel", "public", "project"])
        let basic = report.groups.first { $0.subtotal.key == "basic" }!
        #expect(basic.subtotal.figures.paid == wan("53900.18"))
        // A group's rate comes from its sums, not an average of its rows' rates.
        #expect(basic.subtotal.executionRate == Ratio(basic.subtotal.figures.paid, basic.subtotal.figures.totalBudget))
    }

    @Test func everySpecialProjectIsFullySpentInDecember() throws {
        let demo = try DemoFixture()
        defer { demo.remove() }
        let report = try demo.book.progressReport(ProgressSpec(month: YearMonth(year: 2023, month: 12)!))
        let special = report.rows.filter { $0.key.hasPrefix("XM") }
        #expect(special.count == 15)
        for row in special {
            #expect(row.executionRate?.percentHundredths == 10_000, "\(row.key) \(row.name)")
            #expect(row.figures.available.isZero)
        }
        #expect(special.reduce(Money.zero) { $0 + $1.figures.paid } == wan("16092.38"))
    }

    @Test func juneShowsLaggingProjectsAgainstHalfTime() throws {
        let demo = try DemoFixture()
        defer { demo.remove() }
        let report = try demo.book.progressReport(ProgressSpec(month: YearMonth(year: 2023, month: 6)!))
        #expect(report.timeProgress == Ratio(6, 12))
        #expect(Set(report.rows.filter(\.lagging).map(\.key)) == ["JB02", "XM03", "XM05", "XM07", "XM14", "XM15"])
        // A project appropriated only in July is not in June's report.
        #expect(!report.rows.contains { $0.key == "XM12" })
    }

    @Test(arguments: [3, 6, 9, 12])
    func everyFigureEqualsTheSumOfThePostings(month: Int) throws {
        let demo = try DemoFixture()
        defer { demo.remove() }
        let spec = ProgressSpec(month: YearMonth(year: 2023, month: month)!)
        let report = try demo.book.progressReport(spec)
        let asOf = spec.asOf.description
        let monthStart = Day(year: 2023, month: month, day: 1)!.description
        for row in report.rows {
            let f = row.figures
            #expect(try f.initial.fen == demo.rawSum(account: "initial", project: row.key, through: asOf))
            #expect(try f.additions.fen == demo.rawSum(account: "addition", project: row.key, through: asOf))
            #expect(try f.reductions.fen == -(demo.rawSum(account: "reduction", project: row.key, through: asOf)))
            #expect(try f.transfers.fen == demo.rawSum(account: "transfer", project: row.key, through: asOf))
            #expect(try f.carryIn.fen == demo.rawSum(account: "carry-in", project: row.key, through: asOf))
            #expect(try f.paid.fen == -(demo.rawSum(account: "paid", project: row.key, through: asOf)))
            #expect(try f.available.fen == -(demo.rawSum(account: "available", project: row.key, through: asOf)))
            #expect(try f.paidInMonth.fen == -(demo.rawSum(account: "paid", project: row.key, through: asOf, fromMonth: monthStart)))
        }
        #expect(try report.total.figures.paid.fen == -(demo.rawSum(account: "paid", through: asOf)))
    }

    @Test func dayRuleCountsDaysElapsed() throws {
        var spec = ProgressSpec(month: YearMonth(year: 2023, month: 6)!)
        spec.timeProgress = .day
        #expect(spec.timeProgressRatio == Ratio(181, 365))
        spec.month = YearMonth(year: 2024, month: 2)!
        #expect(spec.timeProgressRatio == Ratio(60, 366))
    }

    @Test func currentBasisLeavesCarryInOutOfTheDenominator() throws {
        let book = try Book.create(at: ":memory:", name: "测试", year: 2023, today: Day("2023-01-01")!)
        _ = try book.addProject(Project(code: "A", name: "甲", kind: .project, fund: .general))
        try book.record(.carryIn(project: "A", amount: Money(fen: 100_00)), RecordOptions(date: Day("2023-01-01")!))
        try book.record(.appropriate(project: "A", amount: Money(fen: 300_00), econ: nil), RecordOptions(date: Day("2023-01-02")!))
        try book.record(.pay(project: "A", amount: Money(fen: 200_00), econ: EconomicCode("30201")!), RecordOptions(date: Day("2023-02-02")!))
        var spec = ProgressSpec(month: YearMonth(year: 2023, month: 2)!)
        #expect(try book.progressReport(spec).total.executionRate == Ratio(200_00, 400_00))
        spec.basis = .current
        #expect(try book.progressReport(spec).total.executionRate == Ratio(200_00, 300_00))
    }

    @Test func anUndefinedRateIsNilNotAnError() throws {
        let book = try Book.create(at: ":memory:", name: "测试", year: 2023, today: Day("2023-01-01")!)
        _ = try book.addProject(Project(code: "A", name: "甲", kind: .project, fund: .general))
        try book.record(.appropriate(project: "A", amount: Money(fen: 100), econ: nil), RecordOptions(date: Day("2023-01-02")!))
        try book.record(.reduce(project: "A", amount: Money(fen: 100), econ: nil), RecordOptions(date: Day("2023-01-03")!))
        let report = try book.progressReport(ProgressSpec(month: YearMonth(year: 2023, month: 1)!))
        #expect(report.total.executionRate == nil)
        #expect(report.total.gap == nil)
        #expect(report.total.lagging == false)
    }
}

@Suite("Ratios")
struct RatioTests {
    @Test func roundsHalfAwayFromZero() {
        #expect(Ratio(1, 8)!.scaled(2) == 13)      // 12.5 → 13
        #expect(Ratio(-1, 8)!.scaled(2) == -13)
        #expect(Ratio(2, 3)!.percentHundredths == 6667)
        #expect(Ratio(wan("69992.56"), wan("75626.30"))!.percentHundredths == 9255)
        #expect(Ratio(1, 0) == nil)
    }

    @Test func pointsAreExactBeforeRounding() {
        // 1/3 − 1/2 = −16.666… points → −16.67
        #expect(Ratio(1, 3)!.pointsMinus(Ratio(1, 2)!) == -1667)
        #expect(Ratio(1, 2)!.pointsMinus(Ratio(1, 2)!) == 0)
    }
}

@Suite("Expenditure report")
struct ExpenditureReportTests {
    @Test func basicExpenditureByEconomicClassMatchesThePublishedReport() throws {
        let demo = try DemoFixture()
        defer { demo.remove() }
        let report = try demo.book.expenditureReport(year: 2023, by: .econ, kinds: .basic)
        let classes = Dictionary(uniqueKeysWithValues: report.lines.filter { $0.level == 0 }.map { ($0.code, $0.total) })
        #expect(classes == ["301": wan("40971.98"), "302": wan("9150.35"), "303": wan("3777.85")])
        #expect(report.total == wan("53900.18"))
        #expect(report.project.isZero)
    }

    @Test func byFunctionSubtotalsEveryLevel() throws {
        let demo = try DemoFixture()
        defer { demo.remove() }
        let report = try demo.book.expenditureReport(year: 2023, by: .function, kinds: .all)
        let line = { (code: String) in report.lines.first { $0.code == code }! }
        #expect(line("204").total == wan("69992.56"))
        #expect(line("20402").total == line("204").total)
        #expect(line("2040201").basic == wan("53900.18"))
        let items = report.lines.filter { $0.level == 2 }
        #expect(items.reduce(Money.zero) { $0 + $1.total } == line("204").total)
    }
}

/// An amount in 万元 as the published report writes it.
func wan(_ text: String) -> Money { try! Money.parse(text + "万") }
