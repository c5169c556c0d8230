import Foundation

/// What `verify` found of one unit book of a consolidated book.
public struct UnitVerification: Sendable {
    public enum State: Sendable, Equatable {
        /// The unit book still extends its seal and gives the same totals.
        case unchanged
        /// It was changed after the consolidation: why, one line each.
        case changed([String])
        /// No book at the path looked at: not checked.
        case missing
    }
    public var unit: ConsolidatedUnit
    /// Where the unit book was looked for.
    public var path: String
    public var state: State
    /// Entries recorded in the unit book after its seal (none when unchanged).
    public var entriesSince: Int
}

extension Book {
    /// Checks each unit book of a consolidated book (at its recorded path, or by file name in
    /// `unitsDirectory`): that it still extends the seal it was taken at, and that its totals
    /// of the consolidated year are still what the consolidated book holds. Also that each
    /// recorded seal is the one its (hash-chained) consolidate entries carry.
    public func verifyUnits(unitsDirectory: String? = nil) throws(FiscalError) -> [UnitVerification] {
        let (units, year, projects) = try guarded {
            try store.read { (try store.consolidatedUnits(), try store.years().first?.year, try store.projects()) }
        }
        guard let year else { return [] }
        // Totals are compared by the consolidated book's project ids: each unit's project maps
        // to the one qualified by its unit (`一分局/XM01`), once per project, not per total.
        let idByCode = Dictionary(projects.map { ($0.code, $0.id) }, uniquingKeysWith: { a, _ in a })
        let codeByID = Dictionary(projects.map { ($0.id, $0.code) }, uniquingKeysWith: { a, _ in a })
        var found: [UnitVerification] = []
        for u in units {
            let path = unitsDirectory.map { ($0 as NSString).appendingPathComponent((u.path as NSString).lastPathComponent) } ?? u.path
            var reasons: [String] = []
            let docs = try guarded { try store.read { try store.consolidateDocs(unit: u.name) } }
            if docs.contains(where: { $0 != u.seal.token }) {
                reasons.append("its recorded seal differs from the one its consolidate entries carry (the consolidated book was altered)")
            }
            guard FileManager.default.fileExists(atPath: path) else {
                found.append(UnitVerification(unit: u, path: path, state: reasons.isEmpty ? .missing : .changed(reasons), entriesSince: 0))
                continue
            }
            let held = try guarded { try store.read { try store.consolidatedSums(unit: u.name, year: year) } }
            let book = try Book.open(at: path, access: .read)
            let check = try book.check(u.seal)
            if let broken = check.broken { reasons.append("it no longer extends its seal \(u.seal.short): \(broken)") }
            // A unit's project the consolidated book does not have gets a key of its own (its
            // id negated), so its totals differ from nothing held.
            var unknown: [Int64: String] = [:]
            let (since, totals) = try guarded {
                try book.store.read { () throws -> (Int, [HeldTotalKey: Int64]) in
                    let last = try book.store.lastEntry()?.id ?? 0
                    var mapped: [Int64: Int64] = [:]
                    for p in try book.store.projects() {
                        let code = "\(u.name)/\(p.code)"
                        if let id = idByCode[code] { mapped[p.id] = id } else { mapped[p.id] = -p.id; unknown[-p.id] = code }
                    }
                    var totals: [HeldTotalKey: Int64] = [:]
                    totals.reserveCapacity(held.count)
                    if try book.store.yearStatus(year) != nil {
                        try book.store.forEachMonthlyTotal(year: year) { t in
                            let project = mapped[t.projectID] ?? -t.projectID
                            if mapped[t.projectID] == nil { unknown[project] = "\(u.name)/#\(t.projectID)" }
                            totals[HeldTotalKey(project: project, account: t.account, econ: t.econ, month: t.month), default: 0] &+= t.amount.fen
                        }
                    }
                    return (Int(max(0, last - u.seal.entryID)), totals)
                }
            }
            if since > 0 { reasons.append("\(since) entr\(since == 1 ? "y" : "ies") recorded after its seal") }
            var differing: [HeldTotalKey] = []
            for (key, amount) in totals where (held[key] ?? 0) != amount { differing.append(key) }
            for (key, amount) in held where amount != 0 && totals[key] == nil { differing.append(key) }
            func code(_ project: Int64) -> String { codeByID[project] ?? unknown[project] ?? "#\(project)" }
            if let first = differing.min(by: { (code($0.project), $0.month, $0.account.rawValue, $0.econ)
                                                < (code($1.project), $1.month, $1.account.rawValue, $1.econ) }) {
                reasons.append("its totals of \(year) differ in \(differing.count) place\(differing.count == 1 ? "" : "s"), first \(code(first.project)) "
                    + "\(first.account.rawValue)\(first.econ.isEmpty ? "" : " \(first.econ)") in month \(first.month): "
                    + "unit \(Money(fen: totals[first] ?? 0).formatted(grouping: true)), consolidated \(Money(fen: held[first] ?? 0).formatted(grouping: true))")
            }
            // Entries after the seal that leave the year's totals as they were (another year, a
            // payment and its reversal) still make the consolidation stale: named, not hidden.
            found.append(UnitVerification(unit: u, path: path, state: reasons.isEmpty ? .unchanged : .changed(reasons),
                                          entriesSince: since))
        }
        return found
    }
}

extension Book {
    /// ``verify()`` and, on a consolidated book, ``verifyUnits(unitsDirectory:)``, at once: the
    /// unit books are checked on a connection and thread of their own while this one scans the
    /// consolidated ledger, so the two cost about the longer of them, not their sum. `units`
    /// is nil for a book that is not consolidated.
    public func verifyWithUnits(unitsDirectory: String? = nil) throws(FiscalError)
        -> (violations: [Violation], units: [UnitVerification]?) {
        guard try isConsolidated() else { return (try verify(), nil) }
        guard path != ":memory:" else { return (try verify(), try verifyUnits(unitsDirectory: unitsDirectory)) }
        let background = UnitsCheck()
        let path = self.path
        Thread.detachNewThread {
            do {
                background.result = .success(try Book.open(at: path, access: .read).verifyUnits(unitsDirectory: unitsDirectory))
            } catch {
                background.result = .failure((error as? FiscalError) ?? .refused("\(error)"))
            }
            background.done.signal()
        }
        let violations: [Violation]
        do {
            violations = try verify()
        } catch {
            background.done.wait()
            throw error
        }
        background.done.wait()
        return (violations, try background.result.get())
    }
}

/// The unit books' check, run beside the consolidated book's own.
private final class UnitsCheck: @unchecked Sendable {
    let done = DispatchSemaphore(value: 0)
    var result: Result<[UnitVerification], FiscalError> = .success([])
}
