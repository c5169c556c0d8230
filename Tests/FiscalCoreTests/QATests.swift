import Foundation
import Testing

@testable import FiscalCore

/// What an adversarial pass found (issue QA), each held by a test that failed before its fix.
@Suite struct QATests {
    /// A book with one import of every kind (a transfer moves its amount through two
    /// projects: four legs), a second import, and the first taken back with `import undo`.
    private func book() throws -> TempBook {
        let t = try TempBook()
        let a = t.directory.appendingPathComponent("a.csv")
        try """
            date,kind,project,amount,econ,to_project
            2023-01-10,appropriate,JD01,1000,,
            2023-01-10,appropriate,ZX02,500.55,30201,
            2023-02-01,transfer,JD01,100.10,,ZX02
            2023-02-02,pay,JD01,10,30201,
            2023-02-03,refund,JD01,5,30201,
            2023-02-04,recall,JD01,1,,

            """.write(to: a, atomically: true, encoding: .utf8)
        let b = t.directory.appendingPathComponent("b.csv")
        try "date,kind,project,amount,econ\n2023-03-01,supplement,ZX02,7,\n2023-03-02,reduce,ZX02,3,\n"
            .write(to: b, atomically: true, encoding: .utf8)
        #expect(try t.book.importEvents(fromFile: a.path).posted == 6)
        #expect(try t.book.importEvents(fromFile: b.path).posted == 2)
        try t.book.undoImport(batch: 2, reason: "导错了", date: day("2023-03-05"))
        return t
    }

    @Test func aBookOfImportsAndAnUndoVerifies() throws {
        let t = try book()
        #expect(try t.book.verify() == [])
    }

    /// The batch tables are outside the hash chain, and `import_batch_total` has no guard: a
    /// plain UPDATE changed what an office ties to the bank's list, and `verify` said ok.
    @Test(arguments: [
        ("UPDATE import_batch_total SET amount = amount + 1 WHERE batch_id = 1 AND kind = 'pay'",
         "batch 1: its totals by kind differ from the entries it posted"),
        ("UPDATE import_batch_total SET entries = 1 WHERE batch_id = 1 AND kind = 'appropriate'",
         "batch 1: its totals by kind differ from the entries it posted"),
        ("DELETE FROM import_batch_total WHERE batch_id = 1 AND kind = 'transfer'",
         "batch 1: its totals by kind differ from the entries it posted"),
        ("DROP TRIGGER import_batch_no_update; UPDATE import_batch SET posted = 5 WHERE id = 1",
         "batch 1 records 5 posted rows, but its entries are 6"),
        ("DROP TRIGGER import_undo_no_delete; DELETE FROM import_undo WHERE batch_id = 2",
         "batch 2 was undone (its entries' reversals say so), but its undo is not recorded"),
        ("DROP TRIGGER import_undo_no_update; UPDATE import_undo SET first_entry = 1 WHERE batch_id = 2",
         "the undo of batch 2 lists entries that do not reverse the batch's entries"),
    ])
    func aChangedImportRecordIsNamed(_ sql: String, _ named: String) throws {
        let t = try book()
        try t.raw().execute(sql)
        let found = try t.book.verify().filter { $0.check == "import batch" }.map(\.detail)
        #expect(found == [named])
    }

    /// A write killed midway (an import runs in rollback-journal mode) leaves a hot journal. A
    /// read-only opener fell back to SQLite's immutable mode, which ignores the journal, and
    /// read half a transaction: `verify` named the import's dropped triggers (or found the
    /// book damaged). The journal is now played back first, and the book reads as before.
    @Test func aBookLeftByAKilledWriteReadsAsBeforeTheWrite() throws {
        let t = try TempBook()
        try t.record(.appropriate(project: "JD01", amount: fen(100_000), econ: nil), on: "2023-01-10")
        t.close()
        let crashed = t.directory.appendingPathComponent("crashed.db").path
        let db = try t.raw()
        try db.execute("PRAGMA journal_mode = DELETE")
        try db.execute("PRAGMA cache_size = 2")  // pages spill into the file before the commit
        try db.execute("BEGIN IMMEDIATE")
        try db.execute("DROP TRIGGER posting_total")
        try db.execute("CREATE TABLE filler(x BLOB)")
        for _ in 0..<200 { try db.execute("INSERT INTO filler VALUES (zeroblob(4000))") }
        // The files as a kill -9 at this moment leaves them: the book and its hot journal.
        try FileManager.default.copyItem(atPath: t.path, toPath: crashed)
        try FileManager.default.copyItem(atPath: t.path + "-journal", toPath: crashed + "-journal")
        try db.execute("ROLLBACK")
        let reader = try Book.open(at: crashed, access: .read)
        #expect(try reader.verify() == [])
        #expect(try reader.journal(JournalFilter()).count == 1)
    }

    /// Invisible and bidirectional marks the rule missed: the Arabic letter mark (a bidi mark
    /// like U+200F), the word joiner and invisible operators, the deprecated format marks, a
    /// soft hyphen (`JD\u{AD}01` shows as JD01), the Mongolian vowel separator, interlinear
    /// annotation marks and tag characters. Each was stored from a command and from an import.
    @Test(arguments: [0x061C, 0x2060, 0x2063, 0x206A, 0x206F, 0x00AD, 0x180E, 0xFFF9, 0xFFFB, 0xE0001, 0xE0041, 0xE007F] as [UInt32])
    func anInvisibleMarkIsRefusedByCommandAndImport(_ value: UInt32) throws {
        let mark = String(Unicode.Scalar(value)!)
        let t = try TempBook()
        let pay = BudgetEvent.appropriate(project: "JD01", amount: fen(100), econ: nil)
        let hex = String(value, radix: 16, uppercase: true)
        #expect(refusal { try t.book.record(pay, RecordOptions(date: day("2023-03-01"), memo: "付款\(mark)给张三")) }?.description
            == "memo '付款\\u{\(hex)}给张三': contains the invisible format mark U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex), which changes how the text reads")
        let url = t.directory.appendingPathComponent("events.csv")
        try "date,kind,project,amount,memo,doc\n2023-02-01,appropriate,JD01,100,付款\(mark)给张三,\n2023-02-02,appropriate,JD01,100,,文\(mark)号\n"
            .write(to: url, atomically: true, encoding: .utf8)
        #expect(try t.book.importEvents(fromFile: url.path).badRows == 2)
        #expect(try t.book.journal(JournalFilter()).isEmpty)
    }

    /// Text the rule must keep taking: CJK, emoji (4 bytes), combining marks, a memo's lines.
    @Test func ordinaryTextIsStillTaken() throws {
        let t = try TempBook()
        let pay = BudgetEvent.appropriate(project: "JD01", amount: fen(100), econ: nil)
        try t.book.record(pay, RecordOptions(date: day("2023-03-01"), doc: "衡财预〔2023〕1号", memo: "😀 café\n第二行"))
        let url = t.directory.appendingPathComponent("events.csv")
        try "date,kind,project,amount,memo\n2023-02-01,appropriate,JD01,100,𠀀😀é\n".write(to: url, atomically: true, encoding: .utf8)
        #expect(try t.book.importEvents(fromFile: url.path).posted == 1)
    }

    /// "Project names are unique in a book": `project add` refused a second 项目A, but
    /// `project import` added one beside the book's and two alike from one file.
    @Test func projectImportRefusesANameTaken() throws {
        let t = try TempBook()  // JD01 项目JD01, ZX02 项目ZX02
        let url = t.directory.appendingPathComponent("projects.csv")
        try "code,name,kind\nB1,项目JD01,project\nB2,禁毒,project\nB3, 禁毒,project\nB4,新项目,project\n"
            .write(to: url, atomically: true, encoding: .utf8)
        let result = try t.book.importProjects(fromFile: url.path, today: day("2023-01-02"))
        #expect(result.problems.map(\.description) == [
            "line 2: name '项目JD01': project JD01 already has this name",
            "line 4: name '禁毒': repeats the name of line 3",
        ])
        #expect(try t.book.projects().map(\.code) == ["JD01", "ZX02"])
    }
}
