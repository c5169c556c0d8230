extension Book {
    func makeClosePlan(year: Int, overrides: CloseOverrides) throws -> ClosePlan {
        switch try store.yearStatus(year) {
        case nil: throw FiscalError.unknownYear(year)
        case .closed?: throw FiscalError.yearAlreadyClosed(year)
        default: break
        }
        guard year < 9999 else { throw FiscalError.invalidValue(field: "year", value: "\(year)", reason: "no next year to open") }
        let previous = try store.yearStatus(year - 1)
        if previous == .open {
            throw FiscalError.refused("year \(year - 1) is still open: close \(year - 1) before \(year)")
        }

        let projects = try store.projects()
        let byID = Dictionary(uniqueKeysWithValues: projects.map { ($0.id, $0) })
        var figures: [Int64: BudgetFigures] = [:]
        for t in try store.monthlyTotals(year: year) { figures[t.projectID, default: BudgetFigures()].add(t.account, t.amount) }
        var before: [Int64: BudgetFigures] = [:]
        if previous != nil {
            for t in try store.monthlyTotals(year: year - 1) { before[t.projectID, default: BudgetFigures()].add(t.account, t.amount) }
        }

        let override = try closeOverrides(overrides, projects: projects, figures: figures, year: year)
        let negative = figures.filter { $0.value.available.fen < 0 }.compactMap { byID[$0.key] }.sorted { $0.code < $1.code }
        if !negative.isEmpty {
            let list = negative.map { "\($0.code) (\(figures[$0.id]!.available))" }.joined(separator: ", ")
            throw FiscalError.refused("year \(year) cannot close: available is below zero for \(list); record the authority that covers it first")
        }
        var commitments: [Int64: [CommitmentCarry]] = [:]
        let contracts = Dictionary(uniqueKeysWithValues: try store.contracts().map { ($0.id, $0) })
        try store.contractOpen(year: year, contract: nil) { id, open in
            guard open > 0, let c = contracts[id] else { return }
            commitments[c.projectID, default: []].append(CommitmentCarry(contract: c, amount: Money(fen: open)))
        }
        var lines: [CloseLine] = []
        for project in projects {
            guard let f = figures[project.id] else { continue }
            let aged = project.kind.isBasic ? .zero : Book.agedCarryIn(now: f, before: before[project.id])
            let pieces = try earmarkedPieces(year: year, project: project.id, leftover: f.available)
            let rules = Book.closeRules(project, leftover: f.available, aged: aged, override: override[project.code])
            lines.append(CloseLine(project: project, figures: f, agedCarryIn: aged, parts: Book.allocate(pieces, to: rules),
                                   commitments: (commitments[project.id] ?? []).sorted { $0.contract.number < $1.contract.number }))
        }
        lines.sort { ($0.project.kind.isBasic ? 0 : 1, $0.project.code) < ($1.project.kind.isBasic ? 0 : 1, $1.project.code) }
        return ClosePlan(year: year, lines: lines, overrides: overrides)
    }

    /// Overrides name known projects, each once, each with something to classify.
    private func closeOverrides(_ overrides: CloseOverrides, projects: [Project], figures: [Int64: BudgetFigures],
                                year: Int) throws -> [String: CloseRule] {
        var override: [String: CloseRule] = [:]
        for (codes, rule, field) in [(overrides.carry, CloseRule.overrideCarry, "carry"),
                                     (overrides.surplus, CloseRule.overrideSurplus, "surplus")] {
            for code in codes {
                guard let project = projects.first(where: { $0.code == code }) else { throw FiscalError.unknownProject(code) }
                if override[code] != nil {
                    throw FiscalError.invalidValue(field: field, value: code, reason: "project named more than once among the overrides")
                }
                guard let f = figures[project.id], f.available.isPositive else {
                    throw FiscalError.invalidValue(field: field, value: code, reason: "project \(code) has nothing left in \(year)")
                }
                override[code] = rule
            }
        }
        return override
    }

    /// Where a project's leftover goes (DESIGN §5): an override, basic expenditure always
    /// carried forward, a finished project to surplus, a running one carried forward but for
    /// carry-in aged past two years.
    static func closeRules(_ project: Project, leftover: Money, aged: Money, override: CloseRule?) -> [(CloseRule, Money)] {
        let rules: [(CloseRule, Money)]
        if let override {
            rules = [(override, leftover)]
        } else if project.kind.isBasic {
            rules = [(.basic, leftover)]
        } else {
            switch project.status {
            case .completed: rules = [(.completed, leftover)]
            case .terminated: rules = [(.terminated, leftover)]
            case .active: rules = [(.active, leftover - aged), (.agedCarryIn, aged)]
            }
        }
        return rules.filter { $0.1.isPositive }
    }

    /// The aged carry-in of a project at the close of a year (see `ClosePlan`).
    static func agedCarryIn(now: BudgetFigures, before: BudgetFigures?) -> Money {
        guard let before else { return .zero }
        func clamp(_ m: Money) -> Money { m.fen < 0 ? .zero : m }
        let leftBefore = before.carriedForward + before.surplus
        let oldBefore = min(leftBefore, clamp(before.carryIn - before.paid - before.recalled))
        let old = min(oldBefore, now.carryIn)
        return min(clamp(now.available), clamp(old - now.paid - now.recalled))
    }

    /// The leftover split by economic code: the positive earmarked lines (by code), capped so
    /// they never exceed the leftover, then the rest in the pool.
    private func earmarkedPieces(year: Int, project: Int64, leftover: Money) throws -> [(econ: EconomicCode?, amount: Money)] {
        var pieces: [(econ: EconomicCode?, amount: Money)] = []
        var rest = leftover
        for (code, available) in try store.ownAuthorityLines(year: year, project: project).sorted(by: { $0.key < $1.key })
        where available.isPositive && rest.isPositive {
            let amount = min(available, rest)
            pieces.append((EconomicCode(code), amount))
            rest -= amount
        }
        if rest.isPositive { pieces.append((nil, rest)) }
        return pieces
    }

    /// Hands the pieces to the parts in order, splitting a piece where a part ends.
    static func allocate(_ pieces: [(econ: EconomicCode?, amount: Money)], to rules: [(CloseRule, Money)]) -> [ClosePart] {
        var queue = pieces[...]
        var parts: [ClosePart] = []
        for (rule, amount) in rules {
            var part = ClosePart(rule: rule, amount: amount, pieces: [])
            var need = amount
            while need.isPositive, let head = queue.first {
                let take = min(head.amount, need)
                part.pieces.append((head.econ, take))
                need -= take
                if take == head.amount { queue = queue.dropFirst() } else { queue[queue.startIndex].amount -= take }
            }
            parts.append(part)
        }
        return parts
    }
}
