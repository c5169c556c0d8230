import Testing
@testable import FiscalCore

/// A 自评表 a web page flattened to one cell per line (issue 11, pattern 5). The text is written
/// for this test, in the layout of pages found in the wild.
@Suite("Tables flattened to one cell per line")
struct ReaderCellBlocksTests {
    static let form = """
        项目名称

        城区污水管网改造项目



        预算执行情况(万元)

        (20分)


        预算数(A)

        执行数(B)

        执行率(B/A)

        得分

        (20分*执行率)



        年度资金总额

        120.5

        96.4

        80

        16



        一级指标

        二级指标

        三级指标

        年初目标值(A)

        实际完成值(B)

        得分



        产出指标

        数量指标

        管网长度(≥**米)

        850

        900

        10



        检查井(≥座)

        40

        38

        9
        """

    @Test func cellsAreReadByTheirColumnHeader() {
        let claims = ReaderCellBlocks.read(ReaderText.lines(Self.form)).claims
        let shown = claims.map { "\($0.line)|\($0.metric)|\($0.scope)|\($0.value.text)" }
        #expect(shown == [
            "26|budget.current|project:城区污水管网改造项目|120.5万元",
            "28|paid|project:城区污水管网改造项目|96.4万元",
            "30|rate.execution|project:城区污水管网改造项目|80%",
            "32|||16分",
            // A target's unit is its row label's: 管网长度(≥**米) is in 米.
            "56|||850米", "58|||900米", "60|||10分",
            "66|||40座", "68|||38座", "70|||9分",
        ])
    }

    @Test func theProseReaderKeepsTheHeadingsAndTheRestAreNotReadTwice() {
        let claims = ReportReader().read(Self.form)
        // (20分) stays the prose reader's; every cell is read once.
        #expect(claims.filter { $0.line == 26 }.count == 1)
        #expect(claims.contains { $0.value.text == "20分" })
    }

    @Test func shortLinesWithoutAHeaderAreNoTable() {
        let list = "一、部门概况\n\n\n\n机关科室\n\n5\n\n\n\n下属单位\n\n3\n"
        #expect(ReaderCellBlocks.read(ReaderText.lines(list)).claims.isEmpty)
    }
}

/// A table by years, its columns aligned with spaces and its header split over two lines, as
/// `pdftotext -layout` gives a yearbook's page (written for this test).
@Suite("Tables whose rows are years")
struct ReaderYearTableTests {
    static let text = """
                          2019—2023 年度某县财政收支情况表

              年份         财政总收入   (亿元)                          一般公共预算支出(亿元)
                                              比上年增长    (%)                             比上年增长   (%)
              2022              40.97               9.4                  45.80                2.8
              2023              43.89               7.1                  42.13               -8.0
        """

    @Test func thisYearsRowIsReadByItsHeadersAndTheOthersArePriorYear() {
        let claims = ReportReader(year: 2023).read(Self.text)
        let shown = claims.map { "\($0.line)|\($0.metric)|\($0.scope)|\($0.value.text)" }
        #expect(shown == [
            "5|prior_year|all|409700.00万元", "5|prior_year|all|9.4%", "5|prior_year|fund:general|458000.00万元",
            "5|prior_year|fund:general|2.8%",
            // 财政总收入 is revenue collected for every level: no ledger figure.
            "6|||438900.00万元", "6|prior_year|all|7.1%", "6|paid|fund:general|421300.00万元", "6|prior_year|fund:general|-8.0%",
        ])
    }
}

/// A 收入支出决算总表 with 行次, its blank cells gone from the text (written for this test).
@Suite("决算 forms with 行次")
struct ReaderNumberedTableTests {
    static let text = """
        收入支出决算总表
        单位:万元
        收入 | 支出 | ||||
        项目 | 行次 | 金额 | 项目 | 行次 | 金额 |
        栏次 | 1 | 栏次 | 2 | ||
        一、财政拨款收入 | 1 | 625.58 | 一、一般公共服务支出 | 4 | |
        二、事业收入 | 2 | 34221.23 | 二、卫生健康支出 | 5 | 36341.62 |
        3 | 三、教育支出 | 6 | |||
        本年收入合计 | 4 | 34846.81 | 本年支出合计 | 7 | 36341.62 |
        年初结转和结余 | 5 | 364.65 | 年末结转和结余 | 8 | 474.38 |
        6 | 364.65 | 9 | |||
        """

    @Test func eachSideIsLabelNumberAmount() {
        let claims = ReportReader(year: 2023).read(Self.text)
        let shown = claims.map { "\($0.line)|\($0.metric)|\($0.scope)|\($0.value.text)" }
        #expect(shown == [
            "6|income|source:fiscal|625.58万元",
            "7|income|source:business|34221.23万元", "7|paid|function:210|36341.62万元",
            "9|income|all|34846.81万元", "9|paid|all|36341.62万元",
            "10|carry_in|all|364.65万元", "10|carry_out|all|474.38万元",
            // An amount whose label cell is empty is read, never mapped.
            "11|||364.65万元",
        ])
    }
}
