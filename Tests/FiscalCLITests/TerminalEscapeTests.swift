import Testing

@testable import FiscalCLI

/// Text that reached a book before fiscal refused it (an older version, or written behind its
/// back) never reaches the terminal raw (issue 12): escapes and bidi marks are shown escaped.
@Test func controlCharactersInCellsTitlesAndNotesAreEscaped() {
    var table = TextTable(title: "账套\u{1B}]0;owned\u{7}", headers: ["memo"], notes: ["注\u{202E}释"])
    table.rows.append(.init(cells: ["a\u{1B}[2Jb\nc"]))
    let text = TableRenderer().render(table)
    #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E })
    #expect(text.contains("a\\u{1B}[2Jb c"))
    #expect(text.contains("账套\\u{1B}]0;owned\\u{7}"))
    #expect(text.contains("注\\u{202E}释"))
    let markdown = MarkdownRenderer().render(table)
    #expect(!markdown.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E })
    #expect(markdown.contains("a\\\\u{1B}[2Jb c"))  // the backslash escaped for Markdown
}
