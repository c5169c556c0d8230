import Testing
@testable import FiscalCore

/// A 决算 form flattened into one line (issue 11). Text written for this test, in the layout a
/// spreadsheet shown as text has.
@Suite("A 决算 form flattened into one line")
struct ReaderFlatStatementsTests {
    static let line = "收入支出决算总表 收入 项目 行次 金额 一、一般公共预算财政拨款收入 1 二、事业收入 2 三、其他收入 3 "
        + "1,200,000.00 300,000.00 4 5 本年收入合计 6 1,500,000.00 金额单位:元 支出 项目 行次 金额 "
        + "一、一般公共服务支出 7 1,000,000.00 二、卫生健康支出 8 500,000.00 三、节能环保支出 9"

    @Test func anAmountIsARowsOnlyWhenItIsTheOneAfterItsRowNumber() {
        let claims = ReaderFlatStatements.read(ReaderText.lines(Self.line)).claims
        #expect(claims.map { "\($0.metric) \($0.scope) \($0.value.text)" } == [
            "  1200000.00元", "  300000.00元",              // two amounts after a run of rows: rows unknown
            "income all 1500000.00元",                      // 本年收入合计 6, then its one amount
            "paid function:201 1000000.00元", "paid function:210 500000.00元",
        ])
    }

    @Test func aLineWithoutTheFormsUnitIsNotRead() {
        let prose = Self.line.replacingOccurrences(of: "金额单位:元", with: "")
        #expect(ReaderFlatStatements.read(ReaderText.lines(prose)).claims.isEmpty)
    }
}
