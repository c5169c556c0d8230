import Testing

@testable import FiscalCore

@Suite("Money")
struct MoneyTests {
    // MARK: Parsing

    /// Every form a finance officer writes, with its value in 分 worked out by hand.
    static let accepted: [(String, Int64)] = [
        ("1234.56", 123_456),
        ("1,234.56", 123_456),
        ("1234.56元", 123_456),
        ("550万", 550_000_000),            // 5,500,000.00 元
        ("550万元", 550_000_000),
        ("31.2万元", 31_200_000),          // 312,000.00 元
        ("１２３４．５６", 123_456),        // full-width digits and point
        ("１，２３４．５６元", 123_456),     // full-width comma too
        ("１２万", 12_000_000),
        ("12.3456万", 12_345_600),         // 123,456.00 元
        ("0.000001万", 1),                 // one 分 in 万
        ("1,234,567.8", 123_456_780),
        ("12", 1_200),
        ("0.01", 1),
        ("0", 0),
        ("007.5", 750),
        ("-5", -500),
        ("+5", 500),
        ("－1,000.00元", -100_000),         // full-width minus
        ("  12.50\t", 1_250),
        ("\u{3000}12.50", 1_250),          // ideographic space
        ("1000000000000.00", 100_000_000_000_000),       // the largest: Money.ceiling
    ]

    @Test(arguments: accepted)
    func parsesEveryAcceptedForm(_ text: String, _ expected: Int64) throws {
        #expect(try Money.parse(text) == Money(fen: expected))
    }

    /// Every refused form, with the reason the message gives.
    static let refused: [(String, String)] = [
        ("12abc", "unexpected 'a'"),
        ("1.234", "more than two decimals (分 is the smallest unit)"),
        ("1e5", "unexpected 'e'"),
        ("", "empty"),
        ("   ", "empty"),
        ("99999999999999999999", "more than 1,000,000,000,000.00 元, the most one amount may be"),
        ("1000000000000.01", "more than 1,000,000,000,000.00 元, the most one amount may be"),
        ("1,23.00", "misplaced ','"),
        ("1,2345", "misplaced ','"),
        (",123", "misplaced ','"),
        ("1,234.5,6", "misplaced ','"),
        ("1234,567.00", "misplaced ','"),                // the first group has more than three digits
        ("1234，567", "misplaced ','"),                   // full-width: as in a pasted list "1234，567"
        (".5", "no digits before the decimal point"),
        ("5.", "no digits after the decimal point"),
        ("1.2.3", "more than one decimal point"),
        ("1.0000001万", "more than six decimals of 万 (分 is the smallest unit)"),
        ("元", "no digits"),
        ("万元", "no digits"),
        ("-", "no digits"),
        ("12 34", "unexpected ' '"),
        ("万550", "unexpected '万'"),
        ("5元万", "unexpected '元'"),
        ("￥5", "unexpected '￥'"),
        ("--5", "unexpected '-'"),
    ]

    @Test(arguments: refused)
    func refusesAndQuotesTheText(_ text: String, _ reason: String) {
        do {
            let value = try Money.parse(text)
            Issue.record("'\(text)' parsed as \(value.fen) 分; expected a refusal (\(reason))")
        } catch {
            #expect(error.text == text)
            #expect(error.reason == reason)
            #expect(error.description == "'\(text)' is not an amount: \(reason)")
        }
    }

    // MARK: Formatting

    @Test func formatsYuanWithTwoDecimals() {
        #expect(fen(0).description == "0.00")
        #expect(fen(5).description == "0.05")
        #expect(fen(50).description == "0.50")
        #expect(fen(-5).description == "-0.05")
        #expect(fen(99_999).description == "999.99")
        #expect(fen(100_000).description == "1,000.00")
        #expect(fen(123_456).description == "1,234.56")
        #expect(fen(-123_456_789).description == "-1,234,567.89")
        #expect(fen(100_000_000_000).description == "1,000,000,000.00")
        #expect(fen(123_456).plain == "1234.56")
        #expect(fen(-123_456_789).plain == "-1234567.89")
        #expect(fen(.max).description == "92,233,720,368,547,758.07")
        #expect(fen(.min).description == "-92,233,720,368,547,758.08")
    }

    /// 万元 to two decimals: one unit is 100 元 = 10,000 分, rounded half up (away from zero).
    static let wan: [(Int64, String)] = [
        (550_000_000, "550.00"),
        (31_200_000, "31.20"),
        (733_692_500, "733.69"),     // 733.6925万
        (733_694_999, "733.69"),     // just under the half
        (733_695_000, "733.70"),     // exactly the half: up
        (733_695_001, "733.70"),
        (-733_694_999, "-733.69"),
        (-733_695_000, "-733.70"),   // half of a negative: away from zero
        (4_999, "0.00"),
        (5_000, "0.01"),
        (-4_999, "0.00"),            // rounds to zero: no "-0.00"
        (-5_000, "-0.01"),
        (0, "0.00"),
        (73_369_250_000, "73,369.25"),
        (9_999_995_000, "10,000.00"),   // 9,999.995万: carries into a new group
    ]

    @Test(arguments: wan)
    func formatsWanRoundingHalfUp(_ value: Int64, _ expected: String) {
        #expect(fen(value).wan() == expected)
        #expect(fen(value).wan(grouping: false) == expected.replacingOccurrences(of: ",", with: ""))
    }

    // MARK: Properties over many values

    /// Values of every magnitude from 1 分 to 10¹⁷ 分, both signs, the same on every run.
    static func samples(_ count: Int, seed: UInt64) -> [Int64] {
        var rng = SplitMix64(seed: seed)
        // Up to the ceiling: every amount the parser accepts.
        var values: [Int64] = [0, 1, -1, 4_999, 5_000, -5_000, 9_999, 10_000, Money.ceiling.fen, -Money.ceiling.fen]
        for _ in 0..<count {
            let digits = Int.random(in: 1...14, using: &rng)
            var limit: Int64 = 1
            for _ in 0..<digits { limit *= 10 }
            let magnitude = Int64.random(in: 0..<limit, using: &rng)
            values.append(Bool.random(using: &rng) ? -magnitude : magnitude)
        }
        return values
    }

    @Test func yuanTextReadsBackExactly() throws {
        for value in MoneyTests.samples(5_000, seed: 2023) {
            let money = fen(value)
            #expect(try Money.parse(money.description) == money, "\(money.description)")
            #expect(try Money.parse(money.plain) == money, "\(money.plain)")
            #expect(try Money.parse(money.plain + "元") == money, "\(money.plain)元")
        }
    }

    @Test func wanIsNeverOffByMoreThanHalfAUnit() throws {
        // Below the ceiling: rounding an amount at the ceiling up would leave what parse reads.
        for value in MoneyTests.samples(5_000, seed: 550) where value.magnitude < Money.ceiling.fen - 5_000 {
            let read = try Money.parse(fen(value).wan(grouping: false) + "万").fen
            let error = read - value
            #expect(abs(error) <= 5_000, "\(value) 分 shown as \(fen(value).wan())万")
            // Half up: an exact half goes away from zero, anything less stays.
            if abs(error) == 5_000 { #expect(abs(read) > abs(value), "\(value) 分 rounded towards zero") }
            // The same rounding worked out another way: add half a unit to the magnitude, truncate.
            let magnitude = (value.magnitude + 5_000) / 10_000 * 10_000
            #expect(read == (value < 0 ? -Int64(magnitude) : Int64(magnitude)), "\(value) 分")
            #expect(fen(value).wanHundredths * 10_000 == read)
        }
    }

    @Test func arithmeticIsExact() {
        #expect(fen(10) + fen(20) == fen(30))
        #expect(fen(10) - fen(20) == fen(-10))
        #expect(-fen(10) == fen(-10))
        var m = fen(1)
        m += fen(2); m -= fen(4)
        #expect(m == fen(-1))
        #expect(fen(1) > .zero && fen(1).isPositive && !fen(0).isPositive && fen(0).isZero)
    }
}
