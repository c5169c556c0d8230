/// How admitted rows reach SQLite: the one way the bulk path differs from a single command.
/// Entries and postings go in many rows per statement with the per-row triggers suspended,
/// and their sums go into `monthly_total` once per key (see StoreBulkWrite.swift). What is
/// posted comes from the same legs as every other path (``EventImport/legPosting(_:_:projectIDs:)``).
///
/// A writer is used by one thread at a time: the import's own, or the pipeline's
/// (ImportPipeline.swift), never both at once.
final class BulkWriter: @unchecked Sendable {
    private let store: any Store
    private let projectIDs: [Int64]
    private var nextID: Int64
    private let suspended: [String]
    private var sums: MonthlySums
    /// The chain: the hash the next entry follows, and each project's hash by id.
    private var previous: [UInt8]
    private let projectHashes: [Int64: [UInt8]]
    /// Years the import opened that are in the book already.
    private var yearsInserted: Set<Int> = []

    /// Suspends the per-row triggers (inside the import's transaction) and numbers entries
    /// from the book's next id.
    init(store: any Store, projectIDs: [Int64]) throws {
        self.store = store
        self.projectIDs = projectIDs
        nextID = try store.nextEntryID()
        suspended = try store.suspendRowTriggers()
        sums = MonthlySums(projectIDs: projectIDs)
        previous = try store.chainHead("entry")
        projectHashes = try store.projectHashes()
    }

    /// Writes admitted rows (`order` indexes `events`) as entries and postings; years the
    /// import opened go into the book before their first entry. `econCodes` are the posting
    /// engine's codes, as many as `events` use.
    func write(_ events: [ImportedEvent], order: [Int32], arena: [UInt8], econCodes: [String], yearsOpened: [Int],
               progress: ((Int) -> Void)? = nil) throws {
        for year in yearsOpened where !yearsInserted.contains(year) {
            guard let first = order.first(where: { events[Int($0)].year == year }) else { continue }
            try store.insertYear(year, date: events[Int(first)].day, reason: "first entry of the year")
            yearsInserted.insert(year)
        }
        let batch = ImportBatch(econCodes: econCodes)
        var date = [UInt8](repeating: 0, count: 10)
        var record = ChainRecord(table: "entry")
        try arena.withUnsafeBufferPointer { text in
            for (n, i) in order.enumerated() {
                let e = events[Int(i)]
                var at = e.text
                func slice(_ length: UInt32) -> UnsafeBufferPointer<UInt8>? {
                    defer { at += Int(length) }
                    return length == 0 ? nil : UnsafeBufferPointer(rebasing: text[at..<(at + Int(length))])
                }
                let id = nextID
                nextID += 1
                let doc = slice(e.docLength), memo = slice(e.memoLength), ref = slice(e.refLength)
                let legs = e.kind.legs
                // The chain (DESIGN §9): each entry's hash follows the one before it.
                date.withUnsafeMutableBufferPointer { d in
                    writeDate(e.date, into: d)
                    record.startImportedEntry(id: id, date: UnsafeBufferPointer(d), year: Int64(e.year), kind: e.kind.staticName,
                                              doc: doc, memo: memo, ref: ref, overdraft: e.overdraft, postings: legs.count)
                }
                for leg in legs {
                    let p = EventImport.legPosting(leg, e, projectIDs: projectIDs)
                    record.posting(account: p.account.staticName, project: projectHashes[p.project],
                                   econ: batch.econ(p.econ), amount: p.amount)
                }
                let hash = batch.nextHash()
                record.link(after: previous, into: hash.baseAddress!)
                previous = Array(hash)
                batch.entries.append(ImportEntryRow(id: id, date: e.date, kind: e.kind.staticName, doc: doc,
                                                    memo: memo, ref: ref, overdraft: e.overdraft, hash: UnsafeRawBufferPointer(hash)))
                for leg in legs {
                    let p = EventImport.legPosting(leg, e, projectIDs: projectIDs)
                    batch.append(entry: id, p)
                    sums.add(year: e.year, project: Int(leg.onReceiver ? e.toProject : e.project), econ: Int(p.econ),
                             account: MonthlySums.index(of: p.account), month: Int(e.date / 100 % 100), amount: p.amount)
                }
                if batch.entries.count == bulkInsertRows { try batch.flush(to: store) }
                if let progress, n & 0x3FFF == 0x3FFF { progress(n + 1) }
            }
            try batch.flush(to: store)
        }
    }

    /// Adds the summed postings to `monthly_total` and re-creates the per-row triggers.
    func finish(econCodes: [String]) throws {
        try store.addToMonthlyTotals(sums, econCodes: econCodes)
        try store.restoreTriggers(suspended)
    }
}

extension EventImport {
    /// Writes admitted rows in the given order, here and now (a file that was sorted).
    mutating func write(_ order: [Int32], reportingProgress: Bool = true) throws {
        if writer == nil { writer = try BulkWriter(store: store, projectIDs: projectIDs) }
        let total = order.count
        let report = reportingProgress ? progress : nil
        try writer!.write(events, order: order, arena: arena, econCodes: engine.availability.econCodes,
                          yearsOpened: result.yearsOpened,
                          progress: report.map { report in { report(ImportProgress(phase: .posting, done: $0, total: total)) } })
    }

    mutating func finishWriting() throws {
        try writer?.finish(econCodes: engine.availability.econCodes)
        writer = nil
    }
}

/// Rows waiting for one multi-row INSERT. The economic codes are bytes of one buffer the
/// batch owns, so a posting carries a pointer, not a string.
private final class ImportBatch {
    var entries: [ImportEntryRow] = []
    var postings: [ImportPostingRow] = []
    private let econBytes: UnsafeMutableBufferPointer<UInt8>
    private var econRanges: [Range<Int>] = []
    /// The entries' hashes, 32 bytes each, in the order of `entries`.
    private let hashes = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bulkInsertRows * SHA256Digest.size)

    /// Room for the next entry's hash.
    func nextHash() -> UnsafeMutableBufferPointer<UInt8> {
        let at = entries.count * SHA256Digest.size
        return UnsafeMutableBufferPointer(rebasing: hashes[at..<(at + SHA256Digest.size)])
    }

    init(econCodes: [String]) {
        let bytes = econCodes.flatMap { Array($0.utf8) }
        econBytes = .allocate(capacity: max(1, bytes.count))
        _ = econBytes.initialize(from: bytes)
        for code in econCodes {
            let start = econRanges.last?.upperBound ?? 0
            econRanges.append(start..<(start + code.utf8.count))
        }
        entries.reserveCapacity(bulkInsertRows)
        postings.reserveCapacity(bulkInsertRows * 4)
    }

    deinit { econBytes.deallocate(); hashes.deallocate() }

    /// An economic code's bytes by its index (nil for 0, none).
    func econ(_ index: UInt16) -> UnsafeBufferPointer<UInt8>? {
        index == 0 ? nil : UnsafeBufferPointer(rebasing: econBytes[econRanges[Int(index)]])
    }

    func append(entry: Int64, _ p: LegPosting) {
        let econ = econ(p.econ)
        postings.append(ImportPostingRow(entry: entry, account: p.account.staticName, project: p.project, econ: econ,
                                         amount: p.amount))
    }

    func flush(to store: any Store) throws {
        try store.insertEntries(entries[...])
        try store.insertPostings(postings[...])
        entries.removeAll(keepingCapacity: true)
        postings.removeAll(keepingCapacity: true)
    }
}
