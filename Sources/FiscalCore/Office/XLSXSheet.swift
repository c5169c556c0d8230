/// One worksheet of an .xlsx workbook read as rows of text: every cell as the text the import
/// reads — shared and inline strings as they are, numbers as their stored decimal text
/// (never through a floating-point value), date-formatted numbers as `YYYY-MM-DD`.
struct XLSXSheet {
    /// The sheet's name as the workbook's tabs show it.
    var name: String
    /// Non-empty rows, with their 1-based row number in the sheet.
    var rows: [(number: Int, cells: [String])]
    /// Rows covered by a merged range that spans more than one column (title rows).
    var mergedRows: Set<Int>

    /// Reads the first sheet of the workbook at `path`, or the one named `sheet`.
    static func read(path: String, sheet wanted: String?) throws(FiscalError) -> XLSXSheet {
        let package = try OfficePackage(path: path)
        guard let workbook = try package.xml("xl/workbook.xml") else {
            throw .invalidValue(field: "file", value: path, reason: "a zip archive, but not an .xlsx workbook (no xl/workbook.xml)")
        }
        let targets = try package.relationships("xl/_rels/workbook.xml.rels", base: "xl/")
        let sheets = workbook.descendants("sheet").compactMap { s -> (name: String, part: String)? in
            guard let name = s.attributes["name"], let id = s.attributes["id"], let part = targets[id] else { return nil }
            return (name, part)
        }
        guard let chosen = wanted.map({ w in sheets.first { $0.name == w } }) ?? sheets.first else {
            let names = sheets.map { "'\($0.name)'" }.joined(separator: ", ")
            throw .invalidValue(field: "sheet", value: wanted ?? "", reason: "no such sheet in \(path) (it has \(names))")
        }
        guard let root = try package.xml(chosen.part) else {
            throw .invalidValue(field: "file", value: path, reason: "sheet '\(chosen.name)' has no part \(chosen.part)")
        }
        let strings = try sharedStrings(package)
        let dates = try dateStyles(package)
        var rows: [(number: Int, cells: [String])] = []
        for row in root.descendants("row") {
            let number = row.attributes["r"].flatMap(Int.init) ?? (rows.last?.number ?? 0) + 1
            var cells: [String] = []
            for c in row.all("c") {
                let column = c.attributes["r"].flatMap(XLSXSheet.columnIndex) ?? cells.count
                while cells.count < column { cells.append("") }
                let text = cellText(c, strings: strings, dates: dates)
                if column < cells.count { cells[column] = text } else { cells.append(text) }
            }
            while let last = cells.last, last.isEmpty { cells.removeLast() }
            if !cells.isEmpty { rows.append((number, cells)) }
        }
        var merged = Set<Int>()
        for m in root.descendants("mergeCell") {
            guard let range = m.attributes["ref"], let (from, to) = cellRange(range), from.column != to.column else { continue }
            merged.formUnion(from.row...max(from.row, to.row))
        }
        return XLSXSheet(name: chosen.name, rows: rows, mergedRows: merged)
    }

    /// One cell's text by its type: `s` shared string, `inlineStr`, `str` (a formula's text),
    /// `b` boolean, `e` error, `d` ISO date, else a number.
    private static func cellText(_ c: OfficeXML, strings: [String], dates: Set<Int>) -> String {
        let value = c.first("v")?.text ?? ""
        switch c.attributes["t"] {
        case "s": return Int(value).flatMap { strings.indices.contains($0) ? strings[$0] : nil } ?? ""
        case "inlineStr": return c.first("is").map(richText) ?? ""
        case "str", "e": return value
        case "b": return value == "1" ? "TRUE" : "FALSE"
        case "d": return String(value.prefix(10))
        default:
            guard !value.isEmpty else { return "" }
            if let style = c.attributes["s"].flatMap(Int.init), dates.contains(style),
               let day = ExcelNumber.serialDate(value) { return day }
            return ExcelNumber.plain(value) ?? value
        }
    }

    /// The text of a string item (`<si>`, `<is>`): its `<t>`, or its runs' `<t>`s, without
    /// the phonetic guides (`<rPh>`).
    private static func richText(_ item: OfficeXML) -> String {
        if let t = item.first("t") { return t.text }
        return item.all("r").map { $0.first("t")?.text ?? "" }.joined()
    }

    private static func sharedStrings(_ package: OfficePackage) throws(FiscalError) -> [String] {
        guard let sst = try package.xml("xl/sharedStrings.xml") else { return [] }
        return sst.all("si").map(richText)
    }

    /// The indices of the cell formats (`cellXfs`) that show a number as a date.
    private static func dateStyles(_ package: OfficePackage) throws(FiscalError) -> Set<Int> {
        guard let styles = try package.xml("xl/styles.xml") else { return [] }
        var custom: [Int: String] = [:]
        for f in styles.first("numFmts")?.all("numFmt") ?? [] {
            if let id = f.attributes["numFmtId"].flatMap(Int.init) { custom[id] = f.attributes["formatCode"] ?? "" }
        }
        var dates = Set<Int>()
        for (i, xf) in (styles.first("cellXfs")?.all("xf") ?? []).enumerated() {
            guard let id = xf.attributes["numFmtId"].flatMap(Int.init) else { continue }
            if custom[id].map(ExcelNumber.isDateFormat) ?? ExcelNumber.builtInDateFormats.contains(id) { dates.insert(i) }
        }
        return dates
    }

    /// `C12` → column 2 (0-based).
    static func columnIndex(_ ref: String) -> Int? { cellRef(ref)?.column }

    static func cellRef(_ ref: String) -> (column: Int, row: Int)? {
        var column = 0
        var row = 0
        var letters = 0
        for u in ref.utf8 {
            if u >= 65 && u <= 90 { guard row == 0 else { return nil }; column = column * 26 + Int(u - 64); letters += 1 }
            else if u >= 48 && u <= 57 { row = row * 10 + Int(u - 48) }
            else if u != 36 { return nil }  // `$` of an absolute reference
        }
        return letters > 0 ? (column - 1, row) : nil
    }

    private static func cellRange(_ ref: String) -> ((column: Int, row: Int), (column: Int, row: Int))? {
        let parts = ref.split(separator: ":").map(String.init)
        guard parts.count == 2, let a = cellRef(parts[0]), let b = cellRef(parts[1]) else { return nil }
        return (a, b)
    }
}
