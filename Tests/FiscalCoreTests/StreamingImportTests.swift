import Foundation
import Testing
@testable import FiscalCore

/// Files in date order are imported in one pass, a chunk at a time; others are held and sorted.
/// Both must give the same book, and a bad row anywhere must leave nothing written.
@Suite struct StreamingImportTests {
    /// More rows than one chunk: an appropriation, then payments day by day through the year.
    static func rows(count: Int, badLine: Int? = nil, repeatRefAt: Int? = nil) -> [String] {
        var rows = ["2023-01-01,appropriate,JD01,1000000000,,R0"]
        for i in 1..<count {
            let day = 2 + i * 360 / count
            let date = Calendar(identifier: .gregorian).date(byAdding: .day, value: day - 1,
                                                            to: DateComponents(calendar: .init(identifier: .gregorian), year: 2023, month: 1, day: 1).date!)!
            let c = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: date)
            let d = String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
            let amount = i + 2 == badLine ? "12abc" : "\(1 + i % 97).\(10 + i % 89)"
            let ref = i + 2 == repeatRefAt ? "R5" : "R\(i)"
            rows.append("\(d),pay,\(i % 3 == 0 ? "ZX02" : "JD01"),\(amount),3020\(1 + i % 9),\(ref)")
        }
        rows.insert("2023-01-01,appropriate,ZX02,1000000000,,RZ", at: 1)
        return rows
    }

    func importRows(_ t: TempBook, _ rows: [String], again: Bool = false) throws -> ImportResult {
        try t.importCSV("date,kind,project,amount,econ,ref\n" + rows.joined(separator: "\n") + "\n", options: ImportOptions(again: again))
    }

    func totals(_ t: TempBook) throws -> [String] {
        try t.raw().prepare("SELECT year, project_id, account, econ, month, amount, postings FROM monthly_total ORDER BY 1, 2, 3, 4, 5")
            .rows { "\(try $0.int("year")) \(try $0.int("project_id")) \(try $0.text("account")) \(try $0.text("econ")) \(try $0.int("month")) \(try $0.int("amount")) \(try $0.int("postings"))" }
    }

    @Test func aSortedFileAndTheSameFileShuffledGiveTheSameBook() throws {
        let rows = Self.rows(count: EventImport.chunkRows + 5_000)
        let sorted = try TempBook()
        let result = try importRows(sorted, rows)
        #expect(result.isAccepted && result.posted == rows.count)
        var generator = SplitMix64(seed: 7)
        let shuffled = try TempBook()
        #expect(try importRows(shuffled, rows.shuffled(using: &generator)).posted == rows.count)
        #expect(try totals(sorted) == totals(shuffled))
        #expect(try sorted.book.verify().isEmpty && shuffled.book.verify().isEmpty)
    }

    @Test func aBadRowInALaterChunkLeavesNothingWritten() throws {
        let t = try TempBook()
        let before = try t.snapshot()
        let badLine = EventImport.chunkRows + 1_000
        let result = try importRows(t, Self.rows(count: EventImport.chunkRows + 5_000, badLine: badLine))
        #expect(!result.isAccepted && result.posted == 0)
        #expect(result.problems.map(\.line) == [badLine + 1])  // + the header line
        #expect(try t.snapshot() == before)
        #expect(try t.book.verify().isEmpty)
    }

    @Test func aRefRepeatedAcrossChunksIsFound() throws {
        let t = try TempBook()
        let before = try t.snapshot()
        let result = try importRows(t, Self.rows(count: EventImport.chunkRows + 5_000, repeatRefAt: EventImport.chunkRows + 3_000))
        #expect(result.problems.count == 1)
        #expect(result.problems.first?.description.contains("repeats the ref of line") == true)
        #expect(try t.snapshot() == before)
    }

    @Test func importingASortedFileTwicePostsItOnce() throws {
        let t = try TempBook()
        let rows = Self.rows(count: EventImport.chunkRows + 10)
        #expect(try importRows(t, rows).posted == rows.count)
        let again = try importRows(t, rows, again: true)
        #expect(again.isAccepted && again.posted == 0 && again.skipped == rows.count)
        #expect(try t.book.verify().isEmpty)
    }
}

@Suite struct RefFilterTests {
    @Test func whatWasInsertedIsMaybeSeenAndMostOfWhatWasNotIsNot() {
        var filter = RefFilter()
        var generator = SplitMix64(seed: 11)
        let inserted = (0..<100_000).map { _ in Int(bitPattern: UInt(generator.next())) }
        #expect(!filter.mayContain(inserted[0]))
        for h in inserted { filter.insert(h) }
        #expect(inserted.allSatisfy(filter.mayContain))
        let others = (0..<100_000).map { _ in Int(bitPattern: UInt(generator.next())) }
        #expect(others.filter(filter.mayContain).count < 100)  // two bits in one of 2²¹ words: about 0.02%
    }
}
