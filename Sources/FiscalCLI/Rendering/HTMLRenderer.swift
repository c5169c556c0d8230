import FiscalCore

/// Renders tables as one self-contained HTML page: inline CSS, no script, nothing fetched,
/// laid out for A4 landscape in print. Each table keeps the terminal's alignment, its total
/// and subtotal rows in bold, and its flagged rows marked (a `!` column, and shaded) with the
/// table's note saying what the mark means.
///
///     <h2>支出进度</h2>
///     <table><thead><tr><th>项目</th><th class="r">执行率</th>…
struct HTMLRenderer {
    var flagMark = "!"

    /// A whole page of `tables` (and any ready-made `sections` of HTML before them).
    func page(title: String, tables: [TextTable], sections: [String] = []) -> String {
        HTMLRenderer.document(title: title, body: sections.joined(separator: "\n") + tables.map(render).joined(separator: "\n"))
    }

    /// One table as a `<section>`: heading, table, notes.
    func render(_ table: TextTable) -> String {
        var out = "<section>\n"
        if let title = table.title { out += "<h2>\(escape(title.onOneLine))</h2>\n" }
        let alignments = table.paddedAlignments
        func cls(_ j: Int) -> String { alignments[j] == .right ? " class=\"r\"" : "" }
        out += "<table>\n<thead><tr>"
        out += table.paddedHeaders.enumerated().map { "<th\(cls($0))>\(escape($1))</th>" }.joined()
        if table.flagName != nil { out += "<th class=\"flag\"></th>" }
        out += "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            let rowClass: String = switch row.style {
            case .normal: ""
            case .subtotal: " class=\"subtotal\""
            case .total: " class=\"total\""
            case .flagged: " class=\"flagged\""
            }
            out += "<tr\(rowClass)>" + table.paddedCells(row).enumerated().map { "<td\(cls($0))>\(escape($1))</td>" }.joined()
            if table.flagName != nil {
                out += row.style == .flagged ? "<td class=\"flag\" title=\"\(escape(table.flagName ?? ""))\">\(flagMark)</td>" : "<td></td>"
            }
            out += "</tr>\n"
        }
        out += "</tbody>\n</table>\n"
        out += table.notes.map { "<p class=\"note\">\(escape($0))</p>\n" }.joined()
        return out + "</section>\n"
    }

    /// The page around a body: A4 landscape, fonts a Chinese system has, tables that wrap
    /// their text rather than run past the page.
    static func document(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <title>\(escape(title))</title>
        <style>
        @page { size: A4 landscape; margin: 12mm; }
        body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "SimSun", sans-serif; font-size: 10.5pt; color: #111; margin: 0 auto; max-width: 273mm; }
        h1 { font-size: 16pt; margin: 0 0 4mm; }
        h2 { font-size: 12pt; margin: 6mm 0 2mm; }
        table { border-collapse: collapse; width: 100%; table-layout: auto; page-break-inside: auto; }
        tr { page-break-inside: avoid; }
        th, td { border: 1px solid #999; padding: 1mm 1.5mm; text-align: left; vertical-align: top; overflow-wrap: anywhere; white-space: pre-wrap; }
        th { background: #eee; }
        .r { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
        tr.total td, tr.subtotal td { font-weight: bold; }
        tr.total td { border-top: 2px solid #333; }
        tr.flagged td { background: #fde8e8; }
        td.flag { color: #b00; font-weight: bold; text-align: center; }
        th.flag { width: 4mm; }
        .note { font-size: 9pt; color: #444; margin: 1mm 0; }
        .figures { display: flex; flex-wrap: wrap; gap: 4mm; margin: 2mm 0 4mm; }
        .figure { border: 1px solid #999; padding: 2mm 4mm; min-width: 40mm; }
        .figure .label { font-size: 9pt; color: #444; }
        .figure .value { font-size: 14pt; font-weight: bold; }
        svg { max-width: 100%; height: auto; }
        </style>
        </head>
        <body>
        \(body)
        </body>
        </html>

        """
    }

    static func escape(_ s: String) -> String { XLSXParts.xml(s) }
    private func escape(_ s: String) -> String { XLSXParts.xml(s) }
}
