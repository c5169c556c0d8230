import Foundation
import Testing
@testable import FiscalCore

private func wan(_ hundredths: Int64, _ decimals: Int = 2) -> StatedValue { StatedValue(hundredths: hundredths, decimals: decimals, unit: .wan) }
private func pct(_ hundredths: Int64, _ decimals: Int = 2) -> StatedValue { StatedValue(hundredths: hundredths, decimals: decimals, unit: .percent) }

/// A report fragment whose arithmetic holds everywhere, one statement per kind of check.
private let consistent = """
一、收支情况
2023年度收、支总计各是75,626.30,75,626.30万元。
本年支出合计69992.56万元，其中：基本支出53900.18万元，项目支出16092.38万元。
基本支出53900.18万元，占本年支出合计的77.01%。
人员经费44749.83万元，公用经费9150.35万元。
二、预算执行
2023年批复预算73369.27万元，当年实际收到75626.30万元，年中追加预算2257.03万元。
禁毒专项年初预算为600万元，支出决算为550万元，完成年初预算的91.67%。
本年预算执行率为92.55%。
三、“三公”经费
2023年公安局“三公”经费支出327.74万元，较批复指标节约363.86万元，节约比率为52.61%，完成预算47.39 %。
四、项目
纳入财政专项预算的项目有3个，分别是A项目33.33万元，B项目33.33万元，C项目33.33万元，合计100.00万元。
五、比较
本年支出1000万元，较上年增加100万元，增长11.11%。
"""

@Suite struct ReportSelfCheckTests {
    @Test(.enabled(if: ReaderExampleReport.available, ReaderExampleReport.missing))
    func theExampleReportHoldsTogether() throws {
        #expect(selfCheck(try #require(ReaderExampleReport.text)) == [])
    }

    @Test func aConsistentFragmentGivesNoFinding() {
        let reading = ReportReader(projectNames: ["禁毒专项"]).read(consistent)
        #expect(reading.filter(\.isLedgerClaim).count == 26)
        #expect(reading.count == 28)
        #expect(ReportSelfCheck(projectNames: ["禁毒专项"]).check(consistent) == [])
    }

    @Test func aTotalOfTheSangongCategories() {
        let text = "因公出国（境）费0万元，公务用车购置及运行维护费200万元，公务接待费127.74万元，合计327.84万元。"
        #expect(ReportReader().read(text).last.map { "\($0.metric) \($0.scope)" } == "sangong.actual sangong:all")
        #expect(selfCheck(text).map(\.expected) == [wan(32_774)])
    }

    @Test func roundingAtTheStatedPrecisionIsNotAFinding() {
        // 33.33 × 3 = 99.99 against 100.00; 2/3 = 66.67% also read as 66.66% from rounded amounts.
        #expect(selfCheck("纳入财政专项预算的项目有3个，分别是A项目33.33万元，B项目33.33万元，C项目33.33万元，合计100.00万元。") == [])
        #expect(selfCheck("“三公”经费支出1.00万元，节约2.00万元，节约率66.67%。") == [])
        #expect(selfCheck("“三公”经费支出1.00万元，节约2.00万元，节约率66.66%。") == [])
        #expect(selfCheck("“三公”经费支出1.00万元，节约2.00万元，节约率67%。") == [])
    }

    @Test func partsAgainstTheirStatedTotal() {
        let findings = selfCheck("纳入财政专项预算的项目有3个，分别是A项目33.33万元，B项目33.33万元，C项目33.43万元，合计100.00万元。")
        #expect(findings.count == 1)
        #expect(findings.first?.kind == .sum)
        #expect(findings.first?.stated == wan(10_000))
        #expect(findings.first?.expected == wan(10_009))
        #expect(findings.first?.figures.count == 3)
        #expect(findings.first?.line == 1)
    }

    @Test func aQizhongListThatIsTheWholeMustAddUp() {
        let findings = selfCheck("本年支出合计69992.56万元，其中：基本支出53900.18万元，项目支出16000.00万元。")
        #expect(findings.map(\.kind) == [.sum])
        #expect(findings.first?.expected == wan(6_990_018))
        // A partial 其中 list may fall short, but never exceed.
        #expect(selfCheck("本年支出1000万元，其中：禁毒专项550万元。") == [])
        let exceeding = selfCheck("项目支出1000万元，其中：禁毒专项550万元，辅警工作经费500万元。")
        #expect(exceeding.map(\.kind) == [.partsExceedTotal])
        #expect(exceeding.first?.expected == wan(105_000))
    }

    @Test func wholesStatedAnywhereWithAllTheirParts() {
        let text = "基本支出53900.18万元。\n人员经费44749.83万元，公用经费9160.35万元。"
        let findings = selfCheck(text)
        #expect(findings.map(\.kind) == [.sum])
        #expect(findings.first?.line == 1)
        #expect(findings.first?.expected == wan(5_391_018))
    }

    @Test func sangongRatesAgainstTheirAmounts() {
        let findings = selfCheck("2023年公安局“三公”经费支出327.74万元，较批复指标节约363.86万元，节约比率为53.61%，完成预算47.39 %。")
        #expect(findings.count == 1)
        #expect(findings.first?.kind == .rate)
        #expect(findings.first?.stated == pct(5_361))
        #expect(findings.first?.expected == pct(5_261))
        #expect(findings.first?.figures.map(\.value) == [wan(36_386), wan(32_774), wan(36_386)])
        let withBudget = selfCheck("“三公”经费预算700.00万元，支出327.74万元，节约372.26万元，完成预算的47.39%。")
        #expect(withBudget.map(\.kind) == [.rate])
        #expect(withBudget.first?.expected == pct(4_682))
    }

    @Test func completionRatesAgainstTheirAmounts() {
        let text = "禁毒专项年初预算为600万元，支出决算为550万元，完成年初预算的90.67%。"
        let findings = ReportSelfCheck(projectNames: ["禁毒专项"]).check(text)
        #expect(findings.map(\.kind) == [.rate])
        #expect(findings.first?.expected == pct(9_167))
        // Without the project's name the sentence is about something unknown: nothing to check.
        #expect(selfCheck(text) == [])
        #expect(selfCheck("项目支出年初预算为600万元，支出决算为550万元，完成年初预算的90.67%。").map(\.expected) == [pct(9_167)])
        #expect(selfCheck("本年调整预算1000万元，支出900万元，为调整预算数的90%。") == [])
        #expect(selfCheck("本年调整预算1000万元，支出900万元，为调整预算数的91%。").map(\.expected) == [pct(9_000, 0)])
    }

    @Test func sharesAgainstPartAndWhole() {
        let text = "本年支出合计69992.56万元。基本支出53900.18万元，占本年支出合计的70.01%。"
        let findings = selfCheck(text)
        #expect(findings.map(\.kind) == [.share])
        #expect(findings.first?.expected == pct(7_701))
    }

    @Test func totalsThatMustAgree() {
        let findings = selfCheck("收、支总计各是75,626.30,75,626.31万元。")
        #expect(findings.map(\.kind) == [.totals])
        #expect(findings.first?.stated == wan(7_562_631))
        #expect(selfCheck("收入总计75626.30万元，支出总计756,263,000.00元。") == [])
    }

    @Test func initialPlusAdditionsIsTheCurrentBudget() {
        let findings = selfCheck("2023年批复预算73369.27万元，当年实际收到75626.40万元，年中追加预算2257.03万元。")
        #expect(findings.map(\.kind) == [.budget])
        #expect(findings.first?.stated == wan(7_562_640))
        #expect(findings.first?.expected == wan(7_562_630))
        #expect(findings.first?.line == 1)
    }

    @Test func aProjectCountAgainstTheProjectsListed() {
        let findings = selfCheck("纳入财政专项预算的项目有3个，分别是禁毒专项550万元，反恐专项经费200万元。")
        #expect(findings.map(\.kind) == [.count])
        #expect(findings.first?.expected == StatedValue(hundredths: 200, decimals: 0, unit: .count))
    }

    @Test func priorYearRatesAgainstTheChange() {
        #expect(selfCheck("本年支出1000万元，比上年减少5万元，下降0.50%。") == [])
        let findings = selfCheck("本年支出1000万元，较上年增加100万元，增长10.00%。")
        #expect(findings.map(\.kind) == [.change])
        #expect(findings.first?.expected == pct(1_111))
    }

    @Test(.enabled(if: ReaderExampleReport.available, ReaderExampleReport.missing))
    func aChangedFigureInTheExampleIsFound() throws {
        let text = try #require(ReaderExampleReport.text)
        let rate = selfCheck(text.replacingOccurrences(of: "52.61%", with: "53.61%"))
        #expect(rate.map(\.kind) == [.rate])
        #expect(rate.first?.line == 90)
        let budget = selfCheck(text.replacingOccurrences(of: "2257.03", with: "2257.13"))
        #expect(budget.map(\.kind) == [.budget])
        #expect(budget.first?.line == 95)
        #expect(budget.first?.message.contains("2257.13万元") == true)
        let count = selfCheck(text.replacingOccurrences(of: "项目有15个", with: "项目有16个"))
        #expect(count.map(\.kind) == [.count])
    }

    @Test func findingsAreCodable() throws {
        let findings = selfCheck("基本支出1万元，项目支出2万元，合计4万元。")
        #expect(findings.map(\.kind) == [.sum])
        let data = try JSONEncoder().encode(findings)
        #expect(try JSONDecoder().decode([SelfCheckFinding].self, from: data) == findings)
    }
}
