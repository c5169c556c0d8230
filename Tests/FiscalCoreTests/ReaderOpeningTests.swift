import Foundation
import Testing

@testable import FiscalCore

/// How a reading command opens a book (issue 12's leftovers): an older book is read through
/// an upgraded copy and never written, a reader leaves no `-wal`/`-shm` behind, and a
/// report's seal comes from the read its figures came from.
struct ReaderOpeningTests {
    /// A book of schema `version` as an older fiscal wrote it (schema.sql with the later
    /// steps taken back, as SchemaTests builds them), with one appropriation and one payment.
    private func olderBook(_ version: Int, in t: TempBook) throws -> String {
        let (path, old) = try FiscalCoreTests.olderBook(version, in: t.directory, appropriating: 50000)
        try old.execute("""
            INSERT INTO entry (date, year, kind) VALUES ('2023-02-05', 2023, 'pay');
            INSERT INTO posting (entry_id, account, project_id, econ, amount) VALUES (2, 'available', 1, '30201', 1200), (2, 'paid', 1, '30201', -1200);
            """)
        return path
    }

    private func sidecars(_ path: String) -> [String] {
        ["-wal", "-shm"].filter { FileManager.default.fileExists(atPath: path + $0) }
    }

    @Test func anOlderBookIsReadThroughAnUpgradedCopyAndNeverWritten() throws {
        let t = try TempBook()
        for version in Schema.oldestReadable..<Schema.version {
            let path = try olderBook(version, in: t)
            let before = try Data(contentsOf: URL(fileURLWithPath: path))
            do {
                let book = try Book.open(at: path, access: .read)
                #expect(book.olderVersion == version)
                // What a reader of the current schema asks (entry details, import profiles) works.
                let journal = try book.journal(JournalFilter())
                #expect(journal.map(\.id) == [1, 2] && journal[1].payee == nil)
                #expect(try book.importProfiles().isEmpty)
                #expect(try book.progressReport(ProgressSpec(month: YearMonth(year: 2023, month: 2)!)).total.figures.paid == Money(fen: 1200))
                // Verify compares the upgraded copy with schema.sql: the version is no violation.
                let schema = try book.verify().filter { $0.check == "schema" }
                #expect(schema.isEmpty, "v\(version): \(schema)")
            }
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "v\(version) was written")
            #expect(sidecars(path).isEmpty, "v\(version) left \(sidecars(path))")
            // A writer upgrades it in place; a reader then reads the file itself.
            _ = try Book.open(at: path, access: .write)
            #expect(try Book.open(at: path, access: .read).olderVersion == nil)
        }
    }

    @Test func aDroppedGuardOfAnOlderBookIsStillNamed() throws {
        let t = try TempBook()
        let path = try olderBook(4, in: t)
        try Database(path: path, create: false).execute("DROP TRIGGER entry_no_delete")
        let problems = try Book.open(at: path, access: .read).verify().filter { $0.check == "schema" }.map(\.detail)
        #expect(problems.contains { $0.contains("entry_no_delete") }, "\(problems)")
    }

    @Test func aReaderLeavesNoWalOrShmBehind() throws {
        let t = try TempBook()
        try t.record(.appropriate(project: "JD01", amount: Money(fen: 100_000), econ: nil), on: "2023-01-10")
        t.close()
        #expect(sidecars(t.path).isEmpty)  // the writer's close removed them
        do {
            let reader = try Book.open(at: t.path, access: .read)
            _ = try reader.journal(JournalFilter())
            _ = try reader.verify()  // its checks open connections of their own
            #expect(sidecars(t.path) == ["-wal", "-shm"])  // SQLite's, while it reads
        }
        #expect(sidecars(t.path).isEmpty)
    }

    @Test func aReaderLeavesTheFilesOfAnotherConnection() throws {
        let t = try TempBook()
        try t.record(.appropriate(project: "JD01", amount: Money(fen: 100_000), econ: nil), on: "2023-01-10")
        // Another process holding the book: a child sqlite3 shell stands for it.
        let other = Process()
        other.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        other.arguments = ["sqlite3", t.path]
        let input = Pipe(), output = Pipe()
        other.standardInput = input
        other.standardOutput = output
        try other.run()
        input.fileHandleForWriting.write("SELECT count(*) FROM entry;\n".data(using: .utf8)!)
        _ = output.fileHandleForReading.availableData  // it has read: it holds its lock
        t.close()
        do { _ = try Book.open(at: t.path, access: .read).journal(JournalFilter()) }
        #expect(sidecars(t.path) == ["-wal", "-shm"])
        try input.fileHandleForWriting.close()
        other.waitUntilExit()
        #expect(sidecars(t.path).isEmpty)  // the shell, the last to close, removed them
    }

    @Test func aReportsSealComesFromTheReadOfItsFigures() throws {
        let t = try TempBook()
        try t.record(.appropriate(project: "JD01", amount: Money(fen: 100_000), econ: nil), on: "2023-01-10")
        let spec = ProgressSpec(month: YearMonth(year: 2023, month: 6)!)
        let snapshot = try t.book.snapshot(year: 2023, throughMonth: 6)
        #expect(snapshot.seal == (try t.book.seal(asOf: day("2023-06-30"))))
        // An entry posted after the read: the report built from that read still carries the
        // seal of the book its figures came from, not the book's seal at printing time.
        try t.record(.pay(project: "JD01", amount: Money(fen: 500), econ: EconomicCode("30201")!), on: "2023-02-01")
        let report = ProgressReport(spec: spec, snapshot: snapshot)
        #expect(report.seal?.entryID == 1 && report.total.figures.paid.isZero)
        #expect(try t.book.progressReport(spec).seal == (try t.book.seal(asOf: day("2023-06-30"))))
        #expect(try t.book.settlementReport(SettlementSpec(year: 2023)).seal?.entryID == 2)
        #expect(try t.book.monthEndPack(spec).seal?.asOf == day("2023-06-30"))
    }
}
