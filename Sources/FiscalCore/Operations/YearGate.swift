/// Which years take entries: the one home of the year rule, for every path. An entry's year
/// must be open; the year after the book's latest opens on first use (recorded by the caller
/// from ``opened``); a closed year, or any other year not in the book, refuses it.
struct YearGate {
    private var open: [Int: Bool] = [:]
    private var first = 0
    private var latest = 0
    /// Years this gate opened, in the order it opened them.
    private(set) var opened: [Int] = []

    init(years: [(year: Int, closed: Bool)]) {
        for (year, closed) in years { open[year] = !closed }
        first = open.keys.min() ?? 0
        latest = open.keys.max() ?? 0
    }

    /// Admits a date; returns true when its year opens with it.
    mutating func admit(_ date: Day) throws(FiscalError) -> Bool {
        let year = date.year
        switch open[year] {
        case true?: return false
        case false?: throw .closedYear(year: year, what: date.description)
        case nil:
            guard year == latest + 1 else {
                let range = latest == 0 ? "none" : first == latest ? "\(latest)" : "\(first)–\(latest)"
                throw .invalidValue(field: "date", value: date.description,
                                    reason: "year \(year) is not in this book (its years: \(range))")
            }
            open[year] = true
            latest = year
            if first == 0 { first = year }
            opened.append(year)
            return true
        }
    }

    /// Whether a year is open now.
    func isOpen(_ year: Int) -> Bool { open[year] == true }
}
