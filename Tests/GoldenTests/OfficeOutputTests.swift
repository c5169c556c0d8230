import Foundation
import Testing

/// The .xlsx and HTML outputs, checked by readers that are not fiscal's: openpyxl for the
/// workbook (Tests/Scripts/read_xlsx.py), headless Chromium for the page (Tests/Scripts/
/// check_html.sh). Each skips with a message where its reader is not installed; `.ci/run`
/// installs both.
@Suite struct OfficeOutputTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let openpyxl: Bool = (try? runCommand(URL(fileURLWithPath: "/usr/bin/env"), arguments: ["python3", "-c", "import openpyxl"],
                                                 in: root, environment: ProcessInfo.processInfo.environment,
                                                 capturingIn: scratch()).status) == 0

    static func scratch() -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("fiscal-office-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Runs fiscal in `dir` on the demo book there; fails the test on a non-zero exit.
    static func fiscal(_ arguments: [String], in dir: URL) throws -> String {
        let binary = try #require(FiscalBinary.url)
        let env = ["FISCAL_DB": "demo.db", "FISCAL_TODAY": "2023-12-31", "PATH": "/usr/bin:/bin"]
        let outcome = try runCommand(binary, arguments: arguments, in: dir, environment: env, capturingIn: scratch())
        #expect(outcome.status == 0, "fiscal \(arguments.joined(separator: " ")): \(outcome.stderr)")
        return outcome.stdout
    }

    static func demo() throws -> URL {
        let dir = scratch()
        _ = try fiscal(["demo"], in: dir)
        return dir
    }

    struct Sheet: Decodable { var name: String; var freeze: String?; var widths: [Double]; var rows: [[String]]; var formats: [[String]] }

    @Test(.enabled(if: openpyxl, "openpyxl is not installed (python3 -m pip install openpyxl); skipped"))
    func aProgressWorkbookHoldsTheTablesFiguresAsNumbers() throws {
        let dir = try Self.demo()
        _ = try Self.fiscal(["report", "progress", "--month", "2023-06", "--format", "xlsx", "-o", "p.xlsx"], in: dir)
        let csv = try Self.fiscal(["report", "progress", "--month", "2023-06", "--format", "csv"], in: dir)
        let read = try runCommand(URL(fileURLWithPath: "/usr/bin/env"),
                                  arguments: ["python3", Self.root.appendingPathComponent("Tests/Scripts/read_xlsx.py").path, "p.xlsx"],
                                  in: dir, environment: ProcessInfo.processInfo.environment, capturingIn: Self.scratch())
        #expect(read.status == 0, "\(read.stderr)")
        let sheets = try JSONDecoder().decode([Sheet].self, from: Data(read.stdout.utf8))
        let sheet = try #require(sheets.first)
        #expect(sheet.freeze == "A4")
        #expect(sheet.rows[0][0].hasPrefix("衡阳市公安局 2023年6月 支出进度"))
        #expect(sheet.rows[1][0].hasPrefix("单位：万元"))
        // The data rows: every figure the CSV has, as a number Excel shows the same way.
        let csvRows = csv.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let dataRows = Array(sheet.rows[3..<(3 + csvRows.count)])
        #expect(dataRows.map { $0.prefix(csvRows[0].count).map { $0 } } == csvRows)
        #expect(sheet.formats[3][2] == "#,##0.00" && sheet.formats[3][8] == "0.00%")
        #expect(sheet.rows.contains { $0.first?.hasPrefix("尾差：") == true })
        // The name column fits the longest Chinese name (2 units a character).
        #expect(sheet.widths[1] >= 44)
    }
}

/// The month-end pack in a real browser, and reports read from Word, web pages and PDF.
extension OfficeOutputTests {
    static let chromium = ["chromium", "chromium-browser", "google-chrome"].contains { name in
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
            .contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(name)") }
    }
    static let pdftotext = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        .contains { FileManager.default.isExecutableFile(atPath: "\($0)/pdftotext") }

    @Test(.enabled(if: chromium, "chromium is not installed (apt-get install chromium); skipped"))
    func theMonthEndPackRendersInChromiumWithinA4() throws {
        let dir = try Self.demo()
        _ = try Self.fiscal(["report", "month-end", "--month", "2023-06", "-o", "pack.html"], in: dir)
        let check = try runCommand(URL(fileURLWithPath: "/usr/bin/env"),
                                   arguments: ["bash", Self.root.appendingPathComponent("Tests/Scripts/check_html.sh").path,
                                               dir.appendingPathComponent("pack.html").path],
                                   in: dir, environment: ProcessInfo.processInfo.environment, capturingIn: Self.scratch())
        #expect(check.status == 0, "\(check.stderr)")
        let facts = Dictionary(check.stdout.split(separator: "\n").compactMap { line -> (String, String)? in
            let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
            return parts.count == 2 ? (parts[0], parts[1]) : nil
        }, uniquingKeysWith: { a, _ in a })
        #expect(facts["screenshot"] == "1123x794")
        #expect(facts["tables"] == "5")  // lagging, by kind, by project, expenditure by econ, 三公
        #expect(facts["overflow"] == "0")
        #expect(facts["svg"] == "1")
        #expect(facts["external"] == "0")
    }

    /// What `reconcile` says of the example report given as `file` (csv; without the line column when `dropLine`).
    static func verdicts(_ file: String, in dir: URL, dropLine: Bool = false) throws -> String {
        let out = try fiscal(["reconcile", "--year", "2023", "--report", file, "--format", "csv"], in: dir)
        guard dropLine else { return out }
        return out.split(separator: "\n").map { $0.split(separator: ",", maxSplits: 1).last.map(String.init) ?? "" }.joined(separator: "\n")
    }

    @Test func theExampleAsWordAndAsAWebPageGivesTheTextsVerdicts() throws {
        let dir = try Self.demo()
        let example = Self.root.appendingPathComponent("examples/hengyang-psb-2023-self-evaluation.txt").path
        let fixtures = Self.root.appendingPathComponent("Tests/Fixtures/office")
        let text = try Self.verdicts(example, in: dir)
        #expect(text.contains("一致"))
        #expect(try Self.verdicts(fixtures.appendingPathComponent("hengyang-report.docx").path, in: dir) == text)
        #expect(try Self.verdicts(fixtures.appendingPathComponent("hengyang-report.html").path, in: dir) == text)
    }

    @Test(.enabled(if: pdftotext, "pdftotext is not installed (apt-get install poppler-utils); skipped"))
    func theExampleAsPDFGivesTheTextsVerdictsOnItsOwnLines() throws {
        let dir = try Self.demo()
        let example = Self.root.appendingPathComponent("examples/hengyang-psb-2023-self-evaluation.txt").path
        let pdf = Self.root.appendingPathComponent("Tests/Fixtures/office/hengyang-report.pdf").path
        #expect(try Self.verdicts(pdf, in: dir, dropLine: true) == Self.verdicts(example, in: dir, dropLine: true))
    }

    @Test func aPDFWithoutPdftotextIsRefusedNamingThePackage() throws {
        let dir = Self.scratch()
        let binary = try #require(FiscalBinary.url)
        let pdf = Self.root.appendingPathComponent("Tests/Fixtures/office/hengyang-report.pdf").path
        let outcome = try runCommand(binary, arguments: ["reconcile", "--report", pdf, "--self-check", "--db", "none.db"], in: dir,
                                     environment: ["PATH": "/nonexistent", "FISCAL_TODAY": "2024-01-15"], capturingIn: Self.scratch())
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("pdftotext from poppler-utils"))
    }
}
