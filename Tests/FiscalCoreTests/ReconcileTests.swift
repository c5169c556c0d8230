import Foundation
import Testing
@testable import FiscalCore

@Suite("Reconciling the example report with the demo book")
struct ReconcileTests {
    static let examplePath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("examples/hengyang-psb-2023-self-evaluation.txt").path

    func reconcile(_ text: String, _ demo: DemoFixture) throws -> ReconcileReport {
        let claims = ReportReader(projectNames: try demo.book.projectNames()).read(text)
        return try demo.book.reconcile(claims, year: 2023)
    }

    @Test func allTwentySixLedgerFiguresMatch() throws {
        let text = try String(contentsOfFile: Self.examplePath, encoding: .utf8)
        let demo = try DemoFixture()
        defer { demo.remove() }
        let report = try reconcile(text, demo)
        let ledger = report.results.filter { $0.claim.isLedgerClaim }
        #expect(ledger.count == 26)
        #expect(ledger.allSatisfy { $0.verdict == .match || $0.verdict == .rounding })
        #expect(report.count(.rounding) == 2)  // 52.61% and 47.39% are rounded rates
        #expect(!report.hasMismatch)
        // Whatever is left is not a ledger figure: people and bodies, never forced onto a metric.
        #expect(report.results.filter { !$0.claim.isLedgerClaim }.allSatisfy { $0.verdict == .unmapped })
    }

    @Test func changingAnyOneFigureMakesExactlyThatClaimAMismatch() throws {
        let text = try String(contentsOfFile: Self.examplePath, encoding: .utf8)
        let demo = try DemoFixture()
        defer { demo.remove() }
        let lines = text.components(separatedBy: "\n")
        let claims = try reconcile(text, demo).results.map(\.claim).filter(\.isLedgerClaim)
        for claim in claims {
            let line = lines[claim.line - 1]
            let number = String(claim.value.text.dropLast(claim.value.unit.rawValue.count))
            let after = line.range(of: claim.label)?.upperBound ?? line.startIndex
            guard let at = line.range(of: number, range: after..<line.endIndex) else {
                Issue.record("cannot find \(number) after \(claim.label) on line \(claim.line)")
                continue
            }
            // Bump the last digit: 40971.98 → 40971.99, 550 → 551, 15 → 16.
            var changed = number
            let last = changed.removeLast()
            changed.append(last == "9" ? "8" : Character(String(last.wholeNumberValue! + 1)))
            var edited = lines
            edited[claim.line - 1] = line.replacingCharacters(in: at, with: changed)
            let report = try reconcile(edited.joined(separator: "\n"), demo)
            let mismatches = report.results.filter { $0.verdict == .mismatch }
            #expect(mismatches.count == 1, "changing \(claim.label) \(number) → \(changed)")
            #expect(mismatches.first?.claim.label == claim.label)
        }
    }

    @Test func priorYearFiguresAreNeverAMismatch() throws {
        let demo = try DemoFixture()
        defer { demo.remove() }
        let text = "（一）基本支出情况\n2023年基本支出53900.18万元，较上年增加1200.5万元，增长2.3%。"
        let report = try reconcile(text, demo)
        #expect(!report.hasMismatch)
        #expect(report.results.contains { $0.claim.metric == ClaimMetric.priorYear && $0.verdict == .notInLedger })
    }

    @Test func claimsFileRoundTrips() throws {
        let text = try String(contentsOfFile: Self.examplePath, encoding: .utf8)
        let demo = try DemoFixture()
        defer { demo.remove() }
        let claims = ReportReader(projectNames: try demo.book.projectNames()).read(text)
        let back = try ClaimsFile.read(ClaimsFile.write(claims))
        #expect(back == claims)
    }

    @Test func aBadClaimsFileNamesEveryBadLine() throws {
        let file = """
            label,metric,scope,value,unit
            工资福利支出,paid,"kind:basic,econ:301",40971.98,万元
            坏行,paid,all,12abc,万元
            另一坏行,paid,all,1,亿元
            """
        #expect {
            try ClaimsFile.read(file)
        } throws: { error in
            let text = "\(error)"
            return text.contains("line 3") && text.contains("line 4") && !text.contains("line 2")
        }
    }

    @Test func statedPrecisionDecidesRoundingNotMismatch() throws {
        let demo = try DemoFixture()
        defer { demo.remove() }
        // The ledger says 69992.56万元 paid; stated with one decimal it rounds to 69992.6.
        let claims = [
            Claim(label: "支出", metric: ClaimMetric.paid, scope: "all",
                  value: StatedValue(hundredths: 6_999_260, decimals: 1, unit: .wan), line: 0),
            Claim(label: "支出", metric: ClaimMetric.paid, scope: "all",
                  value: StatedValue(hundredths: 6_999_250, decimals: 1, unit: .wan), line: 0),
            Claim(label: "支出", metric: ClaimMetric.paid, scope: "all",
                  value: StatedValue(hundredths: 69_992_560_000, decimals: 2, unit: .yuan), line: 0),
            Claim(label: "执行率", metric: ClaimMetric.rateExecution, scope: "all",
                  value: StatedValue(hundredths: 9255, decimals: 2, unit: .percent), line: 0),
        ]
        let verdicts = try demo.book.reconcile(claims, year: 2023).results.map(\.verdict)
        #expect(verdicts == [.rounding, .mismatch, .match, .rounding])
    }
}
