/// What the core needs from a book's storage: the seam between the ledger and SQLite. The
/// operations, reports and the import depend on this protocol only; ``SQLiteStore`` is the
/// one implementation today, and a server store for a consolidated bureau (DESIGN §10) would
/// be another. Every method runs inside the caller's transaction (``write(_:)``/``read(_:)``).
protocol Store {
    // Transactions
    func write<T>(_ body: () throws -> T) throws -> T
    func read<T>(_ body: () throws -> T) throws -> T
    var isInTransaction: Bool { get }

    // Schema and book
    func schemaVersion() throws -> Int
    func hasBookTable() throws -> Bool
    func createSchema() throws
    func migrate(from version: Int) throws
    func insertBook(name: String, firstYear: Int) throws
    func bookName() throws -> String

    // Years
    func yearStatus(_ year: Int) throws -> YearStatus?
    func years() throws -> [(year: Int, closed: Bool)]
    func insertYear(_ year: Int, date: Day, reason: String?) throws
    func setYearStatus(_ year: Int, closed: Bool) throws
    func insertYearEvent(_ year: Int, action: String, date: Day, reason: String?) throws
    func yearEvents(_ year: Int) throws -> [(action: String, date: String, reason: String?)]
    func unreversedEntries(year: Int, kind: EntryKind) throws -> [Int64]
    func latestClosedYear() throws -> Int?

    // Projects
    func insertProject(_ p: Project) throws -> Int64
    func project(code: String) throws -> Project?
    func projects() throws -> [Project]
    func projectCode(id: Int64) throws -> String?
    func setProjectStatus(id: Int64, status: ProjectStatus, date: Day, reason: String?) throws

    // Contracts (issue 14)
    func insertContract(_ c: Contract) throws -> Int64
    func contract(number: String) throws -> Contract?
    func contracts() throws -> [Contract]
    func contractNumber(id: Int64) throws -> String?
    func contractIndex() throws -> [String: (id: Int64, project: Int64, econ: String)]
    func contractOpen(year: Int, contract: Int64?, _ body: (_ contract: Int64, _ open: Int64) -> Void) throws
    func contractBalances() throws -> [ContractBalance]
    func contractCarried(year: Int) throws -> [Int64: Money]
    func procurementFigures(year: Int) throws -> [(contract: Int64, committed: Money, paid: Money)]
    func contractHashes() throws -> [Int64: [UInt8]]
    func contractHash(id: Int64) throws -> [UInt8]?

    // Project aliases (the names reports use for a project)
    func projectAliases() throws -> [ProjectAlias]
    func insertProjectAlias(_ alias: String, project: Int64, date: Day) throws
    func deleteProjectAlias(_ alias: String) throws

    // Local codes
    func localCodes() throws -> [LocalCode]
    func insertLocalCode(_ code: LocalCode, date: Day) throws

    // Import batches
    func insertImportBatch(_ batch: ImportBatchRecord) throws -> Int64
    func importBatches() throws -> [ImportBatchRecord]
    func insertImportUndo(batch: Int64, date: Day, reason: String, entries: ClosedRange<Int64>?) throws

    // Entries
    func insertEntry(_ draft: EntryDraft) throws -> Int64
    func refExists(_ ref: String) throws -> Bool
    func entry(id: Int64) throws -> JournalEntry?
    func postings(entryID: Int64) throws -> [Posting]
    func journal(_ filter: JournalFilter) throws -> [JournalEntry]
    func forEachEntry(_ filter: JournalFilter, _ body: (JournalEntry) throws -> Void) throws
    func postedAccounts(year: Int?) throws -> [(account: Account, project: String, econ: String?)]
    func hasEntryDetails(year: Int?) throws -> Bool

    // Import profiles (saved column mappings; configuration, not history)
    func importProfiles() throws -> [ImportProfile]
    func insertImportProfile(_ profile: ImportProfile) throws
    func deleteImportProfile(name: String) throws -> Bool

    // Maintained totals
    func monthlyTotals(year: Int, throughMonth: Int) throws -> [MonthlyTotal]
    func yearMagnitude(year: Int) throws -> Int128
    func ownAuthorityLines(year: Int, project: Int64) throws -> [String: Money]
    func availabilitySeed(year: Int, project: Int64?,
                          _ body: (_ projectID: Int64, _ econ: String, _ available: Int64, _ ownAuthority: Bool) -> Void) throws

    // Checks (`verify`)
    func structuralViolations() throws -> [Violation]
    func totalsViolations() throws -> [Violation]
    func schemaViolations() throws -> [Violation]
    func chainViolations() throws -> [Violation]
    func firstRewrittenEntry() throws -> Int64?
    func lastEntry() throws -> (id: Int64, date: String, hash: [UInt8]?)?
    func entryHash(id: Int64) throws -> (date: String, hash: [UInt8]?)?
    func entriesAfter(id: Int64, datedThrough date: String) throws -> [(id: Int64, date: String)]
    func bookHash() throws -> [UInt8]
    func forEachEntryHeader(_ body: (_ id: Int64, _ date: UnsafeBufferPointer<UInt8>, _ year: Int64,
                                       _ kind: UnsafeBufferPointer<UInt8>) throws -> Void) throws
    func forEachPostingRow(_ body: (PostingRow) throws -> Void) throws
    func postingParents() throws -> (accounts: [String], contracts: [Int64: (project: Int64, number: String)])
    func forEachStoredTotal(_ body: (_ year: Int64, _ project: Int64, _ account: UnsafeBufferPointer<UInt8>,
                                     _ econ: UnsafeBufferPointer<UInt8>, _ month: Int64, _ amount: Int64,
                                     _ postings: Int64) throws -> Void) throws
    func monthlyTotalCount() throws -> Int
    func postingSums(entryID: Int64) throws -> [(project: Int64, sum: Int64)]

    // Consolidation (部门汇总): reading a unit book, keeping its units in the consolidated one
    func isConsolidated() throws -> Bool
    func forEachMonthlyTotal(year: Int, _ body: (MonthlyTotal) throws -> Void) throws
    func contractSums(year: Int) throws -> [ContractSum]
    func contractRows() throws -> [ContractRow]
    func insertContract(_ c: ContractRow) throws -> Int64
    func unitTransferEntries(year: Int) throws -> [(id: Int64, date: String, kind: String, doc: String?, unit: String,
                                                   postings: [(account: Account, project: Int64, econ: String?, amount: Int64)])]
    func insertConsolidatedUnit(_ u: ConsolidatedUnit) throws
    func insertConsolidatedEntry(_ draft: EntryDraft, projectHash: (Int64) -> [UInt8]?) throws -> Int64
    func insertConsolidatedTotals(_ sums: [(key: ConsolidatedTotalKey, amount: Int64, postings: Int64)]) throws
    func addToUnitTotals(_ sums: [UnitMonthlyTotal]) throws
    func unitTotals(year: Int, throughMonth: Int) throws -> [UnitMonthlyTotal]?
    func allUnitTotals() throws -> [UnitMonthlyTotal]
    func projectHashes(ids: ClosedRange<Int64>) throws -> [Int64: [UInt8]]
    func consolidatedUnits() throws -> [ConsolidatedUnit]
    func consolidateDocs(unit: String) throws -> [String]
    func consolidatedSums(unit: String, year: Int) throws -> [HeldTotalKey: Int64]
    func eliminationPostings(year: Int) throws -> [EliminationPosting]

    // The bulk path (an import): how many rows reach the book at once
    func withBulkWriteSettings<T>(cacheKiB: Int, _ body: () throws -> T) throws -> T
    func hasRefs() throws -> Bool
    func entryID(ref: UnsafeBufferPointer<UInt8>) throws -> Int64?
    func refExists(utf8 ref: UnsafeBufferPointer<UInt8>) throws -> Bool
    func reversedEntry(ref: String) throws -> (entry: Int64, reversal: Int64)?
    func nextEntryID() throws -> Int64
    func chainHead(_ table: String) throws -> [UInt8]
    func projectHashes() throws -> [Int64: [UInt8]]
    func suspendRowTriggers() throws -> [String]
    func restoreTriggers(_ texts: [String]) throws
    func insertEntries(_ rows: ArraySlice<ImportEntryRow>) throws
    func insertPostings(_ rows: ArraySlice<ImportPostingRow>) throws
    func addToMonthlyTotals(_ sums: MonthlySums, econCodes: [String]) throws
    func savepoint(_ name: String) throws
    func rollbackTo(_ name: String) throws
    func release(_ name: String) throws
}

extension Store {
    func monthlyTotals(year: Int) throws -> [MonthlyTotal] { try monthlyTotals(year: year, throughMonth: 12) }
}

extension SQLiteStore: Store {}
