/// What a progress report's rows are.
public enum ProgressGrouping: String, CaseIterable, Sendable {
    case project, kind, fund, unit, function, econ
}

/// What the execution rate is measured against: everything the year could spend (with the
/// carry-in), or the current year's budget alone.
public enum RateBasis: String, CaseIterable, Sendable { case total, current }

/// How time progress (序时进度) is counted: whole months (m/12) or days elapsed.
public enum TimeProgressRule: String, CaseIterable, Sendable { case month, day }

/// Everything a month-end progress report depends on, "today" included, so the same spec on
/// the same book always gives the same report (hledger's ReportSpec).
public struct ProgressSpec: Sendable {
    public var month: YearMonth
    public var grouping: ProgressGrouping = .project
    public var basis: RateBasis = .total
    public var timeProgress: TimeProgressRule = .month
    /// A row lags (滞后) when its gap is below this, in hundredths of a percentage point.
    public var lagThreshold: Int64 = -1_000

    public init(month: YearMonth) { self.month = month }

    public var asOf: Day { month.lastDay }

    /// 序时进度 at the end of the month.
    public var timeProgressRatio: Ratio {
        switch timeProgress {
        case .month: Ratio(Int64(month.month), 12)!
        case .day: Ratio(Int64(asOf.ordinal), Int64(asOf.daysInYear))!
        }
    }
}

/// One line of the progress report: a project, a kind, a fund … with its figures.
public struct ProgressLine: Sendable {
    public var key: String
    public var name: String
    public var figures: BudgetFigures
    public var executionRate: Ratio?
    /// (paid + committed) ÷ the same basis: what is spent or promised on contracts (占用率).
    public var commitmentRate: Ratio?
    /// Hundredths of a percentage point: rate − time progress; nil when the rate is undefined.
    public var gap: Int64?
    public var lagging: Bool
}

extension ProgressLine {
    mutating func withoutRate() {
        executionRate = nil
        commitmentRate = nil
        gap = nil
        lagging = false
    }
}

/// A group of rows with its subtotal (e.g. 基本支出 over 人员经费 and 公用经费).
public struct ProgressGroup: Sendable {
    public var subtotal: ProgressLine
    public var rows: [ProgressLine]
}

/// 月度支出进度: a pure value, built from the maintained monthly totals.
public struct ProgressReport: Sendable {
    public var spec: ProgressSpec
    public var bookName: String
    public var groups: [ProgressGroup]
    public var total: ProgressLine
    /// The book's seal from the snapshot the figures came from (issue 12: one read).
    public var seal: Seal?
    public var timeProgress: Ratio { spec.timeProgressRatio }
    public var rows: [ProgressLine] { groups.flatMap(\.rows) }
}

extension ProgressSpec {
    func line(key: String, name: String, figures: BudgetFigures) -> ProgressLine {
        let denominator = basis == .total ? figures.totalBudget : figures.budget
        let rate = Ratio(figures.paid, denominator)
        let gap = rate.map { $0.pointsMinus(timeProgressRatio) }
        // Money promised on contracts is not idle: a row lags only when its payments and its
        // payments with its commitments are both behind time progress.
        let commitmentRate = Ratio(figures.paid + figures.committed, denominator)
        let committedGap = commitmentRate.map { $0.pointsMinus(timeProgressRatio) }
        return ProgressLine(key: key, name: name, figures: figures, executionRate: rate, commitmentRate: commitmentRate,
                            gap: gap, lagging: (gap.map { $0 < lagThreshold } ?? false) && (committedGap.map { $0 < lagThreshold } ?? false))
    }
}

extension Book {
    public func progressReport(_ spec: ProgressSpec) throws(FiscalError) -> ProgressReport {
        ProgressReport(spec: spec, snapshot: try snapshot(year: spec.month.year, throughMonth: spec.month.month,
                                                          detail: spec.grouping == .unit ? .units : .projects))
    }
}

extension ProgressReport {
    /// The report as a pure function of its spec and the year's totals through its month.
    public init(spec: ProgressSpec, snapshot: YearSnapshot) {
        let totals = snapshot.totals
        let projects = snapshot.projectsByID
        let classifier = ProgressClassifier(grouping: spec.grouping, projects: projects, codes: snapshot.codes)
        // A row is a key within its group: by unit, a unit has a row under 基本支出 and one
        // under 项目支出.
        struct RowID: Hashable { var group: String; var key: String }
        var byRow: [RowID: BudgetFigures] = [:]
        if spec.grouping == .unit, let units = snapshot.unitTotals {
            // A consolidated book's totals per unit: the same sums, a few rows per unit.
            for t in units {
                let id = RowID(group: t.kind.isBasic ? "basic" : "project", key: t.unit.isEmpty ? ProgressClassifier.unassigned : t.unit)
                byRow[id, default: BudgetFigures()].add(t.account, t.amount)
                if t.account == .paid && t.month == spec.month.month {
                    byRow[id, default: BudgetFigures()].paidInMonth -= t.amount
                }
            }
        }
        for t in totals {
            let key = classifier.rowKey(t)
            let id = RowID(group: classifier.groupKey(t, rowKey: key), key: key)
            byRow[id, default: BudgetFigures()].add(t.account, t.amount)
            if t.account == .paid && t.month == spec.month.month {
                byRow[id, default: BudgetFigures()].paidInMonth -= t.amount
            }
        }
        var groups: [String: [ProgressLine]] = [:]
        for (id, figures) in byRow {
            groups[id.group, default: []].append(spec.line(key: id.key, name: classifier.name(id.key), figures: figures))
        }
        let ordered = groups.keys.sorted(by: classifier.groupOrder).map { g -> ProgressGroup in
            var rows = groups[g]!.sorted { $0.key < $1.key }
            let sum = rows.reduce(BudgetFigures()) { $0 + $1.figures }
            var subtotal = spec.line(key: g, name: classifier.groupName(g), figures: sum)
            if spec.grouping == .econ {
                // Authority is mostly granted to a project, not to an economic code: a
                // code's payments then draw on the untagged row, and a rate mixing the
                // two would mean nothing. Only codes with authority of their own get one.
                let fundedElsewhere = { (l: ProgressLine) in l.key == ProgressClassifier.unassigned
                    || (l.figures.totalBudget.isZero && !l.figures.paid.isZero) }
                for i in rows.indices where fundedElsewhere(rows[i]) { rows[i].withoutRate() }
                if rows.contains(where: fundedElsewhere) { subtotal.withoutRate() }
            }
            return ProgressGroup(subtotal: subtotal, rows: rows)
        }
        let all = ordered.reduce(BudgetFigures()) { $0 + $1.subtotal.figures }
        self.init(spec: spec, bookName: snapshot.bookName, groups: ordered,
                  total: spec.line(key: "total", name: "合计", figures: all), seal: snapshot.seal)
    }
}
