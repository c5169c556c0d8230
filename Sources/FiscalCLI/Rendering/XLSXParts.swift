import FiscalCore

/// The fixed parts of an .xlsx workbook (ECMA-376, SpreadsheetML) and its worksheets, as text.
/// Strings are written inline (`inlineStr`), so there is no shared-string table to keep.
enum XLSXParts {
    static let mainNS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let header = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"

    static func contentTypes(sheets: Int) -> String {
        header + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
            + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
            + #"<Default Extension="xml" ContentType="application/xml"/>"#
            + #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
            + #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
            + (1...max(1, sheets)).map { #"<Override PartName="/xl/worksheets/sheet\#($0).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"# }.joined()
            + "</Types>"
    }

    static let rootRelationships = header
        + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + #"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>"#
        + "</Relationships>"

    static func workbook(_ names: [String]) -> String {
        header + #"<workbook xmlns="\#(mainNS)" xmlns:r="\#(relNS)"><sheets>"#
            + names.enumerated().map { #"<sheet name="\#(xml($1))" sheetId="\#($0 + 1)" r:id="rId\#($0 + 1)"/>"# }.joined()
            + "</sheets></workbook>"
    }

    static func workbookRelationships(sheets: Int) -> String {
        header + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
            + (1...max(1, sheets)).map { #"<Relationship Id="rId\#($0)" Type="\#(relNS)/worksheet" Target="worksheets/sheet\#($0).xml"/>"# }.joined()
            + #"<Relationship Id="rId\#(sheets + 1)" Type="\#(relNS)/styles" Target="styles.xml"/>"#
            + "</Relationships>"
    }

    /// Cell formats in the order `XLSXRenderer.Style` numbers them: text, bold, amount
    /// (`#,##0.00`, built-in 4), percent (`0.00%`, built-in 10), bold amount, bold percent,
    /// integer (`#,##0`, built-in 3), bold integer. Fonts: 0 宋体 11, 1 the same bold.
    static let styles = header + #"<styleSheet xmlns="\#(mainNS)">"#
        + #"<fonts count="2"><font><sz val="11"/><name val="宋体"/></font><font><b/><sz val="11"/><name val="宋体"/></font></fonts>"#
        + #"<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>"#
        + #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
        + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
        + #"<cellXfs count="8">"#
        + [(0, 0), (0, 1), (4, 0), (10, 0), (4, 1), (10, 1), (3, 0), (3, 1)].map { fmt, font in
            #"<xf numFmtId="\#(fmt)" fontId="\#(font)" fillId="0" borderId="0" xfId="0""#
                + (fmt == 0 ? "" : #" applyNumberFormat="1""#) + (font == 0 ? "" : #" applyFont="1""#) + "/>"
        }.joined()
        + "</cellXfs>" + #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"# + "</styleSheet>"

    static func worksheet(rows: [[XLSXCell]], widths: [Int], frozenRows: Int) -> String {
        var out = header + #"<worksheet xmlns="\#(mainNS)" xmlns:r="\#(relNS)">"#
        out += #"<sheetViews><sheetView workbookViewId="0"><pane ySplit="\#(frozenRows)" topLeftCell="A\#(frozenRows + 1)" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>"#
        out += "<cols>" + widths.enumerated().map { #"<col min="\#($0 + 1)" max="\#($0 + 1)" width="\#($1)" customWidth="1"/>"# }.joined() + "</cols>"
        out += "<sheetData>"
        for (i, row) in rows.enumerated() {
            out += #"<row r="\#(i + 1)">"#
            for (j, cell) in row.enumerated() {
                let ref = column(j) + String(i + 1)
                switch cell {
                case let .text(t, bold):
                    if t.isEmpty { continue }
                    out += #"<c r="\#(ref)" t="inlineStr"\#(bold ? #" s="1""# : "")><is><t xml:space="preserve">\#(xml(t))</t></is></c>"#
                case let .number(n, style):
                    out += #"<c r="\#(ref)" s="\#(style)"><v>\#(n)</v></c>"#
                }
            }
            out += "</row>"
        }
        return out + "</sheetData></worksheet>"
    }

    /// Column `j` (0-based) as letters: 0 → A, 26 → AA.
    static func column(_ j: Int) -> String {
        var n = j + 1
        var name = ""
        while n > 0 {
            let r = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + r))) + name
            n = (n - 1) / 26
        }
        return name
    }

    /// Text escaped for XML content and attributes.
    static func xml(_ s: String) -> String { TextEscaping.xml(s) }
}
