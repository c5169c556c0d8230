/// 政府采购 type of a contract (issue 14): goods (货物), works (工程) or services (服务).
public enum Procurement: String, CaseIterable, Sendable, Codable {
    case goods, works, services

    public var nameZh: String {
        switch self { case .goods: "货物"; case .works: "工程"; case .services: "服务" }
    }
}

/// 合同: master data like a project, under the same append-only and hash-chain rules. A
/// commitment (Dr available / Cr committed) names it; payments and releases liquidate it.
public struct Contract: Sendable, Equatable {
    public var id: Int64
    /// Unique in the book (合同编号).
    public var number: String
    public var projectID: Int64
    public var supplier: String?
    /// The economic code (款, 5 digits) the contract spends on.
    public var econ: EconomicCode
    public var procurement: Procurement?
    /// Awarded to a small or medium enterprise (授予中小企业).
    public var sme: Bool
    /// The date of its first commitment (签订日期).
    public var signed: Day
    public var memo: String?

    public init(id: Int64 = 0, number: String, projectID: Int64, supplier: String? = nil, econ: EconomicCode,
                procurement: Procurement? = nil, sme: Bool = false, signed: Day, memo: String? = nil) {
        self.id = id; self.number = number; self.projectID = projectID; self.supplier = supplier; self.econ = econ
        self.procurement = procurement; self.sme = sme; self.signed = signed; self.memo = memo
    }
}

/// What a first commitment says about the contract it creates; a later commitment on the
/// same number may repeat these, never change them.
public struct ContractTerms: Sendable, Equatable {
    public var supplier: String?
    public var procurement: Procurement?
    public var sme: Bool
    public init(supplier: String? = nil, procurement: Procurement? = nil, sme: Bool = false) {
        self.supplier = supplier; self.procurement = procurement; self.sme = sme
    }
}

/// A contract's money over its life (every year of the book): what was committed on it,
/// paid and released, and what is open. Carrying across a year end (close, then open) moves
/// the open balance from one year to the next and changes none of these.
public struct ContractBalance: Sendable, Equatable {
    public var contract: Contract
    public var projectCode: String
    public var committed = Money.zero
    public var paid = Money.zero
    public var released = Money.zero
    /// committed − paid − released: still promised, not yet paid.
    public var open: Money { committed - paid - released }
    /// The date of the last payment or release, if any.
    public var lastActivity: Day?

    public init(contract: Contract, projectCode: String) { self.contract = contract; self.projectCode = projectCode }

    /// Days from signing to `today` (年限: how long the commitment has stood).
    public func age(today: Day) -> Int { today.ordinalDays - contract.signed.ordinalDays }
}

extension Day {
    /// Days since 1970-01-01 (proleptic Gregorian), for spans across years.
    public var ordinalDays: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
