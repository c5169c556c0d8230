// Terminal column widths, so that Chinese text lines up in a table.
//
// A terminal shows an East Asian Wide or Fullwidth character (汉字, 。，（）, ＡＢＣ, ｱ is not
// one of them) in two columns, a combining mark in none, and everything else in one. The
// tables below follow Unicode's EastAsianWidth.txt (W and F) closely enough for ledger text:
// ideographs, CJK punctuation, kana, Hangul, full-width forms and emoji. Characters of
// ambiguous width (A: ─ ① § °) count as one column, as most terminals show them.

/// The number of terminal columns `s` takes up.
///
///     displayWidth("JD01")        // 4
///     displayWidth("办案经费")     // 8
///     displayWidth("（万元）")     // 8
///
/// Each grapheme cluster (`Character`) counts as the sum of its scalars' widths, at most 2,
/// so "é" written as e + U+0301 is 1 and an emoji sequence such as a flag is 2.
public func displayWidth(_ s: String) -> Int {
    var total = 0
    for character in s {
        var width = 0
        var emojiVariation = false
        for scalar in character.unicodeScalars {
            width += scalarDisplayWidth(scalar)
            if scalar.value == 0xFE0F { emojiVariation = true }
        }
        if emojiVariation, character.unicodeScalars.first?.properties.isEmoji == true { width = 2 }
        total += min(width, 2)
    }
    return total
}

/// `s` padded with spaces to `width` display columns: on the right for `.left`, on the left
/// for `.right`. A string already that wide or wider is returned unchanged, never cut.
///
///     pad("合计", to: 6, alignment: .left)    // "合计  "
///     pad("1.00", to: 6, alignment: .right)   // "  1.00"
public func pad(_ s: String, to width: Int, alignment: TextTable.Alignment) -> String {
    let missing = width - displayWidth(s)
    guard missing > 0 else { return s }
    let spaces = String(repeating: " ", count: missing)
    switch alignment {
    case .left: return s + spaces
    case .right: return spaces + s
    }
}

/// `s` cut to at most `width` display columns, ending in `…` when cut.
///
///     shorten("公安机关禁毒专项经费", to: 9)   // "公安机关…"
public func shorten(_ s: String, to width: Int) -> String {
    guard displayWidth(s) > width else { return s }
    var out = ""
    var used = 0
    for character in s {
        let w = displayWidth(String(character))
        if used + w > width - 1 { break }
        out.append(character)
        used += w
    }
    return out + "…"
}

/// Columns of one scalar: 0, 1 or 2.
func scalarDisplayWidth(_ scalar: Unicode.Scalar) -> Int {
    let v = scalar.value
    if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }   // control characters
    if v < 0x300 { return 1 }                                 // fast path: Latin
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark: return 0
    case .format: return v == 0x00AD ? 1 : 0                   // ZWSP, ZWJ, BOM, bidi marks
    default: break
    }
    if (0x1160...0x11FF).contains(v) || (0xD7B0...0xD7FF).contains(v) { return 0 } // Hangul medial/final jamo
    if isWide(v) || scalar.properties.isEmojiPresentation { return 2 }
    return 1
}

/// East Asian Wide (W) and Fullwidth (F) blocks, in ascending order.
private let wideRanges: [ClosedRange<UInt32>] = [
    0x1100...0x115F,   // Hangul Jamo initial consonants
    0x2329...0x232A,   // 〈 〉 angle brackets
    0x2E80...0x303E,   // CJK radicals, Kangxi radicals, CJK symbols and punctuation 、。〈〉「」
    0x3041...0x33FF,   // Hiragana, Katakana, Bopomofo, Hangul compatibility jamo, CJK compatibility
    0x3400...0x4DBF,   // CJK unified ideographs extension A
    0x4E00...0x9FFF,   // CJK unified ideographs
    0xA000...0xA4CF,   // Yi
    0xA960...0xA97F,   // Hangul Jamo extended-A
    0xAC00...0xD7A3,   // Hangul syllables
    0xF900...0xFAFF,   // CJK compatibility ideographs
    0xFE10...0xFE19,   // vertical forms
    0xFE30...0xFE6F,   // CJK compatibility forms, small form variants
    0xFF00...0xFF60,   // full-width forms ，（）：；！？０-９Ａ-Ｚ
    0xFFE0...0xFFE6,   // full-width signs ￥ ￠ ￡
    0x16FE0...0x16FFF, // ideographic symbols
    0x17000...0x18D08, // Tangut, Khitan
    0x1AFF0...0x1B2FF, // kana extended and supplement, Nushu
    0x1F200...0x1F2FF, // enclosed ideographic supplement 🈚
    0x20000...0x2FFFD, // CJK extensions B–F, compatibility supplement
    0x30000...0x3FFFD, // CJK extensions G–H
]

private func isWide(_ v: UInt32) -> Bool {
    guard v >= 0x1100 else { return false }
    var low = 0
    var high = wideRanges.count - 1
    while low <= high {
        let mid = (low + high) / 2
        let range = wideRanges[mid]
        if v < range.lowerBound { high = mid - 1 } else if v > range.upperBound { low = mid + 1 } else { return true }
    }
    return false
}
