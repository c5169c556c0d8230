/// One import as the book keeps it (`import_batch`): what came in, what it posted, and its
/// money by kind — the figures to tie to the bank or treasury list it came from.
public struct ImportBatchRecord: Sendable {
    public var id: Int64 = 0
    public var file: String
    public var sha256: String
    public var rowsSHA256: String
    public var rows: Int
    public var posted: Int
    public var skipped: Int
    /// The entries it posted: consecutive ids, one transaction's.
    public var entries: ClosedRange<Int64>?
    public var imported: Day
    /// Imported although its content was in the book already (`--again`).
    public var again: Bool
    public var totals: [ImportTotal]
    /// When it was taken back, and why.
    public var undone: (date: String, reason: String)?
}

/// Posted rows of one kind in an import, and their amount.
public struct ImportTotal: Sendable, Equatable {
    public var kind: EntryKind
    public var entries: Int
    public var amount: Money
}

extension ImportResult {
    /// Counts a posted row in its kind's total (kinds in the order events are listed).
    mutating func count(_ kind: EntryKind, fen: Int64) {
        if let i = totals.firstIndex(where: { $0.kind == kind }) {
            totals[i].entries += 1
            totals[i].amount = Money(fen: totals[i].amount.fen + fen)
        } else {
            totals.append(ImportTotal(kind: kind, entries: 1, amount: Money(fen: fen)))
            totals.sort { (EntryKind.events.firstIndex(of: $0.kind) ?? 99) < (EntryKind.events.firstIndex(of: $1.kind) ?? 99) }
        }
    }
}

extension Book {
    /// The imports of the book, oldest first.
    public func importBatches() throws(FiscalError) -> [ImportBatchRecord] { try guarded { try store.importBatches() } }

    /// Takes a whole import back in one transaction: every entry it posted that is not
    /// reversed yet gets its reversal (latest first, through the posting engine, so
    /// availability holds), dated `date`, and the batch is marked undone.
    @discardableResult
    public func undoImport(batch id: Int64, reason: String, date: Day) throws(FiscalError) -> [JournalEntry] {
        guard !reason.trimmingWhitespace().isEmpty else {
            throw .invalidValue(field: "reason", value: reason, reason: "must not be empty")
        }
        return try guarded {
            try store.write {
                guard let batch = try store.importBatches().first(where: { $0.id == id }) else {
                    throw FiscalError.invalidValue(field: "batch", value: "\(id)", reason: "no such import")
                }
                if let undone = batch.undone {
                    throw FiscalError.invalidValue(field: "batch", value: "\(id)", reason: "already undone on \(undone.date)")
                }
                var engine = try PostingEngine(store: store)
                var made: [Int64] = []
                for entryID in (batch.entries.map(Array.init) ?? []).reversed() {  // a batch that posted nothing has no range
                    guard let original = try store.entry(id: entryID), original.reversedBy == nil else { continue }
                    guard original.date.year == date.year else {
                        throw FiscalError.invalidValue(field: "date", value: date.description,
                                                       reason: "entry \(entryID) of batch \(id) is in \(original.date.year); undo is dated in the year of its entries")
                    }
                    let draft = try reversal(of: entryID, date: date, memo: "undo import \(id): \(reason)")
                    made.append(try post(draft, engine: &engine,
                                         control: .check(verb: "undoing import \(id), entry \(entryID):", allowOverdraft: false)))
                }
                try store.insertImportUndo(batch: id, date: date, reason: reason, entries: made.min().map { $0...made.max()! })
                return try made.map { try store.entry(id: $0)! }
            }
        }
    }
}
