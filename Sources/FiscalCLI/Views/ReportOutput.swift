import FiscalCore
import Foundation

/// A report or listing ready to print: the same value as tables (terminal, CSV, Markdown) and
/// as JSON. Every command that shows rows builds one of these and prints it through
/// `print(for:)`, which picks the renderer, so every format of every command is made the
/// same way.
///
/// `tables` are shown one after another (a blank line between them) in the terminal and in
/// Markdown. CSV is one table of data for a spreadsheet: `csv` when the command shapes its
/// spreadsheet differently (one row per posting, raw codes), else the only table.
struct RenderedReport {
    var tables: [TextTable]
    var json: JSONValue
    var csv: TextTable?

    init(table: TextTable, json: JSONValue, csv: TextTable? = nil) {
        self.init(tables: [table], json: json, csv: csv)
    }

    init(tables: [TextTable], json: JSONValue, csv: TextTable? = nil) {
        precondition(csv != nil || tables.count == 1, "CSV is one table: say which")
        self.tables = tables
        self.json = json
        self.csv = csv
    }

    /// The output as text; empty for xlsx, which is not text (see `print(for:)`). A terminal
    /// table is narrowed to `width` columns when given; CSV starts with a BOM when `bom`.
    func text(for format: OutputFormat, width: Int? = nil, bom: Bool = false) -> String {
        switch format {
        case .table: tables.map(TableRenderer(maxWidth: width).render).joined(separator: "\n")
        case .csv: CSVRenderer(byteOrderMark: bom).render(csv ?? tables[0])
        case .markdown: tables.map(MarkdownRenderer().render).joined(separator: "\n")
        case .json: json.rendered() + "\n"
        case .html: HTMLRenderer().page(title: pageTitle, tables: tables)
        case .xlsx: ""
        }
    }

    /// The page's or workbook's title: the first table's.
    var pageTitle: String { tables.first?.title.map { String($0.split(separator: "\n").first ?? "") } ?? "fiscal" }

    /// Prints the output, or writes it to the `-o` file (an xlsx workbook always goes to one).
    func print(for output: some FormatChoice) throws {
        if output.format == .xlsx {
            try ZipWriter.write(XLSXRenderer().parts(tables), to: output.outputFile ?? "report.xlsx")
            return
        }
        // A table on stdout fits the terminal; one written to a file keeps every name whole.
        let width = output.wide || output.outputFile != nil ? nil : TerminalWidth.current()
        try writeText(text(for: output.format, width: width, bom: output.bom ?? (output.outputFile != nil)),
                      to: output.outputFile)
    }
}

/// Prints `text`, or writes it to `file` when one is given (`-o`).
func writeText(_ text: String, to file: String?) throws {
    guard let file else { return Swift.print(text, terminator: "") }
    do {
        try text.write(toFile: file, atomically: true, encoding: .utf8)
    } catch {
        throw CommandFailure(message: "-o '\(file)': " + cannotWrite(file, otherwise: error.localizedDescription))
    }
}

/// Why a file cannot be written, in the user's terms: the folder that is missing (Foundation
/// only says "The file doesn't exist"), a file where a folder should be, a folder in the way,
/// else `reason`.
func cannotWrite(_ path: String, otherwise reason: String) -> String {
    let folder = (path as NSString).deletingLastPathComponent
    let fm = FileManager.default
    var isFolder: ObjCBool = false
    if !folder.isEmpty {
        if !fm.fileExists(atPath: folder, isDirectory: &isFolder) { return "cannot write: the folder '\(folder)' does not exist" }
        if !isFolder.boolValue { return "cannot write: '\(folder)' is a file, not a folder" }
    }
    if fm.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue { return "cannot write: '\(path)' is a folder" }
    return "cannot write: \(reason)"
}

/// How a money cell reads in a report: 万元 to two decimals (rounded from exact 分) or 元.
struct MoneyStyle {
    var unit: MoneyUnit
    var lang: Language
    /// Thousands separators for people (table, Markdown); plain numbers for CSV.
    var grouping = true

    init(unit: MoneyUnit, lang: Language, grouping: Bool = true) {
        self.unit = unit; self.lang = lang; self.grouping = grouping
    }

    init(_ output: OutputOptions) {
        self.init(unit: output.unit, lang: output.lang, grouping: output.format != .csv)
    }

    func cell(_ m: Money) -> String { unit == .wan ? m.wan(grouping: grouping) : m.formatted(grouping: grouping) }

    /// A right-aligned money column: CSV writes its unit in the header (`全年预算数（万元）`).
    func column(_ header: String) -> TextTable.Column {
        TextTable.Column(header, .right, unit: headerUnit)
    }

    /// The unit's name: 万元, 元, 10,000 yuan, yuan.
    var unitName: String {
        switch (unit, lang) {
        case (.wan, .zh): "万元"
        case (.yuan, .zh): "元"
        case (.wan, .en): "10,000 yuan"
        case (.yuan, .en): "yuan"
        }
    }
    /// The unit as a header carries it: `（万元）`, ` (yuan)`.
    var headerUnit: String { lang == .zh ? "（\(unitName)）" : " (\(unitName))" }
    /// The unit as the table's note says it: `单位：万元`, `unit: yuan`.
    var unitNote: String { lang == .zh ? "单位：\(unitName)" : "unit: \(unitName)" }
    /// Rates as percents with two decimals; an undefined rate is `-`.
    static func percent(_ r: Ratio?) -> String {
        guard let r else { return "-" }
        return Money.render(hundredths: r.percentHundredths, grouping: false) + "%"
    }
    /// Percentage points with two decimals, signed.
    static func points(_ hundredths: Int64?) -> String {
        guard let hundredths else { return "-" }
        return Money.render(hundredths: hundredths, grouping: false)
    }

    /// 尾差: when the rounded parts do not add up to the rounded total, say so.
    func roundingNote(parts: [Money], total: Money, label: String) -> String? {
        guard unit == .wan else { return nil }
        let sumOfRounded = parts.reduce(Int64(0)) { $0 + $1.wanHundredths }
        let diff = total.wanHundredths - sumOfRounded
        guard diff != 0 else { return nil }
        let d = Money.render(hundredths: diff, grouping: false)
        return lang == .zh ? "尾差：\(label)各行四舍五入后合计与总计相差 \(d) 万元（总计由精确金额四舍五入）"
                           : "rounding: the rounded rows of \(label) differ from the rounded total by \(d) (totals are rounded from exact amounts)"
    }
}

extension JSONValue {
    /// A fraction as a JSON number with six decimals, from the exact ratio; `null` when undefined.
    static func rate(_ r: Ratio?) -> JSONValue {
        guard let r else { return .null }
        let scaled = r.scaled(6)
        let sign = scaled < 0 ? "-" : ""
        let m = scaled.magnitude
        let frac = String(m % 1_000_000)
        return .number("\(sign)\(m / 1_000_000).\(String(repeating: "0", count: 6 - frac.count))\(frac)")
    }
}
