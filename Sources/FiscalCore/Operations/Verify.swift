extension Book {
    /// Every violated invariant of the book; empty when the book is sound.
    public func verify() throws(FiscalError) -> [Violation] {
        try guarded { try store.read { try store.violations() } }
    }
}
