/// What `fiscal status` shows: the book at a glance.
public struct BookOverview: Sendable {
    public var name: String
    public var path: String
    public var years: [(year: Int, closed: Bool)]
    public var entries: Int
    public var lastEntry: JournalEntry?
    public var projects: Int
    public var lastImport: ImportBatchRecord?
    public var localCodes: Int
}

extension Book {
    public func overview() throws(FiscalError) -> BookOverview {
        try guarded {
            try store.read {
                // Entries are never deleted, so the latest id is their count.
                let last = try store.nextEntryID() - 1
                return BookOverview(name: try store.bookName(), path: path, years: try store.years(), entries: Int(last),
                                    lastEntry: last > 0 ? try store.entry(id: last) : nil, projects: try store.projects().count,
                                    lastImport: try store.importBatches().last, localCodes: try store.localCodes().count)
            }
        }
    }
}
