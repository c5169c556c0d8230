extension Book {
    /// Opens the year after the book's latest, on purpose — to record next year's 年初预算
    /// while this year is still open. Any other year is refused: years follow one another,
    /// and a closed year is reopened with ``reopen(year:reason:today:)`` instead.
    public func openYear(_ year: Int, date: Day, reason: String? = nil) throws(FiscalError) {
        try guarded {
            try store.write {
                let years = try store.years()
                let latest = years.map(\.year).max() ?? 0
                if let known = years.first(where: { $0.year == year }) {
                    throw FiscalError.invalidValue(field: "year", value: "\(year)", reason: known.closed ? "is closed" : "is open already")
                }
                guard year == latest + 1 else {
                    throw FiscalError.invalidValue(field: "year", value: "\(year)",
                                                   reason: "only the year after the latest (\(latest + 1)) can be opened")
                }
                try store.insertYear(year, date: date, reason: reason ?? "opened on purpose")
            }
        }
    }

    /// Every year with its opening, closing and reopening events, oldest first.
    public func yearHistory() throws(FiscalError) -> [(year: Int, closed: Bool, events: [(action: String, date: String, reason: String?)])] {
        try guarded {
            try store.read { try store.years().map { ($0.year, $0.closed, try store.yearEvents($0.year)) } }
        }
    }
}
