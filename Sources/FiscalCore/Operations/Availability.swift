extension Book {
    /// Availability control (DESIGN §6): refuses a draft that would take a project's available
    /// authority below zero — the whole project, the pool not earmarked for an economic code,
    /// or a code with authority of its own (e.g. 公务接待费). Returns whether the draft is a
    /// recorded overdraft (allowed on purpose), which marks the entry.
    func checkAvailability(_ draft: EntryDraft, allowOverdraft: Bool, verb: String) throws -> Bool {
        let year = draft.date.year
        // Debits to `available` use authority up; only those need checking.
        var use: [Int64: Money] = [:]
        var useByCode: [Int64: [String: Money]] = [:]
        for p in draft.postings where p.account == .available {
            use[p.projectID, default: .zero] += p.amount
            useByCode[p.projectID, default: [:]][p.econ?.code ?? "", default: .zero] += p.amount
        }
        var overdraft = false
        for (projectID, used) in use.sorted(by: { $0.key < $1.key }) where used.isPositive {
            // The project's code is only needed to say what is refused.
            func code() throws -> String { try store.projectCode(id: projectID) ?? "#\(projectID)" }
            var lines = try store.ownAuthorityLines(year: year, project: projectID)
            let total = -(try store.balance(year: year, project: projectID, account: .available))
            var shortfalls: [String] = []
            if total < used {
                shortfalls.append("\(verb) \(used) exceeds available \(total) of project \(try code()) in \(year)")
            }
            var poolUse = Money.zero
            for (econ, amount) in useByCode[projectID] ?? [:] where amount.isPositive {
                if let line = lines[econ] {
                    if line < amount {
                        shortfalls.append("\(verb) \(amount) exceeds available \(line) of project \(try code()) econ \(econ) in \(year)")
                    }
                    lines[econ] = line - amount
                } else {
                    poolUse += amount
                }
            }
            // Authority earmarked for a code is not free for other spending.
            let earmarked = lines.values.filter(\.isPositive).reduce(Money.zero, +)
            let pool = total - earmarked
            if shortfalls.isEmpty && poolUse.isPositive && pool < poolUse {
                shortfalls.append("\(verb) \(poolUse) exceeds available \(pool) of project \(try code()) in \(year) (\(earmarked) more is earmarked for specific economic codes)")
            }
            if let first = shortfalls.first {
                guard allowOverdraft else { throw FiscalError.overdraft(first + " (--allow-overdraft records it anyway)") }
                overdraft = true
            }
        }
        return overdraft
    }

}
