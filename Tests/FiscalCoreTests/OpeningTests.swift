import Foundation
import Testing

@testable import FiscalCore

/// How a book is opened (issue 12): nothing is written to a file that is not a book, readers
/// never write and are never refused, a writer waits then says the book is busy, and a
/// damaged book takes no write.
@Suite(.serialized) struct OpeningTests {
    private func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fiscal-open-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    private func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    @Test func aFileThatIsNotABookStaysByteIdentical() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let empty = dir.appendingPathComponent("empty.db").path
        FileManager.default.createFile(atPath: empty, contents: Data())
        let foreign = dir.appendingPathComponent("foreign.db").path
        try Database(path: foreign).execute("PRAGMA journal_mode = DELETE; CREATE TABLE t (x); INSERT INTO t VALUES (1)")
        let text = dir.appendingPathComponent("notes.db").path
        try "not a database at all".write(toFile: text, atomically: true, encoding: .utf8)
        for (path, reason) in [(empty, "the file is empty"), (foreign, "it has no book table"), (text, "it is not an SQLite database")] {
            let before = try bytes(path)
            for access in [Book.Access.read, .write] {
                let error = refusal { try Book.open(at: path, access: access) }
                #expect(error?.description == "\(path) is not a fiscal book: \(reason)")
            }
            #expect(try bytes(path) == before, "\(path)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["empty.db", "foreign.db", "notes.db"])
    }

    @Test func aReaderWaitsForAnImportThatHoldsTheBookAndSaysSo() throws {
        let t = try TempBook()
        try t.record(.appropriate(project: "JD01", amount: fen(100_00), econ: nil))
        t.close()
        // What an import does: the book out of WAL and held whole.
        let importer = try t.raw()
        try importer.execute("PRAGMA journal_mode = TRUNCATE")
        try importer.execute("BEGIN EXCLUSIVE")
        try importer.execute("INSERT INTO year_event (year, action, date, reason) VALUES (2023, 'open', '2023-01-01', 'x')")
        let told = Flag(), done = Flag()
        let path = t.path
        Thread.detachNewThread {
            if let book = try? Book.open(at: path, access: .read, onWait: { told.set() }), (try? book.years()) != nil { done.set() }
        }
        Thread.sleep(forTimeInterval: 1.5)
        #expect(told.value && !done.value)
        try importer.execute("ROLLBACK")
        for _ in 0..<50 where !done.value { Thread.sleep(forTimeInterval: 0.1) }
        #expect(done.value)
    }

    @Test func aWriterWaitsThenSaysTheBookIsBusy() throws {
        let t = try TempBook()
        let other = try t.raw()
        try other.execute("BEGIN IMMEDIATE")
        setenv("FISCAL_BUSY_TIMEOUT", "300", 1)
        defer { unsetenv("FISCAL_BUSY_TIMEOUT") }
        let error = refusal { try Book.open(at: t.path, access: .write).record(
            .appropriate(project: "JD01", amount: fen(1), econ: nil), RecordOptions(date: day("2023-02-01"))) }
        #expect(error?.description == "the book is busy: another fiscal command is writing; try again")
        try other.execute("ROLLBACK")
    }

    @Test func aBackupIsTheBookAtOneMomentAndNeverOverwrites() throws {
        let t = try TempBook()
        try t.record(.appropriate(project: "JD01", amount: fen(100_00), econ: nil))
        let other = try t.raw()
        try other.execute("BEGIN IMMEDIATE")  // another command is writing meanwhile
        let copy = t.directory.appendingPathComponent("copy.db").path
        try Book.open(at: t.path, access: .read).backup(to: copy)
        try other.execute("ROLLBACK")
        let restored = try Book.open(at: copy, access: .read)
        #expect(try restored.verify() == [])
        #expect(try restored.seal(asOf: day("2023-03-31")) == t.book.seal(asOf: day("2023-03-31")))
        #expect(refusal { try t.book.backup(to: copy) }?.description == "a file already exists at \(copy); it is not overwritten")
    }

    @Test func aDamagedBookTakesNoWrite() throws {
        let t = try TempBook()
        for i in 0..<200 { try t.record(.appropriate(project: "JD01", amount: fen(100 + Int64(i)), econ: nil)) }
        t.close()
        let raw = try t.raw()
        try raw.execute("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE")
        let pageSize = Int(try raw.cached("PRAGMA page_size").first { try $0.int("page_size") } ?? 4096)
        // Every page after the first few is overwritten: the tables' b-trees are garbage.
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: t.path))
        let size = Int(try handle.seekToEnd())
        try handle.seek(toOffset: UInt64(pageSize * 3))
        try handle.write(contentsOf: Data(repeating: 0x5A, count: size - pageSize * 3))
        try handle.close()
        let error = refusal { try Book.open(at: t.path).record(
            .appropriate(project: "JD01", amount: fen(1), econ: nil), RecordOptions(date: day("2023-02-01"))) }
        #expect(error?.description.hasPrefix("the book is damaged (") == true, "\(String(describing: error))")
        #expect(error?.description.hasSuffix("): run fiscal verify; restore from a backup") == true)
        // A book cut short is refused from its header alone.
        let cut = try FileHandle(forUpdating: URL(fileURLWithPath: t.path))
        try cut.truncate(atOffset: UInt64(pageSize * 2))
        try cut.close()
        #expect(refusal { try Book.open(at: t.path) }?.description.hasPrefix("the book is damaged (the file holds") == true)
    }
}

/// A flag set on one thread and read on another.
final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var isSet = false
    func set() { lock.lock(); isSet = true; lock.unlock() }
    var value: Bool { lock.lock(); defer { lock.unlock() }; return isSet }
}
