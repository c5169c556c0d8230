import FiscalCore
import Foundation

/// Renders tables as an .xlsx workbook, one sheet per table: the title in row 1, the unit in
/// row 2, the header in row 3 (frozen), then the rows; the other notes (尾差, what a flag
/// means) below them. A right-aligned cell that reads as a figure is written as a number —
/// amounts with `#,##0.00`, rates as percentages with `0.00%` — from the cell's own text, so
/// the workbook holds exactly the rounded figures the table shows, and a sum in Excel adds
/// the same numbers. Column widths fit the widest cell (Chinese characters count two).
struct XLSXRenderer {
    /// The workbook's parts, by their name in the zip container.
    func parts(_ tables: [TextTable]) -> [(name: String, xml: String)] {
        let names = sheetNames(tables)
        var parts: [(String, String)] = [
            ("[Content_Types].xml", XLSXParts.contentTypes(sheets: tables.count)),
            ("_rels/.rels", XLSXParts.rootRelationships),
            ("xl/workbook.xml", XLSXParts.workbook(names)),
            ("xl/_rels/workbook.xml.rels", XLSXParts.workbookRelationships(sheets: tables.count)),
            ("xl/styles.xml", XLSXParts.styles),
        ]
        for (i, table) in tables.enumerated() { parts.append(("xl/worksheets/sheet\(i + 1).xml", sheet(table))) }
        return parts
    }

    /// Sheet names: the table's title (Excel allows 31 characters, none of `[]:*?/\`), made unique.
    func sheetNames(_ tables: [TextTable]) -> [String] {
        var used = Set<String>()
        return tables.enumerated().map { i, t in
            let cleaned = String((t.title ?? "").split(separator: "\n").first ?? "")
                .filter { !"[]:*?/\\".contains($0) }
            var name = String(cleaned.prefix(28))
            if name.isEmpty || used.contains(name) { name = "\(name.isEmpty ? "Sheet" : name)\(i + 1)" }
            used.insert(name)
            return name
        }
    }

    /// Styles (see `XLSXParts.styles`): 0 text, 1 bold, 2 amount, 3 percent, 4 bold amount,
    /// 5 bold percent, 6 integer, 7 bold integer.
    private enum Style: Int { case text = 0, bold, amount, percent, boldAmount, boldPercent, integer, boldInteger }

    func sheet(_ table: TextTable) -> String {
        var rows: [[XLSXCell]] = []
        let unitNotes = table.notes.filter(isUnitNote)
        let otherNotes = table.notes.filter { !isUnitNote($0) }
        rows.append([.text(table.title?.onOneLine ?? "", bold: true)])
        rows.append([.text(unitNotes.joined(separator: "；"), bold: false)])
        var headers = table.paddedHeaders
        if let flag = table.flagName { headers.append(flag) }
        rows.append(headers.map { .text($0, bold: true) })
        let alignments = table.paddedAlignments
        for row in table.rows {
            let bold = row.style == .total || row.style == .subtotal
            var cells = zip(table.paddedCells(row), alignments).map { text, alignment in
                alignment == .right ? XLSXCell.figure(text, bold: bold) : .text(text, bold: bold)
            }
            if let flag = table.flagName { cells.append(.text(row.style == .flagged ? flag : "", bold: false)) }
            rows.append(cells)
        }
        if !otherNotes.isEmpty { rows.append([]) }
        rows += otherNotes.map { [.text($0, bold: false)] }
        return XLSXParts.worksheet(rows: rows, widths: columnWidths(rows, count: headers.count), frozenRows: 3)
    }

    private func isUnitNote(_ note: String) -> Bool { note.hasPrefix("单位：") || note.hasPrefix("unit: ") }

    /// Each column's width in Excel's character units: the widest of its header and cells
    /// (title and note rows, which span the sheet, aside).
    private func columnWidths(_ rows: [[XLSXCell]], count: Int) -> [Int] {
        var widths = Array(repeating: 6, count: count)
        for row in rows.dropFirst(2) where row.count > 1 || count == 1 {
            for (j, cell) in row.enumerated() where j < count { widths[j] = max(widths[j], displayWidth(cell.shown) + 2) }
        }
        return widths.map { min($0, 60) }
    }
}

/// One cell of the workbook: text, or a number with its format, from a table cell's text.
enum XLSXCell {
    case text(String, bold: Bool)
    case number(String, style: Int)

    /// A right-aligned cell: `1,234.56` → an amount; `50.00%` → 0.5 as a percentage; `12`
    /// → an integer; anything else (`-`, a word) stays text.
    static func figure(_ text: String, bold: Bool) -> XLSXCell {
        let plain = text.replacingOccurrences(of: ",", with: "")
        let b = bold ? 1 : 0
        if plain.hasSuffix("%"), let value = shiftedLeft(String(plain.dropLast()), by: 2) {
            return .number(value, style: 3 + 2 * b)
        }
        guard isDecimal(plain) else { return .text(text, bold: bold) }
        return .number(plain, style: plain.contains(".") ? 2 + 2 * b : 6 + b)
    }

    var shown: String {
        switch self {
        case let .text(t, _): t
        case let .number(n, style): style == 3 || style == 5 ? n + "%" : n + "000"
        }
    }

    static func isDecimal(_ s: String) -> Bool {
        let body = s.hasPrefix("-") ? s.dropFirst() : Substring(s)
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        return !body.isEmpty && parts.count <= 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }

    /// A decimal's text divided by 10^places, as text: `50.00` by 2 → `0.5000`. Exact.
    static func shiftedLeft(_ s: String, by places: Int) -> String? {
        guard isDecimal(s) else { return nil }
        let negative = s.hasPrefix("-")
        let body = negative ? String(s.dropFirst()) : s
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        let whole = String(parts[0]), fraction = parts.count == 2 ? String(parts[1]) : ""
        let padded = String(repeating: "0", count: max(0, places + 1 - whole.count)) + whole
        let cut = padded.index(padded.endIndex, offsetBy: -places)
        return (negative ? "-" : "") + padded[..<cut] + "." + padded[cut...] + fraction
    }
}
