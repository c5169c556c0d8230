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
    /// book is refused.
    public func snapshot(year: Int, throughMonth: Int = 12) throws(FiscalError) -> YearSnapshot {
        try guarded {
            try store.read {
                guard let status = try store.yearStatus(year) else { throw FiscalError.unknownYear(year) }
                return YearSnapshot(year: year, status: status, bookName: try store.bookName(), projects: try store.projects(),
                                    totals: try store.monthlyTotals(year: year, throughMonth: throughMonth),
                                    throughMonth: throughMonth, codes: BookCodes(local: try store.localCodes()))
            }
        }
    }
}
