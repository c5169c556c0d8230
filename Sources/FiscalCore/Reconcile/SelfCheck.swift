import Foundation

/// Checks a report's own arithmetic, from its text alone. Rounding at the stated precision
/// (0.01万元, the last decimal of a rate) is not a finding; all arithmetic is in integers.
public struct ReportSelfCheck: Sendable {
    /// The book's project names, if known: they let figures about a project be checked too.
    public var projectNames: [String]

    public init(projectNames: [String] = []) {
        self.projectNames = projectNames
    }

    public func check(_ text: String) -> [SelfCheckFinding] {
        let reading = ReportReader(projectNames: projectNames).analyse(text)
        // The prose is checked on its own; the tables' rows (appended last) by SelfCheckTables.
        var prose = reading
        let tableStart = reading.claims.firstIndex { $0.note?.hasPrefix("table:") == true } ?? reading.claims.count
        prose.claims = Array(reading.claims[..<tableStart])
        prose.sentences = Array(reading.sentences[..<tableStart])
        var run = SelfCheckRun(reading: prose)
        run.checkGroups()
        run.checkDecompositions()
        run.checkRates()
        run.checkIdentities()
        run.checkChanges()
        run.checkSavingParts()
        // The budget a category is said to be unchanged against is often only in the table.
        var whole = SelfCheckRun(reading: reading)
        whole.checkUnchangedAgainstBudget(lines: ReaderText.lines(text))
        var tables = SelfCheckTables(tables: reading.tables, titles: reading.tableTitles)
        tables.checkRows()
        tables.checkEcon()
        tables.checkTemplate()
        tables.checkProse(against: reading.claims)
        tables.checkSangong(against: reading.claims)
        tables.checkSangongTable(against: reading.claims)
        tables.checkUnits(reading.claims)
        tables.checkTitles(reading.claims)
        return run.findings + whole.findings + tables.findings
    }
}

/// Checks a report's own arithmetic: `ReportSelfCheck().check(text)`.
public func selfCheck(_ text: String) -> [SelfCheckFinding] { ReportSelfCheck().check(text) }

struct SelfCheckRun {
    typealias A = SelfCheckArithmetic
    let reading: ReaderReading
    var findings: [SelfCheckFinding] = []
    var claims: [Claim] { reading.claims }

    init(reading: ReaderReading) { self.reading = reading }

    mutating func add(_ kind: SelfCheckFinding.Kind, _ message: String, _ checked: Claim, _ expected: StatedValue, _ figures: [Claim]) {
        var finding = SelfCheckFinding(kind: kind, message: message, line: checked.line, stated: checked.value,
                                       expected: expected, figures: figures)
        // A rate one unit of its last decimal off (0.08% for 0.0853%) was truncated, not miscomputed.
        if checked.value.unit == .percent, [.rate, .share, .change].contains(kind),
           (checked.value.hundredths - expected.hundredths).magnitude == UInt64(A.ulpRate(checked.value)) {
            finding.hint = true
        }
        if !findings.contains(where: { $0.line == finding.line && $0.stated == finding.stated && $0.expected == finding.expected }) {
            findings.append(finding)
        }
    }

    static func isAmount(_ c: Claim) -> Bool { c.value.fen != nil && c.isLedgerClaim }

    static func describe(_ c: Claim) -> String { "\(c.label) \(c.value.text)" }

    /// The claim with this metric and scope nearest to claim `near`: same sentence first, then
    /// the closest before it, then the closest after it.
    func find(_ metric: String, _ scope: String, near: Int, excluding: Set<Int> = []) -> Int? {
        let sentence = reading.sentences[near]
        return claims.indices
            .filter { claims[$0].metric == metric && claims[$0].scope == scope && $0 != near && !excluding.contains($0) }
            .min { a, b in
                let ka = (reading.sentences[a] == sentence ? 0 : 1, a < near ? 0 : 1, abs(a - near))
                let kb = (reading.sentences[b] == sentence ? 0 : 1, b < near ? 0 : 1, abs(b - near))
                return ka < kb
            }
    }

    mutating func sumCheck(_ kind: SelfCheckFinding.Kind, total: Int, parts: [Int], what: String) {
        let t = claims[total], ps = parts.map { claims[$0] }
        guard Self.isAmount(t), ps.count >= 2, ps.allSatisfy(Self.isAmount) else { return }
        guard !A.sumConsistent(total: t.value, parts: ps.map(\.value)) else { return }
        let sum = A.amount(fen: ps.reduce(0) { $0 + A.fen($1.value) }, like: t.value)
        let message = "\(what): \(ps.map(Self.describe).joined(separator: " + ")) = \(sum.text), "
            + "but \(t.label) is stated as \(t.value.text)"
        add(kind, message, t, sum, ps)
    }

    // MARK: 其中, 合计, 项目N个

    mutating func checkGroups() {
        for group in reading.groups {
            let whole = claims[group.whole]
            switch group.kind {
            case .total:
                sumCheck(.sum, total: group.whole, parts: group.parts, what: "parts against their total")
            case .parts:
                // 其中:公务用车购置及运行费30万元,其中:运行费10万元,购置费20万元: the parts of a part are
                // no further parts of the whole.
                let scopes = Set(group.parts.map { claims[$0].scope })
                let parts = group.parts.filter { i in
                    Self.isAmount(claims[i]) && !scopes.contains { SelfCheckScopes.decompositions($0).contains { $0.contains(claims[i].scope) } }
                }
                guard Self.isAmount(whole), !parts.isEmpty else { continue }
                let sum = parts.reduce(Int64(0)) { $0 + A.fen(claims[$1].value) }
                let slack = parts.reduce(A.ulpFen(whole.value)) { $0 + A.ulpFen(claims[$1].value) }
                let partScopes = Set(parts.map { claims[$0].scope })
                if 2 * (sum - A.fen(whole.value)) > slack {
                    let expected = A.amount(fen: sum, like: whole.value)
                    let ps = parts.map { claims[$0] }
                    add(.partsExceedTotal, "其中 parts add up to more than the whole: "
                        + "\(ps.map(Self.describe).joined(separator: " + ")) = \(expected.text) > \(Self.describe(whole))",
                        whole, expected, ps)
                } else if parts.count >= 2, SelfCheckScopes.decompositions(whole.scope).contains(where: { Set($0) == partScopes }),
                          parts.allSatisfy({ claims[$0].metric == whole.metric }) {
                    sumCheck(.sum, total: group.whole, parts: parts, what: "parts against their total")
                }
            case .countedList:
                // (含…项目5个) counts some of the projects, not those listed after it.
                guard whole.metric == ClaimMetric.countProjects, whole.value.hundredths % 100 == 0,
                      !whole.label.contains("含"), !whole.label.contains("其中"),
                      !group.parts.isEmpty, Int64(group.parts.count) * 100 != whole.value.hundredths else { continue }
                let listed = StatedValue(hundredths: Int64(group.parts.count) * 100, decimals: 0, unit: .count)
                add(.count, "\(Self.describe(whole)), but \(group.parts.count) projects are listed after it",
                    whole, listed, group.parts.map { claims[$0] })
            }
        }
    }

    /// Wholes stated with all their parts anywhere in the text: 支出 = 基本支出 + 项目支出,
    /// 基本支出 = 人员经费 + 公用经费, 三公 = 出国 + 公务用车 + 接待, 公务用车 = 购置 + 运行维护.
    mutating func checkDecompositions() {
        let summable: Set<String> = [ClaimMetric.paid, ClaimMetric.budgetInitial, ClaimMetric.budgetCurrent,
                                     ClaimMetric.budgetTotal, ClaimMetric.sangongActual, ClaimMetric.sangongBudget,
                                     ClaimMetric.carryIn, ClaimMetric.carryOut]
        for (i, whole) in claims.enumerated() where summable.contains(whole.metric) && isUnambiguous(whole.metric, whole.scope) {
            for scopes in SelfCheckScopes.decompositions(whole.scope) where scopes.allSatisfy({ isUnambiguous(whole.metric, $0) }) {
                let parts = scopes.compactMap { find(whole.metric, $0, near: i) }
                if parts.count == scopes.count {
                    sumCheck(.sum, total: i, parts: parts, what: "parts against their total")
                }
            }
        }
    }

    /// Whether every statement of this metric and scope in the text gives the same figure: a
    /// whole and parts stated in different places are compared only then.
    func isUnambiguous(_ metric: String, _ scope: String) -> Bool {
        let values = claims.filter { $0.metric == metric && $0.scope == scope }.compactMap(\.value.fen)
        return values.allSatisfy { $0 == values.first }
    }

    // MARK: Rates

    mutating func rateCheck(_ kind: SelfCheckFinding.Kind, rate: Int, num: [Int], den: [Int], what: String) {
        let r = claims[rate]
        let ns = num.map { claims[$0] }, ds = den.map { claims[$0] }
        guard (ns + ds).allSatisfy({ $0.value.fen != nil }) else { return }
        let n = ns.reduce(Int64(0)) { $0 + A.fen($1.value) }, d = ds.reduce(Int64(0)) { $0 + A.fen($1.value) }
        let ne = ns.reduce(Int64(0)) { $0 + A.ulpFen($1.value) }, de = ds.reduce(Int64(0)) { $0 + A.ulpFen($1.value) }
        guard !A.rateConsistent(r.value, num: n, numError: ne, den: d, denError: de),
              let expected = A.rate(num: n, den: d, like: r.value) else { return }
        let denText = ds.count == 1 ? Self.describe(ds[0]) : "(" + ds.map(Self.describe).joined(separator: " + ") + ")"
        let message = "\(what): \(r.label) is stated as \(r.value.text), but "
            + "\(ns.map(Self.describe).joined(separator: " + ")) / \(denText) = \(expected.text)"
        add(kind, message, r, expected, ns + ds)
    }

    mutating func checkRates() {
        for (i, c) in claims.enumerated() {
            switch c.metric {
            case ClaimMetric.sangongSavingRate, ClaimMetric.sangongCompletionRate:
                let saving = c.metric == ClaimMetric.sangongSavingRate
                let numMetric = saving ? ClaimMetric.sangongSaving : ClaimMetric.sangongActual
                guard let num = find(numMetric, c.scope, near: i) else { continue }
                if let budget = find(ClaimMetric.sangongBudget, c.scope, near: i) {
                    rateCheck(.rate, rate: i, num: [num], den: [budget], what: "三公 rate")
                } else if let actual = find(ClaimMetric.sangongActual, c.scope, near: i),
                          let saved = find(ClaimMetric.sangongSaving, c.scope, near: i) {
                    rateCheck(.rate, rate: i, num: [num], den: [actual, saved], what: "三公 rate (budget = actual + saving)")
                }
            case ClaimMetric.rateExecution, ClaimMetric.rateCompletionInitial, ClaimMetric.rateCompletionAdjusted:
                let budgets: [String] = switch c.metric {
                case ClaimMetric.rateCompletionInitial: [ClaimMetric.budgetInitial]
                case ClaimMetric.rateCompletionAdjusted: [ClaimMetric.budgetCurrent]
                default: [ClaimMetric.budgetTotal, ClaimMetric.budgetCurrent]
                }
                guard let paid = find(ClaimMetric.paid, c.scope, near: i),
                      let budget = budgets.compactMap({ find($0, c.scope, near: i) }).first else { continue }
                rateCheck(.rate, rate: i, num: [paid], den: [budget], what: "rate")
            case ClaimMetric.share:
                let scopes = c.scope.split(separator: "|", maxSplits: 1).map(String.init)
                guard scopes.count == 2 else { continue }
                let part = reading.shareParts[i] ?? find(ClaimMetric.paid, scopes[0], near: i)
                guard let part, claims[part].value.fen != nil else { continue }
                let metric = claims[part].metric
                guard let whole = find(metric, scopes[1], near: i, excluding: [part])
                        ?? (metric == ClaimMetric.paid ? find(ClaimMetric.expenseTotal, scopes[1], near: i) : nil)
                else { continue }
                rateCheck(.share, rate: i, num: [part], den: [whole], what: "share")
            default:
                continue
            }
        }
    }

    // MARK: Changes (the identities are in SelfCheckIdentities.swift)

    /// 本年支出N万元，较上年增加D万元，增长R%: R = D / (N − D) (or D / (N + D) for a fall).
    mutating func checkChanges() {
        for change in reading.changes {
            let r = claims[change.rate], d = claims[change.change], n = claims[change.current]
            guard r.value.unit == .percent, let dv = d.value.fen, let nv = n.value.fen else { continue }
            let base = change.decrease ? nv + dv.magnitudeSigned : nv - dv.magnitudeSigned
            let err = A.ulpFen(d.value) + A.ulpFen(n.value)
            guard !A.rateConsistent(r.value, num: dv.magnitudeSigned, numError: A.ulpFen(d.value), den: base, denError: err),
                  let expected = A.rate(num: dv.magnitudeSigned, den: base, like: r.value) else { continue }
            // The figure taken for this year may be last year's: when two stated figures of the
            // subject are the two years, D and R are checked against them instead.
            if let years = twoYears(change) {
                twoYearsHint(change, this: years.this, last: years.last)
                continue
            }
            let baseText = A.amount(fen: base, like: n.value).text
            add(.change, "\(r.label) is stated as \(r.value.text), but \(Self.describe(d)) against last year's "
                + "\(baseText) (\(Self.describe(n)) \(change.decrease ? "+" : "−") \(d.value.text)) is \(expected.text)",
                r, expected, [d, n])
        }
    }
}

private extension Int64 {
    var magnitudeSigned: Int64 { self < 0 ? -self : self }
}

/// Scope arithmetic for the self-check: which scopes are the whole of another.
enum SelfCheckScopes {
    static func parse(_ scope: String) -> ReaderScope? {
        if scope == "all" { return ReaderScope() }
        var s = ReaderScope()
        for part in scope.split(separator: ",") {
            let kv = part.split(separator: ":", maxSplits: 1).map(String.init)
            guard kv.count == 2 else { return nil }
            switch kv[0] {
            case "fund": s.fund = kv[1]
            case "function": s.function = kv[1]
            case "kind": s.kind = kv[1]
            case "econ": s.econ = kv[1]
            case "sangong": s.sangong = kv[1]
            case "project": s.project = kv[1]
            default: return nil
            }
        }
        return s
    }

    /// The sets of scopes that together make up `scope`.
    static func decompositions(_ scope: String) -> [[String]] {
        guard let s = parse(scope), s.project == nil, s.econ == nil else { return [] }
        func with(_ d: ReaderScope.Dimension, _ v: String) -> String { var t = s; t[d] = v; return t.text }
        switch (s.sangong, s.kind) {
        case ("all", _):
            return [["sangong:abroad", "sangong:vehicle", "sangong:reception"],
                    ["sangong:abroad", "sangong:vehicle-purchase", "sangong:vehicle-operation", "sangong:reception"]]
        case ("vehicle", _): return [["sangong:vehicle-purchase", "sangong:vehicle-operation"]]
        case (.some, _): return []
        case (nil, nil): return [[with(.kind, "basic"), with(.kind, "project")]]
        case (nil, "basic"): return [[with(.kind, "personnel"), with(.kind, "public")]]
        default: return []
        }
    }
}
