/// How admitted rows reach SQLite: the one way the bulk path differs from a single command.
/// Entries and postings go in many rows per statement with the per-row triggers suspended,
/// and their sums go into `monthly_total` once per key (see StoreBulkWrite.swift). What is
/// posted comes from the same legs as every other path (``EventImport/legPosting(_:_:projectIDs:)``).
struct ImportWriter {
    var nextID: Int64
    let suspended: [String]
    var sums: MonthlySums
}

extension EventImport {
    /// Writes admitted rows (in the given order) as entries and postings; the first call
    /// suspends the per-row triggers.
    mutating func write(_ order: [Int32]) throws {
        if writer == nil {
            writer = ImportWriter(nextID: try store.nextEntryID(), suspended: try store.suspendRowTriggers(),
                                  sums: MonthlySums(projectIDs: projectIDs))
        }
        var w = writer!
        defer { writer = w }
        let batch = ImportBatch(econCodes: engine.availability.econCodes)
        try arena.withUnsafeBufferPointer { text in
            for (n, i) in order.enumerated() {
                let e = events[Int(i)]
                var at = e.text
                func slice(_ length: UInt32) -> UnsafeBufferPointer<UInt8>? {
                    defer { at += Int(length) }
                    return length == 0 ? nil : UnsafeBufferPointer(rebasing: text[at..<(at + Int(length))])
                }
                let id = w.nextID
                w.nextID += 1
                batch.entries.append(ImportEntryRow(id: id, date: e.date, kind: e.kind.staticName, doc: slice(e.docLength),
                                                    memo: slice(e.memoLength), ref: slice(e.refLength), overdraft: e.overdraft))
                for leg in e.kind.legs {
                    let p = EventImport.legPosting(leg, e, projectIDs: projectIDs)
                    batch.append(entry: id, p)
                    w.sums.add(year: e.year, project: Int(leg.onReceiver ? e.toProject : e.project), econ: Int(p.econ),
                               account: MonthlySums.index(of: p.account), month: Int(e.date / 100 % 100), amount: p.amount)
                }
                if batch.entries.count == bulkInsertRows { try batch.flush(to: store) }
                if let progress, !streaming, n & 0x3FFF == 0x3FFF {
                    progress(ImportProgress(phase: .posting, done: n + 1, total: order.count))
                }
            }
            try batch.flush(to: store)
        }
    }

    /// Adds the summed postings to `monthly_total` and re-creates the per-row triggers.
    mutating func finishWriting() throws {
        guard let w = writer else { return }
        try store.addToMonthlyTotals(w.sums, econCodes: engine.availability.econCodes)
        try store.restoreTriggers(w.suspended)
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

    deinit { econBytes.deallocate() }

    func append(entry: Int64, _ p: LegPosting) {
        let econ = p.econ == 0 ? nil : UnsafeBufferPointer(rebasing: econBytes[econRanges[Int(p.econ)]])
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
