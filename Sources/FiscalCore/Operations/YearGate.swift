/// Which years take entries: the one home of the year rule, for every path. An entry's year
/// must be open; a closed year, or a year not in the book, refuses it. Years open on purpose —
/// the book's first year, the year a close opens, or ``Book/openYear(_:date:)`` — never
/// because an entry happens to be dated in them.
struct YearGate {
    private var open: [Int: Bool] = [:]
    private var latest = 0

    init(years: [(year: Int, closed: Bool)]) {
        for (year, closed) in years { open[year] = !closed }
        latest = open.keys.max() ?? 0
    }

    /// Admits a date, or refuses it naming the year's state.
    func admit(_ date: Day) throws(FiscalError) {
        switch open[date.year] {
        case true?: return
        case false?: throw .closedYear(year: date.year, what: date.description)
        case nil: throw .yearNotOpen(year: date.year, what: date.description, latest: latest)
        }
    }

    /// Whether a year is open now.
    func isOpen(_ year: Int) -> Bool { open[year] == true }
}
