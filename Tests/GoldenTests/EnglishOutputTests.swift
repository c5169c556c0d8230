import Foundation
import Testing

/// `--lang en` translates every label and note (issue 13): every report and listing of the
/// demo book, in every text format, holds no Chinese but data values — project names and
/// units, code names, memos and document numbers, the book's name, and for `reconcile` the
/// report's own text. JSON is left out: its keys are English and its values are data in
/// both languages.
@Suite struct EnglishOutputTests {
    private func run(_ binary: URL, _ arguments: [String], in dir: URL) throws -> (status: Int32, out: String) {
        let p = Process()
        p.executableURL = binary
        p.arguments = arguments
        p.currentDirectoryURL = dir
        p.environment = ["FISCAL_TODAY": "2024-01-15", "FISCAL_DB": "book.db", "PATH": "/usr/bin:/bin"]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Runs of CJK characters and CJK punctuation, as they appear in a line.
    static func chineseRuns(_ text: String) -> [String] {
        var runs: [String] = []
        var current = ""
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if (0x3000...0x9FFF).contains(v) || (0xFF00...0xFFEF).contains(v) || v == 0x201C || v == 0x201D {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                runs.append(current); current = ""
            }
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }

    @Test func theChineseLeftInEnglishOutputIsData() throws {
        #expect(Self.chineseRuns("total 合计 (unit: 万元)") == ["合计", "万元"])
        let binary = try #require(FiscalBinary.url)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fiscal-en-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try run(binary, ["demo"], in: dir).status == 0)

        // The data: whatever the book holds as text, in CSV (no labels of fiscal's own in the
        // values; the headers of these listings are English).
        var data = ""
        for listing in [["project", "list"], ["codes", "econ"], ["codes", "function"], ["journal"]] {
            let r = try run(binary, listing + ["--format", "csv"], in: dir)
            #expect(r.status == 0)
            data += r.out
        }
        data += "衡阳市公安局"
        let reportFile = GoldenTests.packageRoot.appendingPathComponent("examples/hengyang-psb-2023-self-evaluation.txt")
        let reportText = try String(contentsOf: reportFile, encoding: .utf8)

        let reports: [[String]] = [
            ["report", "progress", "--month", "2023-06"], ["report", "progress", "--month", "2023-12", "--by", "kind"],
            ["report", "progress", "--month", "2023-12", "--by", "fund", "--basis", "current"], ["report", "progress", "--month", "2023-12", "--by", "econ"],
            ["report", "progress", "--month", "2023-12", "--by", "function"],
            ["report", "progress", "--month", "2023-12", "--by", "unit"],
            ["report", "expenditure", "--year", "2023"], ["report", "expenditure", "--year", "2023", "--by", "function"],
            ["report", "settlement", "--year", "2023"], ["report", "sangong", "--year", "2023"],
            ["report", "self-evaluation", "--year", "2023"], ["close", "--year", "2023", "--dry-run"],
            ["journal"], ["balance"], ["balance", "--by", "project"], ["project", "list"], ["project", "show", "XM01"],
            ["status"], ["year", "list"], ["import", "list"], ["codes", "econ", "302"],
            ["reconcile", "--year", "2023", "--report", reportFile.path],
            ["reconcile", "--year", "2023", "--report", reportFile.path, "--self-check"],
        ]
        var leaks: [String] = []
        for report in reports {
            for format in ["table", "csv", "markdown", "html"] {
                var arguments = report + ["--lang", "en", "--format", format]
                if format == "table" { arguments.append("--wide") }
                let r = try run(binary, arguments, in: dir)
                #expect(r.status == 0, "\(arguments): \(r.out)")
                let allowed = report[0] == "reconcile" ? data + reportText : data
                for line in r.out.split(separator: "\n") {
                    for run in Self.chineseRuns(String(line)) where !allowed.contains(run) {
                        leaks.append("\(arguments.joined(separator: " ")): '\(run)' in \(line.prefix(120))")
                    }
                }
            }
        }
        // The month-end pack is one HTML page.
        #expect(try run(binary, ["report", "month-end", "--month", "2023-06", "--lang", "en", "-o", "pack.html"], in: dir).status == 0)
        let pack = try String(contentsOf: dir.appendingPathComponent("pack.html"), encoding: .utf8)
        for line in pack.split(separator: "\n") {
            for run in Self.chineseRuns(String(line)) where !data.contains(run) { leaks.append("month-end: '\(run)' in \(line.prefix(120))") }
        }
        #expect(leaks.isEmpty, "\(leaks.count) Chinese labels in English output:\n\(leaks.prefix(30).joined(separator: "\n"))")
    }
}
