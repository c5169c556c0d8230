import Foundation

/// Figures that must agree, from the report alone: 收入总计 = 支出总计, 年初 + 追加 − 调减 = 当年,
/// 上年结转 + 当年 = 全年, 结转 + 结余 = 结转和结余, and the year's carry identity.
extension SelfCheckRun {
    mutating func checkIdentities() {
        for (i, c) in claims.enumerated() {
            switch c.metric {
            case ClaimMetric.expenseTotal:
                // 收入总计 = 支出总计 is the 决算's identity; a balance's 收入合计 and 支出合计 differ by
                // the 年终结余.
                guard c.label.contains("总计"), let income = find(ClaimMetric.incomeTotal, c.scope, near: i),
                      claims[income].label.contains("总计") else { continue }
                let other = claims[income]
                if !A.sameAmount(c.value, other.value) {
                    add(.totals, "收入总计 and 支出总计 must agree: \(Self.describe(other)), \(Self.describe(c))",
                        c, A.amount(fen: A.fen(other.value), like: c.value), [other])
                }
            case ClaimMetric.budgetCurrent:
                guard let initial = find(ClaimMetric.budgetInitial, c.scope, near: i) else { continue }
                let additions = find(ClaimMetric.budgetAdditions, c.scope, near: i)
                let reductions = find(ClaimMetric.budgetReductions, c.scope, near: i)
                guard additions != nil || reductions != nil else { continue }
                budgetCheck(total: i, plus: [initial] + (additions.map { [$0] } ?? []), minus: reductions.map { [$0] } ?? [],
                            what: "年初 + 追加 − 调减 = 当年")
            case ClaimMetric.budgetTotal:
                guard let current = find(ClaimMetric.budgetCurrent, c.scope, near: i),
                      let carry = find(ClaimMetric.carryIn, c.scope, near: i) else { continue }
                budgetCheck(total: i, plus: [carry, current], minus: [], what: "上年结转 + 当年预算 = 全年预算")
            case ClaimMetric.carryOut:
                if let forward = find(ClaimMetric.carriedForward, c.scope, near: i),
                   let surplus = find(ClaimMetric.surplus, c.scope, near: i) {
                    budgetCheck(total: i, plus: [forward, surplus], minus: [], what: "结转 + 结余 = 结转和结余")
                }
                // 年初结转和结余 + 本年收入合计 − 本年支出合计 = 年末结转和结余, for the department as a
                // whole, when the report states all four and no 结余分配 comes between.
                guard c.scope == "all", !claims.contains(where: { $0.label.contains("结余分配") }),
                      let carry = find(ClaimMetric.carryIn, "all", near: i),
                      let income = find(ClaimMetric.income, "all", near: i), claims[income].label.contains("本年收入"),
                      let paid = find(ClaimMetric.paid, "all", near: i), claims[paid].label.contains("本年支出") else { continue }
                budgetCheck(total: i, plus: [carry, income], minus: [paid], what: "年初结转和结余 + 本年收入 − 本年支出 = 年末结转和结余")
            case ClaimMetric.sangongBudget:
                // 三公 budget 89.90, and each category's 决算 with its 比预算数减少: the categories'
                // budgets (决算 + 减少) must add up to the total's.
                guard isUnambiguous(c.metric, c.scope) else { continue }
                for scopes in SelfCheckScopes.decompositions(c.scope) {
                    let unambiguous = scopes.allSatisfy {
                        isUnambiguous(ClaimMetric.sangongActual, $0) && isUnambiguous(ClaimMetric.sangongSaving, $0)
                    }
                    guard unambiguous, !scopes.contains(where: { find(ClaimMetric.sangongBudget, $0, near: i) != nil }) else { continue }
                    let actuals = scopes.compactMap { find(ClaimMetric.sangongActual, $0, near: i) }
                    let savings = scopes.compactMap { find(ClaimMetric.sangongSaving, $0, near: i) }
                    guard actuals.count == scopes.count, savings.count == scopes.count else { continue }
                    budgetCheck(total: i, plus: zip(actuals, savings).flatMap { [$0, $1] }, minus: [],
                                what: "三公 budget = each category's 决算 + its saving against the budget")
                }
            default:
                continue
            }
        }
    }

    mutating func budgetCheck(total: Int, plus: [Int], minus: [Int], what: String) {
        let t = claims[total], ps = plus.map { claims[$0] }, ms = minus.map { claims[$0] }
        guard (ps + ms + [t]).allSatisfy({ $0.value.fen != nil }) else { return }
        let value = ps.reduce(Int64(0)) { $0 + A.fen($1.value) } - ms.reduce(Int64(0)) { $0 + A.fen($1.value) }
        let slack = (ps + ms).reduce(A.ulpFen(t.value)) { $0 + A.ulpFen($1.value) }
        guard 2 * (value - A.fen(t.value)).magnitude > UInt64(slack) else { return }
        let expected = A.amount(fen: value, like: t.value)
        let terms = ps.map(Self.describe).joined(separator: " + ") + ms.map { " − " + Self.describe($0) }.joined()
        add(.budget, "\(what): \(terms) = \(expected.text), but \(t.label) is stated as \(t.value.text)", t, expected, ps + ms)
    }
}
