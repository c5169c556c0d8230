import Foundation

/// Changes against last year and against the budget, checked where the report states the figures
/// compared: a change between two stated figures, category savings against the whole's, and a
/// category said to be unchanged against its budget.
extension SelfCheckRun {
    /// Two stated figures of the change's subject that are the two years compared: this year's Y
    /// and last year's X with |Y − X| = D (in the change's direction) and R = D / X, all within
    /// the rounding of the figures. A report that compares next year's budget with this year's
    /// 决算 (2022年度预算较2021年度减少…) states both, and the rate is against the 决算.
    func twoYears(_ change: ReaderChange) -> (this: Int, last: Int)? {
        let r = claims[change.rate], d = claims[change.change], n = claims[change.current]
        guard let dv = d.value.fen else { return nil }
        let magnitude = dv < 0 ? -dv : dv
        let subject = claims.indices.filter { claims[$0].scope == n.scope && Self.isAmount(claims[$0]) }
        for x in subject {
            for y in subject where claims[y].value.fen != claims[x].value.fen {
                let difference = change.decrease ? A.fen(claims[x].value) - A.fen(claims[y].value)
                                                 : A.fen(claims[y].value) - A.fen(claims[x].value)
                let slack = A.ulpFen(claims[x].value) + A.ulpFen(claims[y].value) + A.ulpFen(d.value)
                guard difference > 0, 2 * (difference - magnitude).magnitude <= UInt64(slack),
                      A.rateConsistent(r.value, num: magnitude, numError: A.ulpFen(d.value),
                                       den: A.fen(claims[x].value), denError: A.ulpFen(claims[x].value))
                else { continue }
                return (y, x)
            }
        }
        return nil
    }

    /// The change D between the two stated years, when it is not what their figures give: within
    /// their rounding only, so a hint (12.39 − 11.80 = 0.59, stated 减少0.58).
    mutating func twoYearsHint(_ change: ReaderChange, this y: Int, last x: Int) {
        let d = claims[change.change]
        let exact = (A.fen(claims[y].value) - A.fen(claims[x].value)).magnitude
        let expected = A.amount(fen: Int64(exact), like: d.value)
        guard d.value.unit == expected.unit, expected.hundredths != d.value.hundredths.magnitudeSigned else { return }
        var finding = SelfCheckFinding(
            kind: .change,
            message: "\(d.label) is stated as \(d.value.text), but \(Self.describe(claims[y])) and "
                + "\(Self.describe(claims[x])) differ by \(expected.text) (within their rounding)",
            line: d.line, stated: d.value, expected: expected, figures: [claims[y], claims[x]])
        finding.hint = true
        if !findings.contains(where: { $0.line == finding.line && $0.stated == finding.stated && $0.expected == finding.expected }) {
            findings.append(finding)
        }
    }

    /// 三公 savings against the budget (较年初预算数减少…): the categories' savings stated add up to
    /// at most the whole's when every category left out spent nothing (its saving is its budget,
    /// never below 0). All categories stated are checked as a sum by `checkDecompositions`.
    mutating func checkSavingParts() {
        for (i, whole) in claims.enumerated() where whole.metric == ClaimMetric.sangongSaving && whole.scope == "sangong:all" {
            guard isUnambiguous(whole.metric, whole.scope), Self.isAmount(whole) else { continue }
            for scopes in SelfCheckScopes.decompositions(whole.scope) {
                guard scopes.allSatisfy({ isUnambiguous(whole.metric, $0) && isUnambiguous(ClaimMetric.sangongActual, $0) })
                else { continue }
                let stated = scopes.compactMap { find(whole.metric, $0, near: i) }
                let left = scopes.filter { find(whole.metric, $0, near: i) == nil }
                guard stated.count >= 2, !left.isEmpty, left.allSatisfy({ scope in
                    find(ClaimMetric.sangongActual, scope, near: i).map { claims[$0].value.fen == 0 } ?? false
                }) else { continue }
                let parts = stated.map { claims[$0] }
                guard parts.allSatisfy({ Self.isAmount($0) && ($0.value.fen ?? -1) >= 0 }) else { continue }
                let sum = parts.reduce(Int64(0)) { $0 + A.fen($1.value) }
                let slack = parts.reduce(A.ulpFen(whole.value)) { $0 + A.ulpFen($1.value) }
                guard 2 * (sum - A.fen(whole.value)) > slack else { continue }
                let expected = A.amount(fen: sum, like: whole.value)
                add(.partsExceedTotal, "the categories' savings against the budget add up to more than the whole's "
                    + "(the others spent nothing): \(parts.map(Self.describe).joined(separator: " + ")) = \(expected.text) "
                    + "> \(Self.describe(whole))", whole, expected, parts)
            }
        }
    }

    /// `公务用车购置及运行维护费支出2.48万元，与2021年度预算相比无变化` where the report's own table
    /// budgets 15万元: a 三公 category said to be unchanged against its budget (无增减, 无变化,
    /// 持平) must equal it. Run on the whole reading, tables included: the budget is often only in
    /// the table.
    mutating func checkUnchangedAgainstBudget(lines: [[Character]]) {
        let phrase = #"(与|和|同|较|比)[^,;。]{0,12}预算(数)?(相比|比较)?[,]?(无增减|无变化|没有变化|持平|无增长|未变化)"#
        for (n, raw) in lines.enumerated() {
            let onLine = claims.indices.filter { claims[$0].line == n + 1 && claims[$0].metric == ClaimMetric.sangongActual }
            guard !onLine.isEmpty else { continue }
            let text = String(ReaderText.normalize(raw))
            for clause in text.split(whereSeparator: { "。;".contains($0) }).map(String.init) {
                guard let said = clause.range(of: phrase, options: .regularExpression) else { continue }
                let before = ReaderText.key(String(clause[..<said.lowerBound]))
                // The subject: the last 决算 figure whose label the clause names before the phrase.
                let named = onLine.compactMap { i -> (Int, String.Index)? in
                    let key = ReaderText.key(claims[i].label)
                    guard !key.isEmpty, let r = before.range(of: key, options: .backwards) else { return nil }
                    return (i, r.lowerBound)
                }
                guard let subject = named.max(by: { $0.1 < $1.1 })?.0 else { continue }
                let actual = claims[subject]
                guard isUnambiguous(actual.metric, actual.scope), isUnambiguous(ClaimMetric.sangongBudget, actual.scope),
                      let b = find(ClaimMetric.sangongBudget, actual.scope, near: subject),
                      claims[b].value.fen != nil, actual.value.fen != nil,
                      !A.sameAmount(actual.value, claims[b].value) else { continue }
                add(.consistency, "\(Self.describe(actual)) is said to be unchanged against the budget "
                    + "(\(clause[said])), but the budget is \(Self.describe(claims[b])) (line \(claims[b].line))",
                    actual, A.amount(fen: A.fen(claims[b].value), like: actual.value), [claims[b]])
            }
        }
    }
}

extension Int64 {
    fileprivate var magnitudeSigned: Int64 { self < 0 ? -self : self }
}
