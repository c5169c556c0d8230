import Foundation

/// Character-level normalisation of report text, one character for one character, so that a
/// position in the normalised text is the same position in the text as written (labels are cut
/// from the original, everything else is read from the normalised copy).
///
/// - full-width ASCII (U+FF01…U+FF5E: `，：；（）％０-９．`) → ASCII; ideographic, no-break and
///   other wide spaces → space;
/// - curly and corner quotes → `"`/`'`; 〔〕【】 → `[` `]`; `−` (minus sign) → `-`;
/// - variant characters that creep in when text is copied out of a filed document
///   (黒 → 黑, 経 → 经, 費 → 费 …).
enum ReaderText {
    static let variants: [Character: Character] = [
        "黒": "黑", "経": "经", "費": "费", "収": "收", "関": "关", "発": "发",
        "総": "总", "増": "增", "減": "减", "険": "险", "単": "单", "円": "元",
    ]

    static func normalize(_ c: Character) -> Character {
        if let v = variants[c] { return v }
        guard c.unicodeScalars.count == 1, let s = c.unicodeScalars.first else { return c }
        switch s.value {
        case 0xFF01...0xFF5E: return Character(Unicode.Scalar(s.value - 0xFEE0)!)
        case 0x3000, 0x00A0, 0x2000...0x200A, 0x202F: return " "
        case 0x201C, 0x201D, 0x300C, 0x300D, 0x300E, 0x300F: return "\""
        case 0x2018, 0x2019: return "'"
        case 0x3014, 0x3010: return "["
        case 0x3015, 0x3011: return "]"
        case 0x2212, 0x2013, 0x2014: return "-"
        default: return c
        }
    }

    static func normalize(_ chars: [Character]) -> [Character] { chars.map { normalize($0) } }

    /// Normalises a name for matching: characters normalised, then quotes, brackets and
    /// whitespace removed. `“扫黒专项经费”` → `扫黑专项经费`.
    static func key(_ s: String) -> String {
        String(normalize(Array(s)).filter { !isQuoteOrBracket($0) && !$0.isWhitespace })
    }

    static func isQuoteOrBracket(_ c: Character) -> Bool {
        "\"'()[]<>《》〈〉「」『』".contains(c)
    }

    /// The lines of a text, split on any newline (`\r\n` is one), 1-based by position.
    static func lines(_ text: String) -> [[Character]] {
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map { Array($0) }
    }

    static func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }
    static func isASCIILetter(_ c: Character) -> Bool { c.isASCII && c.isLetter }
    static func isSpace(_ c: Character) -> Bool { c == " " || c == "\t" }

    /// Sentence ends: 。; ! ?
    static func isSentenceEnd(_ c: Character) -> Bool { "。;!?".contains(c) }
    /// Clause separators inside a sentence (after normalisation).
    static func isClauseSeparator(_ c: Character) -> Bool { ",;:。!?".contains(c) }

    static let chineseNumerals: Set<Character> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "零", "〇"]

    /// The outline level of a line's leading marker and where the text after it starts:
    /// `第一部分` 0, `一、` and `1、` 1, `(一)` 2, `1.` 3, `(1)` 4, `①` 5. `nil` for no marker.
    static func outlineMarker(_ line: [Character]) -> (level: Int, textStart: Int)? {
        var i = 0
        while i < line.count, line[i].isWhitespace { i += 1 }
        guard i < line.count else { return nil }
        func run(_ from: Int, _ pred: (Character) -> Bool) -> Int {
            var j = from
            while j < line.count, pred(line[j]) { j += 1 }
            return j
        }
        let c = line[i]
        if c == "第" {
            let j = run(i + 1) { chineseNumerals.contains($0) || isDigit($0) }
            if j > i + 1, j < line.count, "部章节".contains(line[j]) { return (0, j + 1) }
            return nil
        }
        if chineseNumerals.contains(c) {
            let j = run(i, { chineseNumerals.contains($0) })
            if j < line.count, "、.".contains(line[j]) { return (1, j + 1) }
            return nil
        }
        if isDigit(c) {
            let j = run(i, isDigit)
            guard j < line.count, j - i <= 2 else { return nil }
            if line[j] == "、" { return (1, j + 1) }
            if line[j] == ".", j + 1 >= line.count || !isDigit(line[j + 1]) { return (3, j + 1) }
            return nil
        }
        if c == "(" {
            if i + 1 < line.count, chineseNumerals.contains(line[i + 1]) {
                let j = run(i + 1, { chineseNumerals.contains($0) })
                if j < line.count, line[j] == ")" { return (2, j + 1) }
            } else if i + 1 < line.count, isDigit(line[i + 1]) {
                let j = run(i + 1, isDigit)
                if j < line.count, line[j] == ")", j - i <= 3 { return (4, j + 1) }
            }
            return nil
        }
        if let s = c.unicodeScalars.first, (0x2460...0x2473).contains(s.value) { return (5, i + 1) }
        return nil
    }
}

extension String {
    /// Trims whitespace and the separators a label can be left with at either end.
    func readerTrimmed() -> String {
        let junk = CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: ",，:：;；、。.!！?？"))
        return trimmingCharacters(in: junk)
    }
}
