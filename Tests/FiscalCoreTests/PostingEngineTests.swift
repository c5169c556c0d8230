import Foundation
import Testing

@testable import FiscalCore

/// The one posting engine: every path posts and refuses alike.
@Suite struct PostingEngineTests {
    /// DESIGN §2's table, written out here by hand: each event's entry, Dr positive.
    @Test func eachEventPostsAsDesignSays() throws {
        let cases: [(BudgetEvent, [String])] = [
            (.appropriate(project: "A", amount: fen(7), econ: econ("30217")), ["initial 1 30217 7", "available 1 30217 -7"]),
            (.supplement(project: "A", amount: fen(7), econ: nil), ["addition 1 - 7", "available 1 - -7"]),
            (.reduce(project: "A", amount: fen(7), econ: econ("30217")), ["available 1 30217 7", "reduction 1 30217 -7"]),
            (.transfer(from: "A", to: "B", amount: fen(7)),
             ["available 1 - 7", "transfer 1 - -7", "transfer 2 - 7", "available 2 - -7"]),
            (.pay(project: "A", amount: fen(7), econ: econ("30201")), ["available 1 30201 7", "paid 1 30201 -7"]),
            (.refund(project: "A", amount: fen(7), econ: econ("30201")), ["paid 1 30201 7", "available 1 30201 -7"]),
            (.recall(project: "A", amount: fen(7)), ["available 1 - 7", "recall 1 - -7"]),
            (.carryIn(project: "A", amount: fen(7)), ["carry-in 1 - 7", "available 1 - -7"]),
            (.commit(project: "A", amount: fen(7), econ: econ("31002")), ["available 1 31002 7 C9", "committed 1 31002 -7 C9"]),
            (.release(project: "A", amount: fen(7), econ: econ("31002")), ["committed 1 31002 7 C9", "available 1 31002 -7 C9"]),
        ]
        #expect(cases.map(\.0.kind) == EntryKind.events)
        for (event, expected) in cases {
            let contract: Int64? = event.kind.contractRule.required ? 9 : nil
            let postings = event.postings(ids: ["A": 1, "B": 2], contract: contract).map {
                "\($0.account.rawValue) \($0.projectID) \($0.econ?.code ?? "-") \($0.amount.fen)" + ($0.contractID.map { " C\($0)" } ?? "")
            }
            #expect(postings == expected, "\(event.kind)")
        }
        // A payment against a contract liquidates the commitment instead of drawing on available.
        let pay = BudgetEvent.pay(project: "A", amount: fen(7), econ: econ("31002")).postings(ids: ["A": 1], contract: 9).map {
            "\($0.account.rawValue) \($0.projectID) \($0.econ?.code ?? "-") \($0.amount.fen) C\($0.contractID ?? 0)"
        }
        #expect(pay == ["committed 1 31002 7 C9", "paid 1 31002 -7 C9"])
    }

    /// A random stream of events posted one by one through `record`, and the same stream as a
    /// file through `import`, give the same books: every entry, posting, overdraft mark and
    /// maintained total, and the same refusals.
    @Test(arguments: [UInt64(1), 2, 3, 4])
    func recordingAndImportMakeTheSameBook(seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let one = try TempBook(projects: [("A", .project), ("B", .project), ("C", .public)])
        let bulk = try TempBook(projects: [("A", .project), ("B", .project), ("C", .public)])
        var csv = "date,kind,project,amount,econ,to_project,ref\n"
        var refusedByRecord: [Int] = []
        var day = 0
        for n in 0..<400 {
            let event = randomEvent(&rng)
            day = min(day + Int.random(in: 0...1, using: &rng), 360)
            let date = dayOf2023(day)
            let ref = "R\(n)"
            do {
                try one.book.record(event, RecordOptions(date: date, ref: ref, allowOverdraft: n % 37 == 0))
            } catch {
                refusedByRecord.append(n)
            }
            csv += "\(date),\(event.kind.rawValue),\(event.projectCodes[0]),\(event.amount.plain),"
                + "\(event.econ?.code ?? ""),\(event.projectCodes.count > 1 ? event.projectCodes[1] : ""),\(ref)\n"
        }
        // The file as one batch is all or nothing, so post it row by row through `import` too:
        // the refusals must be the same rows, and the books the same.
        var refusedByImport: [Int] = []
        let header = "date,kind,project,amount,econ,to_project,ref\n"
        for (n, line) in csv.split(separator: "\n").dropFirst().enumerated() {
            let file = bulk.directory.appendingPathComponent("row.csv").path
            try (header + line + "\n").write(toFile: file, atomically: true, encoding: .utf8)
            let result = try bulk.book.importEvents(fromFile: file, options: ImportOptions(allowOverdraft: n % 37 == 0))
            if !result.isAccepted { refusedByImport.append(n) }
        }
        #expect(refusedByRecord == refusedByImport)
        #expect(!refusedByRecord.isEmpty, "the stream should exercise refusals")
        #expect(try one.snapshot() == bulk.snapshot())
        #expect(try one.book.verify().isEmpty)
        #expect(try bulk.book.verify().isEmpty)
    }

    /// The same stream in one import file (no refusals: overdrafts allowed) equals recording.
    @Test func aWholeFileImportsAsRecordedOneByOne() throws {
        var rng = SplitMix64(seed: 99)
        let one = try TempBook(projects: [("A", .project), ("B", .project)])
        let bulk = try TempBook(projects: [("A", .project), ("B", .project)])
        var csv = "date,kind,project,amount,econ,to_project\n"
        for n in 0..<300 {
            let event = randomEvent(&rng, codes: ["A", "B"])
            let date = dayOf2023(n)
            try one.book.record(event, RecordOptions(date: date, allowOverdraft: true))
            csv += "\(date),\(event.kind.rawValue),\(event.projectCodes[0]),\(event.amount.plain),"
                + "\(event.econ?.code ?? ""),\(event.projectCodes.count > 1 ? event.projectCodes[1] : "")\n"
        }
        let file = bulk.directory.appendingPathComponent("all.csv").path
        try csv.write(toFile: file, atomically: true, encoding: .utf8)
        let result = try bulk.book.importEvents(fromFile: file, options: ImportOptions(allowOverdraft: true))
        #expect(result.isAccepted && result.posted == 300)
        #expect(try one.snapshot() == bulk.snapshot())
    }

    /// The `n`th day of 2023 after 1 January (0-based).
    private func dayOf2023(_ n: Int) -> Day {
        var month = 1, rest = n
        while rest >= Day.daysIn(month: month, year: 2023) { rest -= Day.daysIn(month: month, year: 2023); month += 1 }
        return Day(year: 2023, month: month, day: rest + 1)!
    }

    private func randomEvent(_ rng: inout SplitMix64, codes: [String] = ["A", "B", "C"]) -> BudgetEvent {
        let project = codes.randomElement(using: &rng)!
        let other = codes.filter { $0 != project }.randomElement(using: &rng)!
        let amount = fen(Int64.random(in: 1...2_000_000, using: &rng))
        let econs = ["30201", "30217", "30211", "31002"]
        let code = EconomicCode(econs.randomElement(using: &rng)!)!
        let tagged: EconomicCode? = Bool.random(using: &rng) ? code : nil
        switch Int.random(in: 0..<10, using: &rng) {
        case 0, 1: return .appropriate(project: project, amount: fen(amount.fen * 3), econ: tagged)
        case 2: return .supplement(project: project, amount: amount, econ: tagged)
        case 3: return .reduce(project: project, amount: amount, econ: tagged)
        case 4: return .transfer(from: project, to: other, amount: amount)
        case 5, 6: return .pay(project: project, amount: amount, econ: code)
        case 7: return .refund(project: project, amount: fen(amount.fen / 4 + 1), econ: code)
        case 8: return .recall(project: project, amount: fen(amount.fen / 2 + 1))
        default: return .carryIn(project: project, amount: amount)
        }
    }
}
