/// The one posting engine (DESIGN §8). Every entry — a recording command, a reversal, the
/// close and reopen, the bulk import — is admitted here: its year through ``YearGate``, its
/// balance per project, and its use of authority through ``AvailabilityState``. Paths differ
/// only in how admitted entries reach SQLite (one statement per row, or batched).
///
/// The engine is made inside a write transaction and lives no longer: it reads the years
/// once and seeds availability lazily — a project at a time for single commands, a whole
/// year at a time for an import — then follows every entry it admits.
struct PostingEngine {
    let store: any Store
    private(set) var years: YearGate
    private(set) var availability = AvailabilityState()
    private var seededYears: Set<Int> = []
    private var seededProjects: Set<UInt64> = []
    /// Per year, a bound on Σ |monthly total|: what the book held when first asked, plus the
    /// magnitude of every posting admitted since (|a + b| ≤ |a| + |b|). Kept under
    /// ``Money/yearCeiling``, it keeps every figure of the year far from overflow.
    private var yearMagnitude: [Int: Int128] = [:]
    // Per-entry scratch, kept so that a million entries allocate nothing.
    private var uses: [AuthorityUse] = []
    private var useIndex: [UInt64: Int] = [:]
    private var balances: [(project: Int64, sum: Int64)] = []
    /// What is open on each contract in a year (issue 14), keyed by ``contractKey(year:contract:)``:
    /// seeded with the year or per contract, then followed like availability.
    private var contractOpen: [UInt64: Int64] = [:]
    private var seededContracts: Set<UInt64> = []
    private var contractUses: [(contract: Int64, amount: Int64)] = []

    /// How an entry meets availability control: not at all (the close's own entries), or
    /// checked, with an overdraft refused or recorded (marking the entry).
    enum Control {
        case none
        case check(verb: String, allowOverdraft: Bool)
    }

    /// What the engine decided about an entry.
    struct Admission {
        /// The entry goes past availability control on purpose: it is marked.
        var overdraft = false
        /// What it overdraws, when it does.
        var shortfall: Shortfall?
    }

    init(store: Store) throws {
        self.store = store
        years = YearGate(years: try store.years())
    }

    func isSeeded(year: Int) -> Bool { seededYears.contains(year) }

    static func contractKey(year: Int, contract: Int64) -> UInt64 { UInt64(year) << 48 | UInt64(UInt32(truncatingIfNeeded: contract)) }

    /// Seeds a whole year's availability at once (an import touches most projects), and what
    /// is open on every contract in it.
    mutating func seed(year: Int) throws {
        guard seededYears.insert(year).inserted else { return }
        try store.contractOpen(year: year, contract: nil) { contract, open in
            let key = PostingEngine.contractKey(year: year, contract: contract)
            guard seededContracts.insert(key).inserted else { return }
            contractOpen[key] = open
        }
        try store.availabilitySeed(year: year, project: nil) { project, econ, available, own in
            guard !seededProjects.contains(AvailabilityState.key(year: year, project: project)) else { return }
            availability.seed(year: year, project: project, econ: econ, available: available, ownAuthority: own)
        }
    }

    private mutating func seed(year: Int, project: Int64) throws {
        guard !seededYears.contains(year),
              seededProjects.insert(AvailabilityState.key(year: year, project: project)).inserted else { return }
        try store.availabilitySeed(year: year, project: project) { project, econ, available, own in
            availability.seed(year: year, project: project, econ: econ, available: available, ownAuthority: own)
        }
    }

    private mutating func seedContract(year: Int, contract: Int64) throws {
        let key = PostingEngine.contractKey(year: year, contract: contract)
        guard !seededYears.contains(year), seededContracts.insert(key).inserted else { return }
        try store.contractOpen(year: year, contract: contract) { _, open in contractOpen[key] = open }
    }

    /// The index of an economic code in the engine's table.
    mutating func intern(econ: String) -> UInt16 { availability.intern(econ) }

    /// Admits one entry dated `date` with `postings` (codes interned through ``intern(econ:)``),
    /// or refuses it; on admission the engine follows its postings. `projectCode` names a
    /// project in a refusal.
    mutating func admit<Postings: Sequence<LegPosting>>(
        date: Day, postings: Postings, control: Control, projectCode: (Int64) throws -> String,
        contractNumber: (Int64) throws -> String = { "#\($0)" }
    ) throws -> Admission {
        var admission = Admission()
        try years.admit(date)
        let year = date.year
        // Balance per project, and the debits to `available` summed per project and code.
        uses.removeAll(keepingCapacity: true)
        if !useIndex.isEmpty { useIndex.removeAll(keepingCapacity: true) }
        balances.removeAll(keepingCapacity: true)
        contractUses.removeAll(keepingCapacity: true)
        for p in postings {
            // Postings of one project come together (a consolidate entry has thousands): the
            // last project is tried before the search.
            if let last = balances.indices.last, balances[last].project == p.project { balances[last].sum += p.amount }
            else if let i = balances.firstIndex(where: { $0.project == p.project }) { balances[i].sum += p.amount }
            else { balances.append((p.project, p.amount)) }
            if p.contract != 0 && p.account == .committed {
                if let i = contractUses.firstIndex(where: { $0.contract == p.contract }) { contractUses[i].amount += p.amount }
                else { contractUses.append((p.contract, p.amount)) }
            }
            guard p.account == .available else { continue }
            if uses.count < 32 {
                if let i = uses.firstIndex(where: { $0.project == p.project && $0.econ == p.econ }) { uses[i].amount += p.amount }
                else { uses.append(AuthorityUse(project: p.project, econ: p.econ, amount: p.amount)) }
            } else {
                // A large entry (a consolidation's month of a unit) finds its uses by key.
                if useIndex.isEmpty {
                    for (i, u) in uses.enumerated() { useIndex[AvailabilityState.key(year: 0, project: u.project, econ: u.econ)] = i }
                }
                let key = AvailabilityState.key(year: 0, project: p.project, econ: p.econ)
                if let i = useIndex[key] { uses[i].amount += p.amount }
                else {
                    useIndex[key] = uses.count
                    uses.append(AuthorityUse(project: p.project, econ: p.econ, amount: p.amount))
                }
            }
        }
        if let unbalanced = balances.first(where: { $0.sum != 0 }) {
            throw FiscalError.refused("entry does not balance: project \(try projectCode(unbalanced.project)) sums to \(Money(fen: unbalanced.sum))")
        }
        for i in balances.indices { try seed(year: year, project: balances[i].project) }
        if case let .check(verb, allowOverdraft) = control {
            uses.sort { $0.project < $1.project }
            if let shortfall = availability.firstShortfall(year: year, uses: uses) {
                guard allowOverdraft else {
                    throw FiscalError.overdraft(shortfall.message(verb: verb, projectCode: try projectCode(shortfall.project)))
                }
                admission.overdraft = true
                admission.shortfall = shortfall
            }
        }
        // A contract's open balance never goes below zero: a payment or release beyond it, or
        // the reversal of a commitment already paid, is refused (no overdraft here).
        for i in contractUses.indices {
            try seedContract(year: year, contract: contractUses[i].contract)
            let key = PostingEngine.contractKey(year: year, contract: contractUses[i].contract)
            let open = contractOpen[key] ?? 0
            if case let .check(verb, _) = control, contractUses[i].amount > 0, open < contractUses[i].amount {
                throw FiscalError.refused("\(verb) \(Money(fen: contractUses[i].amount)) exceeds the open balance \(Money(fen: open)) of contract \(try contractNumber(contractUses[i].contract)) in \(year)")
            }
        }
        try checkCeiling(year: year, postings: postings)
        for p in postings { availability.apply(p, year: year) }
        for use in contractUses {
            let key = PostingEngine.contractKey(year: year, contract: use.contract)
            contractOpen[key, default: 0] = (contractOpen[key] ?? 0).clampedAdd(-use.amount)
        }
        return admission
    }

    /// Refuses an entry that would take its year past ``Money/yearCeiling``; the last check
    /// before the engine follows an admitted entry, so a refused one leaves no trace.
    private mutating func checkCeiling<Postings: Sequence<LegPosting>>(year: Int, postings: Postings) throws {
        var held: Int128
        if let known = yearMagnitude[year] { held = known } else { held = try store.yearMagnitude(year: year) }
        for p in postings { held += Int128(p.amount.magnitude) }
        guard held <= Int128(Money.yearCeiling.fen) else {
            throw FiscalError.refused(
                "entry would take year \(year) past the most a year of one book may hold (\(Money.yearCeiling) 元 of totals)")
        }
        yearMagnitude[year] = held
    }
}
