/// An exact ratio of two amounts; `nil` where the denominator is zero (an undefined rate is
/// a value, rendered `-`, never an error).
public struct Ratio: Sendable, Equatable {
    public var numerator: Int64
    public var denominator: Int64

    public init?(_ numerator: Int64, _ denominator: Int64) {
        guard denominator != 0 else { return nil }
        self.numerator = numerator; self.denominator = denominator
    }

    public init?(_ numerator: Money, _ denominator: Money) { self.init(numerator.fen, denominator.fen) }

    /// The ratio × 10^decimals, rounded half away from zero: `scaled(4)` of 0.925506… is 9255.
    public func scaled(_ decimals: Int) -> Int64 {
        var factor: Int128 = 1
        for _ in 0..<decimals { factor *= 10 }
        return Int64(clamping: roundedHalfUp(Int128(numerator) * factor, Int128(denominator)))
    }

    /// Percent with two decimals, in hundredths of a percent: 92.55% → 9255.
    public var percentHundredths: Int64 { scaled(4) }

    /// `a − b` in hundredths of a percentage point (百分点), exact before rounding.
    public func pointsMinus(_ other: Ratio) -> Int64 {
        let n = Int128(numerator) * Int128(other.denominator) - Int128(other.numerator) * Int128(denominator)
        let d = Int128(denominator) * Int128(other.denominator)
        return Int64(clamping: roundedHalfUp(n * 10_000, d))
    }

    public var doubleValue: Double { Double(numerator) / Double(denominator) }
}
