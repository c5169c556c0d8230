/// Availability control (DESIGN §6), the one engine every path uses: a recording command, a
/// reversal, a reopen and the bulk import all check their postings here. It holds, in memory,
/// per year and project what is available and how much of it is earmarked for economic codes
/// with authority of their own, and per year, project and code, that code's available balance.
/// It is seeded from the book's maintained totals (``PostingEngine`` decides how much to seed)
/// and then follows every posting applied to it, so a batch needs no query per row.
///
/// Keys pack year, project id and economic code (an index into ``econCodes``, 0 for none) into
/// one integer, which hashes several times faster than strings — a million rows feel it.
struct AvailabilityState {
    struct Line {
        /// −Σ `available` postings tagged with the code: what the code has available.
        var available: Int64 = 0
        /// Whether a resource posting was tagged with the code: it is then a line of its own.
        var ownAuthority = false
        var earmarked: Int64 { ownAuthority ? max(0, available) : 0 }
    }

    struct ProjectYear {
        var available: Int64 = 0
        /// Σ of the positive balances of the codes with their own authority.
        var earmarked: Int64 = 0
    }

    private var projects: [UInt64: ProjectYear] = [:]
    private var lines: [UInt64: Line] = [:]
    /// Index → economic code ("" at 0, for none).
    private(set) var econCodes: [String] = [""]
    private var econIndex: [String: UInt16] = ["": 0]

    static func key(year: Int, project: Int64, econ: UInt16 = 0) -> UInt64 {
        UInt64(year) << 48 | UInt64(UInt32(truncatingIfNeeded: project)) << 16 | UInt64(econ)
    }

    /// The index of an economic code ("" → 0), adding it on first sight.
    mutating func intern(_ code: String) -> UInt16 {
        if let i = econIndex[code] { return i }
        let i = UInt16(econCodes.count)
        econIndex[code] = i
        econCodes.append(code)
        return i
    }

    /// Adds what the book already holds for a project and code in a year.
    mutating func seed(year: Int, project: Int64, econ: String, available: Int64, ownAuthority: Bool) {
        let e = intern(econ)
        if ownAuthority && e != 0 { grant(year: year, project: project, econ: e) }
        move(year: year, project: project, econ: e, by: available)
    }

    /// Follows one posting: an `available` leg moves what is available (a credit adds); a
    /// resource leg tagged with a code makes that code a line of its own.
    mutating func apply(_ p: LegPosting, year: Int) {
        if p.account == .available {
            move(year: year, project: p.project, econ: p.econ, by: -p.amount)
        } else if p.econ != 0 && p.account.isResource {
            grant(year: year, project: p.project, econ: p.econ)
        }
    }

    /// Each balance is changed in place, one hash look-up each (a million rows make two
    /// million moves).
    private mutating func move(year: Int, project: Int64, econ: UInt16, by delta: Int64) {
        var earmarkChange: Int64 = 0
        if econ != 0 {
            AvailabilityState.change(&lines[AvailabilityState.key(year: year, project: project, econ: econ), default: Line()]) { line in
                let before = line.earmarked
                line.available = line.available.clampedAdd(delta)
                earmarkChange = line.earmarked - before
            }
        }
        AvailabilityState.change(&projects[AvailabilityState.key(year: year, project: project), default: ProjectYear()]) {
            $0.available = $0.available.clampedAdd(delta)
            $0.earmarked += earmarkChange
        }
    }

    private static func change<T>(_ value: inout T, _ body: (inout T) -> Void) { body(&value) }

    private mutating func grant(year: Int, project: Int64, econ: UInt16) {
        let lk = AvailabilityState.key(year: year, project: project, econ: econ)
        var line = lines[lk] ?? Line()
        guard !line.ownAuthority else { return }
        line.ownAuthority = true
        projects[AvailabilityState.key(year: year, project: project), default: ProjectYear()].earmarked += line.earmarked
        lines[lk] = line
    }

    /// The first thing `uses` would overdraw, or nil when the state covers them all. `uses`
    /// are the debits to `available` of one entry, summed per project and code (DESIGN §6):
    /// a project may not go below zero as a whole, a code with authority of its own may not
    /// go below zero on its line, and spending on any other code may not reach into what is
    /// earmarked for those lines.
    func firstShortfall(year: Int, uses: [AuthorityUse]) -> Shortfall? {
        var i = 0
        while i < uses.count {
            let project = uses[i].project
            var end = i
            var used: Int64 = 0
            while end < uses.count && uses[end].project == project { used = used.clampedAdd(uses[end].amount); end += 1 }
            defer { i = end }
            guard used > 0 else { continue }
            let py = projects[AvailabilityState.key(year: year, project: project)] ?? ProjectYear()
            if py.available < used {
                return Shortfall(year: year, project: project, econ: nil, used: used, available: py.available, earmarked: nil)
            }
            var poolUse: Int64 = 0
            var earmarked = py.earmarked
            for use in uses[i..<end] where use.amount > 0 {
                guard use.econ != 0, let line = lines[AvailabilityState.key(year: year, project: project, econ: use.econ)],
                      line.ownAuthority else {
                    poolUse += use.amount
                    continue
                }
                if line.available < use.amount {
                    return Shortfall(year: year, project: project, econ: econCodes[Int(use.econ)], used: use.amount,
                                     available: line.available, earmarked: nil)
                }
                earmarked -= line.earmarked - max(0, line.available - use.amount)
            }
            let pool = py.available - earmarked
            if poolUse > 0 && pool < poolUse {
                return Shortfall(year: year, project: project, econ: nil, used: poolUse, available: pool, earmarked: earmarked)
            }
        }
        return nil
    }
}

/// One entry's use of a project's authority on one code (0: none), summed.
struct AuthorityUse {
    var project: Int64
    var econ: UInt16
    var amount: Int64
}

/// A posting as the engine sees it: the code interned, the amount in 分 (debit positive).
struct LegPosting {
    var account: Account
    var project: Int64
    var econ: UInt16
    var amount: Int64
    /// The contract's id, 0 for none (issue 14).
    var contract: Int64 = 0
}

/// What availability control refuses, as a value: the CLI and the import word it alike.
public struct Shortfall: Sendable, Equatable {
    public var year: Int
    public var project: Int64
    /// The economic code whose own line is short, or nil for the project (or its free pool).
    public var econ: String?
    public var used: Int64
    public var available: Int64
    /// Set when the free pool is short: what is earmarked for codes with their own authority.
    public var earmarked: Int64?

    /// `pay 1,200.00 exceeds available 1,000.00 of project JD01 in 2023`, and the variants for
    /// a code's line and the free pool.
    func message(verb: String, projectCode: String) -> String {
        var text = "\(verb) \(Money(fen: used)) exceeds available \(Money(fen: available)) of project \(projectCode)"
        if let econ { text += " econ \(econ)" }
        text += " in \(year)"
        if let earmarked { text += " (\(Money(fen: earmarked)) more is earmarked for specific economic codes)" }
        return text
    }
}

extension Int64 {
    /// `self + other`, held at the bounds instead of trapping: amounts seeded from a book
    /// forged past ``Money/yearCeiling`` must not crash a command (verify names that book).
    func clampedAdd(_ other: Int64) -> Int64 {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? (other > 0 ? .max : .min) : sum
    }
}
