import Foundation
import Testing

@testable import FiscalCore

/// A book in a fresh temporary directory, removed when the value goes away. Each test builds
/// its own, so tests run in parallel without sharing a file.
final class TempBook {
    let directory: URL
    let path: String
    private(set) var book: Book!

    init(name: String = "测试局", year: Int = 2023, projects: [(String, ProjectKind)] = [("JD01", .project), ("ZX02", .project)]) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("fiscal-core-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        path = directory.appendingPathComponent("book.db").path
        book = try Book.create(at: path, name: name, year: year, today: day("\(year)-01-01"))
        for (code, kind) in projects {
            _ = try book.addProject(Project(code: code, name: "项目\(code)", kind: kind, fund: .general))
        }
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    /// Closes the book's connection (e.g. before changing the file behind its back).
    func close() { book = nil }

    /// A second connection to the same file, as a tool other than fiscal would open it.
    func raw() throws -> Database { try Database(path: path, create: false) }

    /// Everything a refused command must leave untouched: the entries with their postings and
    /// the maintained totals.
    func snapshot() throws -> Snapshot {
        let entries = try book.journal(JournalFilter()).map { e in
            "\(e.id) \(e.date) \(e.kind.rawValue) ref=\(e.ref ?? "-") rev=\(e.reverses.map(String.init) ?? "-") "
                + "od=\(e.overdraft) " + e.postings.map { "\($0.account.rawValue)/\($0.projectCode)/\($0.econ ?? "")/\($0.amount.fen)" }
                .joined(separator: " ")
        }
        return Snapshot(entries: entries, totals: Set(try book.store.monthlyTotals(year: 2023)))
    }

    struct Snapshot: Equatable {
        var entries: [String]
        var totals: Set<MonthlyTotal>
    }

    // MARK: Recording shorthands

    @discardableResult
    func record(_ event: BudgetEvent, on date: String = "2023-03-01", ref: String? = nil,
                allowOverdraft: Bool = false) throws(FiscalError) -> JournalEntry {
        try book.record(event, RecordOptions(date: day(date), ref: ref, allowOverdraft: allowOverdraft))
    }
}

func day(_ text: String) -> Day {
    guard let d = Day(text) else { fatalError("bad test date \(text)") }
    return d
}

func econ(_ code: String) -> EconomicCode {
    guard let e = EconomicCode(code) else { fatalError("bad test econ \(code)") }
    return e
}

/// Amounts in tests are written as 分, so the expected values never go through the parser.
func fen(_ value: Int64) -> Money { Money(fen: value) }

/// The error a call throws, or nil when it succeeds. Any error but a `FiscalError` fails the test.
func refusal<T>(_ body: () throws -> T, sourceLocation: SourceLocation = #_sourceLocation) -> FiscalError? {
    do {
        _ = try body()
        return nil
    } catch let error as FiscalError {
        return error
    } catch {
        Issue.record("expected a FiscalError, got \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

/// A posting written the way the tests state expectations: "account project econ 分".
func describe(_ p: JournalPosting) -> String {
    "\(p.account.rawValue) \(p.projectCode) \(p.econ ?? "-") \(p.amount.fen)"
}

/// A deterministic pseudo-random generator (SplitMix64): the same values on every run.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// schema.sql as schema `version` had it: each later step taken back (its table edits
/// reversed, its added SQL removed). `mismatch` is told of a step whose text schema.sql lacks.
func olderSchemaSQL(_ version: Int, mismatch: (String) -> Void = { _ in }) -> String {
    var text = Schema.sql.replacingOccurrences(of: "PRAGMA user_version = \(Schema.version);", with: "PRAGMA user_version = \(version);")
    for step in (version..<Schema.version).reversed() {
        for edit in Schema.migrations[step]!.tableEdits {
            if !text.contains(edit.new) { mismatch("step \(step) of \(edit.table) does not match schema.sql") }
            text = text.replacingOccurrences(of: edit.new, with: edit.old)
        }
        let added = Schema.migrations[step]!.sql
        if !added.isEmpty && !text.contains(added) { mismatch("step \(step) does not match schema.sql") }
        if !added.isEmpty { text = text.replacingOccurrences(of: added, with: "") }
    }
    return text
}

/// A book file of schema `version` as an older fiscal wrote it, at `v<version>.db` in
/// `directory`: its book row, 2023 open and project JD01, with an appropriation of `amount` 分.
func olderBook(_ version: Int, in directory: URL, appropriating amount: Int64,
               mismatch: (String) -> Void = { _ in }) throws -> (path: String, db: Database) {
    let path = directory.appendingPathComponent("v\(version).db").path
    let old = try Database(path: path)
    try old.execute(olderSchemaSQL(version, mismatch: mismatch))
    for step in version..<Schema.version {
        for name in Schema.migrations[step]!.triggers { try old.execute("DROP TRIGGER \(name)") }
    }
    try old.execute("""
        INSERT INTO book (id, name, first_year) VALUES (1, '旧账套', 2023);
        INSERT INTO fiscal_year (year, status) VALUES (2023, 'open');
        INSERT INTO year_event (year, action, date, reason) VALUES (2023, 'open', '2023-01-01', 'book created');
        INSERT INTO project (code, name, kind, fund) VALUES ('JD01', '禁毒', 'project', 'general');
        INSERT INTO entry (date, year, kind, memo) VALUES ('2023-01-05', 2023, 'appropriate', '年初');
        INSERT INTO posting (entry_id, account, project_id, amount) VALUES (1, 'initial', 1, \(amount)), (1, 'available', 1, -\(amount));
        """)
    return (path, old)
}

/// `scripts/chain-check` (the auditor's script, Python's standard library alone) run on a book:
/// its exit status and what it printed.
func runChainCheck(_ path: String) throws -> (status: Int32, output: String) {
    let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scripts/chain-check").path
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["python3", script, path]
    let out = Pipe()
    p.standardOutput = out
    try p.run()
    let printed = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (p.terminationStatus, String(decoding: printed, as: UTF8.self))
}
