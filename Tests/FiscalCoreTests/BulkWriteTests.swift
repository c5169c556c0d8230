import Foundation
import Testing
@testable import FiscalCore

/// An import drops the per-row triggers inside its transaction and writes the monthly totals
/// itself; afterwards — committed or rolled back — the book must be exactly as guarded as before.
@Suite struct BulkWriteTests {
    func schemaObjects(_ t: TempBook) throws -> [String] {
        try t.raw().prepare("SELECT type, name, sql FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY type, name")
            .rows { "\(try $0.text("type")) \(try $0.text("name")): \(try $0.text("sql"))" }
    }

    @Test func anImportLeavesEveryTriggerAsItWas() throws {
        let t = try TempBook()
        let before = try schemaObjects(t)
        let accepted = try t.importCSV("""
            date,kind,project,amount,econ
            2023-01-05,appropriate,JD01,1000,
            2023-02-01,pay,JD01,100,30201
            """)
        #expect(accepted.isAccepted && accepted.posted == 2)
        #expect(try schemaObjects(t) == before)
        let refused = try t.importCSV("""
            date,kind,project,amount,econ
            2023-03-01,pay,JD01,100,30201
            2023-03-02,pay,NOPE,1,30201
            """)
        #expect(!refused.isAccepted)
        #expect(try schemaObjects(t) == before)
        // The CHECK constraints the bulk write turned off are on again on the book's own connection.
        let own = try #require(t.book.store as? SQLiteStore).db
        #expect(try own.prepare("PRAGMA ignore_check_constraints").first { try $0.int("ignore_check_constraints") } == 0)
        #expect(throws: SQLiteError.self) { try own.execute("INSERT INTO entry (date, year, kind) VALUES ('2023-04-01', 2023, 'guess')") }
        // The guards work again: raw SQL can neither rewrite nor add totals silently.
        #expect(throws: SQLiteError.self) { try t.raw().execute("UPDATE posting SET amount = amount + 1") }
        try t.raw().execute("INSERT INTO entry (date, year, kind) VALUES ('2023-04-01', 2023, 'pay')")
        try t.raw().execute("INSERT INTO posting (entry_id, account, project_id, econ, amount) SELECT max(id), 'paid', 1, '30201', -5 FROM entry")
        #expect(try t.book.verify().map(\.check).contains("unbalanced entry"))
        #expect(!(try t.book.verify().map(\.check).contains("totals ≠ postings")))
    }

    /// The rows' fingerprint is how a file imported before is known again (`import --again`),
    /// so its bytes never change: this value was computed by the first implementation.
    @Test func theRowsFingerprintIsStable() throws {
        let t = try TempBook()
        let result = try t.importCSV("""
            date,kind,project,amount,econ,doc,ref,memo,to_project,payee,payment_method
            2023-01-05,appropriate,JD01,1000,,预指〔2023〕1号,R1,年初预算,,,
            2023-02-01,pay,JD01,100.5,30201,,R2,办公用品,,某公司,国库集中支付
            2023-02-02,transfer,JD01,50,,,R3,,ZX02,,

            """)
        #expect(result.isAccepted)
        #expect(result.rowsSHA256 == "b147bb5aa556b7699c280f4f98fd17020d39a4145d1c4b58c0cb0420a3cc7498")
    }

    @Test func importedTotalsEqualThoseTheTriggerKeeps() throws {
        let imported = try TempBook()
        let recorded = try TempBook()
        let rows = [
            ("2023-01-05", "appropriate", "JD01", "5000", ""), ("2023-01-20", "pay", "JD01", "123.45", "30201"),
            ("2023-01-21", "pay", "JD01", "100", "30217"), ("2023-02-01", "refund", "JD01", "23.45", "30201"),
            ("2023-02-02", "transfer", "JD01", "1000", ""), ("2023-03-03", "pay", "ZX02", "10", "30201"),
        ]
        let csv = "date,kind,project,amount,econ,to_project\n" + rows.map { r in
            "\(r.0),\(r.1),\(r.2),\(r.3),\(r.4),\(r.1 == "transfer" ? "ZX02" : "")"
        }.joined(separator: "\n") + "\n"
        #expect(try imported.importCSV(csv).isAccepted)
        for r in rows {
            let amount = try Money.parse(r.3)
            let econ = EconomicCode(r.4)
            let event: BudgetEvent = switch r.1 {
            case "appropriate": .appropriate(project: r.2, amount: amount, econ: nil)
            case "pay": .pay(project: r.2, amount: amount, econ: econ!)
            case "refund": .refund(project: r.2, amount: amount, econ: econ!)
            default: .transfer(from: r.2, to: "ZX02", amount: amount)
            }
            try recorded.book.record(event, RecordOptions(date: Day(r.0)!))
        }
        func totals(_ t: TempBook) throws -> [String] {
            try t.raw().prepare("SELECT year, project_id, account, econ, month, amount, postings FROM monthly_total ORDER BY 1, 2, 3, 4, 5")
                .rows { "\(try $0.int("year")) \(try $0.int("project_id")) \(try $0.text("account")) \(try $0.text("econ")) \(try $0.int("month")) \(try $0.int("amount")) \(try $0.int("postings"))" }
        }
        #expect(try totals(imported) == totals(recorded))
    }
}
