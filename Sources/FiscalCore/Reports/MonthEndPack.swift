/// The month-end pack a leader reads (月度支出进度报告): progress by project and by kind, the
/// chart's series, expenditure by economic class to date and 三公 to date — every part built
/// from one snapshot of the year through the month, so the parts agree with each other.
public struct MonthEndPack: Sendable {
    public var byProject: ProgressReport
    public var byKind: ProgressReport
    public var series: ProgressSeries
    /// Paid through the month by economic class (all kinds).
    public var expenditure: ExpenditureReport
    /// 三公 budget and actual through the month.
    public var sangong: SangongReport
    /// The book's seal from the same snapshot as every figure of the pack.
    public var seal: Seal? { byProject.seal }

    /// The projects that lag behind time progress, in report order.
    public var lagging: [ProgressLine] { byProject.rows.filter(\.lagging) }
}

extension Book {
    /// The month-end pack for `spec` (its grouping is ignored: the pack has both).
    public func monthEndPack(_ spec: ProgressSpec) throws(FiscalError) -> MonthEndPack {
        let snapshot = try snapshot(year: spec.month.year, throughMonth: spec.month.month)
        var byProject = spec
        byProject.grouping = .project
        var byKind = spec
        byKind.grouping = .kind
        return MonthEndPack(byProject: ProgressReport(spec: byProject, snapshot: snapshot),
                            byKind: ProgressReport(spec: byKind, snapshot: snapshot),
                            series: ProgressSeries(spec: spec, snapshot: snapshot),
                            expenditure: ExpenditureReport(snapshot: snapshot, by: .econ, kinds: .all),
                            sangong: SangongReport(spec: SangongSpec(year: spec.month.year), snapshot: snapshot))
    }
}
