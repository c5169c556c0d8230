/// Renders a `TextTable` for a terminal: columns padded by display width so Chinese text lines
/// up, plain ASCII rules, no colour, no trailing spaces, every line ending in "\n".
///
///     支出进度
///     项目         预算数  执行率
///     ---------  --------  ------
///     JD01 办案  1,200.00  50.00%
///     JD02 装备    800.00  10.00%  !
///     =========  ========  ======
///     合计       2,000.00  34.00%
///     单位：万元
///
/// Rules are ASCII: box-drawing "─" is of ambiguous East Asian width and takes two columns in
/// terminals set up for Chinese, which would break the alignment. A `-` rule goes under the
/// header and above a subtotal row, a `=` rule above a total row (not directly under the
/// header, and not between consecutive rows of the same style). A flagged row gets
/// `flagMark` in a column of its own after the last column.
///
/// With `maxWidth`, a table wider than that is narrowed by shortening the text of its
/// left-aligned columns (names, memos; never the first column — the rows' codes and the
/// sections' labels — nor a column of dates) with `…`, widest first, never below its header or
/// `minimumTextWidth`; amounts and rates are never cut. A table that still does not fit is
/// printed as narrow as it gets.
public struct TableRenderer: Sendable {
    /// Spaces between columns.
    public var columnGap: Int
    /// What marks a flagged row, e.g. a lagging project. Say what it means in a note.
    public var flagMark: String
    /// The terminal's width in columns; nil never shortens (`--wide`, a file).
    public var maxWidth: Int?
    /// The narrowest a shortened text column gets.
    public var minimumTextWidth = 8

    public init(columnGap: Int = 2, flagMark: String = "!", maxWidth: Int? = nil) {
        self.columnGap = max(1, columnGap)
        self.flagMark = flagMark
        self.maxWidth = maxWidth
    }

    /// The column widths narrowed to fit `maxWidth`: the widest shortenable column loses a
    /// column at a time.
    func fitting(_ widths: [Int], headers: [String], alignments: [TextTable.Alignment],
                 flagged: Bool, dates: [Bool] = []) -> [Int] {
        guard let maxWidth else { return widths }
        var widths = widths
        // The first column holds the rows' codes and the sections' labels (一般公共预算): those
        // stay whole, as does a column of dates (2023-03… says nothing).
        let floor = widths.indices.map { j in
            alignments[j] == .left && j > 0 && !(j < dates.count && dates[j])
                ? max(displayWidth(headers[j]), minimumTextWidth) : widths[j]
        }
        var total = widths.reduce(0, +) + columnGap * (widths.count - 1) + (flagged ? columnGap + displayWidth(flagMark) : 0)
        while total > maxWidth {
            guard let j = widths.indices.filter({ widths[$0] > floor[$0] }).max(by: { widths[$0] < widths[$1] }) else { break }
            widths[j] -= 1
            total -= 1
        }
        return widths
    }

    public func render(_ table: TextTable) -> String {
        var lines: [String] = []
        if let title = table.title {
            lines += title.split(separator: "\n", omittingEmptySubsequences: false).map { String($0).escapedForTerminal }
        }

        let width = table.width
        if width > 0 {
            let headers = table.paddedHeaders.map(\.onOneLine)
            let alignments = table.paddedAlignments
            let rows = table.rows.map { (cells: table.paddedCells($0).map(\.onOneLine), style: $0.style) }
            var widths = headers.map { max(1, displayWidth($0)) }
            for row in rows {
                for (j, cell) in row.cells.enumerated() { widths[j] = max(widths[j], displayWidth(cell)) }
            }
            let natural = widths
            widths = fitting(widths, headers: headers, alignments: alignments,
                             flagged: rows.contains { $0.style == .flagged },
                             dates: widths.indices.map { j in rows.allSatisfy { $0.cells[j].isEmpty || $0.cells[j].isDay } })
            let gap = String(repeating: " ", count: columnGap)

            func line(_ cells: [String], flagged: Bool = false) -> String {
                var text = zip(cells.indices, zip(widths, alignments))
                    .map { j, format in
                        let cell = format.0 < natural[j] ? shorten(cells[j], to: format.0) : cells[j]
                        return pad(cell, to: format.0, alignment: format.1)
                    }
                    .joined(separator: gap)
                if flagged { text += gap + flagMark }
                return text.droppingTrailingSpaces
            }
            func rule(_ mark: Character) -> String {
                widths.map { String(repeating: mark, count: $0) }.joined(separator: gap)
            }

            lines.append(line(headers))
            lines.append(rule("-"))
            var previous: TextTable.RowStyle? = nil
            for row in rows {
                if let previous, previous != row.style {
                    if row.style == .subtotal { lines.append(rule("-")) }
                    if row.style == .total { lines.append(rule("=")) }
                }
                lines.append(line(row.cells, flagged: row.style == .flagged))
                previous = row.style
            }
        }

        lines += table.notes.flatMap { $0.split(separator: "\n", omittingEmptySubsequences: false).map { String($0).escapedForTerminal } }
        return lines.map { $0.droppingTrailingSpaces + "\n" }.joined()
    }
}

private extension String {
    /// `2023-03-10`: a date as every table prints it.
    var isDay: Bool {
        utf8.count == 10 && utf8.enumerated().allSatisfy { i, c in i == 4 || i == 7 ? c == 0x2D : c >= 0x30 && c <= 0x39 }
    }
}
