import Foundation
import Testing
@testable import FiscalCore

/// A book that states exactly a corpus report's figures, built through the core API: the report
/// read by the reader and reconciled against it must give no mismatch (a false 不一致 is what
/// makes an officer stop trusting the tool), and a fair number of matches (or the book would
/// prove nothing).
struct CorpusBook {
    let fixture: CloseFixture
    let year: Int

    init(year: Int) throws {
        fixture = try CloseFixture(year: year, today: "\(year)-01-01")
        self.year = year
    }

    /// A budget line: authority per economic code (or none) and payments per code, in 元.
    func line(_ code: String, kind: ProjectKind = .public, fund: Fund = .general, function: String? = nil,
              carryIn: String? = nil, budget: [(econ: String?, yuan: String)] = [], paid: [(econ: String, yuan: String)] = []) throws {
        _ = try fixture.book.addProject(Project(code: code, name: "项目\(code)", kind: kind, fund: fund,
                                                function: function.flatMap(FunctionCode.init)))
        if let carryIn { try fixture.record("\(year)-01-01", .carryIn(project: code, amount: CloseFixture.yuan(carryIn))) }
        for b in budget { try fixture.appropriate(code, b.yuan, on: "\(year)-01-10", econ: b.econ) }
        for p in paid { try fixture.pay(code, p.yuan, on: "\(year)-06-30", econ: p.econ) }
    }

    /// The report of the corpus whose file name starts with `number`, reconciled against the book.
    func reconcile(_ number: String) throws -> ReconcileReport {
        let all = CorpusMeasure.reports("") + CorpusMeasure.reports("unseen")
        let url = try #require(all.first { $0.lastPathComponent.hasPrefix(number + "_") })
        let text = CorpusMeasure.body(try String(contentsOf: url, encoding: .utf8))
        let claims = ReportReader(projectNames: try fixture.book.projectNames(), year: year).read(text)
        return try fixture.book.reconcile(claims, year: year)
    }
}

@Suite("Corpus reports against books that state their figures")
struct CorpusBooksTests {
    func expectNoFalseMismatch(_ report: ReconcileReport, matches: Int, _ comment: Comment) {
        let wrong = report.results.filter { $0.verdict == .mismatch }
        #expect(wrong.isEmpty, "\(comment): \(wrong.map { "\($0.claim.line) \($0.claim.label) \($0.claim.metric) \($0.claim.scope) \($0.claim.value.text) ledger \($0.ledger?.text ?? "-")" })")
        let agreed = report.count(.match) + report.count(.rounding)
        #expect(agreed >= matches, "\(comment): only \(agreed) figures agree")
    }

    @Test func xundianWenlian2022Sangong() throws {
        let b = try CorpusBook(year: 2022)
        try b.line("SG", budget: [("30231", "12000.00")], paid: [("30231", "12000.00")])
        expectNoFalseMismatch(try b.reconcile("04"), matches: 20, "04")
    }

    @Test func tongliangAnju2021Sangong() throws {
        let b = try CorpusBook(year: 2021)
        try b.line("SG", budget: [("30217", "90000.00"), ("30231", "110000.00")],
                   paid: [("30217", "40000.00"), ("30231", "50700.00")])
        expectNoFalseMismatch(try b.reconcile("05"), matches: 8, "05")
    }

    @Test func eerduosi2022SangongBudget() throws {
        let b = try CorpusBook(year: 2022)
        try b.line("SG", budget: [("30217", "118000.00"), ("30231", "100000.00")])
        expectNoFalseMismatch(try b.reconcile("06"), matches: 4, "06")
    }

    @Test func xianXincheng2019SangongBudget() throws {
        let b = try CorpusBook(year: 2019)
        try b.line("SG", budget: [("30217", "23000.00"), ("30231", "75000.00")])
        expectNoFalseMismatch(try b.reconcile("07"), matches: 6, "07")
    }

    // Two reports of the unseen set: books built from their text, the reader not tuned to them.

    @Test func xundianWenlv2022SangongInYuan() throws {
        let b = try CorpusBook(year: 2022)
        try b.line("SG", budget: [("30231", "24000.00"), ("30217", "3080.00")],
                   paid: [("30231", "23005.58"), ("30217", "3080.00")])
        expectNoFalseMismatch(try b.reconcile("27"), matches: 15, "27")
    }

    @Test func hongqiaoCourt2017Sangong() throws {
        let b = try CorpusBook(year: 2017)
        try b.line("SG", budget: [("30212", "78000.00"), ("30231", "119000.00"), ("30217", "5000.00")],
                   paid: [("30212", "78000.00"), ("30231", "119000.00"), ("30217", "5000.00")])
        expectNoFalseMismatch(try b.reconcile("31"), matches: 5, "31")
    }

    // Reports 44–46, added while fixing the reader: 45 and 46 state consistent budgets (44's table
    // and prose disagree, so no book can state both).

    @Test func sangongBudget2022AcrossCategories() throws {
        let b = try CorpusBook(year: 2022)
        try b.line("SG", budget: [("31013", "1000000.00"), ("30231", "4000000.00"), ("30217", "24000.00")])
        expectNoFalseMismatch(try b.reconcile("45"), matches: 6, "45")
    }

    @Test func qingyangAudit2022SangongBudget() throws {
        let b = try CorpusBook(year: 2022)
        try b.line("SG", budget: [("30217", "74000.00"), ("30231", "40000.00")])
        expectNoFalseMismatch(try b.reconcile("46"), matches: 13, "46")
    }

    @Test func chongqing2020GeneralBudget() throws {
        // 亿元: income 2,095, carried in 3,800 (total 5,895), spent 4,894.
        let b = try CorpusBook(year: 2020)
        try b.line("GB", kind: .project, carryIn: "380000000000.00", budget: [(nil, "209500000000.00")],
                   paid: [("30201", "489400000000.00")])
        expectNoFalseMismatch(try b.reconcile("10"), matches: 4, "10")
    }

    @Test func dazu2020GeneralBudget() throws {
        // Income 423,422万元 with 773,203 carried in; 969,790 spent; of the 226,835 left, 115,055
        // carried to next year (结转下年) and the rest surplus: the year is closed.
        let b = try CorpusBook(year: 2020)
        try b.line("GB1", kind: .project, carryIn: "7732030000.00", paid: [("30201", "6581480000.00")])
        try b.line("GB2", kind: .project, budget: [(nil, "4234220000.00")], paid: [("30201", "3116420000.00")])
        try b.fixture.close(2020, surplus: ["GB2"])
        expectNoFalseMismatch(try b.reconcile("12"), matches: 5, "12")
    }
}
