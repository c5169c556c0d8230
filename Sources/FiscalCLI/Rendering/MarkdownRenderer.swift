import Foundation

/// Renders a `TextTable` as a GitHub-flavoured Markdown pipe table, to paste into a report.
///
///     ### 支出进度
///
///     | 项目 | 预算数 | 执行率 | 滞后 |
///     | --- | ---: | ---: | --- |
///     | JD01 办案 | 1,200.00 | 50.00% |  |
///     | JD02 装备 | 800.00 | 10.00% | ! |
///     | **合计** | **2,000.00** | **34.00%** |  |
///
///     单位：万元
///
/// The title, if any, is a `###` heading. In cells `|` is written `\|` and `\` is written `\\`
/// (so a backslash before a pipe survives); a line break becomes a space. Subtotal and total
/// rows are bold; when some row is flagged, a last column headed by the table's `flagName`
/// (滞后) holds `flagMark` on the flagged rows.
/// Each note is a paragraph of its own after the table, so each shows on its own line.
public struct MarkdownRenderer: Sendable {
    public var flagMark: String

    public init(flagMark: String = "!") {
        self.flagMark = flagMark
    }

    public func render(_ table: TextTable) -> String {
        var blocks: [String] = []
        if let title = table.title { blocks.append("### " + title.onOneLine) }

        if table.width > 0 {
            let flagColumn = table.rows.contains { $0.style == .flagged }
            var headers = table.paddedHeaders.map(Self.escape)
            var alignments = table.paddedAlignments.map { $0 == .right ? "---:" : "---" }
            if flagColumn {
                // The column says what its mark means (滞后), as CSV's flag column does.
                headers.append(Self.escape(table.flagName ?? flagMark))
                alignments.append("---")
            }
            var lines = [Self.line(headers), Self.line(alignments)]
            for row in table.rows {
                var cells = table.paddedCells(row).map(Self.escape)
                if row.style == .subtotal || row.style == .total {
                    cells = cells.map { $0.isEmpty ? $0 : "**" + $0 + "**" }
                }
                if flagColumn { cells.append(row.style == .flagged ? flagMark : "") }
                lines.append(Self.line(cells))
            }
            blocks.append(lines.joined(separator: "\n"))
        }

        blocks += table.notes.map(\.onOneLine)
        return blocks.map { $0 + "\n" }.joined(separator: "\n")
    }

    static func line(_ cells: [String]) -> String {
        "| " + cells.joined(separator: " | ") + " |"
    }

    /// A cell's text, safe inside a pipe table. Surrounding spaces are dropped: Markdown
    /// ignores them, and `** x**` would not be bold.
    static func escape(_ text: String) -> String {
        text.onOneLine
            .trimmingSpaces
            .replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "|", with: "\\|")
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
