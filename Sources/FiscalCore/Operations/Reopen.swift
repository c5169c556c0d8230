extension Book {
    /// Reopens the latest closed year: appends a reversal of each of its closing entries
    /// (dated as they are) and of each opening entry its close wrote into the next year, unlocks
    /// it and records the reason in its history. Nothing is deleted; closing it again writes
    /// new closing and opening entries.
    ///
    /// If the next year has already spent some of the carry-in, reversing the opening would
    /// take that project's available below zero: the reopen is refused naming every such
    /// project, unless `allowOverdraft`, which posts those reversals marked as overdrafts
    /// (so `verify` accepts them) and reports the projects.
    @discardableResult
    public func reopen(year: Int, reason: String, today: Day, allowOverdraft: Bool = false) throws(FiscalError) -> ReopenResult {
        let reason = String(reason.trimmingWhitespace())
        guard !reason.isEmpty else { throw .invalidValue(field: "reason", value: reason, reason: "must not be empty") }
        try TextRules.check(reason, .reason)
        return try guarded {
            try store.write {
                switch try store.yearStatus(year) {
                case nil: throw FiscalError.unknownYear(year)
                case .closed?: break
                default: throw FiscalError.refused("year \(year) is not closed; nothing to reopen")
                }
                if let latest = try store.latestClosedYear(), latest != year {
                    throw FiscalError.refused("year \(year): only the latest closed year (\(latest)) can be reopened; reopen \(latest) first")
                }
                let next = year + 1
                let openings = try store.yearStatus(next) == nil ? [] : try store.unreversedEntries(year: next, kind: .open)

                try store.insertYearEvent(year, action: "reopen", date: today, reason: reason)
                try store.setYearStatus(year, closed: false)  // after its event: schema.sql's guard
                var engine = try PostingEngine(store: store)
                let memo = "reopen \(year): \(reason)"
                var closingReversals: [(Int64, Int64)] = []
                for id in try store.unreversedEntries(year: year, kind: .close) {
                    let draft = try reversal(of: id, date: try store.entry(id: id)!.date, memo: memo)
                    closingReversals.append((try post(draft, engine: &engine), id))
                }
                // Reversing the carry-in takes it from the next year's available: where the next
                // year has already spent it, availability control names every such project.
                var openingReversals: [(Int64, Int64)] = []
                var overdrawn: [Int64: Money] = [:]
                for id in openings {
                    let draft = try reversal(of: id, date: try store.entry(id: id)!.date, memo: memo)
                    let (entry, admission) = try postEntry(draft, engine: &engine,
                                                           control: .check(verb: "reopen", allowOverdraft: true))
                    openingReversals.append((entry, id))
                    if let s = admission.shortfall { overdrawn[s.project] = Money(fen: s.available - s.used) }
                }
                let overdrawnList = try overdrawn.sorted { $0.key < $1.key }.map {
                    (project: try store.projectCode(id: $0.key) ?? "#\($0.key)", available: $0.value)
                }
                if !overdrawnList.isEmpty && !allowOverdraft {
                    let list = overdrawnList.map { "\($0.project) (\(-$0.available) already spent)" }.joined(separator: ", ")
                    throw FiscalError.overdraft("reopen \(year): \(next) has already spent carry-in of \(list); reversing the carry-in would take available below zero")
                }
                return ReopenResult(year: year, reason: reason, closingReversals: closingReversals,
                                    openingReversals: openingReversals, overdrawn: overdrawnList)
            }
        }
    }

    /// The year's history of opening, closing and reopening, oldest first.
    public func yearHistory(_ year: Int) throws(FiscalError) -> [(action: String, date: String, reason: String?)] {
        try guarded { try store.yearEvents(year) }
    }
}
