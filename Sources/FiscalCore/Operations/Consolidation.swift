import Foundation

extension Book {
    /// Whether this book was built by `consolidate` (it then takes no recording).
    public func isConsolidated() throws(FiscalError) -> Bool { try guarded { try store.isConsolidated() } }

    /// The unit books a consolidated book was built from, with their seals.
    public func consolidatedUnits() throws(FiscalError) -> [ConsolidatedUnit] {
        try guarded { try store.read { try store.consolidatedUnits() } }
    }

    /// Builds (or rebuilds) the consolidated book of a department (部门汇总, issue 16).
    ///
    /// The book is an ordinary book whose entries are of kind `consolidate` — per unit and month
    /// one entry holding that unit's monthly totals by project, account and code (and contract
    /// where tagged) — and `eliminate`, taking out each transfer between two of its units
    /// (DESIGN §10). Every report reads it unchanged; every entry is admitted by the posting
    /// engine, so `verify`'s invariants hold. Unit books are opened read-only and read a month
    /// at a time from their maintained totals, each in one read transaction with the seal it
    /// is taken at. The book is built in a file beside the target and renamed over it at the
    /// end: all or nothing.
    public static func consolidate(_ spec: ConsolidationSpec) throws(FiscalError) -> ConsolidationResult {
        try checkSpec(spec)
        let fm = FileManager.default
        var rebuilt = false
        if fm.fileExists(atPath: spec.target) {
            let existing = try Book.open(at: spec.target, access: .read)
            guard try existing.isConsolidated() else {
                throw .refused("'\(spec.target)' is a book that is not a consolidated one: consolidate writes only a new file or a consolidated book")
            }
            rebuilt = true
        }
        let url = URL(fileURLWithPath: spec.target)
        let temp = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).consolidating-\(ProcessInfo.processInfo.processIdentifier)").path
        func removeTemp() { for suffix in ["", "-wal", "-shm", "-journal"] { try? fm.removeItem(atPath: temp + suffix) } }
        removeTemp()
        do {
            var result = try build(spec, at: temp)
            result.rebuilt = rebuilt
            // The new file replaces the old in one rename; the old book's WAL (a consolidated
            // book is never written after it is built) must not be applied to the new one.
            for suffix in ["-wal", "-shm"] { try? fm.removeItem(atPath: spec.target + suffix) }
            guard rename(temp, spec.target) == 0 else {
                throw FiscalError.refused("cannot move the consolidated book into place at '\(spec.target)': \(String(cString: strerror(errno)))")
            }
            return result
        } catch {
            removeTemp()
            throw (error as? FiscalError) ?? .refused("\(error)")
        }
    }

    private static func checkSpec(_ spec: ConsolidationSpec) throws(FiscalError) {
        guard (1900...9999).contains(spec.year) else {
            throw .invalidValue(field: "year", value: "\(spec.year)", reason: "not a year")
        }
        guard !spec.sources.isEmpty else { throw .invalidValue(field: "units", value: "", reason: "name at least one unit book") }
        var names: Set<String> = []
        var paths: Set<String> = []
        let target = URL(fileURLWithPath: spec.target).standardizedFileURL.path
        for s in spec.sources {
            try TextRules.check(s.name, .unit)
            if s.name.isEmpty || s.name.contains("/") {
                throw .invalidValue(field: "unit", value: s.name, reason: "a unit name is not empty and has no '/'")
            }
            guard names.insert(s.name).inserted else {
                throw .invalidValue(field: "unit", value: s.name, reason: "named twice (give each book its own name: NAME=PATH)")
            }
            let path = URL(fileURLWithPath: s.path).standardizedFileURL.path
            guard path != target else {
                throw .invalidValue(field: "unit", value: s.path, reason: "is the consolidated book itself")
            }
            guard paths.insert(path).inserted else { throw .invalidValue(field: "unit", value: s.path, reason: "listed twice") }
        }
    }

    private static func build(_ spec: ConsolidationSpec, at temp: String) throws(FiscalError) -> ConsolidationResult {
        let dept = try Book.create(at: temp, name: spec.name, year: spec.year, today: spec.today)
        let store = dept.store
        return try guarded {
            // The bulk settings of an import (a large page cache, foreign keys not checked row
            // by row — every reference written is to a row this transaction wrote or the chart's
            // accounts — and no WAL for a file no one else has open); `verify` checks them.
            try store.withBulkWriteSettings(cacheKiB: 64 * 1024) { try store.write {
                var engine = try PostingEngine(store: store)
                try engine.seed(year: spec.year)
                var result = ConsolidationResult(units: [], projects: 0, entries: 0, postings: 0, matched: [], unmatched: [],
                                                 closed: true, rebuilt: false)
                var transfers: [UnitTransfer] = []
                // The units' entries are written as an import writes: the per-row triggers step
                // aside inside this transaction and the totals are kept by the writer.
                let triggers = try store.suspendRowTriggers()
                for source in spec.sources {
                    let unit = try Book.open(at: source.path, access: .read)
                    try unit.store.read {
                        try consolidateUnit(source, unit.store, into: dept, engine: &engine, spec: spec, result: &result,
                                            transfers: &transfers)
                    }
                }
                try store.restoreTriggers(triggers)
                let units = Set(spec.sources.map(\.name))
                (result.matched, result.unmatched) = TransferMatching.match(transfers, units: units)
                // The eliminations are posted with the row triggers back, which keep monthly_total;
                // the totals by unit are kept here.
                let projects = result.matched.isEmpty ? [:] : Dictionary(uniqueKeysWithValues: try store.projects().map { ($0.id, $0) })
                for pair in result.matched {
                    for draft in try eliminations(pair, projectID: { try store.project(code: $0)?.id }) {
                        _ = try dept.post(draft, engine: &engine)
                        result.entries += 1
                        result.postings += draft.postings.count
                        try store.addToUnitTotals(draft.postings.compactMap { p in
                            projects[p.projectID].map {
                                UnitMonthlyTotal(year: draft.date.year, unit: $0.unit ?? "", kind: $0.kind, account: p.account,
                                                 month: draft.date.month, amount: p.amount)
                            }
                        })
                    }
                }
                if result.closed {
                    try store.insertYearEvent(spec.year, action: "close", date: spec.today,
                                              reason: "closed in every unit book consolidated")
                    try store.setYearStatus(spec.year, closed: true)
                }
                // Last: a book with units recorded takes no recording, which is what it now is.
                for u in result.units { try store.insertConsolidatedUnit(u) }
                return result
            } }
        }
    }

    /// One unit, read in its own read transaction: its seal, projects, contracts, monthly
    /// totals (one entry per month) and its transfers to and from other units.
    private static func consolidateUnit(_ source: ConsolidationSource, _ unit: any Store, into dept: Book,
                                        engine: inout PostingEngine, spec: ConsolidationSpec, result: inout ConsolidationResult,
                                        transfers: inout [UnitTransfer]) throws {
        let store = dept.store
        if try unit.isConsolidated() {
            throw FiscalError.refused("unit book '\(source.path)' is itself a consolidated book")
        }
        guard let status = try unit.yearStatus(spec.year) else {
            throw FiscalError.refused("unit book '\(source.path)' (\(source.name)) has no year \(spec.year)")
        }
        if status != .closed { result.closed = false }
        let bookName = try unit.bookName()
        let seal: Seal
        if let last = try unit.lastEntry() {
            seal = Seal(asOf: spec.today, entryID: last.id, hash: last.hash ?? [])
        } else {
            seal = Seal(asOf: spec.today, entryID: 0, hash: try unit.bookHash())
        }
        result.units.append(ConsolidatedUnit(name: source.name, path: source.path, bookName: bookName, seal: seal))

        var ids: [Int64: Int64] = [:]
        var written: ClosedRange<Int64>?
        var codes: [Int64: String] = [:]
        // In the unit's id order, so that the unit's totals, read in their key order (project
        // id first), are in the consolidated book's key order too: written as they are read.
        var kinds: [Int64: ProjectKind] = [:]
        for p in try unit.projects().sorted(by: { $0.id < $1.id }) {
            let code = "\(source.name)/\(p.code)"
            guard code.count <= 64 else {
                throw FiscalError.invalidValue(field: "unit", value: source.name,
                                               reason: "project \(p.code) qualified as \(code) is longer than 64 characters; give the unit a shorter name")
            }
            var copy = p
            copy.code = code
            copy.unit = source.name
            copy.status = .active
            let id = try store.insertProject(copy)
            if p.status != .active {
                try store.setProjectStatus(id: id, status: p.status, date: spec.today, reason: "as in the book of \(source.name)")
            }
            ids[p.id] = id
            kinds[id] = p.kind
            written = (written?.lowerBound ?? id)...id
            codes[p.id] = p.code
            result.projects += 1
        }
        let hashes = try written.map { try store.projectHashes(ids: $0) } ?? [:]
        var contractIDs: [Int64: Int64] = [:]
        for var c in try unit.contractRows() {
            guard let project = ids[c.projectID] else { continue }
            let original = c.id
            c.number = "\(source.name)/\(c.number)"
            c.projectID = project
            contractIDs[original] = try store.insertContract(c)
        }
        var tagged: [UnitTotalKey: [(contract: Int64, amount: Int64)]] = [:]
        for s in try unit.contractSums(year: spec.year) {
            guard let contract = contractIDs[s.contractID] else { continue }
            tagged[UnitTotalKey(code: "\(s.projectID)", account: s.account.rawValue, econ: s.econ, month: s.month), default: []]
                .append((contract, s.amount))
        }

        // A month of the unit is one entry, admitted by the posting engine and written as an
        // import writes. The unit's totals are read in their key order and each becomes a
        // posting of its month's entry (split by contract where tagged) and the same total in
        // the consolidated book, written as read: memory holds one unit's postings.
        var months = [[Posting]](repeating: [], count: 13)
        var byUnit: [UnitTotalSlot: Int64] = [:]
        var econs: [String: EconomicCode?] = [:]
        var totals: [(key: ConsolidatedTotalKey, amount: Int64, postings: Int64)] = []
        func writeTotals() throws {
            try store.insertConsolidatedTotals(totals)
            totals.removeAll(keepingCapacity: true)
        }
        try unit.forEachMonthlyTotal(year: spec.year) { t in
            guard let project = ids[t.projectID], (1...12).contains(t.month) else {
                throw FiscalError.refused("unit book '\(source.path)': a total names project #\(t.projectID) or month \(t.month), which it does not have")
            }
            let econ: EconomicCode?
            if t.econ.isEmpty { econ = nil } else if let known = econs[t.econ] { econ = known } else {
                econ = EconomicCode(t.econ)
                econs[t.econ] = econ
            }
            var rest = t.amount.fen
            var count: Int64 = 0
            if !tagged.isEmpty {
                for c in tagged[UnitTotalKey(code: "\(t.projectID)", account: t.account.rawValue, econ: t.econ, month: t.month)] ?? [] {
                    months[t.month].append(Posting(t.account, project: project, econ: econ, Money(fen: c.amount), contract: c.contract))
                    rest -= c.amount
                    count += 1
                }
            }
            if rest != 0 {
                months[t.month].append(Posting(t.account, project: project, econ: econ, Money(fen: rest)))
                count += 1
            }
            totals.append((ConsolidatedTotalKey(year: spec.year, project: project, account: t.account, econ: econ?.code ?? "",
                                                month: t.month), t.amount.fen, count))
            byUnit[UnitTotalSlot(kind: kinds[project] ?? .project, account: t.account, month: t.month), default: 0] += t.amount.fen
            if totals.count == 4_096 { try writeTotals() }
        }
        try writeTotals()
        for month in 1...12 where !months[month].isEmpty {
            let ym = YearMonth(year: spec.year, month: month)!
            var draft = EntryDraft(date: ym.lastDay, kind: .consolidate, doc: seal.token,
                                   memo: "\(source.name) \(spec.year)年\(month)月 汇总（\(bookName)）",
                                   ref: "consolidate/\(source.name)/\(ym)", postings: months[month])
            draft.counterpartUnit = source.name
            _ = try dept.postEntry(draft, engine: &engine,
                                   write: { try store.insertConsolidatedEntry($0, projectHash: { hashes[$0] }) })
            result.entries += 1
            result.postings += months[month].count
            months[month] = []
        }
        try store.addToUnitTotals(byUnit.filter { $0.value != 0 }.map {
            UnitMonthlyTotal(year: spec.year, unit: source.name, kind: $0.key.kind, account: $0.key.account, month: $0.key.month,
                             amount: Money(fen: $0.value))
        }.sorted { ($0.kind.rawValue, $0.account.rawValue, $0.month) < ($1.kind.rawValue, $1.account.rawValue, $1.month) })

        for e in try unit.unitTransferEntries(year: spec.year) {
            guard let kind = EntryKind(rawValue: e.kind), let side = kind.unitTransferSide,
                  let date = Day(e.date) else { continue }
            let leg: (account: Account, project: Int64, econ: String?, amount: Int64)?
            switch side {
            case .payer: leg = e.postings.first { $0.account == .paid }
            case .receiver: leg = e.postings.first { $0.account.isResource }
            }
            guard let leg, let code = codes[leg.project] else { continue }
            transfers.append(UnitTransfer(unit: source.name, counterpart: e.unit, side: side, entryID: e.id, date: date,
                                          amount: Money(fen: abs(leg.amount)),
                                          doc: e.doc, projectCode: code, account: leg.account, econ: leg.econ))
        }
    }

    /// The two entries that take a matched transfer out of the consolidation, each dated as
    /// its side was recorded: on the payer's project the payment becomes authority passed on
    /// (Dr paid / Cr transfer), on the receiver's the receipt becomes authority passed in
    /// (Dr transfer / Cr initial or addition). Nothing is counted twice — the department's
    /// budget and payments are each unit's less the transfer — and each project keeps its
    /// available and balances on its own.
    static func eliminations(_ pair: MatchedTransfer, projectID: (String) throws -> Int64?) throws -> [EntryDraft] {
        let p = pair.payer, r = pair.receiver
        guard let payerProject = try projectID("\(p.unit)/\(p.projectCode)"),
              let receiverProject = try projectID("\(r.unit)/\(r.projectCode)") else {
            throw FiscalError.refused("a transfer names a project that is not in the consolidation")
        }
        let x = p.amount
        let memo = "\(p.unit) → \(r.unit) \(x.formatted(grouping: true)) 元（\(p.unit) entry \(p.entryID) ↔ \(r.unit) entry \(r.entryID)）"
        var payer = EntryDraft(date: p.date, kind: .eliminate, doc: p.doc, memo: memo, ref: "eliminate/\(p.unit)/\(p.entryID)",
                               postings: [Posting(.paid, project: payerProject, econ: p.econ.flatMap(EconomicCode.init), x),
                                          Posting(.transfer, project: payerProject, -x)])
        payer.counterpartUnit = r.unit
        var receiver = EntryDraft(date: r.date, kind: .eliminate, doc: r.doc, memo: memo, ref: "eliminate/\(r.unit)/\(r.entryID)",
                                  postings: [Posting(.transfer, project: receiverProject, x),
                                             Posting(r.account, project: receiverProject, econ: r.econ.flatMap(EconomicCode.init), -x)])
        receiver.counterpartUnit = p.unit
        return [payer, receiver]
    }
}
