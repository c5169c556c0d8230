import Foundation
import Testing

@testable import FiscalCLI

#if canImport(FoundationXML)
import FoundationXML
#endif

// MARK: - Display width

@Test func asciiIsOneColumnEach() {
    #expect(displayWidth("") == 0)
    #expect(displayWidth("JD01 pay 1,200.00") == 17)
}

@Test func cjkIsTwoColumnsEach() {
    #expect(displayWidth("办案经费") == 8)
    #expect(displayWidth("カタカナ") == 8)
    #expect(displayWidth("ひらがな") == 8)
    #expect(displayWidth("한국어") == 6)
    #expect(displayWidth("𠀀") == 2)  // CJK extension B
}

@Test func fullWidthPunctuationIsTwoColumnsEach() {
    #expect(displayWidth("，。、（）") == 10)
    #expect(displayWidth("「」《》【】") == 12)  // U+300C… CJK brackets
    #expect(displayWidth("：；！？") == 8)        // U+FF1A… full-width forms
    #expect(displayWidth("１２Ａ") == 6)
    #expect(displayWidth("￥") == 2)              // U+FFE5
    #expect(displayWidth("\u{3000}") == 2)        // ideographic space
}

@Test func ambiguousAndCombiningCharacters() {
    // East Asian Ambiguous: one column, as terminals show them by default.
    #expect(displayWidth("“”") == 2)
    #expect(displayWidth("─") == 1)
    // Combining marks take no column of their own.
    #expect(displayWidth("e\u{301}") == 1)
    #expect(displayWidth("a\u{200B}b") == 2)  // zero-width space
}

@Test func mixedText() {
    #expect(displayWidth("JD01 办案（一期）") == 17)
    #expect(displayWidth("执行率50.00%") == 12)
    #expect(displayWidth("单位：万元") == 10)
}

@Test func paddingCountsDisplayColumns() {
    #expect(pad("合计", to: 6, alignment: .left) == "合计  ")
    #expect(pad("1.00", to: 6, alignment: .right) == "  1.00")
    #expect(pad("办案经费", to: 4, alignment: .right) == "办案经费")  // never cut
}

// MARK: - Terminal table

private func sampleTable() -> TextTable {
    TextTable(
        title: "支出进度",
        columns: [.init("项目"), .init("预算数", .right), .init("执行率", .right)],
        rows: [
            .init(["JD01 办案", "1,200.00", "50.00%"]),
            .init(["JD02 装备", "800.00", "10.00%"], style: .flagged),
            .init(["合计", "2,000.00", "34.00%"], style: .total),
        ],
        notes: ["单位：万元"])
}

@Test func smallTableRendersExactly() {
    let expected = """
        支出进度
        项目         预算数  执行率
        ---------  --------  ------
        JD01 办案  1,200.00  50.00%
        JD02 装备    800.00  10.00%  !
        =========  ========  ======
        合计       2,000.00  34.00%
        单位：万元

        """
    #expect(TableRenderer().render(sampleTable()) == expected)
}

/// The display column at which `cell` starts in `line`.
private func column(of cell: String, in line: String) -> Int? {
    guard let range = line.range(of: cell) else { return nil }
    return displayWidth(String(line[..<range.lowerBound]))
}

@Test func chineseColumnsLineUp() {
    var table = TextTable(headers: ["项目名称", "资金性质", "code", "已支付（万元）"], rightAligned: ["已支付（万元）"])
    table.append(["执法办案专项经费", "一般公共预算", "2040201", "1,234.56"])
    table.append(["Police cars", "政府性基金", "2040299", "7.00"])
    table.append(["“雪亮工程”", "other", "204", "0.00"])
    table.append(["小计", "", "", "1,241.56"], style: .subtotal)
    let lines = TableRenderer().render(table).split(separator: "\n").map(String.init)
    #expect(lines.count == 7)  // header, rule, 3 rows, rule, subtotal
    // The last column is right-aligned, so every line (rules included) ends at the same column.
    let widths = Set(lines.map(displayWidth))
    #expect(widths.count == 1, "line widths \(lines.map(displayWidth))")
    // Each row's cells start where the header's do.
    let header = lines[0]
    let starts = ["资金性质", "code"].map { column(of: $0, in: header)! }
    for (row, cells) in [(2, ["一般公共预算", "2040201"]), (3, ["政府性基金", "2040299"]), (4, ["other", "204"])] {
        #expect(cells.map { column(of: $0, in: lines[row]) } == starts, "row \(lines[row])")
    }
    for line in lines { #expect(!line.hasSuffix(" ")) }
}

@Test func rulesAboveSubtotalsAndTotalsButNotTwice() {
    var table = TextTable(columns: [.init("类"), .init("金额", .right)])
    table.append(["合计", "3"], style: .total)       // first row: the header rule is enough
    table.append(["基本支出", "1"], style: .subtotal)
    table.append(["  人员经费", "1"])
    table.append(["项目支出", "2"], style: .subtotal)
    table.append(["一般", "1"], style: .subtotal)     // consecutive subtotals share one rule
    let expected = """
        类          金额
        ----------  ----
        合计           3
        ----------  ----
        基本支出       1
          人员经费     1
        ----------  ----
        项目支出       2
        一般           1

        """
    #expect(TableRenderer().render(table) == expected)
}

@Test func shortAndLongRowsAndLineBreaks() {
    var table = TextTable(headers: ["a", "b"])
    table.append(["1"])
    table.append(["1", "2", "extra"])
    table.append(["x\ny", "tab\there"])
    let expected = """
        a    b
        ---  --------  -----
        1
        1    2         extra
        x y  tab here

        """
    #expect(TableRenderer().render(table) == expected)
}

@Test func emptyTableShowsHeaderAndNotes() {
    let table = TextTable(headers: ["项目", "金额"], rightAligned: ["金额"], notes: ["无"])
    #expect(TableRenderer().render(table) == "项目  金额\n----  ----\n无\n")
}

// MARK: - CSV

@Test func csvQuotesOnlyWhatMustBeQuoted() {
    var table = TextTable(title: "ignored", headers: ["项目", "金额"], notes: ["ignored too"])
    table.append(["JD01 办案", "1,200.00"])
    table.append(["他说\"好\"", "7"])
    table.append(["two\nlines", "carriage\rreturn"])
    table.append(["plain", ""], style: .total)
    let expected = "项目,金额\nJD01 办案,\"1,200.00\"\n\"他说\"\"好\"\"\",7\n\"two\nlines\",\"carriage\rreturn\"\nplain,\n"
    #expect(CSVRenderer().render(table) == expected)
}

@Test func csvByteOrderMarkForExcel() {
    let table = TextTable(headers: ["项目"])
    #expect(CSVRenderer(byteOrderMark: true).render(table) == "\u{FEFF}项目\n")
    #expect(CSVRenderer().render(TextTable(columns: [])) == "")
}

// MARK: - Markdown

@Test func markdownTableWithAlignmentEscapingAndBold() {
    var table = sampleTable()
    table.rows[0].cells[0] = "JD01 a|b"
    table.notes.append("尾差：各项之和与合计相差0.01")
    let expected = """
        ### 支出进度

        | 项目 | 预算数 | 执行率 | ! |
        | --- | ---: | ---: | --- |
        | JD01 a\\|b | 1,200.00 | 50.00% |  |
        | JD02 装备 | 800.00 | 10.00% | ! |
        | **合计** | **2,000.00** | **34.00%** |  |

        单位：万元

        尾差：各项之和与合计相差0.01

        """
    #expect(MarkdownRenderer().render(table) == expected)
}

@Test func markdownEscapesBackslashBeforePipe() {
    #expect(MarkdownRenderer.escape("a\\|b") == "a\\\\\\|b")
    #expect(MarkdownRenderer.escape(" 小计\n合计 ") == "小计 合计")
}

@Test func markdownWithoutTitleOrFlags() {
    var table = TextTable(headers: ["类", "金额"], rightAligned: ["金额"])
    table.append(["小计", ""], style: .subtotal)
    #expect(MarkdownRenderer().render(table) == "| 类 | 金额 |\n| --- | ---: |\n| **小计** |  |\n")
}

// MARK: - SVG

/// What an XML parser saw in a document.
private final class XMLSummary: NSObject, XMLParserDelegate {
    var elements: [(name: String, attributes: [String: String])] = []
    var texts: [String] = []
    private var text = ""

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        elements.append((name, attributes))
        text = ""
    }
    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "text" { texts.append(text) }
        text = ""
    }
}

private func parse(_ svg: String) -> (ok: Bool, summary: XMLSummary) {
    let parser = XMLParser(data: Data(svg.utf8))
    let summary = XMLSummary()
    parser.delegate = summary
    return (parser.parse(), summary)
}

private let nastyName = "R&D <新> \"重点\" '一期'"

private func sampleChart() -> LineChart {
    LineChart(
        title: "2023年预算执行率 & 序时进度",
        xLabels: (1...12).map { "\($0)月" },
        series: [
            .timeProgress(name: "序时进度"),
            .init(name: "全部", values: [0.05, 0.12, 0.2, 0.28, 0.35, 0.45, 0.52, 0.6, 0.68, 0.75, 0.86, 0.98]),
            .init(name: nastyName, values: [0.0, 0.1, nil, 0.3, 0.4, nil, nil, 0.5, 0.55, 0.7, 0.9, 1.0]),
        ],
        yMax: 1.0)
}

@Test func svgIsWellFormedStandaloneSVG() throws {
    let svg = renderSVG(sampleChart())
    let (ok, summary) = parse(svg)
    #expect(ok)
    let root = try #require(summary.elements.first)
    #expect(root.name == "svg")
    #expect(root.attributes["xmlns"] == "http://www.w3.org/2000/svg")
    #expect(root.attributes["width"] != nil && root.attributes["height"] != nil)
    #expect(root.attributes["viewBox"]?.hasPrefix("0 0 ") == true)
    #expect(root.attributes["font-family"]?.hasPrefix("'Noto Sans CJK SC'") == true)
    #expect(summary.texts.contains("0%") && summary.texts.contains("20%") && summary.texts.contains("100%"))
    #expect(summary.texts.contains("1月") && summary.texts.contains("12月"))
    #expect(renderSVG(sampleChart()) == svg)  // deterministic
}

@Test func svgEscapesEverySeriesName() {
    let svg = renderSVG(sampleChart())
    #expect(svg.contains("R&amp;D &lt;新&gt; &quot;重点&quot; &apos;一期&apos;"))
    #expect(svg.contains("2023年预算执行率 &amp; 序时进度"))
    let texts = parse(svg).summary.texts
    for name in ["序时进度", "全部", nastyName] { #expect(texts.contains(name)) }
}

@Test func svgNilValuesBreakTheLine() {
    let paths = parse(renderSVG(sampleChart())).summary.elements.filter { $0.name == "path" }
    #expect(paths.count == 3)
    let moves = paths.map { $0.attributes["d", default: ""].filter { $0 == "M" }.count }
    #expect(moves == [1, 1, 3])  // the third series has two gaps
    #expect(paths[0].attributes["stroke-dasharray"] != nil)
    #expect(paths[1].attributes["stroke-dasharray"] == nil)
    let colours = paths.map { $0.attributes["stroke", default: ""] }
    #expect(Set(colours).count == 3)
}

@Test func svgAxisGrowsToFitLargeValues() {
    let chart = LineChart(title: "t", xLabels: ["a"], series: [.init(name: "s", values: [1.3])], yMax: 1.0)
    let texts = parse(renderSVG(chart)).summary.texts
    #expect(texts.contains("140%"))
    #expect(!texts.contains("160%"))
}

// MARK: - Fitting the terminal

@Test func aWideTableShortensItsTextColumnsWithAnEllipsisNeverItsAmounts() {
    var table = TextTable(columns: [.init("编码"), .init("名称"), .init("金额", .right)])
    table.append(["XM02", "公安强制隔离戒毒所经费", "1,200,000.00"])
    table.append(["XM03", "短名", "800.00"])
    // Natural: 4 + 2 + 22 + 2 + 12 = 42 columns.
    #expect(TableRenderer().render(table).split(separator: "\n")[2] == "XM02  公安强制隔离戒毒所经费  1,200,000.00")
    let narrow = TableRenderer(maxWidth: 30).render(table)
    #expect(narrow == """
        编码  名称                金额
        ----  ----------  ------------
        XM02  公安强制…   1,200,000.00
        XM03  短名              800.00

        """)
    // Never below the header or eight columns: a table that cannot fit is as narrow as it gets.
    #expect(TableRenderer(maxWidth: 10).render(table).split(separator: "\n")[2] == "XM02  公安强…   1,200,000.00")
}

@Test func shortenCutsByDisplayColumns() {
    #expect(shorten("公安强制隔离戒毒所经费", to: 9) == "公安强制…")
    #expect(shorten("abcdefghij", to: 5) == "abcd…")
    #expect(shorten("短名", to: 4) == "短名")
}

@Test func theTerminalWidthIsColumnsElse120() {
    #expect(TerminalWidth.current(environment: ["COLUMNS": "80"]) == 80)
    #expect(TerminalWidth.current(environment: ["COLUMNS": "wide"]) == TerminalWidth.current(environment: [:]))
}
