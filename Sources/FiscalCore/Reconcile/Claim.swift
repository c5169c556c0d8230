import Foundation

/// The unit a report states a figure in. Amounts keep the unit as written (万元 or 元); the
/// comparison converts. 亿元 is not a unit here: such a figure is read as 万元 (see ``ReportReader``).
public enum ClaimUnit: String, Sendable, Codable {
    case wan = "万元"
    case yuan = "元"
    case percent = "%"
    case count = "个"
}

/// A stated figure, exact: `hundredths` of the unit (550万元 → 55000, 31.2万元 → 3120,
/// 47.39% → 4739, 15个 → 1500), with `decimals` = the decimals as written (0, 1 or 2).
///
/// A figure written with more than two decimals is rounded half up to two, and `decimals` is 2.
public struct StatedValue: Sendable, Equatable, Codable {
    public var hundredths: Int64
    public var decimals: Int
    public var unit: ClaimUnit
    /// The word a count is written with when it is not 个 (辆, 人次, 批次, 台(套) …): a count
    /// keeps its own unit in every output, though all counts compare alike.
    public var countWord: String?

    public init(hundredths: Int64, decimals: Int, unit: ClaimUnit, countWord: String? = nil) {
        self.hundredths = hundredths
        self.decimals = decimals
        self.unit = unit
        self.countWord = unit == .count && countWord != ClaimUnit.count.rawValue ? countWord : nil
    }

    /// The unit as the report wrote it: 万元, 元, %, 个, or the count's own word.
    public var unitText: String { countWord ?? unit.rawValue }

    /// The figure as a report would write it: `550万元`, `31.2万元`, `47.39%`, `15个`.
    public var text: String {
        let negative = hundredths < 0
        let magnitude = hundredths.magnitude
        var digits = String(magnitude / 100)
        if decimals > 0 {
            let fraction = String(magnitude % 100)
            let padded = String(repeating: "0", count: 2 - fraction.count) + fraction
            digits += "." + padded.prefix(decimals)
        }
        return (negative ? "-" : "") + digits + unitText
    }

    /// The amount in 分 (hundredths of 元), for amounts in 万元 or 元; `nil` for rates and counts.
    public var fen: Int64? {
        switch unit {
        case .wan: return hundredths * 10_000
        case .yuan: return hundredths
        case .percent, .count: return nil
        }
    }
}

/// The metrics a claim can map to. A claim's `metric` is one of these strings, or `""` when the
/// figure is not a ledger figure or its label is not understood.
public enum ClaimMetric {
    /// 年初预算 / 批复预算: the appropriation at the start of the year.
    public static let budgetInitial = "budget.initial"
    /// 追加: mid-year additions.
    public static let budgetAdditions = "budget.additions"
    /// 调减: mid-year reductions.
    public static let budgetReductions = "budget.reductions"
    /// 本年预算 / 当年实际收到 / 调整后预算 = initial + additions − reductions + transfers.
    public static let budgetCurrent = "budget.current"
    /// 全年预算数 / 可用总额: the current budget plus the carry-in.
    public static let budgetTotal = "budget.total"
    /// 支出 / 本年支出合计 / 支出决算: what was paid.
    public static let paid = "paid"
    /// 年初结转和结余: last year's leftover opening this year.
    public static let carryIn = "carry_in"
    /// 年末结转和结余: this year's leftover, carried forward and surplus together.
    public static let carryOut = "carry_out"
    /// 结转: the leftover carried forward.
    public static let carriedForward = "carried_forward"
    /// 结余: the leftover classified as surplus.
    public static let surplus = "surplus"
    /// 本年收入 / 收入合计 / 财政拨款收入 / 事业收入 …: this year's income, by fund (`fund:`) or
    /// source (`source:fiscal|business|operating|superior|affiliate|other`). In the ledger, the
    /// current-year authority (initial + additions − reductions + transfers) of the scope.
    public static let income = "income"
    /// 占收入合计N%: a share of income, scope `PART|WHOLE` as for ``share``.
    public static let shareIncome = "share.income"
    /// 收入总计 (this year's income and the carry-in; 收入支出总计 of a 决算 is this figure).
    public static let incomeTotal = "income_total"
    /// 支出总计.
    public static let expenseTotal = "expense_total"
    /// 执行率 = paid / budget.
    public static let rateExecution = "rate.execution"
    /// 完成年初预算的N% = paid / initial.
    public static let rateCompletionInitial = "rate.completion_initial"
    /// 为调整预算数的N% = paid / current budget.
    public static let rateCompletionAdjusted = "rate.completion_adjusted"
    /// 占…N%: the scope is `PART|WHOLE`, e.g. `kind:basic,econ:301|kind:basic`.
    public static let share = "share"
    /// 三公经费 budget (预算 / 批复指标).
    public static let sangongBudget = "sangong.budget"
    /// 三公经费 actual (支出).
    public static let sangongActual = "sangong.actual"
    /// 三公经费 saving = budget − actual (节约).
    public static let sangongSaving = "sangong.saving"
    /// 三公经费 saving rate = saving / budget (节约比率).
    public static let sangongSavingRate = "sangong.saving_rate"
    /// 三公经费 completion = actual / budget (完成预算N%).
    public static let sangongCompletionRate = "sangong.completion_rate"
    /// The number of projects (纳入财政专项预算的项目15个), unit 个.
    public static let countProjects = "count.projects"
    /// 较/比上年 changes and last year's figures: not in this year's book, never compared.
    public static let priorYear = "prior_year"
    /// Not a ledger figure, or a label not understood.
    public static let unmapped = ""
}

/// One figure an annual report states, with what it means for the ledger.
///
/// Scopes: `all`; `source:fiscal|business|operating|superior|affiliate|other` (income only);
/// `kind:basic|personnel|public|project`; `econ:CODE` (301, 302, 303, 310,
/// 30217 …); `function:CODE` (204 公共安全支出 …); `fund:general|gov-fund|state-capital|
/// social-insurance|other`; `project:NAME`; `sangong:all|abroad|vehicle|vehicle-purchase|
/// vehicle-operation|reception`. Several joined by `,` in the order fund, source, function, kind, econ,
/// sangong, project (`kind:basic,econ:302`). A share's scope is `PART|WHOLE`. An unmapped claim
/// (metric `""`) has scope `""`.
public struct Claim: Sendable, Equatable, Codable {
    /// The label as written in the report (trimmed of separators and of 其中/分别是/为 …).
    public var label: String
    /// One of ``ClaimMetric``, or `""`.
    public var metric: String
    public var scope: String
    public var value: StatedValue
    /// 1-based line in the text (0 for claims files).
    public var line: Int
    /// Why a figure is unmapped or special: "prior-year comparison", "non-ledger: people" …
    public var note: String?
    /// A second metric the label's words can mean, in the same scope (收入合计: income_total or
    /// income). When only the second fits the ledger the figure is read so; when neither does, it
    /// is `ambiguous`, never a mismatch.
    public var alternative: String?

    public init(label: String, metric: String, scope: String, value: StatedValue, line: Int, note: String? = nil) {
        self.label = label
        self.metric = metric
        self.scope = scope
        self.value = value
        self.line = line
        self.note = note
    }

    /// Whether the claim maps to a figure the ledger can compute.
    public var isLedgerClaim: Bool { !metric.isEmpty && metric != ClaimMetric.priorYear }
}
