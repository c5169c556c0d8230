import Testing

@testable import FiscalCLI
import FiscalCore

// What TextTable promises a reader keeps in every renderer: the unit of a money column and
// what a flagged row means. The terminal and Markdown say them in notes and marks; CSV has
// neither, so it carries them in the header and a column.

private func lagging(unit: String?, flagName: String?) -> TextTable {
    var table = TextTable(title: "支出进度", columns: [.init("项目"), .init("全年预算数", .right, unit: unit)], flagName: flagName)
    table.append(["JD01", "1200.00"])
    table.append(["JD02", "800.00"], style: .flagged)
    table.append(["合计", "2000.00"], style: .total)
    table.notes = ["单位：万元", "! 滞后：差距低于 -10.00 个百分点"]
    return table
}

@Test func csvHeadersCarryTheUnitAndFlagsAreAColumn() {
    #expect(CSVRenderer().render(lagging(unit: "（万元）", flagName: "滞后")) == """
        项目,全年预算数（万元）,滞后
        JD01,1200.00,
        JD02,800.00,滞后
        合计,2000.00,

        """)
}

@Test func csvWithoutUnitOrFlagNameIsUnchanged() {
    #expect(CSVRenderer().render(lagging(unit: nil, flagName: nil)) == "项目,全年预算数\nJD01,1200.00\nJD02,800.00\n合计,2000.00\n")
}

@Test func terminalAndMarkdownKeepTheirHeadersAndSayTheUnitInANote() {
    let table = lagging(unit: "（万元）", flagName: "滞后")
    let text = TableRenderer().render(table)
    #expect(text.contains("项目  全年预算数\n"))
    #expect(text.contains("JD02      800.00  !\n"))
    #expect(text.hasSuffix("单位：万元\n! 滞后：差距低于 -10.00 个百分点\n"))
    let markdown = MarkdownRenderer().render(table)
    #expect(markdown.contains("| 项目 | 全年预算数 | 滞后 |\n"))
    #expect(markdown.contains("| JD02 | 800.00 | ! |\n"))
    #expect(markdown.contains("\n单位：万元\n"))
}

@Test func moneyColumnsNameTheirUnitInEachLanguage() {
    #expect(MoneyStyle(unit: .wan, lang: .zh).column("全年预算数").unit == "（万元）")
    #expect(MoneyStyle(unit: .yuan, lang: .zh).column("已支付").unit == "（元）")
    #expect(MoneyStyle(unit: .wan, lang: .en).column("total budget").unit == " (10,000 yuan)")
    #expect(MoneyStyle(unit: .yuan, lang: .en).column("paid").unit == " (yuan)")
    #expect(MoneyStyle(unit: .yuan, lang: .en).column("paid").alignment == .right)
}

@Test func oneReportEveryFormat() {
    let report = RenderedReport(table: lagging(unit: "（万元）", flagName: "滞后"), json: .object([("rows", .int(3))]))
    #expect(report.text(for: .table) == TableRenderer().render(report.tables[0]))
    #expect(report.text(for: .csv) == CSVRenderer().render(report.tables[0]))
    #expect(report.text(for: .markdown) == MarkdownRenderer().render(report.tables[0]))
    #expect(report.text(for: .json) == JSONValue.object([("rows", .int(3))]).rendered() + "\n")
}

@Test func severalTablesAreSeparatedByABlankLineAndCSVIsTheDataTable() {
    let first = TextTable(headers: ["a"])
    var second = TextTable(headers: ["b"])
    second.append(["1"])
    var data = TextTable(headers: ["a", "b"])
    data.append(["", "1"])
    let report = RenderedReport(tables: [first, second], json: .null, csv: data)
    #expect(report.text(for: .table) == "a\n-\n\nb\n-\n1\n")
    #expect(report.text(for: .csv) == "a,b\n,1\n")
}

@Test func projectShowFollowsTheLanguage() {
    let project = Project(code: "JD01", name: "禁毒专项", kind: .project, fund: .general, function: nil, unit: nil)
    var figures = BudgetFigures()
    figures.initial = Money(fen: 550_000_000)
    figures.paid = Money(fen: 123_456)
    let year = ProjectShowView.Year(year: 2023, closed: true, figures: figures)
    let en = ProjectShowView(project: project, years: [year], style: MoneyStyle(unit: .yuan, lang: .en, grouping: false))
    #expect(CSVRenderer().render(en.rendered.csv!) == """
        code,name,kind,fund,function,unit,status,year,year status,total budget (yuan),paid (yuan),available (yuan),carried forward (yuan),surplus (yuan)
        JD01,禁毒专项,project,general,,,active,2023,closed,5500000.00,1234.56,0.00,0.00,0.00

        """)
    let zh = ProjectShowView(project: project, years: [year], style: MoneyStyle(unit: .yuan, lang: .zh))
    #expect(zh.rendered.text(for: .table).hasSuffix("""
        年度  年度状态    全年预算数    已支付  可执行指标  年末结转  年末结余
        ----  --------  ------------  --------  ----------  --------  --------
        2023  已结账    5,500,000.00  1,234.56        0.00      0.00      0.00
        单位：元

        """))
}
