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
        let (units, year) = try guarded { try store.read { (try store.consolidatedUnits(), try store.years().first?.year) } }
        guard let year else { return [] }
        var found: [UnitVerification] = []
        for u in units {
            let path = unitsDirectory.map { ($0 as NSString).appendingPathComponent((u.path as NSString).lastPathComponent) } ?? u.path
            var reasons: [String] = []
            let (docs, held) = try guarded {
                try store.read { (try store.consolidateDocs(unit: u.name), try store.consolidatedSums(unit: u.name, year: year)) }
            }
            if docs.contains(where: { $0 != u.seal.token }) {
                reasons.append("its recorded seal differs from the one its consolidate entries carry (the consolidated book was altered)")
            }
            guard FileManager.default.fileExists(atPath: path) else {
                found.append(UnitVerification(unit: u, path: path, state: reasons.isEmpty ? .missing : .changed(reasons), entriesSince: 0))
                continue
            }
            let book = try Book.open(at: path, access: .read)
            let check = try book.check(u.seal)
            if let broken = check.broken { reasons.append("it no longer extends its seal \(u.seal.short): \(broken)") }
            let (since, totals) = try guarded {
                try book.store.read { () throws -> (Int, [UnitTotalKey: Int64]) in
                    let last = try book.store.lastEntry()?.id ?? 0
                    let codes = Dictionary(uniqueKeysWithValues: try book.store.projects().map { ($0.id, $0.code) })
                    var totals: [UnitTotalKey: Int64] = [:]
                    if try book.store.yearStatus(year) != nil {
                        try book.store.forEachMonthlyTotal(year: year) { t in
                            let key = UnitTotalKey(code: "\(u.name)/\(codes[t.projectID] ?? "#\(t.projectID)")",
                                                   account: t.account.rawValue, econ: t.econ, month: t.month)
                            totals[key, default: 0] += t.amount.fen
                        }
                    }
                    return (Int(max(0, last - u.seal.entryID)), totals)
                }
            }
            if since > 0 { reasons.append("\(since) entr\(since == 1 ? "y" : "ies") recorded after its seal") }
            let differing = Set(totals.keys).union(held.keys).filter { (totals[$0] ?? 0) != (held[$0] ?? 0) }
                .sorted { ($0.code, $0.month, $0.account, $0.econ) < ($1.code, $1.month, $1.account, $1.econ) }
            if let first = differing.first {
                reasons.append("its totals of \(year) differ in \(differing.count) place\(differing.count == 1 ? "" : "s"), first \(first.code) "
                    + "\(first.account)\(first.econ.isEmpty ? "" : " \(first.econ)") in month \(first.month): "
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
