/// Excel's numbers as text, without a floating-point value anywhere: a cell stores a number as
/// decimal text (`1234.56`, `1.5E-2`, or a formula's `12345.599999999999`); the import reads
/// that text as Excel shows it — plain decimal, at most 15 significant digits — so an amount
/// becomes exact 分 by the import's own parsing.
enum ExcelNumber {
    /// `1.5E-2` → `0.015`; `12345.599999999999` → `12345.6`; `-3` → `-3`. Nil when `text` is
    /// not a number.
    static func plain(_ text: String) -> String? {
        var s = Substring(text)
        var sign = ""
        if s.first == "-" { sign = "-"; s = s.dropFirst() } else if s.first == "+" { s = s.dropFirst() }
        var exponent = 0
        if let e = s.firstIndex(where: { $0 == "E" || $0 == "e" }) {
            guard let x = Int(s[s.index(after: e)...]) else { return nil }
            exponent = x
            s = s[..<e]
        }
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, !s.isEmpty, s != ".",
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
        var digits = Array((parts[0] + (parts.count == 2 ? parts[1] : "")).utf8).map { Int($0) - 48 }
        var point = parts[0].count + exponent  // digits before the decimal point
        while digits.first == 0 { digits.removeFirst(); point -= 1 }
        guard !digits.isEmpty else { return "0" }
        if digits.count > 15 {
            let up = digits[15] >= 5
            digits.removeSubrange(15...)
            if up {
                var i = 14
                while i >= 0 && digits[i] == 9 { digits[i] = 0; i -= 1 }
                if i >= 0 { digits[i] += 1 } else { digits.insert(1, at: 0); point += 1 }
            }
        }
        while digits.last == 0 && digits.count > max(point, 0) { digits.removeLast() }
        let text = digits.map { String($0) }.joined()
        if point <= 0 { return sign + "0." + String(repeating: "0", count: -point) + text }
        if point >= digits.count { return sign + text + String(repeating: "0", count: point - digits.count) }
        let cut = text.index(text.startIndex, offsetBy: point)
        return sign + text[..<cut] + "." + text[cut...]
    }

    /// An Excel serial day number (`45265`, or with a time `45265.5`) as `YYYY-MM-DD`, in the
    /// 1900 date system (day 60 is Excel's phantom 1900-02-29; serials from 61 on are exact).
    static func serialDate(_ text: String) -> String? {
        guard let whole = Int(text.split(separator: ".", maxSplits: 1).first ?? ""), whole >= 61, whole < 2_958_466 else {
            return nil
        }
        // Days since 1970-01-01: serial 25569 is 1970-01-01.
        let (y, m, d) = civil(fromDays: whole - 25569)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(y)-\(two(m))-\(two(d))"
    }

    /// Days since 1970-01-01 → (year, month, day), proleptic Gregorian (H. Hinnant's algorithm).
    static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// The built-in number formats that show a date (ECMA-376 §18.8.30, and the CJK ones).
    static let builtInDateFormats: Set<Int> = Set(14...17).union(22...22).union(27...36).union(50...58)

    /// Whether a custom format code shows a date: it has a year or day part (quoted text,
    /// `[…]` sections and escaped characters aside).
    static func isDateFormat(_ code: String) -> Bool {
        var inQuote = false, inBracket = false, escaped = false
        for c in code {
            if escaped { escaped = false; continue }
            switch c {
            case "\\": escaped = true
            case "\"": inQuote.toggle()
            case "[": if !inQuote { inBracket = true }
            case "]": if !inQuote { inBracket = false }
            case "y", "Y", "d", "D": if !inQuote && !inBracket { return true }
            default: break
            }
        }
        return false
    }
}
