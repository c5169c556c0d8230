import FiscalCore
import Foundation

/// Renders a `TextTable` as CSV (RFC 4180): the header line, then one line per row.
///
/// A field is quoted when it contains a comma, a double quote, CR or LF, and a double quote
/// inside is doubled: `a"b` → `"a""b"`. Lines end in "\n" (not RFC 4180's CRLF), the last
/// one included. The title, the notes and the row styles are left out: CSV is data for a
/// spreadsheet, so whatever a reader needs (units, flags) must be in the headers and cells.
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
        out += Self.line(table.paddedHeaders)
        for row in table.rows { out += Self.line(table.paddedCells(row)) }
        return out
    }

    static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\n"
    }

    /// One field, quoted if it must be.
    static func field(_ text: String) -> String { TextEscaping.csvField(text) }
}
