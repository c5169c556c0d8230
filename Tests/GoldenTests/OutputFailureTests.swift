import Foundation
import Testing

/// Output that cannot be written is an error: a listing sent to a full disk ends with exit 1
/// and says so, instead of exit 0 and an empty file (the QA pass's known leftover).
@Suite struct OutputFailureTests {
    @Test func aListingSentToAFullDiskFails() throws {
        guard let binary = FiscalBinary.url, FileManager.default.isWritableFile(atPath: "/dev/full") else { return }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fiscal-full-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        /// Runs fiscal through the shell, so its standard output can be redirected as a user would.
        func run(_ arguments: [String], redirect: String = "> /dev/null") throws -> (status: Int32, err: String) {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/bin/sh")
            p.arguments = ["-c", "exec \"$0\" \"$@\" \(redirect)", binary.path] + arguments
            p.currentDirectoryURL = dir
            p.environment = ["FISCAL_TODAY": "2023-12-31", "FISCAL_DB": "book.db", "PATH": "/usr/bin:/bin"]
            let err = Pipe()
            p.standardError = err
            try p.run()
            let data = err.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            return (p.terminationStatus, String(decoding: data, as: UTF8.self))
        }
        #expect(try run(["demo"]).status == 0)
        let full = try run(["journal"], redirect: "> /dev/full")
        #expect(full.status == 1)
        #expect(full.err == "error: the output could not be written in full (is the disk full, or the output closed?)\n")
        let closed = try run(["journal"], redirect: ">&-")
        #expect(closed.status == 1)
        #expect(closed.err == "error: the output could not be written in full (is the disk full, or the output closed?)\n")
        #expect(try run(["journal"]).status == 0)
    }
}
