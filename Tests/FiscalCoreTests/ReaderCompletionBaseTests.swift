import Testing
@testable import FiscalCore

/// `占年初预算A万元的N%` after a figure (issue 11): the budget the figure is measured against,
/// then the completion rate — for spending; an income budget is no ledger figure. Written for
/// this test in the wording of county budget-execution reports.
@Suite("A completion stated against a budget named in the clause")
struct ReaderCompletionBaseTests {
    @Test func spendingAgainstItsBudgetAndIncomeLeftAlone() {
        let text = """
            二、政府性基金预算收支情况
            1-5月，全县完成政府性基金收入969万元，占年初预算2180万元的44.5%，同比下降14.6%，其中国有土地使用权出让收入866万元，污水处理费收入68万元；完成政府性基金支出4093万元，占年初预算5497万元的74.5%，同比下降78.5%。
            """
        let claims = ReportReader(year: 2024).read(text)
        let shown = claims.map { "\($0.metric)|\($0.scope)|\($0.value.text)" }
        #expect(shown.contains("income|fund:gov-fund|969万元"))
        #expect(shown.contains("||2180万元") && shown.contains("||44.5%"))
        #expect(shown.contains("budget.initial|fund:gov-fund|5497万元"))
        #expect(shown.contains("rate.completion_initial|fund:gov-fund|74.5%"))
        // The spending after the income's 其中 list is no part of it: no false finding.
        #expect(ReportSelfCheck().check(text).filter { !$0.hint }.isEmpty)
    }
}

@Suite("Counts of projects and the word 项目")
struct ReaderProjectCountTests {
    @Test func theNounAfterTheCountAndTheAmountOfThoseProjects() {
        let text = "2024年，本中心实施项目共15个，年初批复预算8个项目985万元(含1个年初结转结余项目50万元)，调整预算后项目预算861.46万元，实际到位资金334.67万元。"
        let shown = ReportReader(year: 2024).read(text).map { "\($0.metric)|\($0.scope)|\($0.value.text)" }
        #expect(shown == [
            "count.projects|kind:project|15个", "count.projects|kind:project|8个",
            // The amount of the projects counted: what the count's label said, 年初批复预算.
            "budget.initial|kind:project|985万元",
            "count.projects|kind:project|1个", "carry_in|kind:project|50万元",
            // 项目 is the word for projects, never a project's name.
            "budget.current|kind:project|861.46万元",
            // 到位资金 (funds arrived) is no ledger figure.
            "||334.67万元",
        ])
    }
}

@Suite("Function names a table wrapped around its row")
struct ReaderWrappedFunctionNameTests {
    @Test func theNameAboveAndBelowTheCodeIsTheRowsName() {
        let lines = ReaderText.lines("""
            207 文化旅游体育与传媒支出 86.55 86.55
            其他文化旅游体育与传媒
            2079999 66.55 66.55
            支出
            其他城乡社区管理
            2120199 事务支 7,957.59 7,957.59
            出
            """)
        let names = ReaderFunctionNames.learning(from: lines)
        #expect(names.child(of: "207", length: 7, named: "其他文化旅游体育与传媒支出") == "2079999")
        // The piece on the code's own line goes between.
        #expect(names.names["2120199"] == "其他城乡社区管理事务支出")
    }
}

@Suite("Reasons for a change against last year")
struct ReaderReasonsTests {
    @Test func theReasonsAreChangesAndTheCarryOversStandAlone() {
        let text = "2023年度收入总计2032.06万元。收支较上年决算数增加98.26万元，增长5.08%，主要原因是一般公共预算财政拨款收入减少60.04万元，政府性基金预算拨款收入0万元，年初结转结余196.61万元，年末结转结余28.22万元。"
        let shown = ReportReader(year: 2023).read(text).map { "\($0.metric)|\($0.scope)|\($0.value.text)" }
        #expect(shown == [
            "income_total|all|2032.06万元", "prior_year|all|98.26万元", "prior_year|all|5.08%",
            "prior_year|all|60.04万元",
            // A reason with no change word is a change too, never this year's gov-fund income of 0.
            "prior_year|all|0万元",
            // Carry-overs as they stand, not the fund named before them.
            "carry_in|all|196.61万元", "carry_out|all|28.22万元",
        ])
    }
}

/// A yearbook page in two columns as `pdftotext -layout` gives it (written for this test).
@Suite("Pages in two columns")
struct ReaderColumnsTests {
    static func row(_ left: String, _ right: String) -> String {
        left + String(repeating: " ", count: 70 - left.count) + right
    }

    static let page = [
        row("", "完成一般公共预算支出 62.99 亿元,完成调整预算"),
        row("", "的 97.1%,增长 11.6%,执行良好。"),
        "",
        row("             财政收入预算执行情况   2021 年,某县第十六届人大", "财政支出预算执行情况   2021 年,某县人大"),
        row("            常委会第四十二次会议批准的某县年度一般公共预算收", "常委会批准的一般公共预算支出预算为 64.91 亿元。"),
        row("            入预算为 29.92 亿元。执行结果:完成一般公共预算收入", "执行结果见上。"),
    ].joined(separator: "\n")

    @Test func theLeftColumnIsReadBeforeTheRightAndEachFigureKeepsItsLine() {
        let ordered = ReaderColumns.ordered(ReaderText.lines(Self.page)).map(\.number)
        // Left pieces of lines 4-6, then the right column from its top (lines 1, 2, then 4-6).
        #expect(ordered == [3, 4, 5, 6, 1, 2, 4, 5, 6])
        let claims = ReportReader(year: 2021).read(Self.page)
        #expect(claims.contains { $0.line == 5 && $0.value.text == "649100万元" && $0.metric == ClaimMetric.budgetCurrent })
        // The top of the right column goes on from the end of the left one; its figure keeps line 1.
        #expect(claims.contains { $0.line == 1 && $0.value.text == "629900万元" })
    }

    @Test func prosePagesAndTablesAreLeftInOrder() {
        let table = "   年份         财政总收入            一般公共预算支出\n   2021           49.27                 62.99\n   2020           44.71                 56.47\n"
        #expect(ReaderColumns.ordered(ReaderText.lines(table)).map(\.number) == [1, 2, 3, 4])
    }
}

@Suite("A total after counts of a 三公 category")
struct ReaderCountedTotalTests {
    @Test func theTotalIsTheCategorysNeverTheDepartments() {
        let text = "3.公务接待费支出7.8万元。\n国内公务接待16批次，800人次，共计支出7.8万元。外事接待支出0万元。"
        let shown = ReportReader(year: 2022).read(text).map { "\($0.metric)|\($0.scope)|\($0.value.text)" }
        #expect(shown.contains("sangong.actual|sangong:reception|7.8万元"))
        #expect(!shown.contains { $0.hasPrefix("paid|all") })
        #expect(shown.contains("sangong.actual|sangong:reception|0万元"))
    }
}

@Suite("A list under a paragraph of budget and 决算")
struct ReaderListWholeTests {
    @Test func theItemsBreakDownThe决算() {
        let text = """
            （二）一般公共预算财政拨款支出决算情况。一般公共预算财政拨款支出年初预算为 20669.05 万元，支出决算为 20218.21 万元。决算数小于预算数的主要原因：部分项目调减经费。其中：
            1、公共安全支出（类）公安（款）执法办案（项）39.99 万元。主要用于：办案经费。
            """
        let claims = ReportReader(year: 2025).read(text)
        let item = claims.first { $0.value.text == "39.99万元" }
        #expect(item?.metric == ClaimMetric.paid)
    }
}
