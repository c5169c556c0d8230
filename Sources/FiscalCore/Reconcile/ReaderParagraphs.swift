/// Lines joined back into the paragraphs the report wrote. Most reports are published as PDF,
/// and their extracted text breaks sentences, numbers and units across lines (`基本支出 14,206 万⏎元，
/// 占 74.59%`); read line by line, a figure loses its unit or its label. A line continues into the
/// next when it is long enough to have been wrapped, does not end a sentence, and neither line is
/// a heading, a list item's start or a table row.
struct ReaderParagraph {
    /// The joined text, as written.
    var chars: [Character]
    /// The 1-based line of the first character.
    var firstLine: Int
    /// The offsets in `chars` where each following line starts.
    var breaks: [Int] = []
    /// The 1-based line of each following line (the next one's, unless the page was in columns).
    var breakLines: [Int] = []

    /// The 1-based line of the character at `offset`.
    func line(at offset: Int) -> Int {
        let n = breaks.filter { $0 <= offset }.count
        return n == 0 ? firstLine : breakLines[n - 1]
    }
}

enum ReaderParagraphs {
    /// Below this many characters a line was not wrapped: a heading, a caption, a table cell.
    static let wrapWidth = 16

    static func join(_ lines: [[Character]]) -> [ReaderParagraph] {
        join(ordered: lines.enumerated().map { ($0.offset + 1, $0.element) })
    }

    /// Lines in reading order, each with its 1-based number (``ReaderColumns/ordered(_:)``).
    static func join(ordered numbered: [(number: Int, chars: [Character])]) -> [ReaderParagraph] {
        let lines = numbered.map(\.chars)
        var out: [ReaderParagraph] = []
        var joining = false
        for (index, line) in lines.enumerated() {
            if joining, var last = out.popLast() {
                if let a = last.chars.last, let b = line.first, ReaderText.isDigit(a), ReaderText.isDigit(b) {
                    last.chars.append(" ")   // two numbers, not one
                }
                last.breaks.append(last.chars.count)
                last.breakLines.append(numbered[index].number)
                last.chars += line
                out.append(last)
            } else {
                out.append(ReaderParagraph(chars: line, firstLine: numbered[index].number))
            }
            joining = index + 1 < lines.count && continues(line, into: lines[index + 1])
        }
        return out
    }

    static func continues(_ line: [Character], into next: [Character]) -> Bool {
        let this = trimmed(line), following = trimmed(next)
        guard this.count >= wrapWidth, let end = this.last, !following.isEmpty else { return false }
        // A line ending in `:` goes on too (主要用于:⏎发放…), unless a numbered list follows.
        if "。;!?".contains(end) { return false }
        if isTableRow(this) || isTableRow(following) || following.first == "#" { return false }
        if ReaderText.outlineMarker(following) != nil { return false }
        // A numbered heading has no punctuation inside: 五、一般公共预算财政拨款支出决算情况说明;
        // an item's function title is no heading: its figure follows on the next line.
        if ReaderText.outlineMarker(this) != nil, !this.contains(where: { ",。;".contains($0) }),
           !String(this).contains("(项)"), !String(this).contains("(类)") { return false }
        return true
    }

    /// `212 城乡社区支出 13,583.48 …` (a function-code row), `a | b`, tab-separated cells.
    static func isTableRow(_ line: [Character]) -> Bool {
        if line.contains("|") || line.contains("\t") { return true }
        var i = 0
        while i < line.count, ReaderText.isDigit(line[i]) { i += 1 }
        return [3, 5, 7].contains(i) && i < line.count && ReaderText.isSpace(line[i])
    }

    private static func trimmed(_ line: [Character]) -> [Character] {
        let n = ReaderText.normalize(line)
        guard let lo = n.firstIndex(where: { !$0.isWhitespace }), let hi = n.lastIndex(where: { !$0.isWhitespace }) else { return [] }
        return Array(n[lo...hi])
    }
}
