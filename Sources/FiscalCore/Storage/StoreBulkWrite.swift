/// Bulk writes (an import) keep the invariants the per-row triggers keep, but in one pass:
/// the import checks open years itself and adds its postings to `monthly_total` once per
/// (year, project, account, code, month) instead of once per posting. For that the three
/// per-row triggers are dropped inside the import's transaction and re-created, from their
/// exact text, before it commits: no other connection ever sees the book without them, and a
/// failed import rolls the drop back with everything else. The CHECK constraints are off for
/// as long (``Database/suspendChecks()``): what the bulk path writes was checked by the rules
/// they repeat.
extension SQLiteStore {
    static let rowTriggers = ["entry_open_year", "posting_open_year", "posting_total", "entry_no_replace", "posting_no_replace"]

    /// Drops the per-row triggers; returns their CREATE statements as stored.
    func suspendRowTriggers() throws -> [String] {
        precondition(db.isInTransaction, "triggers may only be suspended inside the write transaction")
        var texts: [String] = []
        for name in SQLiteStore.rowTriggers {
            guard let sql = try db.cached("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?")
                .first([name], { try $0.text("sql") }) else { continue }
            texts.append(sql)
            try db.execute("DROP TRIGGER \(name)")
        }
        try db.suspendChecks()
        return texts
    }

    func restoreTriggers(_ texts: [String]) throws {
        for sql in texts { try db.execute(sql) }
        db.resumeChecks()
    }

    /// Adds summed postings to the maintained totals.
    func addToMonthlyTotals(_ sums: MonthlySums, econCodes: [String]) throws {
        let upsert = try db.cached("""
            INSERT INTO monthly_total (year, project_id, account, econ, month, amount, postings) VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (year, project_id, account, econ, month)
            DO UPDATE SET amount = amount + excluded.amount, postings = postings + excluded.postings
            """)
        try sums.forEach(econCodes: econCodes) { year, project, account, econ, month, amount, postings in
            try upsert.run([year, project, account.rawValue, econ, month, amount, postings])
        }
    }
}

/// Postings summed per `monthly_total` key while an import writes them. The key is packed
/// into one integer (year, project, economic code, account, month by their indexes), which
/// hashes several times faster than the strings, a difference a million postings feel.
struct MonthlySums {
    private struct Sum {
        var amount: Int64 = 0
        var postings: Int64 = 0
        mutating func add(_ a: Int64) { amount += a; postings += 1 }
    }
    private var sums: [UInt64: Sum] = [:]
    /// Index → id for the project the packed key holds.
    let projectIDs: [Int64]

    init(projectIDs: [Int64]) {
        precondition(projectIDs.count < 1 << 26)
        self.projectIDs = projectIDs
    }

    static let accounts = Account.allCases

    static func index(of account: Account) -> Int { accounts.firstIndex(of: account)! }

    mutating func add(year: Int, project: Int, econ: Int, account: Int, month: Int, amount: Int64) {
        let key = UInt64(year) << 50 | UInt64(project) << 24 | UInt64(econ) << 8 | UInt64(account) << 4 | UInt64(month)
        sums[key, default: Sum()].add(amount)  // one hash look-up per posting, not two
    }

    /// `econCodes`: index → code, as the import interned them (it may grow while it reads).
    func forEach(econCodes: [String], _ body: (_ year: Int, _ project: Int64, _ account: Account, _ econ: String, _ month: Int,
                          _ amount: Int64, _ postings: Int64) throws -> Void) rethrows {
        for (key, value) in sums {
            try body(Int(key >> 50), projectIDs[Int(key >> 24 & 0x3FF_FFFF)], MonthlySums.accounts[Int(key >> 4 & 0xF)],
                     econCodes[Int(key >> 8 & 0xFFFF)], Int(key & 0xF), value.amount, value.postings)
        }
    }
}

extension SQLiteStore {
    func savepoint(_ name: String) throws { try db.execute("SAVEPOINT \(name)") }

    /// Undoes everything since the savepoint and ends it.
    func rollbackTo(_ name: String) throws { try db.execute("ROLLBACK TO \(name); RELEASE \(name)") }

    func release(_ name: String) throws { try db.execute("RELEASE \(name)") }
}
