import Foundation
import Testing
@testable import FiscalCore

/// The running example: `examples/hengyang-psb-2023-self-evaluation.txt` in the repo (a copy of
/// `shared/examples/`).
enum ReaderExampleReport {
    static let fileName = "hengyang-psb-2023-self-evaluation.txt"

    /// The 15 special projects as the demo book names them.
    static let projectNames = [
        "禁毒专项", "公安强戒人员生活补助", "强戒人员教育矫治费、诊断评估费、传染病查治费", "强戒人员生理脱毒医疗费",
        "强戒所所政管理及维修经费", "拘留所被监管人员生活补贴", "纪检派驻机构专项经费", "驻滇驻粤两站工作经费",
        "人民警察法定节假日加班补助", "人民警察法定执勤岗位津贴", "辅警工作经费", "收治中心运行经费",
        "看守所给养费", "扫黑专项经费", "反恐专项经费",
    ]

    static let text: String? = {
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { root.deleteLastPathComponent() }
        return try? String(contentsOf: root.appendingPathComponent("examples/" + fileName), encoding: .utf8)
    }()

    static var available: Bool { text != nil }
    static let missing: Comment = "example report not found: expected examples/\(fileName) in the repo"
}

private func wan(_ hundredths: Int64, _ decimals: Int) -> StatedValue { StatedValue(hundredths: hundredths, decimals: decimals, unit: .wan) }
private func pct(_ hundredths: Int64, _ decimals: Int) -> StatedValue { StatedValue(hundredths: hundredths, decimals: decimals, unit: .percent) }
private func cnt(_ n: Int64, _ word: String? = nil) -> StatedValue {
    StatedValue(hundredths: n * 100, decimals: 0, unit: .count, countWord: word)
}

private func read(_ text: String, _ names: [String] = []) -> [Claim] { ReportReader(projectNames: names).read(text) }
private func ledger(_ text: String, _ names: [String] = []) -> [Claim] { read(text, names).filter { !$0.metric.isEmpty } }
private func summary(_ c: Claim) -> String { "\(c.metric) \(c.scope) \(c.value.text)" }

// MARK: - The example report

@Suite struct ExampleReportReading {
    /// (label, metric, scope, value, line) of the 26 ledger figures, as the README lists them.
    static let expected: [(String, String, String, StatedValue, Int)] = [
        ("工资福利支出", "paid", "kind:basic,econ:301", wan(4_097_198, 2), 73),
        ("一般商品服务支出", "paid", "kind:basic,econ:302", wan(915_035, 2), 73),
        ("对个人和家庭的补助", "paid", "kind:basic,econ:303", wan(377_785, 2), 73),
        ("纳入财政专项预算的项目", "count.projects", "kind:project", cnt(15), 75),
        ("禁毒专项", "paid", "project:禁毒专项", wan(55_000, 0), 75),
        ("公安强戒人员生活补助", "paid", "project:公安强戒人员生活补助", wan(25_272, 2), 75),
        ("强戒人员教育矫治费、诊断评估费、传染病查治费", "paid", "project:强戒人员教育矫治费、诊断评估费、传染病查治费", wan(3_120, 1), 75),
        ("强戒人员生理脱毒医疗费", "paid", "project:强戒人员生理脱毒医疗费", wan(15_600, 0), 75),
        ("强戒所所政管理及维修经费", "paid", "project:强戒所所政管理及维修经费", wan(5_460, 1), 75),
        ("拘留所被监管人员生活补贴", "paid", "project:拘留所被监管人员生活补贴", wan(3_500, 0), 75),
        ("纪检派驻机构专项经费", "paid", "project:纪检派驻机构专项经费", wan(1_700, 0), 75),
        ("“驻滇驻粤两站工作经费”", "paid", "project:驻滇驻粤两站工作经费", wan(10_000, 0), 75),
        ("人民警察法定节假日加班补助", "paid", "project:人民警察法定节假日加班补助", wan(184_884, 2), 75),
        ("人民警察法定执勤岗位津贴", "paid", "project:人民警察法定执勤岗位津贴", wan(194_779, 2), 75),
        ("辅警工作经费", "paid", "project:辅警工作经费", wan(900_000, 0), 75),
        ("收治中心运行经费", "paid", "project:收治中心运行经费", wan(80_000, 0), 75),
        ("看守所给养费", "paid", "project:看守所给养费", wan(79_923, 2), 75),
        ("扫黒专项经费", "paid", "project:扫黑专项经费", wan(30_000, 0), 75),
        ("反恐专项经费", "paid", "project:反恐专项经费", wan(20_000, 0), 75),
        ("2023年公安局“三公”经费支出", "sangong.actual", "sangong:all", wan(32_774, 2), 90),
        ("较批复指标节约", "sangong.saving", "sangong:all", wan(36_386, 2), 90),
        ("节约比率", "sangong.saving_rate", "sangong:all", pct(5_261, 2), 90),
        ("完成预算", "sangong.completion_rate", "sangong:all", pct(4_739, 2), 90),
        ("2023年批复预算", "budget.initial", "all", wan(7_336_927, 2), 95),
        ("当年实际收到", "budget.current", "all", wan(7_562_630, 2), 95),
        ("年中追加预算", "budget.additions", "all", wan(225_703, 2), 95),
    ]

    @Test(.enabled(if: ReaderExampleReport.available, ReaderExampleReport.missing))
    func theTwentySixLedgerFigures() throws {
        let claims = ledger(try #require(ReaderExampleReport.text), ReaderExampleReport.projectNames)
        #expect(claims.count == 26)
        for (claim, e) in zip(claims, Self.expected) {
            #expect(claim == Claim(label: e.0, metric: e.1, scope: e.2, value: e.3, line: e.4, note: nil))
        }
    }

    @Test(.enabled(if: ReaderExampleReport.available, ReaderExampleReport.missing))
    func onlyNonLedgerNumbersAreUnmapped() throws {
        let unmapped = read(try #require(ReaderExampleReport.text), ReaderExampleReport.projectNames).filter { $0.metric.isEmpty }
        #expect(unmapped.map(\.value.hundredths) == [2300, 900, 500, 700, 1000, 2200, 224_700])
        #expect(unmapped.allSatisfy { $0.line == 70 && $0.scope.isEmpty && $0.note?.hasPrefix("non-ledger") == true })
        #expect(unmapped.last?.note == "non-ledger: people")
        #expect(unmapped.first?.label == "市公安局设置内设机构")
    }

    @Test(.enabled(if: ReaderExampleReport.available, ReaderExampleReport.missing))
    func withoutProjectNamesTheProjectListIsScopedByNormalisedLabels() throws {
        let claims = ledger(try #require(ReaderExampleReport.text))
        #expect(claims.map(\.scope) == Self.expected.map(\.2))
        #expect(claims.contains { $0.scope == "project:扫黑专项经费" && $0.label == "扫黒专项经费" })
    }

    /// (text as written, replacement, the new value): every figure of the example, each unique in it.
    static let edits: [(String, String, StatedValue)] = [
        ("机构\u{00A0}23个", "机构\u{00A0}24个", cnt(24)), ("下设机构9个", "下设机构8个", cnt(8)),
        ("老干组织5个", "老干组织6个", cnt(6)), ("派出机构7个", "派出机构17个", cnt(17)),
        ("副处机构10个", "副处机构11个", cnt(11)), ("正科级机构22个", "正科级机构21个", cnt(21)),
        ("2247人", "2250人", cnt(2250, "人")),
        ("40971.98", "40971.99", wan(4_097_199, 2)), ("9150.35", "9150.53", wan(915_053, 2)),
        ("3777.85", "3777.8", wan(377_780, 1)), ("项目有15个", "项目有16个", cnt(16)),
        ("禁毒专项550万元", "禁毒专项551万元", wan(55_100, 0)), ("252.72", "252.27", wan(25_227, 2)),
        ("31.2万元", "31.25万元", wan(3_125, 2)), ("医疗费156万元", "医疗费165万元", wan(16_500, 0)),
        ("54.6万元", "45.6万元", wan(4_560, 1)), ("补贴35万元", "补贴36万元", wan(3_600, 0)),
        ("经费17万元", "经费1,017万元", wan(101_700, 0)), ("”100万", "”101万", wan(10_100, 0)),
        ("1848.84", "1848.48", wan(184_848, 2)), ("1947.79", "1947.97", wan(194_797, 2)),
        ("9000万元", "9001万元", wan(900_100, 0)), ("800万元", "808万元", wan(80_800, 0)),
        ("799.23", "799.32", wan(79_932, 2)), ("300万元", "301万元", wan(30_100, 0)),
        ("200万元", "2000万元", wan(200_000, 0)), ("327.74", "327.47", wan(32_747, 2)),
        ("363.86", "363.68", wan(36_368, 2)), ("52.61%", "52.62%", pct(5_262, 2)),
        ("47.39 %", "47.38 %", pct(4_738, 2)), ("73369.27", "73369.72", wan(7_336_972, 2)),
        ("75626.30", "75626.03", wan(7_562_603, 2)), ("2257.03", "2257.30", wan(225_730, 2)),
    ]

    @Test(.enabled(if: ReaderExampleReport.available, ReaderExampleReport.missing))
    func changingOneFigureChangesExactlyThatClaim() throws {
        let text = try #require(ReaderExampleReport.text)
        let before = read(text, ReaderExampleReport.projectNames)
        #expect(Self.edits.count == before.count)
        for (old, new, value) in Self.edits {
            #expect(text.components(separatedBy: old).count == 2, "\(old) is not unique in the example")
            let after = read(text.replacingOccurrences(of: old, with: new), ReaderExampleReport.projectNames)
            try #require(after.count == before.count, "\(old) → \(new) changed the number of claims")
            let changed = after.indices.filter { after[$0] != before[$0] }
            #expect(changed.count == 1, "\(old) → \(new) changed \(changed.count) claims")
            if let i = changed.first {
                var expected = before[i]
                expected.value = value
                #expect(after[i] == expected, "\(old) → \(new)")
            }
        }
    }
}

// MARK: - Phrasing families

@Suite struct ReportPhrasing {
    @Test func amountFollowsItsLabel() {
        #expect(ledger("本年支出合计69992.56万元。").map(summary) == ["paid all 69992.56万元"])
        #expect(ledger("工资福利支出40971.98万元").map(\.label) == ["工资福利支出"])
    }

    @Test func labelColonAmountWithEitherColon() {
        #expect(ledger("人员经费:500万元;公用经费：100.50万元").map(summary)
                == ["paid kind:personnel 500万元", "paid kind:public 100.50万元"])
    }

    @Test func everyPartOfAQizhongListIsItsOwnClaimInsideTheWhole() {
        let claims = ledger("基本支出600万元，其中：工资福利支出400万元，商品和服务支出150万元，对个人和家庭的补助50万元。")
        #expect(claims.map(summary) == [
            "paid kind:basic 600万元", "paid kind:basic,econ:301 400万元",
            "paid kind:basic,econ:302 150万元", "paid kind:basic,econ:303 50万元",
        ])
    }

    @Test func anEconomicClassInsideAProject() {
        #expect(ledger("禁毒专项550万元，其中：商品和服务支出100万元，资本性支出450万元。", ["禁毒专项"]).map(\.scope)
                == ["project:禁毒专项", "econ:302,project:禁毒专项", "econ:310,project:禁毒专项"])
    }

    @Test func initialBudgetPaidAndCompletionOfOneSubject() {
        let claims = ledger("禁毒专项年初预算为550万元,支出决算为500万元,完成年初预算的90.91%。", ["禁毒专项"])
        #expect(claims.map(summary) == [
            "budget.initial project:禁毒专项 550万元", "paid project:禁毒专项 500万元",
            "rate.completion_initial project:禁毒专项 90.91%",
        ])
    }

    @Test func completionOfTheAdjustedBudget() {
        let claims = ledger("本年调整预算75626.30万元，支出69992.56万元，为调整预算数的92.55%。")
        #expect(claims.map(summary) == [
            "budget.current all 75626.30万元", "paid all 69992.56万元", "rate.completion_adjusted all 92.55%",
        ])
    }

    @Test func shareNamesItsPartAndItsWhole() {
        let text = """
        （一）基本支出情况
        工资福利支出40971.98万元，占基本支出的76.01%。
        商品和服务支出占基本支出的16.98%。
        基本支出53900.18万元，占77.01%。
        """
        #expect(ledger(text).filter { $0.metric == "share" }.map(\.scope) == [
            "kind:basic,econ:301|kind:basic", "kind:basic,econ:302|kind:basic", "kind:basic|kind:basic",
        ])
        #expect(ledger("基本支出53900.18万元，占本年支出合计的77.01%。").last.map(summary) == "share kind:basic|all 77.01%")
    }

    @Test func priorYearChangesAreNotLedgerFigures() {
        let claims = read("本年支出1000万元，较上年增加100万元，增长11.11%；基本支出比上年减少5万元，下降0.6个百分点。上年支出900万元。")
        #expect(claims.map(\.metric) == ["paid", "prior_year", "prior_year", "prior_year", "prior_year", "prior_year"])
        #expect(claims[1].note == "prior-year comparison")
        #expect(claims[1].scope == "all")
        #expect(claims[2].value == pct(1_111, 2))
        #expect(claims[3].label == "基本支出比上年减少")
        #expect(claims[4].value == pct(60, 1))
    }

    @Test func pairedValuesAreTwoClaims() {
        #expect(ledger("2023年度收、支总计各是1,234.56,1,234.56万元。").map(summary)
                == ["income_total all 1234.56万元", "expense_total all 1234.56万元"])
        #expect(ledger("收入总计和支出总计均为75626.30万元。").map(summary)
                == ["income_total all 75626.30万元", "expense_total all 75626.30万元"])
        #expect(ledger("基本支出、项目支出分别为53900.18万元、16092.38万元").map(summary)
                == ["paid kind:basic 53900.18万元", "paid kind:project 16092.38万元"])
        #expect(ledger("收、支总计各是100,200万元").map(\.value.hundredths) == [10_000, 20_000])
        #expect(read("收、支总计各是A,B万元").isEmpty)
    }

    @Test func pairedValuesShareAPrefixAndASuffix() {
        #expect(read("财政拨款收、支总计各是10,845.67,10,845.67万元。").map(\.label) == ["财政拨款收总计", "财政拨款支总计"])
        #expect(ledger("收入、支出总计分别为100万元和100万元").map(\.metric) == ["income_total", "expense_total"])
        #expect(ledger("收、支总计均为12,345.67万元。").map(\.value.hundredths) == [1_234_567, 1_234_567])
    }

    @Test func aComparisonAnnouncedBeforeTheLabel() {
        let claims = read("与上年相比，收、支总计各增加1,000.00万元，增长8.81%，主要原因是人员增加。")
        #expect(claims.map(\.metric) == ["prior_year", "prior_year"])
        #expect(claims.first?.value == wan(100_000, 2))
        // 上年 in an earlier clause does not make a later figure a comparison.
        #expect(read("本年支出比上年有所增加，其中基本支出100万元。").map(\.metric) == ["paid"])
    }

    @Test func aQizhongListGoesOnAcrossSemicolons() {
        let text = "一般公共预算财政拨款基本支出8,000.00万元，其中：人员经费7,000.00万元，主要包括基本工资；公用经费1,000.00万元，主要包括办公费。"
        #expect(ledger(text).map(\.scope) == ["fund:general,kind:basic", "fund:general,kind:personnel", "fund:general,kind:public"])
    }

    @Test func functionClassItemAndItemTitles() {
        let text = """
        （二）一般公共预算财政拨款支出决算具体情况
        1.公共安全（类）公安（款）行政运行（项）。年初预算为6,000.00万元，支出决算为5,900.00万元，完成年初预算的98.33%。
        2.社会保障和就业支出（类）4,100.00万元。
        3.公共安全（类）公安（款）信息化建设（项）500万元。
        """
        // Under a 一般公共预算财政拨款 heading of the 决算 template, the figures are that fund's.
        #expect(read(text).map { "\($0.metric) \($0.scope)" } == [
            "budget.initial fund:general,function:2040201", "paid fund:general,function:2040201",
            "rate.completion_initial fund:general,function:2040201", "paid fund:general,function:208",
            "paid fund:general,function:2040219",
        ])
    }

    @Test func aShareOfAnUnmappedFigureIsUnmapped() {
        #expect(read("其他杂项500.00万元，占4.55%。").map(\.metric) == ["", ""])
        // 其他收入 is income from a source the ledger does not hold, and its share a share of income.
        #expect(read("其他收入500.00万元，占4.55%。").map(summary) == ["income source:other 500.00万元", "share.income source:other|all 4.55%"])
    }

    @Test func sectionHeadingsGiveTheirScopeUntilTheNextHeadingOfTheirLevel() {
        let text = """
        二、一般公共预算支出情况
        （一）基本支出情况
        商品和服务支出9150.35万元。
        1.人员经费
        工资福利支出40971.98万元。
        （二）项目支出情况
        本年支出16092.38万元。
        三、政府性基金预算支出情况
        本年支出50万元。
        四、其他
        本年支出69992.56万元。
        """
        #expect(ledger(text).map(\.scope) == [
            "kind:basic,econ:302", "kind:personnel,econ:301", "kind:project", "fund:gov-fund", "all",
        ])
    }

    @Test func aNumberedListUnderAFunctionClassParagraphBelongsToTheClass() {
        let text = """
        2023年公共安全支出69992.56万元，主要用于以下方面：
        1.基本支出53900.18万元；
        2.项目支出16092.38万元。
        本年支出69992.56万元。
        """
        #expect(ledger(text).map(\.scope) == ["function:204", "function:204,kind:basic", "function:204,kind:project", "all"])
    }

    @Test func colloquialLabelsMapToOfficialClasses() {
        let text = "一般商品服务支出1万元，对个人和家庭补助2万元，资本性支出3万元，工资福利4万元，公共安全（类）支出5万元，办公费6万元"
        #expect(ledger(text).map(\.scope) == ["econ:302", "econ:303", "econ:310", "econ:301", "function:204", "econ:30201"])
    }

    @Test func sangongFiguresFollowTheirSubject() {
        let text = "“三公”经费预算691.60万元，支出327.74万元，节约363.86万元，节约率52.61%，完成预算的47.39%。其中：公务接待费27.74万元，公务用车购置及运行维护费300万元。"
        #expect(ledger(text).map(summary) == [
            "sangong.budget sangong:all 691.60万元", "sangong.actual sangong:all 327.74万元",
            "sangong.saving sangong:all 363.86万元", "sangong.saving_rate sangong:all 52.61%",
            "sangong.completion_rate sangong:all 47.39%", "sangong.actual sangong:reception 27.74万元",
            "sangong.actual sangong:vehicle 300万元",
        ])
    }

    @Test func projectCount() {
        #expect(ledger("纳入财政专项预算的项目15个。").map(summary) == ["count.projects kind:project 15个"])
        // A count keeps the word it is written with.
        #expect(ledger("项目支出共计3项。").map(summary) == ["count.projects kind:project 3项"])
    }
}

// MARK: - Numbers and quirks

@Suite struct ReportNumberQuirks {
    @Test func amountsInWanWanAloneAndYuanKeepTheirUnit() {
        #expect(ledger("支出550万元，支出100万，支出1,234,567.89元").map(\.value) == [
            wan(55_000, 0), wan(10_000, 0), StatedValue(hundredths: 123_456_789, decimals: 2, unit: .yuan),
        ])
    }

    @Test func decimalsAsWrittenAndExactHundredths() {
        #expect(ledger("支出31.2万元").first?.value == wan(3_120, 1))
        #expect(ledger("支出0.05万元").first?.value == wan(5, 2))
        let rounded = ledger("支出1.2345万元").first
        #expect(rounded?.value == wan(123, 2))
        #expect(rounded?.note == "rounded from 4 decimals")
    }

    @Test func thousandsSeparators() {
        #expect(ledger("本年支出1,234.56万元").first?.value == wan(123_456, 2))
        #expect(ledger("本年支出12,345,678.90万元").first?.value == wan(1_234_567_890, 2))
        // A full-width comma after half-width digits separates a list, it groups nothing.
        #expect(ledger("基本支出、项目支出分别为100，200万元").map(\.value.hundredths) == [10_000, 20_000])
    }

    @Test func percentWithOrWithoutASpace() {
        #expect(ledger("执行率47.39 %；执行率47.39%；执行率47.39％").map(\.value) == [pct(4_739, 2), pct(4_739, 2), pct(4_739, 2)])
    }

    @Test func fullWidthDigitsAndPunctuation() {
        #expect(ledger("工资福利支出４０９７１．９８万元，其中：基本工资１００万元").map(summary)
                == ["paid econ:301 40971.98万元", "paid econ:30101 100万元"])
        #expect(ledger("本年支出１，２３４．５６万元").first?.value == wan(123_456, 2))
    }

    @Test func curlyQuotesAndVariantCharacters() {
        let names = ["扫黑专项经费", "驻滇驻粤两站工作经费"]
        #expect(ledger("“扫黒专项经费”300万元，‘驻滇驻粤两站工作经费’100万", names).map(\.scope)
                == ["project:扫黑专项经费", "project:驻滇驻粤两站工作经费"])
    }

    @Test func projectNamesMatchExactlyThenNormalisedThenByUniqueContainment() {
        let names = ["禁毒专项", "反恐专项经费", "辅警工作经费（市级）", "强戒人员教育矫治费、诊断评估费、传染病查治费"]
        #expect(ledger("禁毒专项550万元", names).first?.scope == "project:禁毒专项")
        #expect(ledger("辅警工作经费 (市级) 9000万元", names).first?.scope == "project:辅警工作经费（市级）")
        #expect(ledger("反恐专项200万元", names).first?.scope == "project:反恐专项经费")
        #expect(ledger("强戒人员教育矫治费、诊断评估费、传染病查治费31.2万元", names).first?.scope
                == "project:强戒人员教育矫治费、诊断评估费、传染病查治费")
        // 专项经费 is in two names: no unique match, and outside a project list no guess.
        #expect(read("专项经费750万元", ["禁毒专项经费", "反恐专项经费"]).first?.metric == "")
    }

    @Test func withoutProjectNamesAFigureInTheProjectListIsScopedByItsLabel() {
        let text = """
        （二）项目支出情况
        其中纳入财政专项预算的项目有2个，分别是“禁毒专项”550万元，扫黒专项经费300万元。
        """
        #expect(ledger(text).map(\.scope) == ["kind:project", "project:禁毒专项", "project:扫黑专项经费"])
        #expect(ledger("项目支出850万元，其中：禁毒专项550万元，扫黑专项经费300万元。").map(\.scope)
                == ["kind:project", "project:禁毒专项", "project:扫黑专项经费"])
    }

    @Test func nonLedgerNumbersAreNeverForcedOntoAMetric() {
        let claims = read("实际在编人数2247人，设置内设机构23个，公务用车15辆，清查3批次，另有5万人参与。")
        #expect(claims.map(\.value.hundredths) == [224_700, 2_300, 1_500, 300, 500])
        #expect(claims.allSatisfy { $0.metric.isEmpty && $0.scope.isEmpty })
        #expect(claims.map(\.note) == ["non-ledger: people", "non-ledger: count", "non-ledger: 辆", "non-ledger: 批次", "non-ledger: people"])
    }

    @Test func datesYearsDocumentNumbersAndNumberingAreNotClaims() {
        let text = """
        2024年 3月 29日
        1、 部门基本情况
        根据《通知》（衡发[2010]3 号）和〔2023〕12号文，见表1-1。
        	1
        在2023会计年度，截至2023年12月，第3季度，[bookmark: _Toc5806]
        (1) 项目支出情况
        """
        #expect(read(text).isEmpty)
    }

    @Test func unmappedLabelsAndApproximateFiguresAreKeptButNotMapped() {
        let claims = read("绩效奖励评分相关数据100万元，经费约10万元，节余资金100余万元。")
        #expect(claims.map(\.metric) == ["", "", ""])
        #expect(claims.map(\.note) == ["unmapped label", "approximate figure", "approximate figure"])
    }

    @Test func linesAreOneBasedWhateverTheNewline() {
        let claims = read("标题\r\n\r\n支出100万元\r\n执行率95%\n")
        #expect(claims.map(\.line) == [3, 4])
    }

    @Test func figuresAboutAnUnknownSubjectStayUnmapped() {
        let claims = read("某某工程年初预算为600万元，支出决算为550万元，完成年初预算的91.67%。本年支出1000万元。")
        #expect(claims.map(\.metric) == ["", "", "", "paid"])
        #expect(claims.last?.scope == "all")
    }

    @Test func unitInTheLabel() {
        #expect(ledger("本年支出（万元）：1,500.00").map(summary) == ["paid all 1500.00万元"])
    }

    @Test func stateValueText() {
        #expect(wan(3_120, 1).text == "31.2万元")
        #expect(wan(55_000, 0).text == "550万元")
        #expect(pct(4_739, 2).text == "47.39%")
        #expect(StatedValue(hundredths: -5, decimals: 2, unit: .yuan).text == "-0.05元")
    }
}

@Suite struct ReportReaderRobustness {
    /// Deterministic noise over the characters the reader cares about: it must never trap.
    @Test func arbitraryTextNeverTraps() {
        let alphabet = Array("0123456789０１２.．,，、:：;；。%％ 万元亿个项人辆年月日号其中分别是各均为占较上年增加增长下降合计支出预算三公基本项目（）()[]〔〕“”\"-−\n\r\t①一二、(1)1.")
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<400 {
            var text = ""
            for _ in 0..<60 {
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text.append(alphabet[Int(seed >> 33) % alphabet.count])
            }
            _ = ReportReader(projectNames: ["禁毒专项", "项目"]).read(text)
            _ = selfCheck(text)
        }
        #expect(read("").isEmpty)
        #expect(read("\n\n\r\n").isEmpty)
        #expect(read("支出123456789012345678901234567890万元").isEmpty)
    }
}
