/// Why a project's leftover goes where it goes at year end (DESIGN §5). The raw value is what
/// the closing and opening entries' memos cite, so the journal says which rule applied.
public enum CloseRule: String, CaseIterable, Sendable {
    /// Basic expenditure (人员经费, 公用经费): always carried forward, never aged.
    case basic
    /// A project still running: carried forward.
    case active
    /// A completed project: surplus.
    case completed
    /// A terminated project: surplus.
    case terminated
    /// Carry-in unused for two years (see `ClosePlan.agedCarryIn`): surplus, to be recalled.
    case agedCarryIn = "aged-carry-in"
    /// `--carry CODE` on the command line: carried forward whatever the rules say.
    case overrideCarry = "override-carry"
    /// `--surplus CODE` on the command line: surplus whatever the rules say.
    case overrideSurplus = "override-surplus"

    /// The status account the leftover is closed into.
    public var destination: Account {
        switch self {
        case .basic, .active, .overrideCarry: .carriedForward
        case .completed, .terminated, .agedCarryIn, .overrideSurplus: .surplus
        }
    }

    public var isOverride: Bool { self == .overrideCarry || self == .overrideSurplus }

    public var reasonZh: String {
        switch self {
        case .basic: "基本支出，结转下年"
        case .active: "项目执行中，结转下年"
        case .completed: "项目已完成，转为结余"
        case .terminated: "项目已终止，转为结余"
        case .agedCarryIn: "结转资金连续两年未使用，转为结余，待收回"
        case .overrideCarry: "命令行指定结转（--carry）"
        case .overrideSurplus: "命令行指定结余（--surplus）"
        }
    }

    public var reasonEn: String {
        switch self {
        case .basic: "basic expenditure: carried forward"
        case .active: "project active: carried forward"
        case .completed: "project completed: surplus"
        case .terminated: "project terminated: surplus"
        case .agedCarryIn: "carry-in unused for two years: surplus, to be recalled"
        case .overrideCarry: "override --carry: carried forward"
        case .overrideSurplus: "override --surplus: surplus"
        }
    }
}

/// One piece of a project's leftover with its classification: one closing entry (Dr available
/// / Cr `rule.destination`) and one opening entry (Dr carry-in / Cr available) each.
public struct ClosePart: Sendable {
    public var rule: CloseRule
    public var amount: Money
    /// The amount split by economic code: authority earmarked for a code (e.g. 公务接待费)
    /// stays earmarked in the next year; `nil` is the unearmarked pool.
    public var pieces: [(econ: EconomicCode?, amount: Money)]
}

/// What the close does with one project's leftover.
public struct CloseLine: Sendable {
    public var project: Project
    /// The project's figures for the year before the close.
    public var figures: BudgetFigures
    /// What is left: the project's available authority at the end of the year.
    public var leftover: Money { figures.available }
    /// The part of the leftover that is carry-in unused for two years (0 for basic expenditure),
    /// whether or not an override changed its classification.
    public var agedCarryIn: Money
    public var parts: [ClosePart]

    public var carriedForward: Money { parts.filter { $0.rule.destination == .carriedForward }.reduce(.zero) { $0 + $1.amount } }
    public var surplus: Money { parts.filter { $0.rule.destination == .surplus }.reduce(.zero) { $0 + $1.amount } }
    /// Surplus flagged to be recalled (收回) by finance: the aged carry-in part.
    public var toRecall: Money { parts.filter { $0.rule == .agedCarryIn }.reduce(.zero) { $0 + $1.amount } }
}

/// Projects whose classification the officer sets on the command line; overrides win over
/// every rule and are named in the entries' memos.
public struct CloseOverrides: Sendable {
    public var carry: [String]
    public var surplus: [String]
    public init(carry: [String] = [], surplus: [String] = []) { self.carry = carry; self.surplus = surplus }
}

/// The plan of a year-end close: every project with figures in the year, what is left and
/// where it goes. `Book.planClose` computes it; `Book.close` applies exactly this.
///
/// The rules, in order (DESIGN §5):
/// 1. an override (`--carry` / `--surplus`) decides the whole leftover;
/// 2. basic expenditure carries forward;
/// 3. a completed or terminated project's leftover is surplus;
/// 4. an active project's leftover carries forward, except its **aged carry-in**, which is
///    surplus to be recalled.
///
/// **Aged carry-in.** Payments and recalls use the oldest authority first (结转资金优先使用).
/// Authority carried into year Y−1 (granted in Y−2 or earlier) that was still unused at the
/// close of Y−1 came into Y as part of Y's carry-in; whatever of it is still unused at the
/// close of Y has been carried over for two years and becomes surplus to be recalled:
///
///     old(Y−1) = min(leftover(Y−1), max(0, carry_in(Y−1) − paid(Y−1) − recalled(Y−1)))
///     aged(Y)  = min(leftover(Y), max(0, min(old(Y−1), carry_in(Y)) − paid(Y) − recalled(Y)))
///
/// E.g. 100 granted in 2021: 30 paid in 2021, 20 in 2022, 30 in 2023. At the close of 2022
/// nothing is aged (the 70 carried into 2022 was first carried, not yet twice); old(2022) = 50,
/// and at the close of 2023 aged = 50 − 30 = 20: those 20 were granted in 2021 and never used.
/// A book that starts in Y has no Y−1, so nothing in Y's carry-in is aged.
///
/// A leftover is split by economic code as well: positive earmarked lines first (by code),
/// then the pool; the pieces are handed to the parts in order (the carried-forward part
/// first), so earmarks stay with the money that keeps running.
public struct ClosePlan: Sendable {
    public var year: Int
    public var lines: [CloseLine]
    public var overrides: CloseOverrides

    public var closingDate: Day { Day(year: year, month: 12, day: 31)! }
    public var openingDate: Day { Day(year: year + 1, month: 1, day: 1)! }

    public var leftover: Money { lines.reduce(.zero) { $0 + $1.leftover } }
    public var carriedForward: Money { lines.reduce(.zero) { $0 + $1.carriedForward } }
    public var surplus: Money { lines.reduce(.zero) { $0 + $1.surplus } }
    public var toRecall: Money { lines.reduce(.zero) { $0 + $1.toRecall } }
    public var parts: Int { lines.reduce(0) { $0 + $1.parts.count } }
}

/// What `Book.close` wrote.
public struct CloseResult: Sendable {
    public var plan: ClosePlan
    public var closingEntries: [Int64]
    public var openingEntries: [Int64]
    /// Whether the close opened the next year in the book (rather than finding it open).
    public var openedNextYear: Bool
}

/// What `Book.reopen` wrote.
public struct ReopenResult: Sendable {
    public var year: Int
    public var reason: String
    /// The reversals posted, as (reversal, original) pairs.
    public var closingReversals: [(reversal: Int64, original: Int64)]
    public var openingReversals: [(reversal: Int64, original: Int64)]
    /// Projects whose available authority in the next year went below zero (only with
    /// `allowOverdraft`), with what is available after the reopen.
    public var overdrawn: [(project: String, available: Money)]
}

extension Book {
    /// The plan of closing `year`, without writing anything. Refuses what `close` refuses,
    /// except that the year need not have ended yet (a plan is a preview).
    public func planClose(year: Int, overrides: CloseOverrides = CloseOverrides()) throws(FiscalError) -> ClosePlan {
        try guarded { try store.read { try makeClosePlan(year: year, overrides: overrides) } }
    }

    /// Closes `year` in one transaction (DESIGN §5): a closing entry per part of the plan
    /// (Dr available / Cr carried-forward or surplus, dated 31 December), the year locked,
    /// the next year opened with a carry-in entry per part (dated 1 January), and both
    /// recorded in the years' history. Refused: a year not in the book or already closed, a
    /// year whose previous year is still open, a year not ended by `today`, a project with
    /// negative available authority, and overrides naming unknown projects, projects with
    /// nothing left, or one project twice.
    @discardableResult
    public func close(year: Int, overrides: CloseOverrides = CloseOverrides(), today: Day) throws(FiscalError) -> CloseResult {
        try guarded {
            try store.write {
                let plan = try makeClosePlan(year: year, overrides: overrides)
                guard today >= plan.closingDate else {
                    throw FiscalError.yearNotEnded(year: year, today: today, closingDate: plan.closingDate)
                }
                var engine = try PostingEngine(store: store)
                var closing: [Int64] = []
                for line in plan.lines {
                    for part in line.parts {
                        let memo = "\(year)年终结转结余：\(part.rule.reasonZh) (rule: \(part.rule.rawValue))"
                        let postings = part.pieces.flatMap { piece in
                            [Posting(.available, project: line.project.id, econ: piece.econ, piece.amount),
                             Posting(part.rule.destination, project: line.project.id, econ: piece.econ, -piece.amount)]
                        }
                        closing.append(try post(EntryDraft(date: plan.closingDate, kind: .close, memo: memo, postings: postings),
                                                engine: &engine))
                    }
                }
                try store.setYearStatus(year, closed: true)
                try store.insertYearEvent(year, action: "close", date: today, reason: closeSummary(plan))

                let next = year + 1
                var openedNextYear = false
                switch try store.yearStatus(next) {
                case .open?: break
                case nil:
                    try store.insertYear(next, date: today, reason: "opened by the close of \(year)")
                    openedNextYear = true
                default:
                    throw FiscalError.closedYear(year: next, what: plan.openingDate.description)
                }
                // The years changed under the first engine: the next year's entries get a new one.
                engine = try PostingEngine(store: store)
                var opening: [Int64] = []
                for line in plan.lines {
                    for part in line.parts {
                        let what = part.rule.destination == .surplus ? "结余" : "结转"
                        let memo = "\(year)年末\(what)转入：\(part.rule.reasonZh) (rule: \(part.rule.rawValue))"
                        let postings = part.pieces.flatMap { piece in
                            [Posting(.carryIn, project: line.project.id, econ: piece.econ, piece.amount),
                             Posting(.available, project: line.project.id, econ: piece.econ, -piece.amount)]
                        }
                        opening.append(try post(EntryDraft(date: plan.openingDate, kind: .open, memo: memo, postings: postings),
                                                engine: &engine))
                    }
                }
                return CloseResult(plan: plan, closingEntries: closing, openingEntries: opening, openedNextYear: openedNextYear)
            }
        }
    }

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

                try store.setYearStatus(year, closed: false)
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
                try store.insertYearEvent(year, action: "reopen", date: today, reason: reason)
                return ReopenResult(year: year, reason: reason, closingReversals: closingReversals,
                                    openingReversals: openingReversals, overdrawn: overdrawnList)
            }
        }
    }

    /// The year's history of opening, closing and reopening, oldest first.
    public func yearHistory(_ year: Int) throws(FiscalError) -> [(action: String, date: String, reason: String?)] {
        try guarded { try store.yearEvents(year) }
    }

    // MARK: The plan

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

        // Overrides: known projects, each named once, each with something to classify.
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

        let negative = figures.filter { $0.value.available.fen < 0 }.compactMap { byID[$0.key] }.sorted { $0.code < $1.code }
        if !negative.isEmpty {
            let list = negative.map { "\($0.code) (\(figures[$0.id]!.available))" }.joined(separator: ", ")
            throw FiscalError.refused("year \(year) cannot close: available is below zero for \(list); record the authority that covers it first")
        }

        var lines: [CloseLine] = []
        for project in projects {
            guard let f = figures[project.id] else { continue }
            let aged = project.kind.isBasic ? .zero : Book.agedCarryIn(now: f, before: before[project.id])
            var rules: [(CloseRule, Money)]
            let leftover = f.available
            if let rule = override[project.code] {
                rules = [(rule, leftover)]
            } else if project.kind.isBasic {
                rules = [(.basic, leftover)]
            } else {
                switch project.status {
                case .completed: rules = [(.completed, leftover)]
                case .terminated: rules = [(.terminated, leftover)]
                case .active: rules = [(.active, leftover - aged), (.agedCarryIn, aged)]
                }
            }
            rules = rules.filter { $0.1.isPositive }
            let pieces = try earmarkedPieces(year: year, project: project.id, leftover: leftover)
            lines.append(CloseLine(project: project, figures: f, agedCarryIn: aged, parts: Book.allocate(pieces, to: rules)))
        }
        lines.sort { ($0.project.kind.isBasic ? 0 : 1, $0.project.code) < ($1.project.kind.isBasic ? 0 : 1, $1.project.code) }
        return ClosePlan(year: year, lines: lines, overrides: overrides)
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

    private func closeSummary(_ plan: ClosePlan) -> String {
        var text = "年终结算：结转 \(plan.carriedForward) 元，结余 \(plan.surplus) 元（待收回 \(plan.toRecall) 元）"
        let o = plan.overrides
        if !o.carry.isEmpty || !o.surplus.isEmpty {
            text += "；overrides:" + o.carry.map { " --carry \($0)" }.joined() + o.surplus.map { " --surplus \($0)" }.joined()
        }
        return text
    }
}
