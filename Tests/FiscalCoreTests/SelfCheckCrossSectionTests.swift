import Testing
@testable import FiscalCore

/// Checks across sections (issue 11): the 三公 total budget of the overview against what each
/// category's section says it spent and saved. Text written for this test.
@Suite("Self-check across sections")
struct SelfCheckCrossSectionTests {
    static func report(receptionSaving: String) -> String {
        """
        一、“三公”经费支出决算总体情况说明。
        2021年度“三公”经费支出预算为89.90万元，支出决算为67.53万元，完成预算的75.12%。
        二、“三公”经费支出决算具体情况说明。
        （一）因公出国（境）费支出0万元。因公出国（境）费支出决算比预算数减少0万元。
        （二）公务用车购置及运行费支出57.36万元。公务用车购置及运行费支出决算数比预算数减少17.54万元。
        （三）公务接待费支出10.17万元。公务接待费支出决算数比预算数减少\(receptionSaving)万元。
        """
    }

    @Test func theTotalBudgetAgainstEachCategorysSpendingAndSaving() {
        // 0 + 0 + 57.36 + 17.54 + 10.17 + 4.83 = 89.90: consistent.
        #expect(ReportSelfCheck().check(Self.report(receptionSaving: "4.83")).filter { !$0.hint }.isEmpty)
        // 接待's saving stated as 5.17: the categories' budgets give 57.36 + 17.54 + 10.17 + 5.17 = 90.24.
        let findings = ReportSelfCheck().check(Self.report(receptionSaving: "5.17"))
            .filter { !$0.hint && $0.kind == .budget }
        #expect(findings.map(\.expected.text) == ["90.24万元"])
        #expect(findings.first?.line == 2)
    }
}
