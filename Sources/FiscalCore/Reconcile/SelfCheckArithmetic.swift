import Foundation

/// Exact integer arithmetic for the self-check: amounts in 分, rates in hundredths of a percent,
/// products in 128 bits. A stated figure stands for an interval: an amount ±half a hundredth of
/// its unit (reports keep 万元 to two decimals; `550万元` is 550.00 with the zeros dropped), a
/// rate ±half a unit of its last written decimal (`53%` is 52.5 … 53.5).
enum SelfCheckArithmetic {
    /// The amount in 分.
    static func fen(_ v: StatedValue) -> Int64 { v.fen ?? 0 }

    /// One hundredth of the amount's unit, in 分: the width of its rounding interval.
    static func ulpFen(_ v: StatedValue) -> Int64 { v.unit == .wan ? 10_000 : 1 }

    /// The width of a rate's rounding interval, in hundredths of a percent.
    static func ulpRate(_ v: StatedValue) -> Int64 {
        switch v.decimals {
        case ...0: return 100
        case 1: return 10
        default: return 1
        }
    }

    /// Compares a·b with c·d without overflow: −1, 0 or 1.
    static func compareProducts(_ a: Int64, _ b: Int64, _ c: Int64, _ d: Int64) -> Int {
        let x = a.multipliedFullWidth(by: b)
        let y = c.multipliedFullWidth(by: d)
        if x.high != y.high { return x.high < y.high ? -1 : 1 }
        if x.low != y.low { return x.low < y.low ? -1 : 1 }
        return 0
    }

    /// Whether parts stated as amounts can add up to the stated total, given that every figure
    /// is rounded to a hundredth of its unit.
    static func sumConsistent(total: StatedValue, parts: [StatedValue]) -> Bool {
        let diff = parts.reduce(0) { $0 + fen($1) } - fen(total)
        let slack = parts.reduce(ulpFen(total)) { $0 + ulpFen($1) }
        return 2 * diff.magnitude <= UInt64(slack)
    }

    /// Whether two statements of the same amount agree: equal when written in the same unit,
    /// overlapping rounding intervals otherwise.
    static func sameAmount(_ a: StatedValue, _ b: StatedValue) -> Bool {
        if a.unit == b.unit { return a.hundredths == b.hundredths }
        return 2 * (fen(a) - fen(b)).magnitude <= UInt64(ulpFen(a) + ulpFen(b))
    }

    /// Whether a stated rate can be num/den, where num and den (in 分) are each known to within
    /// ±error/2 (error = the sum of the widths of the figures they come from).
    static func rateConsistent(_ rate: StatedValue, num: Int64, numError: Int64, den: Int64, denError: Int64) -> Bool {
        let n2 = 2 * num, d2 = 2 * den
        guard d2 - denError > 0 else { return true }
        let r2 = 2 * rate.hundredths, u = ulpRate(rate)
        let lowOK = compareProducts(n2 - numError, 20_000, r2 + u, d2 + denError) <= 0
        let highOK = compareProducts(n2 + numError, 20_000, r2 - u, d2 - denError) >= 0
        return lowOK && highOK
    }

    /// num/den as a rate at the decimals of `like`, rounded half up; nil when den ≤ 0.
    static func rate(num: Int64, den: Int64, like: StatedValue) -> StatedValue? {
        guard den > 0 else { return nil }
        let decimals = min(max(like.decimals, 0), 2)
        var scale: Int64 = 100
        for _ in 0..<decimals { scale *= 10 }
        guard let q = roundedQuotient(num, scale, den) else { return nil }
        var factor: Int64 = 1
        for _ in decimals..<2 { factor *= 10 }
        return StatedValue(hundredths: q * factor, decimals: decimals, unit: .percent)
    }

    /// An amount in 分 expressed in the unit of `like`, rounded half up to a hundredth.
    static func amount(fen value: Int64, like: StatedValue) -> StatedValue {
        let hundredths = like.unit == .wan ? (roundedQuotient(value, 1, 10_000) ?? 0) : value
        return StatedValue(hundredths: hundredths, decimals: 2, unit: like.unit)
    }

    /// round_half_up(a·b / c) for c > 0, exactly; nil when it does not fit.
    static func roundedQuotient(_ a: Int64, _ b: Int64, _ c: Int64) -> Int64? {
        guard c > 0 else { return nil }
        return Int64(exactly: roundedHalfUp(Int128(a) * Int128(b), Int128(c)))
    }
}
