import Foundation
import Testing
@testable import FiscalCLI
@testable import FiscalCore

/// The JSON a user gets is checked against sums computed straight from the postings.
@Suite("Progress report JSON")
struct ProgressJSONTests {
    @Test func everyMoneyFigureInTheJSONEqualsTheLedger() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("json-\(UUID().uuidString).db").path
        defer { for s in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + s) } }
        let book = try Book.createDemo(at: path, force: false, today: Day("2024-01-15")!)
        let report = try book.progressReport(ProgressSpec(month: YearMonth(year: 2023, month: 6)!))
        let text = ProgressView(report: report, style: MoneyStyle(unit: .wan, lang: .zh)).json.rendered()
        let json = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
        #expect(json["as_of"] as? String == "2023-06-30")
        #expect((json["time_progress"] as? NSNumber)?.doubleValue == 0.5)

        let raw = try Database(path: path, create: false)
        func sum(_ account: String, _ project: String) throws -> Int64 {
            try raw.prepare("""
                SELECT coalesce(sum(p.amount), 0) AS s FROM posting p JOIN entry e ON e.id = p.entry_id
                JOIN project pr ON pr.id = p.project_id WHERE p.account = ? AND pr.code = ? AND e.date <= '2023-06-30'
                """).first([account, project]) { try $0.int("s") } ?? 0
        }
        func yuan(_ fen: Int64) -> String { Money(fen: fen).plain }

        let rows = json["rows"] as! [[String: Any]]
        #expect(rows.count == 16)
        for row in rows {
            let code = row["key"] as! String
            let paid = try -sum("paid", code)
            let budget = try sum("initial", code) + sum("addition", code) + sum("reduction", code)
                + sum("transfer", code) + sum("carry-in", code) + sum("recall", code)
            #expect(row["paid"] as? String == yuan(paid), "\(code)")
            #expect(row["total_budget"] as? String == yuan(budget), "\(code)")
            #expect(try row["available"] as? String == yuan(-sum("available", code)), "\(code)")
            #expect(try row["initial"] as? String == yuan(sum("initial", code)), "\(code)")
            // Money is a string of 元 with exactly two decimals and no separators.
            #expect((row["paid"] as! String).range(of: #"^-?[0-9]+\.[0-9]{2}$"#, options: .regularExpression) != nil)
            if budget > 0 {
                let rate = (row["execution_rate"] as! NSNumber).doubleValue
                #expect(abs(rate - Double(paid) / Double(budget)) < 0.000001, "\(code)")
            }
        }
        let total = json["total"] as! [String: Any]
        #expect(total["total_budget"] as? String == "736692700.00")
        #expect(total["paid"] as? String == yuan(rows.reduce(0) { $0 + Int64(Money.parseForTest($1["paid"] as! String)) }))
    }
}

extension Money {
    static func parseForTest(_ s: String) -> Int64 { (try? Money.parse(s))?.fen ?? 0 }
}
