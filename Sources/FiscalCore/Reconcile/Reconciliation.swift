/// How a stated figure compares with the ledger.
public enum Verdict: String, Sendable, Codable, CaseIterable {
    /// The ledger gives exactly the stated figure.
    case match
    /// Equal once the ledger is rounded to the stated precision.
    case rounding
    case mismatch
    /// The label fits two metrics and the figure equals neither: both are listed, not a mismatch.
    case ambiguous
    /// A ledger metric this book cannot give (a prior-year figure, an empty scope).
    case notInLedger = "not-in-ledger"
    /// Not a ledger figure at all (people, vehicles, dates …) or a label not understood.
    case unmapped
}

/// One claim with the ledger's figure beside it.
public struct ClaimResult: Sendable {
    public var claim: Claim
    /// The ledger's figure in the claim's unit, exact to the 分 or to 0.01%.
    public var ledger: StatedValue?
    /// Stated − ledger, in hundredths of the claim's unit, once the ledger is rounded to the
    /// precision the report stated (so a rounding verdict has difference 0).
    public var difference: Int64?
    public var verdict: Verdict
    public var note: String?
    /// For a label that names no project of the book: the project it most likely is, for the
    /// officer to confirm with `fiscal project alias add` (nil when no name is close).
    public var suggestion: ProjectSuggestion?
}

/// `fiscal project alias add CODE LABEL`, for a label the reader could not place.
public struct ProjectSuggestion: Sendable, Equatable {
    public var label: String
    public var code: String
    public var name: String
}

public struct ReconcileReport: Sendable {
    public var year: Int
    public var results: [ClaimResult]
    public func count(_ verdict: Verdict) -> Int { results.filter { $0.verdict == verdict }.count }
    public var hasMismatch: Bool { results.contains { $0.verdict == .mismatch } }
}

extension Book {
    /// Compares each claim with the ledger of `year` (DESIGN §7).
    public func reconcile(_ claims: [Claim], year: Int) throws(FiscalError) -> ReconcileReport {
        let facts = try ledgerFacts(year: year)
        return ReconcileReport(year: year, results: claims.map { facts.compare($0) })
    }

    /// The project names a report reader matches labels against.
    public func projectNames() throws(FiscalError) -> [String] { try projects().map(\.name) }

    func ledgerFacts(year: Int) throws(FiscalError) -> LedgerFacts {
        let year = try snapshot(year: year)
        return LedgerFacts(year: year.year, totals: year.totals, projects: year.projectsByID, closed: year.status == .closed)
    }
}

extension LedgerFacts {
    /// What the ledger says for a metric and scope: an amount, a ratio or a count.
    enum Figure {
        case money(Money)
        case ratio(Ratio?)
        case count(Int)
    }

    func figure(metric: String, scope: String) -> Figure? {
        // Income from a source other than 财政拨款 (事业收入, 其他收入 …) is not in a budget ledger.
        if scope.split(whereSeparator: { $0 == "," || $0 == "|" }).contains(where: { $0.hasPrefix("source:") && $0 != "source:fiscal" }) {
            return nil
        }
        if metric == ClaimMetric.share || metric == ClaimMetric.shareIncome {
            let sides = scope.split(separator: "|", maxSplits: 1).map(String.init)
            guard sides.count == 2 else { return nil }
            if metric == ClaimMetric.shareIncome { return .ratio(Ratio(figures(sides[0]).budget, figures(sides[1]).budget)) }
            return .ratio(Ratio(figures(sides[0]).paid, figures(sides[1]).paid))
        }
        let f = figures(scope)
        let sangong = sangongFigures(scope)
        switch metric {
        case ClaimMetric.budgetInitial: return .money(f.initial)
        case ClaimMetric.budgetAdditions: return .money(f.additions)
        case ClaimMetric.budgetReductions: return .money(f.reductions)
        case ClaimMetric.budgetCurrent, ClaimMetric.income: return .money(f.budget)
        case ClaimMetric.budgetTotal, ClaimMetric.incomeTotal: return .money(f.totalBudget)
        case ClaimMetric.paid: return .money(f.paid)
        case ClaimMetric.carryIn: return .money(f.carryIn)
        case ClaimMetric.carryOut: return .money(f.carriedForward + f.surplus + f.available)
        case ClaimMetric.carriedForward: return .money(f.carriedForward)
        case ClaimMetric.surplus: return .money(f.surplus)
        case ClaimMetric.expenseTotal: return .money(f.paid + f.carriedForward + f.surplus + f.available + f.recalled)
        case ClaimMetric.rateExecution: return .ratio(Ratio(f.paid, f.totalBudget))
        case ClaimMetric.rateCompletionInitial: return .ratio(Ratio(f.paid, f.initial))
        case ClaimMetric.rateCompletionAdjusted: return .ratio(Ratio(f.paid, f.budget))
        case ClaimMetric.sangongBudget: return .money(sangong.budget)
        case ClaimMetric.sangongActual: return .money(sangong.actual)
        case ClaimMetric.sangongSaving: return .money(sangong.budget - sangong.actual)
        case ClaimMetric.sangongSavingRate: return .ratio(Ratio(sangong.budget - sangong.actual, sangong.budget))
        case ClaimMetric.sangongCompletionRate: return .ratio(Ratio(sangong.actual, sangong.budget))
        case ClaimMetric.countProjects: return .count(projectCount(scope))
        default: return nil
        }
    }

    /// 三公 budget (authority on the 三公 codes) and actual (paid on them) within a scope;
    /// a scope without `sangong:` means all four codes.
    func sangongFigures(_ scope: String) -> (budget: Money, actual: Money) {
        let withCodes = scope.contains("sangong:") ? scope : (scope.isEmpty || scope == "all" ? "sangong:all" : scope + ",sangong:all")
        let f = figures(withCodes)
        return (f.totalBudget, f.paid)
    }

    func compare(_ claim: Claim) -> ClaimResult {
        let first = compareOne(claim)
        guard first.verdict == .mismatch, let alternative = claim.alternative else { return first }
        var other = claim
        other.metric = alternative
        other.alternative = nil
        var second = compareOne(other)
        let firstLedger = first.ledger?.text ?? "-"
        if second.verdict == .match || second.verdict == .rounding {
            second.note = "read as \(alternative) (as \(claim.metric) the ledger gives \(firstLedger))"
            return second
        }
        var result = first
        result.verdict = .ambiguous
        result.note = "fits \(claim.metric) (ledger \(firstLedger)) or \(alternative) (ledger \(second.ledger?.text ?? "-"))"
        return result
    }

    private func compareOne(_ claim: Claim) -> ClaimResult {
        var result = ClaimResult(claim: claim, ledger: nil, difference: nil, verdict: .unmapped, note: claim.note, suggestion: nil)
        if claim.metric == ClaimMetric.unmapped { return result }
        if claim.metric == ClaimMetric.priorYear {
            result.verdict = .notInLedger
            result.note = claim.note ?? "prior-year figure: not in this book"
            return result
        }
        if let unknown = unknownProject(in: claim.scope) {
            let matcher = ReaderProjectMatcher(projects.values.map(\.name).sorted())
            // Between names already close to the label (and too close to each other to choose by
            // name), the amount may decide; never between unrelated names.
            let fitting = matcher.close(unknown).compactMap { name -> ClaimResult? in
                var other = claim
                other.scope = claim.scope.replacingOccurrences(of: "project:" + unknown, with: "project:" + name)
                let r = compareOne(other)
                return r.verdict == .match || r.verdict == .rounding ? r : nil
            }
            if fitting.count == 1, var chosen = fitting.first {
                chosen.note = "\(unknown) read as \(chosen.claim.scope): of the close names, the one whose figure agrees"
                return chosen
            }
            // A label that names no project of the book is not compared with zero.
            let nearest = matcher.nearest(unknown)
            result.verdict = .notInLedger
            result.note = "no project \(unknown) in the book" + (nearest.isEmpty ? "" : "; nearest: " + nearest.joined(separator: ", "))
            if let likely = matcher.likely(unknown),
               let project = projects.values.filter({ $0.name == likely }).min(by: { $0.code < $1.code }) {
                result.suggestion = ProjectSuggestion(label: unknown, code: project.code, name: project.name)
            }
            return result
        }
        guard Filter.isUnderstood(claim.scope), let figure = figure(metric: claim.metric, scope: claim.scope) else {
            result.verdict = .notInLedger
            result.note = "no ledger figure for \(claim.metric) \(claim.scope)"
            return result
        }
        let exact: (value: Int128, scale: Int128)  // the ledger in hundredths of the unit = value / scale
        switch (figure, claim.value.unit) {
        case (.money(let m), .wan): exact = (Int128(m.fen), 10_000)
        case (.money(let m), .yuan): exact = (Int128(m.fen), 1)
        case (.ratio(let r?), .percent): exact = (Int128(r.numerator) * 10_000, Int128(r.denominator))
        case (.count(let n), .count): exact = (Int128(n) * 100, 1)
        case (.ratio(nil), _):
            result.verdict = .notInLedger
            result.note = "the ledger's rate is undefined (nothing budgeted)"
            return result
        default:
            result.verdict = .mismatch
            result.note = "the figure's unit \(claim.value.unit.rawValue) does not fit \(claim.metric)"
            return result
        }
        let ledgerHundredths = roundedHalfUp(exact.value, exact.scale)
        result.ledger = StatedValue(hundredths: Int64(ledgerHundredths), decimals: claim.value.unit == .count ? 0 : 2,
                                    unit: claim.value.unit)
        // Round the ledger to the precision the report wrote (0, 1 or 2 decimals) before comparing.
        let step = Int128([100, 10, 1][min(max(claim.value.decimals, 0), 2)])
        let ledgerAtPrecision = roundedHalfUp(exact.value, exact.scale * step) * step
        let stated = Int128(claim.value.hundredths)
        result.difference = Int64(stated - ledgerAtPrecision)
        if stated * exact.scale == exact.value {
            result.verdict = .match
        } else if stated == ledgerAtPrecision {
            result.verdict = .rounding
        } else {
            result.verdict = .mismatch
        }
        return result
    }

    /// The first `project:X` of a scope that is neither the name nor the code of a project of the book.
    func unknownProject(in scope: String) -> String? {
        for part in scope.split(whereSeparator: { $0 == "," || $0 == "|" }) where part.hasPrefix("project:") {
            let name = String(part.dropFirst("project:".count))
            if !projects.values.contains(where: { $0.name == name || $0.code == name }) { return name }
        }
        return nil
    }

}
