/// Why a text is not an amount; the message quotes the text.
public struct MoneyParseError: Error, Equatable, Sendable, CustomStringConvertible {
    public var text: String
    public var reason: String
    public var description: String { "'\(text)' is not an amount: \(reason)" }
}

extension Money {
    /// Reads an amount as a finance officer writes it: `1234.56`, `1,234.56`, `1234.56元`,
    /// `550万`, `550万元`, `31.2万元`, with full-width digits and punctuation too. 元 take at
    /// most two decimals, 万 at most six (one 分). A leading `-` is allowed; commands that need
    /// a positive amount check that themselves.
    public static func parse(_ text: String) throws(MoneyParseError) -> Money {
        func fail(_ reason: String) -> MoneyParseError { MoneyParseError(text: text, reason: reason) }
        var chars = Array(halfWidth(text).trimmingWhitespace())
        if chars.isEmpty { throw fail("empty") }

        var negative = false
        if chars.first == "-" { negative = true; chars.removeFirst() }
        else if chars.first == "+" { chars.removeFirst() }

        var scaleDecimals = 2  // 元 → 分
        if chars.last == "元" { chars.removeLast() }
        if chars.last == "万" { chars.removeLast(); scaleDecimals = 6 }
        if chars.isEmpty { throw fail("no digits") }

        var whole: [Character] = []
        var fraction: [Character] = []
        var seenPoint = false
        var seenComma = false
        for (i, ch) in chars.enumerated() {
            if ch == "." {
                if seenPoint { throw fail("more than one decimal point") }
                seenPoint = true
            } else if ch == "," {
                // A separator must sit between digits, every three digits, before the point;
                // the group before the first one has one to three digits (`1234,567` is not 1234567).
                if seenPoint || whole.isEmpty || (!seenComma && whole.count > 3) { throw fail("misplaced ','") }
                seenComma = true
                let rest = chars[(i + 1)...].prefix { $0.isASCII && $0.isNumber }
                let next = chars.dropFirst(i + 1 + rest.count).first
                if rest.count != 3 || (next != nil && next != "," && next != ".") {
                    throw fail("misplaced ','")
                }
            } else if ch.isASCII && ch.isNumber {
                if seenPoint { fraction.append(ch) } else { whole.append(ch) }
            } else {
                throw fail("unexpected '\(ch)'")
            }
        }
        if whole.isEmpty { throw fail("no digits before the decimal point") }
        if seenPoint && fraction.isEmpty { throw fail("no digits after the decimal point") }
        if fraction.count > scaleDecimals {
            throw fail(scaleDecimals == 2 ? "more than two decimals (分 is the smallest unit)"
                                          : "more than six decimals of 万 (分 is the smallest unit)")
        }
        // Padded to the scale, the digits are exactly 分: 元 × 10², or 万 × 10⁶.
        var digits = String(whole) + String(fraction) + String(repeating: "0", count: scaleDecimals - fraction.count)
        while digits.count > 1 && digits.first == "0" { digits.removeFirst() }
        guard digits.count <= 18, let fen = Int64(digits), fen <= Money.ceiling.fen else {
            throw fail("more than \(Money.ceiling) 元, the most one amount may be")
        }
        return Money(fen: negative ? -fen : fen)
    }

    /// Full-width digits, point, comma and sign to ASCII (what an IME or a pasted PDF gives).
    static func halfWidth(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xFF10...0xFF19, 0xFF0B, 0xFF0C, 0xFF0D, 0xFF0E:
                out.append(Unicode.Scalar(scalar.value - 0xFEE0)!)
            case 0x3000: out.append(" ")
            default: out.append(scalar)
            }
        }
        return String(out)
    }
}

extension String {
    func trimmingWhitespace() -> Substring {
        var s = self[...]
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return s
    }
}
