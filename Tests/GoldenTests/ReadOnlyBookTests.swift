import Foundation
import Testing

/// A book in a read-only directory of another user (an archive, a colleague's share) is read
/// by every reading command and left byte-identical; a writing command says it is read-only
/// (issue 12). As root, the commands run as `nobody` through setpriv; as anyone else, the
/// modes alone keep the user out.
@Suite struct ReadOnlyBookTests {
    private func run(_ binary: URL, _ arguments: [String], asNobody: Bool) throws -> (status: Int32, stderr: String) {
        let p = Process()
        p.executableURL = asNobody ? URL(fileURLWithPath: "/usr/bin/setpriv") : binary
        p.arguments = (asNobody ? ["--reuid=65534", "--regid=65534", "--clear-groups", binary.path] : []) + arguments
        p.environment = ["FISCAL_TODAY": "2023-06-30", "PATH": "/usr/bin:/bin"]
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
    }

    @Test func aReadOnlyBookOfAnotherUserIsReadAndNeverWritten() throws {
        let binary = try #require(FiscalBinary.url)
        let asNobody = getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fiscal-ro-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer {
            try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir.path)
            try? FileManager.default.removeItem(at: dir)
        }
        let book = dir.appendingPathComponent("book.db").path
        for step in [["init", "--name", "档案局", "--year", "2023"], ["project", "add", "JD01", "--name", "禁毒", "--kind", "project"],
                     ["appropriate", "JD01", "1000", "--date", "2023-01-10"]] {
            #expect(try run(binary, step + ["--db", book], asNobody: false).status == 0)
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: book)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: dir.path)
        let before = try Data(contentsOf: URL(fileURLWithPath: book))
        // `close --dry-run` only plans: it opens the book as a reader does.
        for reader in [["verify"], ["balance"], ["report", "progress", "--month", "2023-06"], ["journal"], ["seal"],
                       ["close", "--year", "2023", "--dry-run", "--today", "2024-01-10"], ["import", "profile", "list"]] {
            let result = try run(binary, reader + ["--db", book], asNobody: asNobody)
            #expect(result.status == 0, "\(reader): \(result.stderr)")
        }
        let writer = try run(binary, ["pay", "JD01", "1", "--econ", "30201", "--db", book], asNobody: asNobody)
        #expect(writer.status == 1)
        #expect(writer.stderr.contains("read-only"), "\(writer.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: book)) == before)
    }
}
