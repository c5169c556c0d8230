/// Everything the 三公经费 report depends on.
public struct SangongSpec: Sendable {
    public var year: Int
    public init(year: Int) { self.year = year }
}

/// Budget against actual for a set of 三公 economic codes.
///
/// budget = authority tagged with the codes: initial + additions − reductions + transfers +
/// carry-in − recalled on postings with those codes; actual = paid on them (net of refunds).
public struct SangongFigures: Sendable, Equatable {
    public var budget = Money.zero
    public var actual = Money.zero

    public init(budget: Money = .zero, actual: Money = .zero) { self.budget = budget; self.actual = actual }

    /// 节约额 = budget − actual.
    public var saving: Money { budget - actual }
    /// 节约率 = saving / budget.
    public var savingRate: Ratio? { Ratio(saving, budget) }
    /// 完成预算 = actual / budget.
    public var completionRate: Ratio? { Ratio(actual, budget) }

    public static func + (a: SangongFigures, b: SangongFigures) -> SangongFigures {
        SangongFigures(budget: a.budget + b.budget, actual: a.actual + b.actual)
    }
}

/// One 三公 category (因公出国（境）费, 公务用车购置及运行维护费, 公务接待费), with its parts
/// where it has them (公务用车 购置 and 运行维护).
public struct SangongCategory: Sendable {
    public var key: String
    public var nameZh: String
    public var nameEn: String
    public var codes: [String]
    public var figures: SangongFigures
    public var parts: [SangongCategory]
}

/// 三公经费: budget, actual, saving, saving rate and completion per category and in total.
public struct SangongReport: Sendable {
    public var spec: SangongSpec
    public var bookName: String
    public var categories: [SangongCategory]
    public var total: SangongFigures

    /// The categories and the codes they sum, in the order the 决算 tables list them.
    public static let layout: [(key: String, zh: String, en: String, parts: [(key: String, zh: String, en: String, code: String)])] = [
        ("abroad", "因公出国（境）费", "overseas travel", [("abroad", "因公出国（境）费", "overseas travel", "30212")]),
        ("vehicles", "公务用车购置及运行维护费", "official vehicles", [
            ("vehicle-purchase", "公务用车购置费", "vehicle purchase", "31013"),
            ("vehicle-operation", "公务用车运行维护费", "vehicle operation and maintenance", "30231"),
        ]),
        ("reception", "公务接待费", "official reception", [("reception", "公务接待费", "official reception", "30217")]),
    ]
}

extension Book {
    /// The 三公 report of a year, from the maintained totals' economic codes.
    public func sangongReport(_ spec: SangongSpec) throws(FiscalError) -> SangongReport {
        SangongReport(spec: spec, snapshot: try snapshot(year: spec.year))
    }
}

extension SangongReport {
    /// The report as a pure function of its spec and the year's totals.
    public init(spec: SangongSpec, snapshot: YearSnapshot) {
        var byCode: [String: BudgetFigures] = [:]
        for t in snapshot.totals where EconomicCode.sangong.contains(t.econ) {
            byCode[t.econ, default: BudgetFigures()].add(t.account, t.amount)
        }
        func figures(_ code: String) -> SangongFigures {
            let f = byCode[code] ?? BudgetFigures()
            return SangongFigures(budget: f.totalBudget, actual: f.paid)
        }
        let categories = SangongReport.layout.map { c -> SangongCategory in
            let parts = c.parts.map {
                SangongCategory(key: $0.key, nameZh: $0.zh, nameEn: $0.en, codes: [$0.code], figures: figures($0.code), parts: [])
            }
            return SangongCategory(key: c.key, nameZh: c.zh, nameEn: c.en, codes: c.parts.map(\.code),
                                   figures: parts.reduce(SangongFigures()) { $0 + $1.figures },
                                   parts: parts.count > 1 ? parts : [])
        }
        self.init(spec: spec, bookName: snapshot.bookName, categories: categories,
                  total: categories.reduce(SangongFigures()) { $0 + $1.figures })
    }
}
