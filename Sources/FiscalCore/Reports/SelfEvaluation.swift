/// What `Book.selfEvaluation` scores: a year, one project or all, the 分值 of the 预算执行率
/// indicator, and the rule that turns the rate into a score.
public struct SelfEvaluationSpec: Sendable {
    public var year: Int
    /// One project's code; nil: every project, with subtotals by 资金性质 and a total.
    public var project: String?
    /// The indicator's 分值 (weight), in whole points: 10 in the common 自评表.
    public var weight: Int64 = 10
    /// The rate, in hundredths of a percent, at or above which the full 分值 is given:
    /// 10000 (100%) is the common rule 得分 = 执行率 × 分值, capped at 分值.
    public var fullAtHundredths: Int64 = 10_000

    public init(year: Int, project: String? = nil) {
        self.year = year
        self.project = project
    }
}

/// One line of the 预算执行情况 block of a 绩效自评表.
public struct SelfEvaluationLine: Sendable {
    public var key: String
    public var name: String
    /// 年初预算数, 全年预算数 (with carry-in and all changes), 全年执行数 (paid).
    public var initial: Money
    public var totalBudget: Money
    public var paid: Money
    public var rate: Ratio?
    /// 得分 in hundredths of a point; nil when the rate is undefined (no budget).
    public var scoreHundredths: Int64?
}

/// The 预算执行情况 block of a 绩效自评表 (performance self-evaluation form), as offices file it.
public struct SelfEvaluation: Sendable {
    public var spec: SelfEvaluationSpec
    public var bookName: String
    public var projects: [SelfEvaluationLine]
    /// Subtotals by 资金性质 (资金来源), when every project is shown.
    public var byFund: [SelfEvaluationLine]
    public var total: SelfEvaluationLine
}

extension Book {
    /// The block for `spec`: figures of the whole year (through December).
    public func selfEvaluation(_ spec: SelfEvaluationSpec) throws(FiscalError) -> SelfEvaluation {
        guard let month = YearMonth(year: spec.year, month: 12) else { throw .unknownYear(spec.year) }
        let snapshot = try snapshot(year: spec.year)
        var byProject = ProgressSpec(month: month)
        byProject.grouping = .project
        var byFund = byProject
        byFund.grouping = .fund
        let projects = ProgressReport(spec: byProject, snapshot: snapshot).rows.map { SelfEvaluation.line($0, spec) }
        if let code = spec.project {
            guard let line = projects.first(where: { $0.key == code }) else { throw .unknownProject(code) }
            return SelfEvaluation(spec: spec, bookName: snapshot.bookName, projects: [line], byFund: [], total: line)
        }
        let funds = ProgressReport(spec: byFund, snapshot: snapshot)
        return SelfEvaluation(spec: spec, bookName: snapshot.bookName, projects: projects,
                              byFund: funds.rows.map { SelfEvaluation.line($0, spec) },
                              total: SelfEvaluation.line(funds.total, spec))
    }
}

extension SelfEvaluation {
    static func line(_ p: ProgressLine, _ spec: SelfEvaluationSpec) -> SelfEvaluationLine {
        let f = p.figures
        let rate = Ratio(f.paid, f.totalBudget)
        return SelfEvaluationLine(key: p.key, name: p.name, initial: f.initial, totalBudget: f.totalBudget, paid: f.paid,
                                  rate: rate, scoreHundredths: rate.map { score($0, spec) })
    }

    /// 得分 = 执行率 × 分值, capped at 分值; the full 分值 from `fullAtHundredths` on. In
    /// hundredths of a point, rounded half up from the exact ratio.
    static func score(_ rate: Ratio, _ spec: SelfEvaluationSpec) -> Int64 {
        let full = spec.weight * 100
        if rate.percentHundredths >= spec.fullAtHundredths { return full }
        let exact = roundedHalfUp(Int128(rate.numerator) * Int128(full), Int128(rate.denominator))
        return max(0, min(Int64(clamping: exact), full))
    }
}
