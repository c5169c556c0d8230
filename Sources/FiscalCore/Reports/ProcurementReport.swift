/// Everything the 政府采购 report depends on.
public struct ProcurementSpec: Sendable {
    public var year: Int
    public init(year: Int) { self.year = year }
}

/// One procurement type's year (or the total): contracted (commitments made in the year, net
/// of their reversals; a release does not lower it — the contract was awarded), paid in the
/// year against contracts, and of the contracted what went to SMEs.
public struct ProcurementLine: Sendable, Equatable {
    /// nil for the total.
    public var type: Procurement?
    public var contracted = Money.zero
    public var paid = Money.zero
    /// 授予中小企业合同金额.
    public var sme = Money.zero
    /// 中小企业 share of contracted; nil when nothing was contracted.
    public var smeShare: Ratio? { Ratio(sme, contracted) }

    public init(type: Procurement?) { self.type = type }
}

/// 政府采购支出 (决算): contracts with a procurement type, by type — 货物, 工程, 服务 — and the
/// total. Contracts without a type are not procurement and are left out.
public struct ProcurementReport: Sendable {
    public var spec: ProcurementSpec
    public var bookName: String
    public var rows: [ProcurementLine]
    public var total: ProcurementLine
}

extension ProcurementReport {
    /// The report from each contract's figures in the year (pure: contracts and figures in).
    public init(spec: ProcurementSpec, bookName: String, contracts: [Contract],
                figures: [(contract: Int64, committed: Money, paid: Money)]) {
        let byID = Dictionary(uniqueKeysWithValues: contracts.map { ($0.id, $0) })
        var rows = Procurement.allCases.map { ProcurementLine(type: $0) }
        var total = ProcurementLine(type: nil)
        for f in figures {
            guard let c = byID[f.contract], let type = c.procurement, let i = rows.firstIndex(where: { $0.type == type }) else { continue }
            for k in [i, -1] {
                var line = k < 0 ? total : rows[k]
                line.contracted += f.committed
                line.paid += f.paid
                if c.sme { line.sme += f.committed }
                if k < 0 { total = line } else { rows[k] = line }
            }
        }
        self.init(spec: spec, bookName: bookName, rows: rows, total: total)
    }
}

extension Book {
    /// 政府采购 of a year, by procurement type.
    public func procurementReport(_ spec: ProcurementSpec) throws(FiscalError) -> ProcurementReport {
        try guarded {
            try store.read {
                guard try store.yearStatus(spec.year) != nil else { throw FiscalError.unknownYear(spec.year) }
                return ProcurementReport(spec: spec, bookName: try store.bookName(), contracts: try store.contracts(),
                                         figures: try store.procurementFigures(year: spec.year))
            }
        }
    }
}
