import Foundation
import Testing
@testable import FiscalCore

private func summary(_ text: String, year: Int? = nil) -> [String] {
    ReportReader(year: year).read(text).map { "\($0.metric) \($0.scope) \($0.value.text)" }
}

/// The failure patterns of issue 11, each as the reader now reads it.
@Suite struct ReaderStructureTests {
    @Test func aPriorYearChangeIsNeverThisYearsFigure() {
        #expect(summary("公务接待费支出决算比上年减少2.36万元，下降18.05%。")
            == ["prior_year all 2.36万元", "prior_year all 18.05%"])
        #expect(summary("与 2024 年度相比，收入支出总计增加100.46万元，增长0.53%。").map { $0.hasPrefix("prior_year") } == [true, true])
    }

    @Test func theIncomeSideAndANestedBreakdown() {
        let text = "本年收入合计8,407.32万元，其中：财政拨款收入8,312.40万元（其中：一般公共预算7,990.15万元，政府性基金预算322.25万元），占收入合计98.87%。"
        #expect(summary(text) == [
            "income all 8407.32万元", "income source:fiscal 8312.40万元", "income fund:general 7990.15万元",
            "income fund:gov-fund 322.25万元", "share.income source:fiscal|all 98.87%",
        ])
        // The bracketed parts are parts of 财政拨款收入, not of 本年收入合计: no false 其中 finding.
        #expect(ReportSelfCheck().check(text).filter { !$0.hint }.isEmpty)
    }

    @Test func pdfLinesAreJoinedAndFiguresKeepTheirLines() {
        let text = "一般公共预算财政拨款基本支出决算情况说明，基本支出 14,206 万\n元，占 74.59%。"
        let claims = ReportReader().read(text)
        #expect(claims.map(\.value.text) == ["14206万元", "74.59%"])
        #expect(claims.map(\.line) == [1, 2])
    }

    @Test func figuresDatedToAnotherYearAreNotThisBooks() {
        let text = "2022年度“三公”经费预算总计21.8万元。2021年度“三公”经费合计支出20.12万元，其中公务接待12.39万元。"
        #expect(summary(text, year: 2022).map { $0.components(separatedBy: " ").first! }
            == ["sangong.budget", "prior_year", "prior_year"])
    }

    @Test func aFunctionTitleTheReportsTablesName() {
        let text = """
        五、一般公共预算财政拨款支出决算表
        20805 行政事业单位离退休 1,281.95 1,281.95
        2080501 行政单位离退休 252.74 252.74
        （三）一般公共预算财政拨款支出决算具体情况
        1.“社会保障和就业支出（类）行政事业单位离退休（款）
        归口管理的行政单位离退休（项）”252.74 万元，主要用于：发放津贴。年初预算为
        256.44 万元，支出决算为 252.74 万元，完成年初预算的 98.56%。
        """
        let prose = ReportReader().read(text).filter { $0.note?.hasPrefix("table:") != true }
        #expect(prose.map(\.scope) == Array(repeating: "fund:general,function:2080501", count: 4))
    }

    @Test func aTableRowThatDoesNotAddUpIsAFindingARoundingSlipAHint() {
        let text = """
        三、支出决算表
        212 城乡社区支出 13,583.48 1,066.51 2,921.97
        21201 城乡社区管理事务 13,583.48 10,661.51 2,921.97
        208 社会保障和就业支出 3,019.34 2,439.14 580.19
        20805 行政事业单位养老支出 3,019.33 2,439.14 580.19
        """
        let findings = ReportSelfCheck().check(text)
        #expect(findings.filter { !$0.hint }.map(\.line) == [2])
        #expect(findings.filter(\.hint).map(\.line) == [4, 4])
    }

    @Test func aChangeIsCheckedAgainstThisYearsFigureStatedBefore() {
        let text = """
        “三公”经费财政拨款支出决算为 19.86 万元，其中：公务用车购置及运行维护费支出决算为 19.56 万元。
        2025 年度“三公”经费财政拨款支出决算数比 2024 年度减少 3.59 万元，下降 15.31%，其中：公务用车购置及运行维护费支出决算减少 3.59 万元，下降 15.31%。
        """
        // 3.59 / (19.86 + 3.59) = 15.31% holds; 3.59 / (19.56 + 3.59) = 15.51% does not.
        let findings = ReportSelfCheck().check(text).filter { !$0.hint }
        #expect(findings.map { "\($0.kind.rawValue) \($0.stated.text) \($0.expected.text)" } == ["change 15.31% 15.51%"])
    }

    @Test func theBasicExpenditureTableByEconomicClass() {
        // Two code columns side by side, as the PDF prints them; 30299 repeats the class total.
        let text = """
        六、一般公共预算财政拨款基本支出决算表
        301 工资福利支出 100.00 302 商品和服务支出 30.00
        30101 基本工资 60.00 30201 办公费 20.00
        30102 津贴补贴 40.00 30205 水费 10.00
        30299 30.00
        """
        let findings = ReportSelfCheck().check(text).filter { !$0.hint }
        #expect(findings.map { "\($0.line) \($0.stated.text) \($0.expected.text)" } == ["2 30.00万元 60.00万元"])
    }

    @Test func sectionsWhoseFiguresNoLedgerHolds() {
        let text = """
        （二）政府采购支出情况
        2025年度政府采购支出总额1,062.09万元，其中：货物采购支出80.98万元。
        （三）机关运行经费支出情况
        机关运行经费支出627.04万元。
        """
        #expect(ReportReader().read(text).map(\.metric) == ["", "", ""])
        #expect(ReaderVocabulary.section("七、财政拨款“三公”经费支出决算情况说明") == "sangong")
        #expect(ReaderVocabulary.section("二、收入决算情况说明") == "income")
    }

    @Test func aComparisonWithTheBudgetIsASavingNotLastYear() {
        let text = "公务接待费预算14.9万元，决算5.21万元，决算数比预算数减少9.69万元，下降65.03%。"
        #expect(summary(text).suffix(2) == ["sangong.saving sangong:reception 9.69万元", "sangong.saving_rate sangong:reception 65.03%"])
        // An increase over the budget is no saving, and no ledger metric: unmapped, never last year.
        #expect(summary("2.公务接待费支出5.21万元，与2021年度预算相比，增加1.14万元。").last == "  1.14万元")
    }

    @Test(arguments: ["|", "\t", "   "])
    func aSelfEvaluationTableByColumnHeader(separator: String) {
        let rows = [["项目", "年初预算数", "全年执行数", "执行率", "分值", "得分"],
                    ["年度资金总额", "860.40", "915.32", "106.38%", "10", "9.6"]]
        let text = "单位:万元\n" + rows.map { $0.joined(separator: separator) }.joined(separator: "\n")
        // 分值 and 得分 are scores: kept in 分, never a ledger figure.
        #expect(summary(text) == ["budget.initial all 860.40万元", "paid all 915.32万元", "rate.execution all 106.38%",
                                  "  10分", "  9.6分"])
    }

    @Test func theYearsCarryIdentity() {
        let consistent = "年初结转和结余100.00万元，本年收入合计1,000.00万元，本年支出合计950.00万元，年末结转和结余150.00万元。"
        #expect(ReportSelfCheck().check(consistent).filter { !$0.hint }.isEmpty)
        let broken = consistent.replacingOccurrences(of: "年末结转和结余150.00", with: "年末结转和结余160.00")
        #expect(ReportSelfCheck().check(broken).filter { !$0.hint }.map { $0.expected.text } == ["150.00万元"])
    }

    /// Tables, titles and codes in random order: reading and checking never trap.
    @Test func arbitraryTablesNeverTrap() {
        let pieces = ["支出决算表\n", "六、一般公共预算财政拨款基本支出决算表\n", "212 ", "21201 ", "2120101 ", "301 ", "30101 ",
                      "城乡社区支出 ", "13,583.48 ", "1,066.51 ", "0.00 ", "合计 ", "| ", "||| ", "\t", "   ", "\n", "单位:万元\n",
                      "(类)", "(款)", "(项)", "年初预算为", "万元，", "占", "%，", "其中：", "（", "）", "总计 ", "决算数 ", "执行数 "]
        var seed: UInt64 = 0x2545_F491_4F6C_DD1D
        for _ in 0..<300 {
            var text = ""
            for _ in 0..<40 {
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text += pieces[Int(seed >> 33) % pieces.count]
            }
            _ = ReportReader(projectNames: ["城乡社区支出"]).read(text)
            _ = ReportSelfCheck().check(text)
        }
    }

    @Test func theLevelAChangeLeft() {
        let text = "与2020年执行数相比，债务还本支出增加133万元，相应结转下年减少133万元，为115,055万元。"
        #expect(summary(text) == ["  133万元", "  133万元", "carried_forward all 115055万元"])
    }
}
