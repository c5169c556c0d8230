/// A calendar date (no time, no zone): what every entry and report is dated by.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1900...9999).contains(year), (1...12).contains(month),
              (1...Day.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year; self.month = month; self.day = day
    }

    /// Parses a date as people write it: `2023-06-01`, `2023-6-1`, `2023/6/1`, `2023.6.1`,
    /// `20230601` or `2023年6月1日` (full-width digits too), refusing dates that do not exist
    /// (`2023-02-30`). The one date parser: every command's options and the import call it.
    public init?(_ text: String) {
        var text = text
        guard let packed = text.withUTF8({ Day.packed(utf8: $0) }) else { return nil }
        self.init(year: Int(packed / 10_000), month: Int(packed / 100 % 100), day: Int(packed % 100))
    }

    /// The forms `Day.init(_:)` reads, for error messages.
    public static let acceptedForms = "2023-06-01, 2023/6/1, 2023.6.1, 20230601 or 2023年6月1日"

    /// Why `text` is not a day, in words for an error line after the field and value:
    /// "no such day (2023-02 has 28 days)" when the shape is right, else the accepted forms.
    public static func problem(_ text: String) -> String {
        var text = text
        if let (y, m, d) = text.withUTF8({ DateScanner.fields(utf8: $0, parts: 3) }),
           (1900...9999).contains(y), (1...12).contains(m) {
            return "no such day (\(YearMonth(year: y, month: m)!) has \(daysIn(month: m, year: y)) days, not \(d))"
        }
        return "not a date; write \(acceptedForms)"
    }

    /// The import's hot path: the day as `yyyymmdd`, or nil. Same rules as `init(_:)`.
    public static func packed(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        guard let (y, m, d) = DateScanner.fields(utf8: bytes, parts: 3),
              (1900...9999).contains(y), (1...12).contains(m), d >= 1, d <= daysIn(month: m, year: y) else { return nil }
        return Int32(y * 10_000 + m * 100 + d)
    }

    public var description: String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(two(month))-\(two(day))"
    }

    public static func < (a: Day, b: Day) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func endOfMonth(year: Int, month: Int) -> Day {
        Day(year: year, month: month, day: daysIn(month: month, year: year))!
    }

    /// 1 for 1 January.
    public var ordinal: Int {
        (1..<month).reduce(0) { $0 + Day.daysIn(month: $1, year: year) } + day
    }

    public var daysInYear: Int { Day.isLeap(year) ? 366 : 365 }
}

/// A month of a year, as `--month 2023-06` names it.
public struct YearMonth: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int

    public init?(year: Int, month: Int) {
        guard (1900...9999).contains(year), (1...12).contains(month) else { return nil }
        self.year = year; self.month = month
    }

    /// `2023-06`, `2023-6`, `2023/6`, `2023.6`, `202306` or `2023年6月` (full-width digits too).
    public init?(_ text: String) {
        var text = text
        guard let (y, m, _) = text.withUTF8({ DateScanner.fields(utf8: $0, parts: 2) }) else { return nil }
        self.init(year: y, month: m)
    }

    /// The forms `YearMonth.init(_:)` reads, for error messages.
    public static let acceptedForms = "2023-06, 2023/6, 2023.6, 202306 or 2023年6月"

    public var description: String { "\(year)-\(month < 10 ? "0" : "")\(month)" }
    public var lastDay: Day { Day.endOfMonth(year: year, month: month) }
    public static func < (a: YearMonth, b: YearMonth) -> Bool { (a.year, a.month) < (b.year, b.month) }
}

/// Reads the numbers of a date written `Y-M-D` (`-`, `/` or `.`, the same twice, or their
/// full-width forms), `Y年M月D日`, or `YYYYMMDD`: a 4-digit year, then 1 or 2 digits each. With
/// `parts: 2` a month (`Y-M`, `Y年M月`, `YYYYMM`). Digits may be full-width (`２０２３`); spaces
/// around are allowed. Only the shape is checked here: whether the day exists is the caller's.
enum DateScanner {
    static func fields(utf8 b: UnsafeBufferPointer<UInt8>, parts: Int) -> (Int, Int, Int)? {
        var i = 0, end = b.count
        while i < end, b[i] == 0x20 { i += 1 }
        while end > i, b[end - 1] == 0x20 { end -= 1 }

        /// One digit at `i` (ASCII, or full-width EF BC 90–99), advancing past it.
        func digit() -> Int? {
            if i < end, b[i] >= 0x30, b[i] <= 0x39 { i += 1; return Int(b[i - 1] - 0x30) }
            if i + 2 < end, b[i] == 0xEF, b[i + 1] == 0xBC, b[i + 2] >= 0x90, b[i + 2] <= 0x99 {
                i += 3; return Int(b[i - 1] - 0x90)
            }
            return nil
        }
        /// A separator at `i` as a small code, advancing past it: 1 `-`, 2 `/`, 3 `.`, 4 年, 5 月, 6 日.
        func separator() -> Int? {
            if i < end {
                switch b[i] {
                case 0x2D: i += 1; return 1
                case 0x2F: i += 1; return 2
                case 0x2E: i += 1; return 3
                default: break
                }
            }
            guard i + 2 < end else { return nil }
            let code: Int? = switch (b[i], b[i + 1], b[i + 2]) {
            case (0xEF, 0xBC, 0x8D): 1      // －
            case (0xEF, 0xBC, 0x8F): 2      // ／
            case (0xEF, 0xBC, 0x8E): 3      // ．
            case (0xE5, 0xB9, 0xB4): 4      // 年
            case (0xE6, 0x9C, 0x88): 5      // 月
            case (0xE6, 0x97, 0xA5): 6      // 日
            default: nil
            }
            if code != nil { i += 3 }
            return code
        }

        // No arrays: this runs once per imported row.
        func run() -> (value: Int, count: Int) {
            var n = 0, count = 0
            while let v = digit() { n = n * 10 + v; count += 1 }
            return (n, count)
        }
        let head = run()
        if i == end {
            // Compact: YYYYMMDD or YYYYMM.
            if parts == 3 { return head.count == 8 ? (head.value / 10_000, head.value / 100 % 100, head.value % 100) : nil }
            return head.count == 6 ? (head.value / 100, head.value % 100, 0) : nil
        }
        guard head.count == 4, let first = separator(), first <= 4 else { return nil }
        let month = run()
        guard month.count == 1 || month.count == 2 else { return nil }
        var day = 0
        if parts == 3 {
            guard let second = separator(), second == (first == 4 ? 5 : first) else { return nil }
            let d = run()
            guard d.count == 1 || d.count == 2 else { return nil }
            day = d.value
        }
        // 年月日 may close with its last character (2023年6月1日, 2023年6月) or leave it off.
        if first == 4, i < end {
            guard let last = separator(), last == (parts == 3 ? 6 : 5) else { return nil }
        }
        guard i == end else { return nil }
        return (head.value, month.value, day)
    }
}
