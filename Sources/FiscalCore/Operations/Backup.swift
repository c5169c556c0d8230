import Foundation

extension Book {
    /// A consistent copy of the book in a new file (never over an existing one), made while
    /// others keep reading and writing. The copy is a book like any other: `verify` it, and
    /// restore by putting it back in place of the damaged file.
    public func backup(to path: String) throws(FiscalError) {
        if FileManager.default.fileExists(atPath: path) { throw .bookExists(path: path) }
        try guarded {
            // An older book read through an upgraded copy is backed up as the file is.
            guard let store = file ?? (store as? SQLiteStore) else { throw FiscalError.refused("this book cannot be backed up as a file") }
            do {
                try store.db.backup(to: path)
            } catch {
                try? FileManager.default.removeItem(atPath: path)
                throw error
            }
        }
    }
}
