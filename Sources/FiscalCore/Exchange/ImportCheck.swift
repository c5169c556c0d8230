/// Admitting rows, in date order, through the one posting engine: the same year rule, balance
/// and availability control as a recording command, with the engine's state carried from row
/// to row instead of read from the book each time.
extension EventImport {
    /// The postings of a row, from its kind's legs (``EntryKind/legs``), as the engine sees them.
    /// (It captures the project list, never `self`: a closure holding the import would keep a
    /// second reference to the engine's state and make every update copy it.)
    static func legPostings(_ e: ImportedEvent, projectIDs: [Int64]) -> LazyMapSequence<[EntryKind.Leg], LegPosting> {
        e.legs.lazy.map { legPosting($0, e, projectIDs: projectIDs) }
    }

    static func legPosting(_ leg: EntryKind.Leg, _ e: ImportedEvent, projectIDs: [Int64]) -> LegPosting {
        LegPosting(account: leg.account, project: projectIDs[Int(leg.onReceiver ? e.toProject : e.project)],
                   econ: leg.tagged ? e.econ : 0, amount: leg.sign * e.amount, contract: e.contract)
    }

    /// Admits one row against the years and the availability of everything before it in date
    /// order, and counts it as posted when the engine takes it; else the engine's refusal is
    /// the row's problem.
    mutating func checkEvent(_ i: Int) throws {
        let e = events[i]
        // An import touches most projects of a year: seed the whole year in one query.
        if engine.years.isOpen(e.year) && !engine.isSeeded(year: e.year) {
            try pipeline?.waitIdle()  // the seed is read from the book, which the writer may hold
            try engine.seed(year: e.year)
        }
        let codes = projectCodes
        let known = e.contract == 0 ? [:] : contracts
        do {
            let admission = try engine.admit(
                date: e.day, postings: EventImport.legPostings(e, projectIDs: projectIDs),
                control: .check(verb: e.kind.rawValue, allowOverdraft: options.allowOverdraft),
                projectCode: { codes[$0] ?? "#\($0)" },
                contractNumber: { id in known.first { $0.value.id == id }?.key ?? "#\(id)" })
            if admission.overdraft {
                events[i].overdraft = true
                result.overdrafts += 1
            }
            result.posted += 1
            result.count(e.kind, fen: e.amount)
        } catch let error as FiscalError {
            result.add(ImportProblem(line: Int(e.line), message: error.description, isOverdraft: error.isOverdraft))
        }
    }
}
