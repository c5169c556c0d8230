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

/// A budget report compares with last year's budget (比上年预算, 比2022年预算 in a report on
/// 2023): prior-year changes, not savings against this year's budget. Text written for these tests.
@Suite("A budget against last year's budget")
struct BudgetAgainstLastYearsBudgetTests {
    static let report = """
        某局2023年“三公”经费预算情况
        某局2023年一般公共预算“三公”经费支出预算为60万元,比上年预算减少20万元,下降25%。
        (一)公务接待费支出预算10万元,比2022年预算减少10万元,下降50%。
        (二)公务用车购置及运行费支出预算50万元,比2022年预算减少10万元,下降16.67%。
        """

    @Test func theChangesAreLastYearsAndConsistent() {
        let claims = ReportReader().read(Self.report)
        #expect(claims.filter { $0.metric == ClaimMetric.sangongBudget }.map(\.value.text) == ["60万元", "10万元", "50万元"])
        #expect(claims.filter { $0.metric == ClaimMetric.priorYear }.count == 6)
        #expect(!claims.contains { $0.metric == ClaimMetric.sangongSaving || $0.metric == ClaimMetric.sangongSavingRate })
        let findings = ReportSelfCheck().check(Self.report).map(\.message)
        #expect(findings.isEmpty, "\(findings)")
    }

    @Test func aWrongRateAgainstLastYearsBudgetIsFound() {
        // 10 / (50 + 10) = 16.67%, not 20%.
        let text = Self.report.replacingOccurrences(of: "下降16.67%", with: "下降20%")
        let findings = ReportSelfCheck().check(text).filter { !$0.hint }
        #expect(findings.map { "\($0.kind) \($0.stated.text) \($0.expected.text)" } == ["change 20% 17%"])
    }

    @Test func theYearOfTheTitle() {
        #expect(ReportReader.titleYear(ReaderText.lines(Self.report)) == 2023)
        #expect(ReportReader.titleYear(ReaderText.lines("2022年和2023年对比\n")) == nil)
    }

    @Test func thisYearsBudgetIsStillTheBudget() {
        // 与2023年度预算相比 in a report on 2023: against this year's budget, a saving.
        let text = "2023年度“三公”经费支出决算情况\n公务接待费支出5万元,与2023年度预算相比,减少1万元。\n"
        #expect(ReportReader().read(text).map(\.metric) == [ClaimMetric.sangongActual, ClaimMetric.sangongSaving])
    }

    @Test func theCategoriesOfABudgetParagraphAreBudgets() {
        let text = "2023年本部门财政拨款安排“三公”经费30万元,比上年减少5万元。其中:因公出国(境)费0万元;公务用车购置及运行费20万元;公务接待费10万元。\n"
        #expect(ReportReader().read(text).filter { $0.metric != ClaimMetric.priorYear }.map(\.metric)
                == Array(repeating: ClaimMetric.sangongBudget, count: 4))
    }
}

/// The 三公 categories against the 基本支出决算表's 30212 and 30217 (issue 11). Text written for
/// this test, in the layout of a 部门决算 converted from PDF.
@Suite("三公 against the basic-spending table")
struct SangongAgainstBasicTableTests {
    static func report(reception: String) -> String {
        """
        一般公共预算财政拨款基本支出决算表
        单位：万元
        科目编码 科目名称 决算数
        30201 办公费 12.00 30217 公务接待费 2.50
        30202 印刷费 3.00 30299 其他商品和服务支出 1.00
        合计 18.50
        七、财政拨款“三公”经费支出决算情况说明
        “三公”经费财政拨款支出决算为 \(reception) 万元，其中：公务接待费支出决算为 \(reception) 万元。
        """
    }

    @Test func aCategoryNoLessThanItsBasicPart() {
        #expect(ReportSelfCheck().check(Self.report(reception: "3.00")).filter { $0.kind == .consistency }.isEmpty)
        let findings = ReportSelfCheck().check(Self.report(reception: "1.00")).filter { $0.kind == .consistency }
        #expect(findings.map { "\($0.stated.text) \($0.expected.text)" } == ["1.00万元 2.50万元"])
    }
}

@Suite("Parts of a part")
struct PartsOfAPartTests {
    @Test func aNestedBreakdownIsNotMorePartsOfTheWhole() {
        let text = "2024年“三公”经费支出预算为40万元。其中:公务用车购置及运行费支出预算30万元,其中:公务用车运行费10万元,公务用车购置费20万元;公务接待费支出预算10万元。\n"
        #expect(ReportSelfCheck().check(text).isEmpty)
        // The categories themselves still may not exceed the whole: 30 + 15 > 40.
        let over = text.replacingOccurrences(of: "公务接待费支出预算10万元", with: "公务接待费支出预算15万元")
        #expect(ReportSelfCheck().check(over).map { "\($0.kind) \($0.expected.text)" } == ["partsExceedTotal 45.00万元"])
    }
}
