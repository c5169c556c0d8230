/// `n ÷ d` rounded half away from zero: the one rounding rule of fiscal — a 万元 cell from
/// 分, a rate to its stated decimals, a gap in 百分点. Computed in `Int128`, so no product of
/// two amounts can overflow on the way.
///
///     roundedHalfUp(5, 2) == 3, roundedHalfUp(-5, 2) == -3, roundedHalfUp(4, 3) == 1
func roundedHalfUp(_ n: Int128, _ d: Int128) -> Int128 {
    precondition(d != 0, "rounding a quotient by zero")
    let (q, r) = n.quotientAndRemainder(dividingBy: d)
    let twiceRemainder = (r < 0 ? -r : r) * 2
    guard twiceRemainder >= (d < 0 ? -d : d) else { return q }
    return (n < 0) != (d < 0) ? q - 1 : q + 1
}
