import Foundation

/// What a file must look like before fiscal opens it as a book (issue 12). Checked on the
/// bytes alone, before SQLite touches the file, so that a file that is not a book — empty,
/// some other program's data, a foreign SQLite database — is refused unchanged.
enum BookFile {
    /// SQLite's header magic: "SQLite format 3\0".
    static let magic = Array("SQLite format 3".utf8) + [0]

    /// Refuses a file that is not an SQLite database (`notABook`) or whose header contradicts
    /// itself (`damaged`): a page size that is no power of two, or fewer bytes than the
    /// header says the database holds.
    static func checkHeader(_ path: String) throws(FiscalError) {
        // A folder opens for reading on Linux and reads as no bytes: say what it is.
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw .notABook(path: path, reason: "it is a folder, not a file")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .notABook(path: path, reason: "it cannot be read")
        }
        defer { try? handle.close() }
        let header = [UInt8]((try? handle.read(upToCount: 100)) ?? Data())
        if header.isEmpty { throw .notABook(path: path, reason: "the file is empty") }
        guard header.count == 100, Array(header[0..<16]) == magic else {
            throw .notABook(path: path, reason: "it is not an SQLite database")
        }
        func be(_ at: Int, _ n: Int) -> Int { header[at..<(at + n)].reduce(0) { $0 << 8 | Int($1) } }
        var pageSize = be(16, 2)
        if pageSize == 1 { pageSize = 65_536 }
        guard pageSize >= 512, pageSize <= 65_536, pageSize & (pageSize - 1) == 0 else {
            throw .damaged(reason: "the file header gives a page size of \(pageSize)")
        }
        let pages = be(28, 4)
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        if pages > 0 && be(24, 4) == be(92, 4) && size < pages * pageSize {
            throw .damaged(reason: "the file holds \(size) bytes, the header says \(pages * pageSize)")
        }
    }
}
