extension Book {
    /// A project's figures for a whole year, from the maintained totals.
    public func figures(project: Project, year: Int) throws(FiscalError) -> BudgetFigures {
        try guarded {
            var f = BudgetFigures()
            for t in try store.monthlyTotals(year: year) where t.projectID == project.id { f.add(t.account, t.amount) }
            return f
        }
    }
}

extension Book {
    /// A year of the book as the reports read it, in one read transaction; a year not in the
    /// book is refused. With `.units`, a consolidated book gives its totals per unit
    /// (unit_total) instead of every project's — all a report by unit reads; any other book,
    /// and one consolidated before schema v6 (which keeps none), gives its monthly totals as
    /// with `.projects`.
    public func snapshot(year: Int, throughMonth: Int = 12, detail: SnapshotDetail = .projects) throws(FiscalError) -> YearSnapshot {
        try guarded {
            try store.read {
                guard let status = try store.yearStatus(year) else { throw FiscalError.unknownYear(year) }
                var snapshot: YearSnapshot
                if detail == .units, try store.isConsolidated(), let units = try store.unitTotals(year: year, throughMonth: throughMonth) {
                    snapshot = YearSnapshot(year: year, status: status, bookName: try store.bookName(), projects: [], totals: [],
                                            throughMonth: throughMonth, codes: BookCodes(local: try store.localCodes()))
                    snapshot.unitTotals = units
                } else {
                    snapshot = YearSnapshot(year: year, status: status, bookName: try store.bookName(), projects: try store.projects(),
                                            totals: try store.monthlyTotals(year: year, throughMonth: throughMonth),
                                            throughMonth: throughMonth, codes: BookCodes(local: try store.localCodes()),
                                            contractCarried: try store.contractCarried(year: year))
                }
                snapshot.chainHead = try chainHead()
                return snapshot
            }
        }
    }
}

/// How much of a year a snapshot reads: every project's monthly totals (what every report
/// needs), or, on a consolidated book, its totals per unit (what a report by unit needs).
public enum SnapshotDetail: Sendable {
    case projects, units
}

extension Book {
    /// What a project has left available in a year, and, when `econ` has authority of its own
    /// in that project, what is left of that line — what a recording command reports after it.
    public func leftAvailable(project code: String, year: Int, econ: EconomicCode?) throws(FiscalError)
        -> (project: Money, line: Money?) {
        let project = try self.project(code: code)
        let figures = try figures(project: project, year: year)
        guard let econ else { return (figures.available, nil) }
        let lines = try guarded { try store.ownAuthorityLines(year: year, project: project.id) }
        return (figures.available, lines[econ.code])
    }
}
