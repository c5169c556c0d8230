import FiscalCore
import Foundation

/// Renders a `TextTable` as CSV (RFC 4180): the header line, then one line per row.
///
///     项目编码,名称,全年预算数（万元）,执行率,滞后
///     JD01,禁毒专项,1200.00,50.00%,
///     JD02,装备,800.00,10.00%,滞后
///
/// A field is quoted when it contains a comma, a double quote, CR or LF, and a double quote
/// inside is doubled: `a"b` → `"a""b"`. Lines end in "\n" (not RFC 4180's CRLF), the last
/// one included. The title, the notes and the row styles are left out: CSV is data for a
/// spreadsheet, so what a reader needs is put in the headers and cells instead: a column's
/// unit after its header, and, when the table names its flag, a last column of that name
/// holding the name on every flagged row.
///
/// `byteOrderMark` puts U+FEFF first, which Excel needs to read UTF-8 Chinese text as
/// UTF-8 rather than as the system code page (GBK).
public struct CSVRenderer: Sendable {
    public var byteOrderMark: Bool

    public init(byteOrderMark: Bool = false) {
        self.byteOrderMark = byteOrderMark
    }

    public func render(_ table: TextTable) -> String {
        var out = byteOrderMark ? "\u{FEFF}" : ""
        guard table.width > 0 else { return out }
        let units = table.columns.map { $0.unit ?? "" } + Array(repeating: "", count: table.width - table.columns.count)
        var headers = zip(table.paddedHeaders, units).map { $0 + $1 }
        if let flag = table.flagName { headers.append(flag) }
        out += Self.line(headers)
        for row in table.rows {
            var cells = table.paddedCells(row)
            if let flag = table.flagName { cells.append(row.style == .flagged ? flag : "") }
            out += Self.line(cells.map(Self.inert))
        }
        return out
    }

    /// A cell as a spreadsheet takes it as text: one that begins with `=`, `+`, `-`, `@`, a tab
    /// or a carriage return and is not a number (`-1234.56`, `-3.28`, `+5%`) would be run as
    /// a formula when the CSV is opened in Excel (a 文号 `=HYPERLINK(…)` from a received
    /// file), so it gets a leading `'`, which Excel shows as text and does not display.
    /// `fiscal export` writes the book's text unchanged, for re-import.
    static func inert(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return cell }
        let rest = cell.unicodeScalars.dropFirst()
        // A number, or a lone `-` (an undefined rate), is left as it is.
        let numeric = (first == "-" || first == "+")
            && rest.allSatisfy { ("0"..."9").contains($0) || $0 == "." || $0 == "," || $0 == "%" }
        return numeric ? cell : "'" + cell
    }

    static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\n"
    }

    /// One field, quoted if it must be.
    static func field(_ text: String) -> String { TextEscaping.csvField(text) }
}
