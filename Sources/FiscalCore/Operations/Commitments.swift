/// Commitments (预算占用, issue 14): a contract takes authority before cash moves. A commit is
/// an event like a payment (availability control applies alike); its first use of a contract
/// number creates the contract. A payment against a contract liquidates the commitment
/// instead of drawing on available; a release gives the rest back.
extension Book {
    /// A contract option where the kind takes none, or none where it needs one.
    func checkContractOption(_ kind: EntryKind, _ options: RecordOptions) throws(FiscalError) {
        if let number = options.contract {
            guard kind.contractRule.allowed else {
                throw .invalidValue(field: "contract", value: number, reason: "a \(kind.rawValue) names no contract")
            }
            if let problem = Contract.problem(withNumber: number) {
                throw .invalidValue(field: "contract", value: number, reason: problem)
            }
        } else if kind.contractRule.required {
            throw .invalidValue(field: "contract", value: "", reason: "a \(kind.rawValue) names its contract (--contract NO)")
        }
        try TextRules.check(options.terms.supplier, .name)
    }

    /// The contract an event names, inside the write transaction: created by the first
    /// commitment on its number, else found and checked against the event's project and code.
    func contractFor(_ event: BudgetEvent, _ options: RecordOptions, projectID: Int64) throws -> Int64? {
        guard let number = options.contract else { return nil }
        let projectCode = event.projectCodes[0]
        guard let existing = try store.contract(number: number) else {
            guard event.kind == .commit, let econ = event.econ else {
                throw FiscalError.invalidValue(field: "contract", value: number, reason: "no such contract")
            }
            guard econ.code.count == 5 else {
                throw FiscalError.invalidValue(field: "econ", value: econ.code,
                                               reason: "a contract is committed on a 款 (5 digits), not a class")
            }
            return try store.insertContract(Contract(
                number: number, projectID: projectID, supplier: options.terms.supplier, econ: econ,
                procurement: options.terms.procurement, sme: options.terms.sme, signed: options.date, memo: options.memo))
        }
        guard existing.projectID == projectID else {
            let owner = try store.projectCode(id: existing.projectID) ?? "#\(existing.projectID)"
            throw FiscalError.invalidValue(field: "contract", value: number,
                                           reason: "belongs to project \(owner), not \(projectCode)")
        }
        if let econ = event.econ, econ != existing.econ {
            throw FiscalError.invalidValue(field: "econ", value: econ.code,
                                           reason: "contract \(number) is on \(existing.econ.code); a \(event.kind.rawValue) on it uses that code")
        }
        if event.kind == .commit {
            let t = options.terms
            if let supplier = t.supplier, supplier != existing.supplier {
                throw FiscalError.invalidValue(field: "supplier", value: supplier,
                                               reason: "contract \(number) has supplier \(existing.supplier ?? "(none)")")
            }
            if let p = t.procurement, p != existing.procurement {
                throw FiscalError.invalidValue(field: "procurement", value: p.rawValue,
                                               reason: "contract \(number) is \(existing.procurement?.rawValue ?? "not procurement")")
            }
            if t.sme && !existing.sme {
                throw FiscalError.invalidValue(field: "sme", value: "yes", reason: "contract \(number) was not awarded to an SME")
            }
        }
        return existing.id
    }

    /// Gives back `amount` of a contract's open commitment in the year of `options.date` (all
    /// that is open when nil): Dr committed / Cr available, tagged with the contract and its code.
    @discardableResult
    public func release(contract number: String, amount: Money?, _ options: RecordOptions) throws(FiscalError) -> JournalEntry {
        let (contract, projectCode) = try contractWithProject(number)
        let year = options.date.year
        let open = try guarded {
            try store.read {
                var open: Int64 = 0
                try store.contractOpen(year: year, contract: contract.id) { _, o in open = o }
                return Money(fen: open)
            }
        }
        let amount = amount ?? open
        guard amount.isPositive else {
            throw .refused("contract \(number) has nothing open in \(year) to release")
        }
        var options = options
        options.contract = number
        return try record(.release(project: projectCode, amount: amount, econ: contract.econ), options)
    }

    /// A contract by number with its project's code, or `contract 'X': no such contract`.
    public func contractWithProject(_ number: String) throws(FiscalError) -> (Contract, String) {
        try guarded {
            try store.read {
                guard let c = try store.contract(number: number) else {
                    throw FiscalError.invalidValue(field: "contract", value: number, reason: "no such contract")
                }
                return (c, try store.projectCode(id: c.projectID) ?? "#\(c.projectID)")
            }
        }
    }

    /// Every contract's committed, paid, released and open amounts, by number.
    public func contractBalances() throws(FiscalError) -> [ContractBalance] {
        try guarded { try store.read { try store.contractBalances() } }
    }
}

extension Contract {
    /// Why a contract number cannot be used, or nil: 1 to 64 characters, no line break.
    public static func problem(withNumber number: String) -> String? {
        if number.trimmingWhitespace().isEmpty { return "must not be empty" }
        if number.count > 64 { return "is longer than 64 characters" }
        if number.contains(where: { $0.isNewline }) { return "must be one line" }
        return TextRules.problem(number, as: .ref)
    }
}
