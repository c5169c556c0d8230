import Foundation
import Testing
@testable import FiscalCore

/// The reader on the corpus of real reports must not get worse: each set's figures stay at or
/// above those recorded in `Tests/Corpus/recorded.tsv` (raise them there when the reader improves).
/// With `READER_EVAL_OUT=FILE` the per-report table is written to FILE (`scripts/reader-eval`).
@Suite("The reader on the corpus of real reports")
struct CorpusTests {
    struct Recorded {
        var read: Int, mapped: Int, falseFindings: Int, findingsFound: Int
    }

    static func recorded() -> [String: Recorded] {
        let url = CorpusMeasure.root.appendingPathComponent("recorded.tsv")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [:] }
        var out: [String: Recorded] = [:]
        for row in text.components(separatedBy: "\n").dropFirst() {
            let f = row.components(separatedBy: "\t")
            guard f.count >= 5, let r = Int(f[1]), let m = Int(f[2]), let ff = Int(f[3]), let fo = Int(f[4]) else { continue }
            out[f[0]] = Recorded(read: r, mapped: m, falseFindings: ff, findingsFound: fo)
        }
        return out
    }

    @Test("no regression below the recorded figures", arguments: ["seen", "unseen"])
    func noRegression(set: String) throws {
        let reports = CorpusMeasure.reports(set == "seen" ? "" : set)
        if set == "seen" { #expect(reports.count >= 13, "the corpus is missing: Tests/Corpus/reports") }
        let rows = reports.map { ($0.deletingPathExtension().lastPathComponent, CorpusMeasure.score($0)) }
        var total = CorpusMeasure.Score()
        for (_, s) in rows { total.add(s) }
        let table = CorpusMeasure.table(rows)
        if let out = ProcessInfo.processInfo.environment["READER_EVAL_OUT"] {
            let details = rows.flatMap { name, s in s.misses.map { "\(name)\t\($0)" } }.joined(separator: "\n")
            try (table + "\n" + details + "\n").write(toFile: out + "." + set, atomically: true, encoding: .utf8)
        }
        guard let floor = Self.recorded()[set] else {
            #expect(reports.isEmpty, "no recorded figures for the \(set) reports in Tests/Corpus/recorded.tsv")
            return
        }
        #expect(total.read >= floor.read, "read right: \(total.read) < recorded \(floor.read)")
        #expect(total.mapped >= floor.mapped, "mapped right: \(total.mapped) < recorded \(floor.mapped)")
        #expect(total.falseFindings <= floor.falseFindings, "false findings: \(total.falseFindings) > recorded \(floor.falseFindings)")
        #expect(total.findingsFound >= floor.findingsFound, "findings found: \(total.findingsFound) < recorded \(floor.findingsFound)")
    }
}
