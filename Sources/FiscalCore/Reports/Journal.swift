extension Book {
    /// Entries with their postings, in date order, as the filter selects them.
    public func journal(_ filter: JournalFilter) throws(FiscalError) -> [JournalEntry] {
        try guarded { try store.read { try store.journal(filter) } }
    }
}
