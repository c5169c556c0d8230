import Foundation

/// A place where a report's own arithmetic does not hold.
public struct SelfCheckFinding: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable {
        /// Parts against their stated total: A + B = C, a 其中 list that is the whole of its
        /// figure (基本支出 + 项目支出, 人员经费 + 公用经费, the 三公 categories), `…合计N`.
        case sum
        /// A 其中 list that adds up to more than the figure before it.
        case partsExceedTotal
        /// A stated rate against its amounts: 节约率, 完成预算N%, 完成年初预算的N%, 执行率.
        case rate
        /// 占N% against part / whole.
        case share
        /// Figures that must agree: 收入总计 = 支出总计.
        case totals
        /// 年初 + 追加 − 调减 = 当年; 上年结转 + 当年 = 全年; 结转 + 结余 = 结转和结余.
        case budget
        /// 项目N个 against the projects listed after it.
        case count
        /// 较上年增加D, 增长R%: R = D / (this year − D).
        case change
        /// A 决算 table: 合计 = 基本支出 + 项目支出 in a row, a 类 against its 款, a 款 against its 项,
        /// the 合计 row against the 类; a template table missing.
        case table
        /// The same figure stated twice, differently: in the prose and in a table (文表一致).
        case consistency
        /// One amount in 万元 among 元 (or the reverse) in a paragraph: a hint to check the unit.
        case unit
    }

    public var kind: Kind
    public var message: String
    /// The line of the figure checked (the total, the rate).
    public var line: Int
    /// The figure checked, as stated.
    public var stated: StatedValue
    /// What the other figures give, at the stated precision.
    public var expected: StatedValue
    /// The other figures, as the report states them.
    public var figures: [Claim]
    /// A difference within rounding (0.01万元): shown as a hint, never a finding that fails the check.
    public var hint = false
}
