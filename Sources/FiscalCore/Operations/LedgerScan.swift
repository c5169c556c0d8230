/// The invariants `verify` proves over every posting — each entry balances per project, no
/// entry is empty or booked in the wrong year, the maintained totals equal the postings, each
/// contract's open balance is not below zero (nor left open in a closed year) and is posted
/// on its own project — in one sequential pass over the entries and one over the postings,
/// instead of a query per check: on a million entries the SQL took three times as long as
/// SQLite's integrity check, and each check on contracts read every posting again. Texts are
/// read as bytes and interned; nothing per posting is a string. The same pass checks each
/// posting's foreign keys (entry, account, project, contract), which SQLite's
/// `foreign_key_check` does for every other table.
struct LedgerScan {
    struct Found {
        var byEntry: [Violation]
        var totals: [Violation]
        var batches: [Violation]
        var keys: [Violation]
        var contracts: [Violation]
    }

    private let projects: [Project]
    private let codes: [Int64: String]
    private let isProject: IDSet
    private let parents: (accounts: [String], contracts: [Int64: (project: Int64, number: String)])
    private var entries = EntryTable()
    private var wrongYear: [Violation] = []
    private var kinds = TextTable(first: EntryKind.allCases.map(\.rawValue))
    private var names = TextTable(first: Account.allCases.map(\.rawValue))
    private var isAccount: [Bool]
    private var econs = TextTable(first: [""])
    private var actual: TallyTable<TotalKey>
    private var keys: [Violation] = []
    private var commitments = CommitmentTally()
    private var batches: BatchTally
    // The entry whose postings are being read: its sum per project and its debits.
    private var current: Int64?
    private var sums: [(project: Int64, sum: Int64)] = []
    private var debits: Int64 = 0
    private var split: Set<Int64> = []
    private var unbalanced: [(entry: Int64, project: Int64, sum: Int64)] = []

    /// Scans the book in the store's read transaction.
    static func run(store: any Store) throws -> Found {
        var scan = LedgerScan(projects: try store.projects(),
                              parents: try store.postingParents(), batches: try store.importBatches(),
                              totals: try store.monthlyTotalCount())
        try store.forEachEntryHeader { id, date, year, kind in scan.entry(id: id, date: date, year: year, kind: kind) }
        try store.forEachPostingRow { scan.posting($0) }
        scan.finishEntry()
        return try scan.found(store: store)
    }

    private init(projects: [Project], parents: (accounts: [String], contracts: [Int64: (project: Int64, number: String)]),
                 batches: [ImportBatchRecord], totals: Int) {
        self.projects = projects
        codes = Dictionary(uniqueKeysWithValues: projects.map { ($0.id, $0.code) })
        actual = TallyTable(capacity: totals)
        isProject = IDSet(projects.map(\.id))
        self.parents = parents
        isAccount = names.texts.map(parents.accounts.contains)
        self.batches = BatchTally(batches, transfer: kinds.index(EntryKind.transfer.rawValue))
    }

    private mutating func entry(id: Int64, date: UnsafeBufferPointer<UInt8>, year: Int64, kind: UnsafeBufferPointer<UInt8>) {
        if LedgerScan.digits(date, 0..<4) != year {
            wrongYear.append(Violation(check: "wrong year",
                                       detail: "entry \(id) dated \(String(decoding: date, as: UTF8.self)) is booked in year \(year)"))
        }
        entries.add(id: id, year: year, month: LedgerScan.digits(date, 5..<7) ?? 0, kind: kinds.index(kind))
    }

    private mutating func posting(_ posting: PostingRow) {
        let entry = posting.entry, project = posting.project, amount = posting.amount
        if entry != current {
            finishEntry()
            current = entry
            // Postings of one entry are written together; one found apart is summed by SQL.
            if !entries.markSeen(entry) && entries.contains(entry) { split.insert(entry) }
        }
        if let i = sums.firstIndex(where: { $0.project == project }) { sums[i].sum &+= amount } else { sums.append((project, amount)) }
        if amount > 0 { debits &+= amount }
        let account = names.index(posting.account)
        if account >= isAccount.count { isAccount += names.texts[isAccount.count...].map(parents.accounts.contains) }
        let slot = entries[entry]
        if slot == nil { missing(posting.id, "entry") }
        if !isAccount[account] { missing(posting.id, "account") }
        if !isProject.contains(project) { missing(posting.id, "project") }
        if let contract = posting.contract {
            if let parent = parents.contracts[contract] {
                commitments.add(entry: entry, project: project, contract: contract, of: parent, year: slot?.year,
                                committed: account == LedgerScan.committed ? amount : nil)
            } else {
                missing(posting.id, "contract")
            }
        }
        guard let slot else { return }
        actual.add(TotalKey(year: slot.year, project: project, account: account,
                            econ: posting.econ.map { econs.index($0) } ?? 0, month: slot.month), amount)
    }

    private static let committed = Account.allCases.firstIndex(of: .committed)!

    private mutating func missing(_ posting: Int64, _ parent: String) {
        keys.append(Violation(check: "foreign key", detail: SQLiteStore.missingParent(table: "posting", row: posting, parent: parent)))
    }

    private mutating func finishEntry() {
        guard let entry = current else { return }
        for s in sums where s.sum != 0 && codes[s.project] != nil { unbalanced.append((entry, s.project, s.sum)) }
        if let slot = entries[entry] { batches.add(entry: entry, kind: slot.kind, debits: debits) }
        sums.removeAll(keepingCapacity: true)
        debits = 0
        current = nil
    }

    private mutating func found(store: any Store) throws -> Found {
        unbalanced.removeAll { split.contains($0.entry) }
        for entry in split {
            for s in try store.postingSums(entryID: entry) where s.sum != 0 && codes[s.project] != nil {
                unbalanced.append((entry, s.project, s.sum))
            }
        }
        unbalanced.sort { ($0.entry, codes[$0.project]!) < ($1.entry, codes[$1.project]!) }
        let byEntry = unbalanced.map {
            Violation(check: "unbalanced entry", detail: "entry \($0.entry) project \(codes[$0.project]!) sums to \(Money(fen: $0.sum)) instead of 0")
        } + entries.unseen().map { Violation(check: "empty entry", detail: "entry \($0) has no postings") }
        let closed = Set(try store.years().filter(\.closed).map { Int64($0.year) })
        return Found(byEntry: byEntry + wrongYear, totals: try totalsMismatches(store: store),
                     batches: batches.mismatches(kinds: kinds.texts), keys: keys, contracts: commitments.violations(closedYears: closed))
    }

    /// The keys whose maintained total (amount and count) differs from the postings, either way;
    /// and, in a consolidated book that keeps totals per unit (unit_total), those that differ
    /// from the maintained totals summed by their projects' unit and kind (none may be kept in
    /// any other book). The stored totals are streamed: a consolidated book holds millions.
    private mutating func totalsMismatches(store: any Store) throws -> [Violation] {
        var differing: [TotalKey] = []
        let consolidated = try store.isConsolidated()
        var units = UnitTotalsCheck(projects: consolidated ? projects : [])
        try store.forEachStoredTotal { year, project, account, econ, month, amount, postings in
            let a = names.index(account)
            let key = TotalKey(year: year, project: project, account: a, econ: econs.index(econ), month: month)
            // One look-up: the postings' tally is marked as kept, or the key is new.
            if actual.keep(key, amount: amount, postings: postings) != true { differing.append(key) }
            if consolidated { units.add(year: year, project: project, account: a, month: month, amount: amount) }
        }
        differing += actual.unkeptKeys
        let codes = codes
        func code(_ p: Int64) -> String { codes[p] ?? "#\(p)" }
        let rows = Set(differing).map { ($0.year, code($0.project), names.texts[Int($0.account)], econs.texts[Int($0.econ)], $0.month) }
        return rows.sorted { ($0.0, $0.1, $0.2, $0.3, $0.4) < ($1.0, $1.1, $1.2, $1.3, $1.4) }.map { year, project, account, econ, month in
            Violation(check: "totals ≠ postings",
                      detail: "year \(year) project \(project) \(account)\(econ.isEmpty ? "" : " econ \(econ)") month \(month): the maintained total differs from the postings")
        } + units.mismatches(kept: try store.allUnitTotals(), accounts: names.texts)
    }

    /// The number at the given byte offsets, if they are all digits.
    static func digits(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int64? {
        guard bytes.count >= range.upperBound else { return nil }
        var value: Int64 = 0
        for c in bytes[range] {
            guard c >= 48 && c <= 57 else { return nil }
            value = value * 10 + Int64(c - 48)
        }
        return value
    }

    /// Small, so a slot of the scan's table is one cache line: accounts and codes are
    /// numbered by the scan. The month stays wide: a stored total's is whatever the file holds.
    private struct TotalKey: Hashable, TallyKey {
        var year: Int64
        var project: Int64
        var account: Int32
        var econ: Int32
        var month: Int64
        init(year: Int64, project: Int64, account: Int, econ: Int, month: Int64) {
            self.year = year
            self.project = project
            self.account = Int32(account)
            self.econ = Int32(econ)
            self.month = month
        }
        var mixed: UInt64 {
            UInt64(bitPattern: project &* 1_000_003 &+ Int64(econ) &* 8_191 &+ Int64(account) &* 127 &+ year &* 13 &+ month)
        }
    }
}

/// A consolidated book's totals per unit (unit_total, issue 16) against its maintained totals
/// summed by each project's unit and kind.
struct UnitTotalsCheck {
    private struct UnitKey: Hashable {
        var year: Int64
        var unit: Int
        var kind: Int
        var account: Int
        var month: Int64
    }
    private var unitNames: [String] = []
    /// Per project, its unit (numbered) and kind.
    private var unitOf: [Int64: (unit: Int, kind: Int)] = [:]
    private var byUnit: [UnitKey: Int64] = [:]

    /// `projects`: a consolidated book's (none for another book: nothing is summed).
    init(projects: [Project]) {
        var numbers: [String: Int] = [:]
        for p in projects {
            let unit = p.unit ?? ""
            let n = numbers[unit] ?? unitNames.count
            if n == unitNames.count { numbers[unit] = n; unitNames.append(unit) }
            unitOf[p.id] = (n, ProjectKind.allCases.firstIndex(of: p.kind)!)
        }
    }

    mutating func add(year: Int64, project: Int64, account: Int, month: Int64, amount: Int64) {
        guard let u = unitOf[project] else { return }
        byUnit[UnitKey(year: year, unit: u.unit, kind: u.kind, account: account, month: month), default: 0] &+= amount
    }

    /// `accounts`: the scan's account names by number.
    func mismatches(kept: [UnitMonthlyTotal], accounts: [String]) -> [Violation] {
        var sums: [UnitMonthlyTotal: Int64] = [:]
        // A book consolidated before schema v6 keeps none (its reports by unit read every
        // project's totals): nothing to compare.
        if !kept.isEmpty {
            for (k, sum) in byUnit {
                // An unknown account is named by the foreign-key check.
                guard let account = Account(rawValue: accounts[k.account]) else { continue }
                let t = UnitMonthlyTotal(year: Int(truncatingIfNeeded: k.year), unit: unitNames[k.unit], kind: ProjectKind.allCases[k.kind],
                                         account: account, month: Int(truncatingIfNeeded: k.month), amount: .zero)
                sums[t, default: 0] &+= sum
            }
        }
        var differs: Set<UnitMonthlyTotal> = []
        for t in kept {
            var key = t
            key.amount = .zero
            if let sum = sums.removeValue(forKey: key), sum == t.amount.fen { continue }
            differs.insert(key)
        }
        for (key, sum) in sums where sum != 0 { differs.insert(key) }
        return differs.sorted { ($0.year, $0.unit, $0.kind.rawValue, $0.account.rawValue, $0.month)
            < ($1.year, $1.unit, $1.kind.rawValue, $1.account.rawValue, $1.month) }.map {
            Violation(check: "unit totals ≠ totals",
                      detail: "year \($0.year) unit \($0.unit) \($0.kind.rawValue) \($0.account.rawValue) month \($0.month): the total by unit differs from the maintained totals of its projects")
        }
    }
}

