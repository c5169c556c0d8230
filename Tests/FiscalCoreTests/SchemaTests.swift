import Foundation
import Testing

@testable import FiscalCore

@Suite("Schema and opening books")
struct SchemaTests {
    /// The repository's top-level schema.sql, found from this file.
    static let schemaFile = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("schema.sql")

    @Test func theBinaryUsesExactlyTheReviewedSchema() throws {
        let file = try Data(contentsOf: SchemaTests.schemaFile)
        #expect(Array(Schema.sql.utf8) == Array(file), "the embedded schema differs from \(SchemaTests.schemaFile.path)")
        #expect(PackageResources.schema_sql == Array(file))
    }

    /// A book made by `init` holds exactly the objects schema.sql declares — every table,
    /// index and trigger with the same SQL, nothing more — measured against the file as it is
    /// in the repository now, executed in a database of its own.
    @Test func aNewBookHasExactlyTheObjectsOfSchemaSQL() throws {
        let text = try String(contentsOf: SchemaTests.schemaFile, encoding: .utf8)
        let reference = try Database(path: ":memory:")
        try reference.execute(text)
        func objects(_ db: Database) throws -> [String] {
            try db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name").rows {
                "\(try $0.text("type")) \(try $0.text("name")) on \(try $0.text("tbl_name")): \(try $0.optionalText("sql") ?? "-")"
            }
        }
        let declared = try objects(reference)
        #expect(declared.contains { $0.hasPrefix("trigger ") } && declared.contains { $0.hasPrefix("table ") })
        let t = try TempBook()
        #expect(try objects(t.raw()) == declared)
    }

    /// A book of every earlier version, made from schema.sql with each later step undone, is
    /// migrated on open to exactly the objects a new book has.
    @Test func anOlderBookMigratesToExactlyTheCurrentSchema() throws {
        let t = try TempBook()
        func objects(_ db: Database) throws -> [String] {
            try db.prepare("SELECT type, name, sql FROM sqlite_schema ORDER BY type, name").rows {
                "\(try $0.text("type")) \(try $0.text("name")): \(try $0.optionalText("sql") ?? "-")"
            }
        }
        let current = try objects(t.raw())
        for version in 1..<Schema.version {
            let (path, old) = try olderBook(version, in: t.directory, appropriating: 500) { Issue.record(Comment(rawValue: $0)) }
            #expect(try objects(old) != current)
            let book = try Book.open(at: path)
            #expect(try book.store.schemaVersion() == Schema.version)
            // The migration filled in the chain of the rows the book already had (a book from
            // before the chain step; rows written raw into a later one have no hash of their own).
            if (version..<Schema.version).contains(where: { Schema.migrations[$0]!.fillsChain }) {
                let problems = try book.verify()
                #expect(problems.isEmpty, "\(problems)")
                #expect(try book.seal(asOf: day("2023-01-31")).entryID == 1)
            }
            #expect(try objects(Database(path: path, create: false)) == current)
        }
    }

    @Test func theSchemaDeclaresTheVersionTheCodeSupports() throws {
        let text = try String(contentsOf: SchemaTests.schemaFile, encoding: .utf8)
        #expect(text.contains("\nPRAGMA user_version = \(Schema.version);\n"))
        let t = try TempBook()
        #expect(try t.book.store.schemaVersion() == Schema.version)
    }

    @Test func aNewBookHasItsNameFirstYearAndChartOfAccounts() throws {
        let t = try TempBook(name: "  衡阳市公安局 ", year: 2023)
        #expect(try t.book.name() == "衡阳市公安局")
        #expect(try t.book.years().map(\.year) == [2023])
        #expect(try t.book.years().map(\.closed) == [false])
        var codes: [String] = []
        try t.raw().prepare("SELECT code FROM account ORDER BY rowid").forEach { codes.append(try $0.text("code")) }
        #expect(codes == Account.allCases.map(\.rawValue))
    }

    @Test func aBookOfANewerSchemaIsRefused() throws {
        let t = try TempBook()
        t.close()
        try t.raw().execute("PRAGMA user_version = 99")
        do {
            _ = try Book.open(at: t.path)
            Issue.record("a book of schema version 99 was opened")
        } catch {
            guard case .newerSchema(path: t.path, found: 99, supported: Schema.version) = error else {
                Issue.record("got \(error)"); return
            }
            #expect(error.description == "the book at \(t.path) has schema version 99, newer than this fiscal (\(Schema.version)); upgrade fiscal")
        }
        // Refusing changed nothing: the version is still 99.
        #expect(try SQLiteStore(db: t.raw()).schemaVersion() == 99)
    }

    @Test func missingExistingAndForeignFilesAreRefused() throws {
        let t = try TempBook()
        let missing = t.directory.appendingPathComponent("nope.db").path
        guard case .noBook(path: missing)? = refusal({ try Book.open(at: missing) }) else { Issue.record("missing book opened"); return }
        #expect(!FileManager.default.fileExists(atPath: missing), "opening a missing book created it")

        guard case .bookExists(path: t.path)? = refusal({ try Book.create(at: t.path, name: "x", year: 2023, today: day("2023-01-01")) }) else {
            Issue.record("an existing book was overwritten"); return
        }
        #expect(try t.book.projects().count == 2)

        let text = t.directory.appendingPathComponent("notes.txt").path
        try Data("not a database, just some text that is long enough to fill a header".utf8).write(to: URL(fileURLWithPath: text))
        guard case .notABook(path: text, _)? = refusal({ try Book.open(at: text) }) else { Issue.record("a text file opened"); return }

        let other = t.directory.appendingPathComponent("other.db").path
        try Database(path: other).execute("CREATE TABLE t (x INTEGER)")
        guard case .notABook(path: other, reason: "it has no book table")? = refusal({ try Book.open(at: other) }) else {
            Issue.record("a foreign database opened"); return
        }

        guard case .invalidValue(field: "name", _, _)? = refusal({
            try Book.create(at: t.directory.appendingPathComponent("blank.db").path, name: "  ", year: 2023, today: day("2023-01-01"))
        }) else { Issue.record("a blank name was accepted"); return }
        #expect(!FileManager.default.fileExists(atPath: t.directory.appendingPathComponent("blank.db").path))
    }
}

@Suite("Verify")
struct VerifyTests {
    let t: TempBook
    init() throws {
        t = try TempBook()
        try t.record(.appropriate(project: "JD01", amount: fen(100_000), econ: nil), on: "2023-01-10")
        try t.record(.pay(project: "JD01", amount: fen(20_000), econ: econ("30201")), on: "2023-03-15")
        try t.record(.transfer(from: "JD01", to: "ZX02", amount: fen(10_000)), on: "2023-04-01")
    }

    @Test func aSoundBookHasNoViolations() throws {
        #expect(try t.book.verify() == [])
    }

    @Test func aPostingChangedBehindTheToolsBackIsFound() throws {
        // Another program drops the guard and changes the paid leg of entry 2 by 1.00 元.
        let raw = try t.raw()
        try raw.execute("DROP TRIGGER posting_no_update")
        try raw.execute("UPDATE posting SET amount = amount + 100 WHERE entry_id = 2 AND account = 'paid'")
        #expect(Set(try t.book.verify()) == [
            Violation(check: "schema", detail: "trigger posting_no_update is missing"),
            Violation(check: "chain", detail: "entry 2 does not match its hash: it or the row before it was changed after it was written"),
            Violation(check: "unbalanced entry", detail: "entry 2 project JD01 sums to 1.00 instead of 0"),
            Violation(check: "totals ≠ postings",
                      detail: "year 2023 project JD01 paid econ 30201 month 3: the maintained total differs from the postings"),
        ])
    }

    @Test func aStrayTotalIsFound() throws {
        try t.raw().execute("INSERT INTO monthly_total (year, project_id, account, econ, month, amount, postings) VALUES (2023, 2, 'paid', '30201', 7, -500, 1)")
        #expect(Set(try t.book.verify()) == [
            Violation(check: "totals ≠ postings",
                      detail: "year 2023 project ZX02 paid econ 30201 month 7: the maintained total differs from the postings"),
            Violation(check: "resources ≠ status", detail: "project ZX02 in 2023: resources − status = -5.00, not 0"),
        ])
    }

    @Test func aReversalThatDoesNotUndoIsFound() throws {
        try t.book.reverse(entry: 2, reason: "x", date: day("2023-03-16"))
        let raw = try t.raw()
        try raw.execute("DROP TRIGGER posting_no_update")
        // Change both legs of the reversal so it still balances, but no longer undoes entry 2;
        // the maintained totals are changed with them, so only the reversal check can see it.
        try raw.execute("""
            UPDATE posting SET amount = amount / 2 WHERE entry_id = 4;
            UPDATE monthly_total SET amount = amount - 10000 WHERE project_id = 1 AND account = 'paid' AND month = 3;
            UPDATE monthly_total SET amount = amount + 10000 WHERE project_id = 1 AND account = 'available' AND econ = '30201' AND month = 3;
            """)
        #expect(try t.book.verify() == [Violation(check: "schema", detail: "trigger posting_no_update is missing"),
                                        Violation(check: "chain", detail: "entry 4 does not match its hash: it or the row before it was changed after it was written"),
                                        Violation(check: "bad reversal", detail: "entry 4 does not exactly undo entry 2")])
    }
}
