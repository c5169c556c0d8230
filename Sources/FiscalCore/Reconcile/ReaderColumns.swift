/// Pages printed in two columns, as `pdftotext -layout` gives them: each line holds a piece of
/// the left column, a wide gap, and a piece of the right one. Read in line order, a sentence of
/// the left column runs into one of the right. Where at least three lines near each other show
/// prose on both sides of a gap at the same place, the lines of that stretch are read left
/// column first, then right column, each piece keeping its own line number.
enum ReaderColumns {
    /// The lines in reading order: (1-based line number, text).
    static func ordered(_ lines: [[Character]]) -> [(number: Int, chars: [Character])] {
        let kinds = lines.map(kind)
        var out: [(Int, [Character])] = []
        var i = 0
        while i < lines.count {
            guard let first = kinds[i] else { out.append((i + 1, lines[i])); i += 1; continue }
            // The stretch: lines near each other whose right column starts at the same place,
            // two of them at least with prose on both sides.
            var members = [i]
            var j = i + 1
            while j < lines.count, j - members.last! <= 6 {
                if let k = kinds[j], abs(k.gutter - first.gutter) <= 3 { members.append(j) }
                j += 1
            }
            let both = members.filter { kinds[$0]!.both }.count
            guard members.count >= 3, both >= 2 else { out.append((i + 1, lines[i])); i += 1; continue }
            let end = members.last!
            var left: [(Int, [Character])] = [], right: [(Int, [Character])] = []
            for k in i...end {
                let chars = lines[k]
                if let kind = kinds[k], abs(kind.gutter - first.gutter) <= 3 {
                    if kind.both {
                        var piece = Array(chars[..<kind.gutter])
                        while piece.last == " " { piece.removeLast() }
                        left.append((k + 1, piece))
                    }
                    right.append((k + 1, Array(chars[kind.gutter...])))
                } else {
                    left.append((k + 1, chars))
                }
            }
            out += left + right
            i = end + 1
        }
        return out
    }

    /// Where a line's right column starts: after a gap of five spaces or more that follows
    /// prose (`both`), or after an indent of twenty or more before prose (the right column alone).
    static func kind(_ chars: [Character]) -> (gutter: Int, both: Bool)? {
        let indent = chars.prefix { $0 == " " }.count
        if indent >= 20, indent < chars.count { return han(chars[indent...]) >= 4 ? (indent, false) : nil }
        var k = indent
        while k < chars.count {
            guard chars[k] == " " else { k += 1; continue }
            var e = k
            while e < chars.count, chars[e] == " " { e += 1 }
            if e - k >= 5, e < chars.count, han(chars[..<k]) >= 6 { return (e, true) }
            k = e
        }
        return nil
    }

    static func han(_ chars: ArraySlice<Character>) -> Int {
        chars.filter { $0.unicodeScalars.first.map { $0.properties.isIdeographic } ?? false }.count
    }
}
