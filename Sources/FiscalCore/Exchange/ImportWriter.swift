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
    private let suspended: [String]

    /// Suspends the per-row triggers (inside the import's transaction).
    init(store: any Store, projectIDs: [Int64]) throws {
        self.store = store
        self.projectIDs = projectIDs
        suspended = try store.suspendRowTriggers()
    }

    /// Writes admitted rows (`order` indexes `events`) as entries and postings, numbered from
    /// `firstID` with the chain's `hashes` (32 bytes each, in `order`, from ``ImportChain``).
    func write(_ events: [ImportedEvent], order: [Int32], arena: [UInt8], econs: EconomicCodeBytes,
               firstID: Int64, hashes: [UInt8], progress: ((Int) -> Void)? = nil) throws {
        let batch = ImportBatch(econs: econs)
        try arena.withUnsafeBufferPointer { text in
            try hashes.withUnsafeBytes { hashBytes in
                for (n, i) in order.enumerated() {
                    let e = events[Int(i)]
                    let id = firstID + Int64(n)
                    let (doc, memo, ref, payee, method) = e.texts(in: text)
                    let hash = UnsafeRawBufferPointer(rebasing: hashBytes[(n * SHA256Digest.size)..<((n + 1) * SHA256Digest.size)])
                    batch.entries.append(ImportEntryRow(id: id, date: e.date, kind: e.kind.staticName, doc: doc,
                                                        memo: memo, ref: ref, payee: payee, paymentMethod: method,
                                                        overdraft: e.overdraft, hash: hash))
                    for leg in e.legs {
                        batch.append(entry: id, EventImport.legPosting(leg, e, projectIDs: projectIDs))
                    }
                    if batch.entries.count == bulkInsertRows { try batch.flush(to: store) }
                    if let progress, n & 0x3FFF == 0x3FFF { progress(n + 1) }
                }
                try batch.flush(to: store)
            }
        }
    }

    /// Adds the summed postings to `monthly_total` and re-creates the per-row triggers.
    func finish(sums: MonthlySums, econCodes: [String]) throws {
        try store.addToMonthlyTotals(sums, econCodes: econCodes)
        try store.restoreTriggers(suspended)
    }
}

extension EventImport {
    /// Writes admitted rows in the given order, here and now (a file that was sorted).
    mutating func write(_ order: [Int32], reportingProgress: Bool = true) throws {
        if writer == nil {
            writer = try BulkWriter(store: store, projectIDs: projectIDs)
            chain = try ImportChain(store: store, projectIDs: projectIDs)
        }
        let total = order.count
        let report = reportingProgress ? progress : nil
        let econs = EconomicCodeBytes(engine.availability.econCodes)
        try writeNewContracts()
        let (firstID, hashes) = chain!.hash(events, order: order, arena: arena, econs: econs)
        sum(order)
        try writer!.write(events, order: order, arena: arena, econs: econs, firstID: firstID, hashes: hashes,
                          progress: report.map { report in { report(ImportProgress(phase: .posting, done: $0, total: total)) } })
    }

    /// Sums the postings of admitted rows by `monthly_total`'s key. On the import's own thread:
    /// while streaming, the writer's core is the busier one.
    mutating func sum(_ order: [Int32]) {
        if sums == nil { sums = MonthlySums(projectIDs: projectIDs) }
        events.withUnsafeBufferPointer { events in
            for i in order {
                let e = events[Int(i)]
                for leg in e.legs {
                    let p = EventImport.legPosting(leg, e, projectIDs: projectIDs)
                    sums!.add(year: e.year, project: Int(leg.onReceiver ? e.toProject : e.project), econ: Int(p.econ),
                              account: MonthlySums.index(of: p.account), month: Int(e.date / 100 % 100), amount: p.amount)
                }
            }
        }
    }

    /// Writes the contracts the file's commits created since the last chunk, before any row
    /// that names them (their hashes go into the chain's), the writer idle meanwhile.
    mutating func writeNewContracts() throws {
        guard contractsWritten < newContracts.count else { return }
        try pipeline?.waitIdle()
        for c in newContracts[contractsWritten...] {
            let id = try store.insertContract(c)
            precondition(id == c.id, "a new contract's id is the one the import gave it")
            chain!.contractHashes[id] = try store.contractHash(id: id)
        }
        contractsWritten = newContracts.count
    }

    mutating func finishWriting() throws {
        try writer?.finish(sums: sums ?? MonthlySums(projectIDs: projectIDs), econCodes: engine.availability.econCodes)
        sums = nil
        writer = nil
        chain = nil
    }
}

/// Rows waiting for one multi-row INSERT; their texts, codes and hashes are pointers into
/// buffers that outlive the insert.
private final class ImportBatch {
    var entries: [ImportEntryRow] = []
    var postings: [ImportPostingRow] = []
    private let econs: EconomicCodeBytes

    init(econs: EconomicCodeBytes) {
        self.econs = econs
        entries.reserveCapacity(bulkInsertRows)
        postings.reserveCapacity(bulkInsertRows * 4)
    }

    func append(entry: Int64, _ p: LegPosting) {
        postings.append(ImportPostingRow(entry: entry, account: p.account.staticName, project: p.project, econ: econs[p.econ],
                                         amount: p.amount, contract: p.contract))
    }

    func flush(to store: any Store) throws {
        try store.insertEntries(entries[...])
        try store.insertPostings(postings[...])
        entries.removeAll(keepingCapacity: true)
        postings.removeAll(keepingCapacity: true)
    }
}
