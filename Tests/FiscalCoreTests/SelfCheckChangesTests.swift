import Testing
@testable import FiscalCore

/// Changes checked against the figures the report states for them (issue 11): next year's budget
/// against this year's 决算, category savings against the whole's, a category said to be
/// unchanged against its budget. Text written for these tests.
@Suite("Self-check of changes against stated figures")
struct SelfCheckChangesTests {
    static func budgetAgainstActual(change: String, rate: String) -> String {
        """
        一、2024年“三公”经费预算安排情况
        2024年度“三公”经费预算总计30万元,其中:因公出国(境)经费0万元,公务接待12万元,公务用车运行费用18万元。
        二、2023年“三公”经费决算情况
        2023年度“三公”经费合计支出27.5万元,其中:因公出国(境)经费0万元,公务接待12.5万元,公务用车运行费用15万元。
        2024年度“三公”经费预算较2023年度增加2.5万元,其中公务接待较上年同期减少\(change)万元,减少\(rate)%。公务用车运行费用较上年同期增加3万元,增长20%。
        """
    }

    @Test func nextYearsBudgetAgainstThisYearsSpendingIsNoFinding() {
        // 18 − 15 = 3 and 3 / 15 = 20%; 12.5 − 12 = 0.5 and 0.5 / 12.5 = 4%: the rates are against
        // the 决算, the year compared with, not against the budget less the change.
        let findings = ReportSelfCheck().check(Self.budgetAgainstActual(change: "0.5", rate: "4.00"))
        let messages = findings.map(\.message)
        #expect(messages.isEmpty, "\(messages)")
    }

    @Test func aChangeOneHundredthOffTheTwoYearsIsAHint() {
        // 0.49 / 12.5 = 3.92%, as stated; but 12.5 − 12 = 0.50, 0.01 more than the change stated.
        let findings = ReportSelfCheck().check(Self.budgetAgainstActual(change: "0.49", rate: "3.92"))
        #expect(findings.allSatisfy { $0.hint })
        #expect(findings.map { "\($0.stated.text) \($0.expected.text)" } == ["0.49万元 0.50万元"])
    }

    static func savings(reception: String) -> String {
        """
        2023年度“三公”经费30万元,其中:因公出国(境)费0万元,公务用车购置及运行维护费18万元,公务接待费12万元。
        2023年度“三公”经费较年初预算数减少3万元,下降9.09%。其中:公务用车购置及运行维护费18万元,较年初预算数减少2万元;公务接待费12万元,较年初预算数减少\(reception)万元。
        """
    }

    @Test func categorySavingsAgainstTheWholesWhenTheOthersSpentNothing() {
        #expect(ReportSelfCheck().check(Self.savings(reception: "1")).filter { $0.kind == .partsExceedTotal }.isEmpty)
        // 2 + 1.5 = 3.5 > 3, and 因公出国 spent 0: its saving is its budget, never below 0.
        let findings = ReportSelfCheck().check(Self.savings(reception: "1.5")).filter { $0.kind == .partsExceedTotal }
        #expect(findings.map { "\($0.stated.text) \($0.expected.text)" } == ["3万元 3.50万元"])
        #expect(findings.first?.line == 2)
    }

    static func unchanged(vehicle: String) -> String {
        """
        一、2023年度“三公”经费支出决算表
        单位:万元
        | 项目 | 预算数 | 决算数 |
        | 合计 | 20 | \(vehicle) |
        | 因公出国(境)费 | 0 | 0 |
        | 公务接待费 | 5 | 5 |
        | 公务用车购置及运行维护费 | 15 | \(vehicle == "20" ? "15" : "8") |
        二、“三公”经费支出情况说明
        1.公务接待费支出5万元,与2023年度预算相比无增减。
        2.公务用车购置及运行维护费支出\(vehicle == "20" ? "15" : "8")万元,与2023年度预算相比无变化。
        """
    }

    @Test func aCategorySaidUnchangedAgainstItsBudgetMustEqualIt() {
        #expect(ReportSelfCheck().check(Self.unchanged(vehicle: "20")).filter { $0.kind == .consistency }.isEmpty)
        let findings = ReportSelfCheck().check(Self.unchanged(vehicle: "13")).filter { $0.kind == .consistency }
        #expect(findings.map { "\($0.line) \($0.stated.text) \($0.expected.text)" } == ["10 8万元 15.00万元"])
    }
}
