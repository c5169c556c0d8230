/// Everything the year-end settlement report depends on.
public struct SettlementSpec: Sendable {
    public var year: Int
    /// Rows per unit (项目的单位; on a consolidated book, its units) instead of per project.
    public var byUnit = false
    public init(year: Int, byUnit: Bool = false) { self.year = year; self.byUnit = byUnit }
}

/// One row of the settlement: a project, a fund section's subtotal or the total.
public struct SettlementLine: Sendable {
    /// nil for a section or the total.
    public var project: Project?
    public var figures: BudgetFigures
    /// 其中：合同尾款 — the part of carried forward that is open commitments on contracts.
    public var contractCarried = Money.zero
    /// 其他结转: carried forward but for the open commitments.
    public var otherCarried: Money { figures.carriedForward - contractCarried }
    /// A row of a report by unit: the unit's projects of the section summed.
    public var unit: String? = nil

    public init(project: Project?, figures: BudgetFigures, contractCarried: Money = .zero, unit: String? = nil) {
        self.project = project; self.figures = figures; self.contractCarried = contractCarried; self.unit = unit
    }

    /// What is left at year end: carried forward, surplus, and — before the close — what is
    /// still available or committed (未结算).
    public var yearEnd: Money { figures.carriedForward + figures.surplus + figures.available + figures.committed }

    /// 年末结转和结余 = 年初结转和结余 + 本年预算 − 收回 − 本年支出.
    public var identityHolds: Bool {
        yearEnd == figures.carryIn + figures.budget - figures.recalled - figures.paid
    }
}

/// A fund section (资金性质): its projects and subtotal. The four budgets always have one,
/// empty (无) or not; money outside them (`other`) only when there is some.
public struct SettlementSection: Sendable {
    public var fund: Fund
    public var rows: [SettlementLine]
    public var subtotal: SettlementLine
    public var isEmpty: Bool { rows.isEmpty }
}

/// 年终结转结余 (决算-style): per project and per fund section, the year's opening carry-in,
/// current-year budget, payments, recalls and what became of the rest.
public struct SettlementReport: Sendable {
    public var spec: SettlementSpec
    public var bookName: String
    public var closed: Bool
    public var sections: [SettlementSection]
    public var total: SettlementLine
    /// The book's seal from the snapshot the figures came from (issue 12: one read).
    public var seal: Seal?
    /// On a consolidated book: the postings of its eliminations (transfers between its units
    /// taken out, already in the figures above), entry by entry.
    public var eliminations: [EliminationPosting] = []
    public var rows: [SettlementLine] { sections.flatMap(\.rows) }
    /// The rows, subtotals and total whose identity fails (a damaged book).
    public var identityFailures: [SettlementLine] {
        (rows + sections.map(\.subtotal) + [total]).filter { !$0.identityHolds }
    }
}

extension Book {
    /// The settlement of a year from the maintained totals. A project appears when it has any
    /// figure in the year; basic expenditure first, then by code.
    public func settlementReport(_ spec: SettlementSpec) throws(FiscalError) -> SettlementReport {
        var report = SettlementReport(spec: spec, snapshot: try snapshot(year: spec.year))
        report.eliminations = try guarded { try store.read { try store.eliminationPostings(year: spec.year) } }
        return report
    }
}

extension SettlementReport {
    /// The report as a pure function of its spec and the year's totals.
    public init(spec: SettlementSpec, snapshot: YearSnapshot) {
        var figures: [Int64: BudgetFigures] = [:]
        for t in snapshot.totals {
            figures[t.projectID, default: BudgetFigures()].add(t.account, t.amount)
        }
        let projects = snapshot.projects.filter { figures[$0.id] != nil }
            .sorted { ($0.kind.isBasic ? 0 : 1, $0.code) < ($1.kind.isBasic ? 0 : 1, $1.code) }
        var sections: [SettlementSection] = []
        for fund in Fund.allCases {
            var rows = projects.filter { $0.fund == fund }.map {
                SettlementLine(project: $0, figures: figures[$0.id]!, contractCarried: snapshot.contractCarried[$0.id] ?? .zero)
            }
            if spec.byUnit {
                var byUnit: [String: (figures: BudgetFigures, onContracts: Money)] = [:]
                for row in rows {
                    let unit = row.project!.unit ?? "-"
                    let sum = byUnit[unit] ?? (BudgetFigures(), .zero)
                    byUnit[unit] = (sum.figures + row.figures, sum.onContracts + row.contractCarried)
                }
                rows = byUnit.keys.sorted().map {
                    SettlementLine(project: nil, figures: byUnit[$0]!.figures, contractCarried: byUnit[$0]!.onContracts, unit: $0)
                }
            }
            if fund == .other && rows.isEmpty { continue }
            let sum = rows.reduce(BudgetFigures()) { $0 + $1.figures }
            let onContracts = rows.reduce(Money.zero) { $0 + $1.contractCarried }
            sections.append(SettlementSection(fund: fund, rows: rows,
                                              subtotal: SettlementLine(project: nil, figures: sum, contractCarried: onContracts)))
        }
        let total = sections.reduce(BudgetFigures()) { $0 + $1.subtotal.figures }
        let onContracts = sections.reduce(Money.zero) { $0 + $1.subtotal.contractCarried }
        self.init(spec: spec, bookName: snapshot.bookName, closed: snapshot.status == .closed,
                  sections: sections, total: SettlementLine(project: nil, figures: total, contractCarried: onContracts),
                  seal: snapshot.seal)
    }
}
