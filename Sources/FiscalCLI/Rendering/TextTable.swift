import FiscalCore

/// A report laid out as a table: what every report is turned into before it is rendered as a
/// terminal table (`TableRenderer`), CSV (`CSVRenderer`) or Markdown (`MarkdownRenderer`).
///
/// Cells are already-formatted text ("1,200.00", "50.00%", "-"): formatting money and rates
/// is the job of whoever builds the table, so every renderer shows the same figures.
/// `RowStyle` and the notes are presentation — CSV has neither — so what a reader must not
/// lose is kept in the table itself: a 小计 label in a cell, the unit of a money column in
/// `Column.unit` (CSV adds it to the header), and what a flagged row means in `flagName`
/// (CSV adds a column of that name, filled on the flagged rows).
///
///     var table = TextTable(title: "支出进度", columns: [.init("项目"), .init("已支付", .right)])
///     table.append(["JD01 办案", "600.00"])
///     table.append(["合计", "600.00"], style: .total)
///     table.notes.append("单位：万元")
///
/// A row with fewer cells than columns is filled with empty cells; extra cells get columns
/// without a header. Line breaks and tabs inside a cell are shown as spaces by the terminal
/// and Markdown renderers, and kept (quoted) by CSV.
public struct TextTable: Sendable {
    public enum Alignment: Sendable { case left, right }

    /// `flagged` marks a row the reader should notice, e.g. a lagging project (滞后).
    public enum RowStyle: Sendable { case normal, subtotal, total, flagged }

    public struct Column: Sendable {
        public var header: String
        public var alignment: Alignment
        /// The unit of the column's amounts as the header carries it where there are no
        /// notes (CSV): `（万元）`, ` (yuan)`. The terminal and Markdown say it in a note.
        public var unit: String?
        public init(_ header: String, _ alignment: Alignment = .left, unit: String? = nil) {
            self.header = header
            self.alignment = alignment
            self.unit = unit
        }
        public init(header: String, alignment: Alignment = .left, unit: String? = nil) {
            self.init(header, alignment, unit: unit)
        }
    }

    public struct Row: Sendable {
        public var cells: [String]
        public var style: RowStyle
        public init(_ cells: [String], style: RowStyle = .normal) {
            self.cells = cells
            self.style = style
        }
        public init(cells: [String], style: RowStyle = .normal) {
            self.init(cells, style: style)
        }
    }

    public var title: String?
    public var columns: [Column]
    public var rows: [Row]
    /// Footnotes shown after the table: the unit line, the 尾差 note, what a mark means.
    public var notes: [String]
    /// What a flagged row is, in a word (滞后, lagging). The terminal and Markdown mark such a
    /// row and say what the mark means in a note; CSV writes a column of this name, holding
    /// the word on each flagged row. Nil when the table flags nothing.
    public var flagName: String?

    public init(title: String? = nil, columns: [Column], rows: [Row] = [], notes: [String] = [], flagName: String? = nil) {
        self.title = title
        self.columns = columns
        self.rows = rows
        self.notes = notes
        self.flagName = flagName
    }

    /// Columns from headers; `rightAligned` names the headers whose column is right-aligned
    /// (amounts, rates).
    public init(title: String? = nil, headers: [String], rightAligned: Set<String> = [], notes: [String] = []) {
        self.init(
            title: title,
            columns: headers.map { Column($0, rightAligned.contains($0) ? .right : .left) },
            notes: notes)
    }

    public mutating func append(_ cells: [String], style: RowStyle = .normal) {
        rows.append(Row(cells, style: style))
    }

    /// The number of columns every renderer shows: the columns, or more if a row is longer.
    public var width: Int {
        rows.reduce(columns.count) { max($0, $1.cells.count) }
    }

    /// The headers, filled to `width` with empty ones.
    var paddedHeaders: [String] {
        columns.map(\.header) + Array(repeating: "", count: width - columns.count)
    }

    /// The alignments, filled to `width` with `.left`.
    var paddedAlignments: [Alignment] {
        columns.map(\.alignment) + Array(repeating: .left, count: width - columns.count)
    }

    /// The cells of `row`, filled to `width` with empty ones.
    func paddedCells(_ row: Row) -> [String] {
        row.cells + Array(repeating: "", count: width - row.cells.count)
    }
}

extension String {
    /// The text on one line: each line break (CRLF counts as one) and tab becomes a space.
    var onOneLine: String {
        var out = ""
        for character in self {
            if character.isNewline || character == "\t" {
                out.append(" ")
            } else {
                out.append(character)
            }
        }
        return out.escapedForTerminal
    }

    /// Any control character or bidi/invisible mark that reached the book (from an older
    /// fiscal, or behind its back) shown as `\u{1B}`, never sent raw to a terminal.
    var escapedForTerminal: String { TextRules.escapedForTerminal(self) }

    var droppingTrailingSpaces: String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
