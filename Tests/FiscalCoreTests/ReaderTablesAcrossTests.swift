import Testing
@testable import FiscalCore

/// 三公 tables printed one cell per line (issue 11): categories across with a second header level,
/// and cells between lines that are only `|`. Text written for these tests.
@Suite("三公 tables printed one cell per line")
struct ReaderTablesAcrossTests {
    static func across(purchase: String, operation: String) -> String {
        """
        一、2024年一般公共预算“三公”经费支出预算表
        单位:万元
        “三公”经费合计 |
        因公出国(境)费 |
        公务用车购置及运行费 |
        公务接待费 |
        ||
        小计 |
        公务用车购置费 |
        公务用车运行费 |
        |||
        40 |
        0 |
        30 |
        \(purchase) |
        \(operation) |
        10 |
        二、2024年一般公共预算“三公”经费支出预算情况说明
        2024年“三公”经费支出预算为40万元。其中:公务用车购置及运行费支出预算30万元,其中:公务用车运行费10万元,公务用车购置费20万元;公务接待费支出预算10万元。
        """
    }

    @Test func categoriesAcrossUnderTwoHeaderLevels() {
        let cells = ReportReader().read(Self.across(purchase: "20", operation: "10")).filter { $0.note == "table: cell" }
        #expect(cells.map { "\($0.metric) \($0.scope) \($0.value.text)" } == [
            "sangong.budget sangong:all 40万元", "sangong.budget sangong:abroad 0万元", "sangong.budget sangong:vehicle 30万元",
            "sangong.budget sangong:vehicle-purchase 20万元", "sangong.budget sangong:vehicle-operation 10万元",
            "sangong.budget sangong:reception 10万元",
        ])
        #expect(ReportSelfCheck().check(Self.across(purchase: "20", operation: "10")).isEmpty)
    }

    @Test func theTableAgainstTheProse() {
        // The table puts 购置费 10 and 运行费 20; the prose says 运行费 10, 购置费 20.
        let findings = ReportSelfCheck().check(Self.across(purchase: "10", operation: "20"))
        #expect(findings.map { "\($0.kind) \($0.line) \($0.stated.text) \($0.expected.text)" } == [
            "consistency 19 20万元 10万元", "consistency 19 10万元 20万元",   // 购置费, then 运行费
        ])
    }

    @Test func moreLeavesThanFiguresIsNotRead() {
        let text = Self.across(purchase: "20", operation: "10").replacingOccurrences(of: "10 |\n二、", with: "二、")
        #expect(!ReportReader().read(text).contains { $0.note == "table: cell" })
    }

    @Test func cellsBetweenBarLines() {
        let text = """
            一、2024年“三公”经费支出预算表
            |
            项 目
            |
            预 算 数
            |
            |
            合 计
            |
            12.5
            |
            |
            公务接待费
            |
            2.50
            |
            |
            其中:公务用车运行费
            |
            10.00
            |
            """
        let cells = ReportReader().read(text).filter { $0.note == "table: cell" }
        #expect(cells.map { "\($0.scope) \($0.value.text)" } == ["sangong:all 12.5万元", "sangong:reception 2.50万元",
                                                                 "sangong:vehicle-operation 10.00万元"])
    }
}
