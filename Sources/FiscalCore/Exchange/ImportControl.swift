/// Availability control (DESIGN §6) for a batch, in memory: the same rules as
/// `Book.checkAvailability`, applied row after row without a query per row. It starts from
/// each year's maintained totals and keeps, per year and project, what is available and how
/// much of it is earmarked for economic codes with authority of their own, and per year,
/// project and code, that code's available balance.
///
/// Keys pack year, project (an index into the import's project list) and economic code (an
/// index into its code table, 0 for none) into one integer.
struct AvailabilityState {
    struct Line {
        /// −Σ `available` postings tagged with the code: what the code has available.
        var available: Int64 = 0
        /// Whether a resource posting was tagged with the code: it is then a line of its own.
        var ownAuthority = false
        var earmarked: Int64 { ownAuthority ? max(0, available) : 0 }
    }

    struct ProjectYear {
        var available: Int64 = 0
        /// Σ of the positive balances of the codes with their own authority.
        var earmarked: Int64 = 0
    }

    private var projects: [UInt64: ProjectYear] = [:]
    private var lines: [UInt64: Line] = [:]

    static func key(year: Int, project: Int32, econ: UInt16 = 0) -> UInt64 {
        UInt64(year) << 48 | UInt64(UInt32(bitPattern: project)) << 16 | UInt64(econ)
    }

    /// Adds what the book already holds for a project and code in a year.
    mutating func seed(year: Int, project: Int32, econ: UInt16, available: Int64, ownAuthority: Bool) {
        change(year: year, project: project, econ: econ, available: available, grant: ownAuthority)
    }

    /// Moves a project's available balance by `delta` (positive: more available), on the
    /// code's line too when there is a code; `grant` makes the code a line of its own.
    mutating func change(year: Int, project: Int32, econ: UInt16, available delta: Int64, grant: Bool = false) {
        let pk = AvailabilityState.key(year: year, project: project)
        projects[pk, default: ProjectYear()].available += delta
        guard econ != 0 else { return }
        let lk = AvailabilityState.key(year: year, project: project, econ: econ)
        var line = lines[lk] ?? Line()
        let before = line.earmarked
        line.available += delta
        if grant { line.ownAuthority = true }
        projects[pk]!.earmarked += line.earmarked - before
        lines[lk] = line
    }

    /// Why using `amount` of a project's authority (on a code, or on none) would take it below
    /// zero — the whole project, the code's own line, or the pool not earmarked — in the words
    /// `Book.checkAvailability` uses; nil when it is covered.
    func shortfall(verb: String, year: Int, project: Int32, code: String, econ: UInt16, econCode: String,
                   amount: Int64) -> String? {
        let py = projects[AvailabilityState.key(year: year, project: project)] ?? ProjectYear()
        let used = Money(fen: amount)
        if py.available < amount {
            return "\(verb) \(used) exceeds available \(Money(fen: py.available)) of project \(code) in \(year)"
        }
        if econ != 0, let line = lines[AvailabilityState.key(year: year, project: project, econ: econ)], line.ownAuthority {
            if line.available < amount {
                return "\(verb) \(used) exceeds available \(Money(fen: line.available)) of project \(code) econ \(econCode) in \(year)"
            }
            return nil
        }
        let pool = py.available - py.earmarked
        if pool < amount {
            return "\(verb) \(used) exceeds available \(Money(fen: pool)) of project \(code) in \(year) (\(Money(fen: py.earmarked)) more is earmarked for specific economic codes)"
        }
        return nil
    }
}
