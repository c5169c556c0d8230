/// Contracts (合同, issue 14): master data in the hash chain, and the balances of their
/// commitments read from the postings that name them (index `posting_contract`).
extension SQLiteStore {
    private static let contractColumns = "id, number, project_id, supplier, econ, procurement, sme, signed, memo"

    private func contract(from row: Row) throws -> Contract {
        Contract(id: try row.int("id"), number: try row.text("number"), projectID: try row.int("project_id"),
                 supplier: try row.optionalText("supplier"),
                 econ: try row.decode("econ", as: "an economic code", EconomicCode.init),
                 procurement: try row.optionalDecode("procurement", as: "a procurement type", Procurement.init(rawValue:)),
                 sme: try row.int("sme") == 1, signed: try row.decode("signed", as: "a date", Day.init),
                 memo: try row.optionalText("memo"))
    }

    static func contractRecord(_ c: Contract) -> ChainRecord {
        ChainRecord.contract(id: c.id, number: c.number, project: c.projectID, supplier: c.supplier, econ: c.econ.code,
                             procurement: c.procurement?.rawValue, sme: c.sme, signed: c.signed.description, memo: c.memo)
    }

    func insertContract(_ c: Contract) throws -> Int64 {
        var c = c
        c.id = try nextID("contract")
        let hash = SQLiteStore.contractRecord(c).hash(after: try chainHead("contract"))
        try db.cached("""
            INSERT INTO contract (id, number, project_id, supplier, econ, procurement, sme, signed, memo, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).run([c.id, c.number, c.projectID, c.supplier, c.econ.code, c.procurement?.rawValue, c.sme,
                      c.signed.description, c.memo, hash])
        return c.id
    }

    func contract(number: String) throws -> Contract? {
        try db.cached("SELECT \(SQLiteStore.contractColumns) FROM contract WHERE number = ?").first([number]) { try contract(from: $0) }
    }

    func contracts() throws -> [Contract] {
        try db.cached("SELECT \(SQLiteStore.contractColumns) FROM contract ORDER BY number").rows { try contract(from: $0) }
    }

    func contractNumber(id: Int64) throws -> String? {
        try db.cached("SELECT number FROM contract WHERE id = ?").first([id]) { try $0.text("number") }
    }

    /// Every contract's number → (id, project id, economic code): the import's dictionary.
    func contractIndex() throws -> [String: (id: Int64, project: Int64, econ: String)] {
        var index: [String: (id: Int64, project: Int64, econ: String)] = [:]
        try db.cached("SELECT id, number, project_id, econ FROM contract").forEach {
            index[try $0.text("number")] = (try $0.int("id"), try $0.int("project_id"), try $0.text("econ"))
        }
        return index
    }

    /// What is open on contracts in a year: −Σ of their `committed` postings in that year, by
    /// contract (all contracts with postings when `contract` is nil).
    func contractOpen(year: Int, contract: Int64?, _ body: (_ contract: Int64, _ open: Int64) -> Void) throws {
        try db.cached("""
            SELECT p.contract_id, -sum(p.amount) AS open FROM posting p JOIN entry e ON e.id = p.entry_id
            WHERE p.contract_id IS NOT NULL AND (?1 IS NULL OR p.contract_id = ?1) AND p.account = 'committed' AND e.year = ?2
            GROUP BY p.contract_id
            """).forEach([contract, year]) { body(try $0.int("contract_id"), try $0.int("open")) }
    }

    /// Each contract's life so far: committed, paid and released, a reversal counting against
    /// the kind it undoes; the year-end carry (close, open) nets to nothing and is left out.
    func contractBalances() throws -> [ContractBalance] {
        var byID: [Int64: ContractBalance] = [:]
        let contracts = try contracts()
        var codes: [Int64: String] = [:]
        for c in contracts {
            if codes[c.projectID] == nil { codes[c.projectID] = try projectCode(id: c.projectID) ?? "#\(c.projectID)" }
            byID[c.id] = ContractBalance(contract: c, projectCode: codes[c.projectID]!)
        }
        try db.cached("""
            SELECT p.contract_id, coalesce(o.kind, e.kind) AS kind, sum(p.amount) AS amount, max(e.date) AS last
            FROM posting p JOIN entry e ON e.id = p.entry_id LEFT JOIN entry o ON o.id = e.reverses
            WHERE p.contract_id IS NOT NULL AND p.account = 'committed'
            GROUP BY p.contract_id, coalesce(o.kind, e.kind)
            """).forEach { row in
            let id = try row.int("contract_id"), amount = Money(fen: try row.int("amount"))
            guard byID[id] != nil else { return }
            switch try row.text("kind") {
            case "commit": byID[id]!.committed -= amount; return
            case "pay": byID[id]!.paid += amount
            case "release": byID[id]!.released += amount
            default: return
            }
            if let last = Day(try row.text("last")), byID[id]!.lastActivity.map({ $0 < last }) ?? true { byID[id]!.lastActivity = last }
        }
        return contracts.map { byID[$0.id]! }
    }

    /// Per project, what the year's close carried forward on contracts (合同尾款): the
    /// carried-forward postings that name a contract, net of a reopen's reversals. Every
    /// report's snapshot reads it, so it reads only the entries of 31 December (index
    /// `entry_date`), where the close and a reopen's reversals of it are dated, not every
    /// posting that names a contract.
    func contractCarried(year: Int) throws -> [Int64: Money] {
        var carried: [Int64: Money] = [:]
        try db.cached("""
            SELECT p.project_id, -sum(p.amount) AS carried FROM entry e JOIN posting p ON p.entry_id = e.id
            WHERE e.year = ?1 AND e.date = printf('%04d-12-31', ?1)
              AND p.account = 'carried-forward' AND p.contract_id IS NOT NULL
            GROUP BY p.project_id
            """).forEach([year]) { carried[try $0.int("project_id")] = Money(fen: try $0.int("carried")) }
        return carried
    }

    /// 政府采购 of a year: per contract, committed in the year (commitments, net of their
    /// reversals; the carry-in of an older contract is not new) and paid in the year.
    func procurementFigures(year: Int) throws -> [(contract: Int64, committed: Money, paid: Money)] {
        try db.cached("""
            SELECT p.contract_id,
                   -coalesce(sum(CASE WHEN coalesce(o.kind, e.kind) = 'commit' THEN p.amount END), 0) AS committed,
                   coalesce(sum(CASE WHEN coalesce(o.kind, e.kind) = 'pay' THEN p.amount END), 0) AS paid
            FROM posting p JOIN entry e ON e.id = p.entry_id LEFT JOIN entry o ON o.id = e.reverses
            WHERE p.contract_id IS NOT NULL AND p.account = 'committed' AND e.year = ?
            GROUP BY p.contract_id ORDER BY p.contract_id
            """).rows([year]) {
            (try $0.int("contract_id"), Money(fen: try $0.int("committed")), Money(fen: try $0.int("paid")))
        }
    }
}
