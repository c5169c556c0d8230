/// The invariants `verify` proves over every posting — each entry balances per project, no
/// entry is empty or booked in the wrong year, the maintained totals equal the postings — in
/// one sequential pass over the entries and one over the postings, instead of a GROUP BY per
/// check: on a million entries the SQL took three times as long as SQLite's integrity check.
/// Texts are read as bytes and interned; nothing per posting is a string.
struct LedgerScan {
    let store: any Store

    func violations() throws -> (byEntry: [Violation], totals: [Violation], batches: [Violation]) {
        var entries = EntryTable()
        var wrongYear: [Violation] = []
        var kinds = TextTable(first: EntryKind.allCases.map(\.rawValue))
        try store.forEachEntryHeader { id, date, year, kind in
            let dateYear = LedgerScan.digits(date, 0..<4)
            if dateYear != year {
                wrongYear.append(Violation(check: "wrong year",
                                           detail: "entry \(id) dated \(String(decoding: date, as: UTF8.self)) is booked in year \(year)"))
            }
            entries.add(id: id, year: year, month: LedgerScan.digits(date, 5..<7) ?? 0, kind: kinds.index(kind))
        }
        let projects = try store.projects()
        let codes = Dictionary(uniqueKeysWithValues: projects.map { ($0.id, $0.code) })
        var names = TextTable(first: Account.allCases.map(\.rawValue))
        var econs = EconTable()
        var actual: [TotalKey: Tally] = [:]
        actual.reserveCapacity(try store.monthlyTotalCount())
        var current: Int64? = nil
        var sums: [(project: Int64, sum: Int64)] = []
        var split: Set<Int64> = []
        var unbalanced: [(entry: Int64, project: Int64, sum: Int64)] = []
        var batches = BatchTally(try store.importBatches(), transfer: kinds.index(EntryKind.transfer.rawValue))
        var debits: Int64 = 0
        func finish() {
            guard let entry = current else { return }
            for s in sums where s.sum != 0 && codes[s.project] != nil { unbalanced.append((entry, s.project, s.sum)) }
            if let slot = entries[entry] { batches.add(entry: entry, kind: slot.kind, debits: debits) }
        }
        try store.forEachPostingRow { entry, project, account, econ, amount in
            if entry != current {
                finish()
                sums.removeAll(keepingCapacity: true)
                debits = 0
                current = entry
                // Postings of one entry are written together; one found apart is summed by SQL.
                if !entries.markSeen(entry) && entries.contains(entry) { split.insert(entry) }
            }
            if let i = sums.firstIndex(where: { $0.project == project }) { sums[i].sum &+= amount } else { sums.append((project, amount)) }
            if amount > 0 { debits &+= amount }
            guard let slot = entries[entry] else { return }  // a posting of no entry: the foreign-key check names it
            let key = TotalKey(year: slot.year, project: project, account: names.index(account),
                               econ: econ.map { econs.index($0) } ?? 0, month: slot.month)
            actual[key, default: Tally()].add(amount)
        }
        finish()
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
        return (byEntry + wrongYear, try totalsMismatches(&actual, projects: projects, codes: codes, names: &names, econs: &econs),
                batches.mismatches(kinds: kinds.texts))
    }

    /// The keys whose maintained total (amount and count) differs from the postings, either way;
    /// and, in a consolidated book that keeps totals per unit (unit_total), those that differ
    /// from the maintained totals summed by their projects' unit and kind (none may be kept in
    /// any other book).
    private func totalsMismatches(_ actual: inout [TotalKey: Tally], projects: [Project], codes: [Int64: String],
                                  names: inout TextTable, econs: inout EconTable) throws -> [Violation] {
        var differing: [TotalKey] = []
        let consolidated = try store.isConsolidated()
        // Per project, its unit (numbered) and kind; totals summed by those, as unit_total keeps them.
        var unitNames: [String] = []
        var unitOf: [Int64: (unit: Int, kind: Int)] = [:]
        if consolidated {
            var numbers: [String: Int] = [:]
            for p in projects {
                let unit = p.unit ?? ""
                let n = numbers[unit] ?? unitNames.count
                if n == unitNames.count { numbers[unit] = n; unitNames.append(unit) }
                unitOf[p.id] = (n, ProjectKind.allCases.firstIndex(of: p.kind)!)
            }
        }
        var byUnit: [UnitKey: Int64] = [:]
        try store.forEachStoredTotal { year, project, account, econ, month, amount, postings in
            let a = names.index(account)
            let key = TotalKey(year: year, project: project, account: a, econ: econs.index(econ), month: month)
            // One look-up: the posting's tally is marked as kept, or the key is new.
            if actual[key]?.keep(amount: amount, postings: postings) != true { differing.append(key) }
            if consolidated, let u = unitOf[project] {
                byUnit[UnitKey(year: year, unit: u.unit, kind: u.kind, account: a, month: month), default: 0] &+= amount
            }
        }
        for (key, tally) in actual where !tally.kept { differing.append(key) }
        func code(_ p: Int64) -> String { codes[p] ?? "#\(p)" }
        let rows = Set(differing).map { ($0.year, code($0.project), names.texts[$0.account], econs.text($0.econ), $0.month) }
        var found = rows.sorted { ($0.0, $0.1, $0.2, $0.3, $0.4) < ($1.0, $1.1, $1.2, $1.3, $1.4) }.map { year, project, account, econ, month in
            Violation(check: "totals ≠ postings",
                      detail: "year \(year) project \(project) \(account)\(econ.isEmpty ? "" : " econ \(econ)") month \(month): the maintained total differs from the postings")
        }
        var sums: [UnitMonthlyTotal: Int64] = [:]
        for (k, sum) in byUnit {
            let t = UnitMonthlyTotal(year: Int(truncatingIfNeeded: k.year), unit: unitNames[k.unit], kind: ProjectKind.allCases[k.kind],
                                     account: Account(rawValue: names.texts[k.account]) ?? .available,
                                     month: Int(truncatingIfNeeded: k.month), amount: .zero)
            if Account(rawValue: names.texts[k.account]) == nil { continue }  // an unknown account: named by the structural check
            sums[t, default: 0] &+= sum
        }
        var unitDiffers: Set<UnitMonthlyTotal> = []
        let kept = try store.allUnitTotals()
        // A book consolidated before schema v6 keeps none (its reports by unit read every
        // project's totals): nothing to compare.
        if kept.isEmpty { sums.removeAll() }
        for t in kept {
            var key = t
            key.amount = .zero
            if let sum = sums.removeValue(forKey: key), sum == t.amount.fen { continue }
            unitDiffers.insert(key)
        }
        for (key, sum) in sums where sum != 0 { unitDiffers.insert(key) }
        found += unitDiffers.sorted { ($0.year, $0.unit, $0.kind.rawValue, $0.account.rawValue, $0.month)
            < ($1.year, $1.unit, $1.kind.rawValue, $1.account.rawValue, $1.month) }.map {
            Violation(check: "unit totals ≠ totals",
                      detail: "year \($0.year) unit \($0.unit) \($0.kind.rawValue) \($0.account.rawValue) month \($0.month): the total by unit differs from the maintained totals of its projects")
        }
        return found
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

    private struct Tally {
        var amount: Int64 = 0
        var postings: Int64 = 0
        /// A maintained total with this key was found (whatever it held).
        var kept = false
        // Wrapping: a forged amount must not crash `verify`; the year ceiling check names it.
        mutating func add(_ a: Int64) { amount &+= a; postings += 1 }
        /// Marks the key kept; whether the maintained total equals the postings.
        mutating func keep(amount: Int64, postings: Int64) -> Bool {
            kept = true
            return amount == self.amount && postings == self.postings
        }
    }

    private struct UnitKey: Hashable {
        var year: Int64
        var unit: Int
        var kind: Int
        var account: Int
        var month: Int64
    }

    private struct TotalKey: Hashable {
        var year: Int64
        var project: Int64
        var account: Int
        var econ: Int
        var month: Int64

        // One word hashed instead of five: a consolidated book has as many totals as postings.
        func hash(into hasher: inout Hasher) {
            hasher.combine(UInt64(bitPattern: project) &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(bitPattern: Int64(econ)) << 20
                           ^ UInt64(bitPattern: year) << 44 ^ UInt64(bitPattern: month) << 8 ^ UInt64(bitPattern: Int64(account)))
        }
    }
}

/// Each import batch's entries by kind, counted and summed on the ledger scan's way (an
/// event's amount is its debits; a transfer debits two projects), against what the batch
/// recorded (`import_batch_total`, which no trigger guards and no hash covers).
struct BatchTally {
    private let batches: [ImportBatchRecord]
    private let transfer: Int
    private var actual: [Int64: [Int: (entries: Int, amount: Int64)]] = [:]

    init(_ batches: [ImportBatchRecord], transfer: Int) {
        self.batches = batches.filter { $0.entries != nil }.sorted { $0.entries!.lowerBound < $1.entries!.lowerBound }
        self.transfer = transfer
    }

    mutating func add(entry: Int64, kind: Int, debits: Int64) {
        guard !batches.isEmpty else { return }
        // The last batch starting at or before the entry (binary search: batches are few, entries many).
        var lo = 0, hi = batches.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if batches[mid].entries!.lowerBound <= entry { lo = mid + 1 } else { hi = mid }
        }
        guard lo > 0, batches[lo - 1].entries!.contains(entry) else { return }
        let amount = kind == transfer ? debits / 2 : debits
        let sum = actual[batches[lo - 1].id, default: [:]][kind] ?? (0, 0)
        actual[batches[lo - 1].id, default: [:]][kind] = (sum.entries + 1, sum.amount &+ amount)
    }

    func mismatches(kinds: [String]) -> [Violation] {
        batches.sorted { $0.id < $1.id }.compactMap { batch in
            let id = batch.id
            let recorded = Dictionary(batch.totals.map { ($0.kind.rawValue, ($0.entries, $0.amount.fen)) }, uniquingKeysWith: { a, _ in a })
            let found = Dictionary((actual[id] ?? [:]).map { (kinds[$0.key], ($0.value.entries, $0.value.amount)) }, uniquingKeysWith: { a, _ in a })
            let same = recorded.count == found.count && recorded.allSatisfy { k, v in found[k].map { $0 == v } ?? false }
            return same ? nil : Violation(check: "import batch", detail: "batch \(id): its totals by kind differ from the entries it posted")
        }
    }
}
