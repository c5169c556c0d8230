/// Month by month for the year to date: the cumulative execution rate of the whole book and
/// of its largest projects, for the progress chart. Months after the report's month are nil.
public struct ProgressSeries: Sendable {
    public struct Line: Sendable {
        public var key: String
        public var name: String
        /// Index 0 is January; the rate at that month's end.
        public var rates: [Ratio?]
    }

    public var year: Int
    public var throughMonth: Int
    public var book: Line
    public var projects: [Line]
    /// m/12 (or days elapsed) at each month's end.
    public var timeProgress: [Ratio]
}

extension Book {
    /// The rates the chart draws; `largest` projects by total budget at the report month.
    public func progressSeries(_ spec: ProgressSpec, largest: Int = 5) throws(FiscalError) -> ProgressSeries {
        ProgressSeries(spec: spec, snapshot: try snapshot(year: spec.month.year, throughMonth: spec.month.month),
                       largest: largest)
    }
}

extension ProgressSeries {
    /// The series as a pure function of its spec and the year's totals through its month.
    public init(spec: ProgressSpec, snapshot: YearSnapshot, largest: Int = 5) {
        let year = snapshot.year
        let totals = snapshot.totals
        let projects = snapshot.projectsByID
        // Per project and month, the month's own movements; cumulated below.
        var monthly: [Int64: [BudgetFigures]] = [:]
        for t in totals {
            monthly[t.projectID, default: Array(repeating: BudgetFigures(), count: 12)][t.month - 1].add(t.account, t.amount)
        }
        func rates(_ months: [BudgetFigures]) -> [Ratio?] {
            var running = BudgetFigures()
            return (0..<12).map { m in
                guard m < spec.month.month else { return nil }
                running += months[m]
                let denominator = spec.basis == .total ? running.totalBudget : running.budget
                return Ratio(running.paid, denominator)
            }
        }
        let bookMonths = (0..<12).map { m in monthly.values.reduce(BudgetFigures()) { $0 + $1[m] } }
        let ranked = monthly.map { id, months in (id, months.reduce(BudgetFigures(), +).totalBudget) }
            .filter { $0.1.isPositive }
            .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : (projects[$0.0]?.code ?? "") < (projects[$1.0]?.code ?? "") }
            .prefix(largest)
        let timeProgress = (1...12).map { m -> Ratio in
            var s = ProgressSpec(month: YearMonth(year: year, month: m)!)
            s.timeProgress = spec.timeProgress
            return s.timeProgressRatio
        }
        self.init(
            year: year, throughMonth: spec.month.month,
            book: .init(key: "total", name: snapshot.bookName, rates: rates(bookMonths)),
            projects: ranked.map { id, _ in
                .init(key: projects[id]?.code ?? "#\(id)", name: projects[id]?.name ?? "", rates: rates(monthly[id]!))
            },
            timeProgress: timeProgress)
    }
}
