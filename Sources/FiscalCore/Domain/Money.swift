/// An exact amount of money in 分 (hundredths of a 元). Never a floating point number.
///
///     try Money.parse("1,234.56")  // 123456 分
///     try Money.parse("31.2万元")   // 31200000 分
public struct Money: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var fen: Int64

    public init(fen: Int64) { self.fen = fen }
    public static let zero = Money(fen: 0)

    /// The largest single amount the book takes: 10¹² 元 (10¹⁴ 分), far above any real
    /// appropriation or payment. `Money.parse` refuses more, so every door (a command, the
    /// import, a claims file) refuses it with the same words.
    public static let ceiling = Money(fen: 100_000_000_000_000)

    /// The most a year of one book may hold: Σ |monthly total| over its projects, accounts,
    /// codes and months may not exceed 10¹⁴ 元 (10¹⁶ 分, several times a whole national
    /// budget). Every figure of a year is a signed sum of those totals, so no report, export or
    /// check of an accepted book comes near `Int64.max` (9.2 × 10¹⁸ 分): even summed over
    /// 900 years. The posting engine refuses an entry that would cross it.
    public static let yearCeiling = Money(fen: 10_000_000_000_000_000)

    public static func < (a: Money, b: Money) -> Bool { a.fen < b.fen }
    /// Sums are computed wide and never trap: an accepted book stays far below `Int64` (see
    /// ``yearCeiling``), so the clamp can only be reached in a book forged behind fiscal's
    /// back, which `verify` reports; a report on it must still not crash.
    public static func + (a: Money, b: Money) -> Money { Money(fen: Int64(clamping: Int128(a.fen) + Int128(b.fen))) }
    public static func - (a: Money, b: Money) -> Money { Money(fen: Int64(clamping: Int128(a.fen) - Int128(b.fen))) }
    public static prefix func - (a: Money) -> Money { Money(fen: Int64(clamping: -Int128(a.fen))) }
    public static func += (a: inout Money, b: Money) { a = a + b }
    public static func -= (a: inout Money, b: Money) { a = a - b }

    /// The exact sum of many amounts, as a wide integer (a group, a year, a check).
    public static func wideSum<S: Sequence>(_ amounts: S) -> Int128 where S.Element == Money {
        amounts.reduce(Int128(0)) { $0 + Int128($1.fen) }
    }

    public var isPositive: Bool { fen > 0 }
    public var isZero: Bool { fen == 0 }

    /// `1,234.56`: 元 with two decimals and thousands separators, as a table shows it.
    public var description: String { formatted(grouping: true) }

    /// `1234.56`: 元 with exactly two decimals and no separators, as JSON and CSV carry it.
    public var plain: String { formatted(grouping: false) }

    public func formatted(grouping: Bool) -> String {
        Money.render(hundredths: fen, grouping: grouping)
    }

    /// The amount in 万元, rounded half up (away from zero) to 0.01万元 = 100元 = 10,000分.
    public var wanHundredths: Int64 { Int64(roundedHalfUp(Int128(fen), 10_000)) }

    /// `7,336.93`: 万元 to two decimals, each cell rounded from exact 分.
    public func wan(grouping: Bool = true) -> String {
        Money.render(hundredths: wanHundredths, grouping: grouping)
    }

    public static func render(hundredths value: Int64, grouping: Bool) -> String {
        let negative = value < 0
        let magnitude = value.magnitude
        let whole = String(magnitude / 100)
        let cents = magnitude % 100
        var digits = whole
        if grouping && whole.count > 3 {
            var grouped = ""
            for (i, ch) in whole.enumerated() {
                if i > 0 && (whole.count - i) % 3 == 0 { grouped.append(",") }
                grouped.append(ch)
            }
            digits = grouped
        }
        return (negative ? "-" : "") + digits + "." + (cents < 10 ? "0" : "") + String(cents)
    }
}
