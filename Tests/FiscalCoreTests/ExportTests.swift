import Foundation
import Testing

@testable import FiscalCore

/// `Book.export`: the journal for other tools, which must read it and reach fiscal's balances.
@Suite struct ExportTests {
    /// Two years: 2023 with every kind of event, an econ line of its own, a reversal, an
    /// overdraft and awkward text, then closed; 2024 opened by the close and spent from.
    static func twoYearBook() throws -> TempBook {
        let t = try TempBook(projects: [("JD01", .project), ("RY01", .personnel), ("zx.03", .project)])
        func on(_ d: String, _ e: BudgetEvent, memo: String? = nil, doc: String? = nil, ref: String? = nil,
                overdraft: Bool = false) throws -> JournalEntry {
            try t.book.record(e, RecordOptions(date: day(d), doc: doc, memo: memo, ref: ref, allowOverdraft: overdraft))
        }
        let y = { (s: String) in try! Money.parse(s) }
        _ = try on("2023-01-05", .appropriate(project: "JD01", amount: y("1,000,000"), econ: nil), memo: "年初预算", doc: "预指〔2023〕1号")
        _ = try on("2023-01-05", .appropriate(project: "JD01", amount: y("20,000"), econ: EconomicCode("30217")), doc: "(a) b")
        _ = try on("2023-01-05", .appropriate(project: "RY01", amount: y("500,000"), econ: nil))
        _ = try on("2023-01-05", .appropriate(project: "zx.03", amount: y("80,000"), econ: nil))
        _ = try on("2023-02-10", .pay(project: "JD01", amount: y("12,345.67"), econ: EconomicCode("30201")!),
                   memo: "办公用品; \"打印纸\", 墨盒\n第二行", ref: "V-001")
        let wrong = try on("2023-02-11", .pay(project: "JD01", amount: y("999"), econ: EconomicCode("30217")!), memo: "录错")
        _ = try t.book.reverse(entry: wrong.id, reason: "金额录错", date: day("2023-02-12"))
        _ = try on("2023-03-01", .refund(project: "JD01", amount: y("345.67"), econ: EconomicCode("30201")!))
        _ = try on("2023-04-01", .supplement(project: "RY01", amount: y("30,000"), econ: nil), doc: "追指〔2023〕9号")
        _ = try on("2023-05-01", .reduce(project: "RY01", amount: y("10,000"), econ: nil))
        _ = try on("2023-06-01", .transfer(from: "JD01", to: "zx.03", amount: y("100,000")))
        _ = try on("2023-07-01", .pay(project: "zx.03", amount: y("200,000"), econ: EconomicCode("31002")!), overdraft: true)
        _ = try on("2023-07-15", .supplement(project: "zx.03", amount: y("20,000"), econ: nil), memo: "补足超支")
        _ = try on("2023-08-01", .recall(project: "RY01", amount: y("5,000")))
        _ = try on("2023-09-01", .pay(project: "RY01", amount: y("400,000"), econ: EconomicCode("30101")!))
        _ = try t.book.close(year: 2023, today: day("2024-01-10"))
        _ = try on("2024-01-05", .appropriate(project: "JD01", amount: y("600,000"), econ: nil))
        _ = try on("2024-02-01", .pay(project: "JD01", amount: y("1,234.50"), econ: EconomicCode("30201")!), ref: "V-101")
        return t
    }

    static func text(_ book: Book, _ format: ExportFormat, year: Int? = nil) throws -> String {
        var out = ""
        _ = try book.export(format, year: year, to: &out)
        return out
    }

    /// fiscal's balances of a year: per account (debit positive), and what each project has
    /// available, from the trial balance (the maintained totals, not the exported text).
    static func fiscalBalances(_ book: Book, _ year: Int) throws -> (accounts: [String: Money], available: [String: Money]) {
        let tb = try book.trialBalance(year: year)
        var accounts: [String: Money] = [:]
        for line in tb.accounts where !line.balance.isZero { accounts[line.account.rawValue] = line.balance }
        var available: [String: Money] = [:]
        for p in tb.projects where !p.available.isZero { available[p.code] = p.available }
        return (accounts, available)
    }

    // MARK: hledger

    @Test(.enabled(if: ExternalTool.hledger != nil, "hledger is not installed (apt-get install hledger); skipped"))
    func hledgerChecksTheExportAndReachesFiscalsBalances() throws {
        let t = try Self.twoYearBook()
        let hledger = ExternalTool.hledger!
        for year in [2023, 2024] as [Int?] + [nil] {
            let path = try t.file("book-\(year.map(String.init) ?? "all").journal", try Self.text(t.book, .hledger, year: year))
            let check = try ExternalTool.run(hledger, ["-f", path, "check", "--strict"])
            #expect(check.status == 0, "hledger check: \(check.stderr)")

            for y in (year.map { [$0] } ?? [2023, 2024]) {
                let fiscal = try Self.fiscalBalances(t.book, y)
                let accounts = try ExternalTool.run(hledger, ["-f", path, "bal", "-p", "\(y)", "--depth", "2", "-O", "csv"])
                #expect(try Self.hledgerCSV(accounts.stdout, prefix: "budget:") == fiscal.accounts)
                let projects = try ExternalTool.run(hledger, ["-f", path, "bal", "budget:available", "-p", "\(y)", "--depth", "3", "-O", "csv"])
                let available = try Self.hledgerCSV(projects.stdout, prefix: "budget:available:").mapValues { -$0 }
                // Account names replace nothing in these codes but the `.` is kept as is.
                #expect(available == fiscal.available)
            }
        }
    }

    @Test(.enabled(if: ExternalTool.hledger != nil, "hledger is not installed (apt-get install hledger); skipped"))
    func hledgerRejectsAnExportThatDisagreesWithFiscal() throws {
        let t = try Self.twoYearBook()
        let text = try Self.text(t.book, .hledger, year: 2023)
        let paid = try Self.fiscalBalances(t.book, 2023).accounts["paid"]!
        let tampered = text.replacingOccurrences(of: "=* \(paid.plain) CNY", with: "=* \((paid - Money(fen: 1)).plain) CNY")
        #expect(tampered != text)
        let check = try ExternalTool.run(ExternalTool.hledger!, ["-f", try t.file("bad.journal", tampered), "check"])
        #expect(check.status != 0)
        #expect(check.stderr.contains("balance assertion"))
    }

    /// `"account","balance"` rows of `hledger bal -O csv`, amounts like `-12345.67 CNY`.
    static func hledgerCSV(_ csv: String, prefix: String) throws -> [String: Money] {
        var out: [String: Money] = [:]
        for line in csv.split(separator: "\n") {
            let fields = line.split(separator: ",", maxSplits: 1).map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"\r")) }
            guard fields.count == 2, fields[0].hasPrefix(prefix) else { continue }
            let amount = fields[1].replacingOccurrences(of: " CNY", with: "")
            out[String(fields[0].dropFirst(prefix.count))] = try Money.parse(amount)
        }
        return out.filter { !$0.value.isZero }
    }

    // MARK: beancount

    @Test(.enabled(if: ExternalTool.beanCheck != nil, "beancount is not installed (pip install beancount); skipped"))
    func beanCheckAcceptsTheExportAndBeancountReachesFiscalsBalances() throws {
        let t = try Self.twoYearBook()
        for year in [2023, 2024] as [Int?] + [nil] {
            let path = try t.file("book-\(year.map(String.init) ?? "all").beancount", try Self.text(t.book, .beancount, year: year))
            let check = try ExternalTool.run(ExternalTool.beanCheck!, [path])
            #expect(check.status == 0, "bean-check: \(check.stdout) \(check.stderr)")

            for y in (year.map { [$0] } ?? [2023, 2024]) {
                let fiscal = try Self.fiscalBalances(t.book, y)
                let sums = try Self.beancountBalances(path, year: y)
                let accounts = sums.filter { $0.key.split(separator: ":").count == 3 }
                #expect(Dictionary(uniqueKeysWithValues: accounts.map { ($0.key.split(separator: ":")[2].lowercased(), $0.value) })
                            .filter { !$0.value.isZero } == fiscal.accounts)
                let available = sums.filter { $0.key.hasPrefix("Equity:Budget:Available:") && $0.key.split(separator: ":").count == 4 }
                // zx.03 is an account component only as Zx-03; the posting metadata keeps the code.
                let names = ["JD01": "JD01", "RY01": "RY01", "Zx-03": "zx.03"]
                #expect(Dictionary(uniqueKeysWithValues: available.map { (names[String($0.key.split(separator: ":")[3])]!, -$0.value) })
                            .filter { !$0.value.isZero } == fiscal.available)
            }
        }
    }

    @Test(.enabled(if: ExternalTool.beanCheck != nil, "beancount is not installed (pip install beancount); skipped"))
    func beanCheckRejectsAnExportThatDisagreesWithFiscal() throws {
        let t = try Self.twoYearBook()
        let text = try Self.text(t.book, .beancount, year: 2023)
        let paid = try Self.fiscalBalances(t.book, 2023).accounts["paid"]!
        let tampered = text.replacingOccurrences(of: "Equity:Budget:Paid  \(paid.plain) ~", with: "Equity:Budget:Paid  \((paid - Money(fen: 1)).plain) ~")
        #expect(tampered != text)
        let check = try ExternalTool.run(ExternalTool.beanCheck!, [try t.file("bad.beancount", tampered)])
        #expect(check.status != 0)
        #expect((check.stdout + check.stderr).contains("Balance failed"))
    }

    /// Σ postings per account and every parent account, over the transactions of a year, as
    /// beancount's own loader books them (every depth from `Equity:Budget:X` down).
    static func beancountBalances(_ path: String, year: Int) throws -> [String: Money] {
        let script = """
            import sys
            from collections import defaultdict
            from beancount import loader
            from beancount.core import data
            entries, errors, options = loader.load_file(sys.argv[1])
            if errors:
                sys.exit("errors: %r" % (errors,))
            sums = defaultdict(int)
            for e in entries:
                if isinstance(e, data.Transaction) and e.date.year == int(sys.argv[2]):
                    for p in e.postings:
                        parts = p.account.split(":")
                        for depth in range(3, len(parts) + 1):
                            sums[":".join(parts[:depth])] += int(p.units.number * 100)
            for account, fen in sorted(sums.items()):
                print("%s %d" % (account, fen))
            """
        let run = try ExternalTool.run(ExternalTool.python!, ["-c", script, path, "\(year)"])
        guard run.status == 0 else { throw FiscalError.refused("python: \(run.stderr)") }
        var out: [String: Money] = [:]
        for line in run.stdout.split(separator: "\n") {
            let parts = line.split(separator: " ")
            out[String(parts[0])] = Money(fen: Int64(parts[1])!)
        }
        return out
    }

    @Test func beancountAccountComponents() {
        #expect(LedgerWriter.beancountComponent("JD01") == "JD01")
        #expect(LedgerWriter.beancountComponent("2023-01") == "2023-01")
        #expect(LedgerWriter.beancountComponent("zx.03") == "Zx-03")
        #expect(LedgerWriter.beancountComponent("_a") == "X-a")
        #expect(LedgerWriter.beancountComponent("禁毒01") == "禁毒01")
        #expect(LedgerWriter.hledgerComponent("a:b;c") == "a_b_c")
        // Two codes that would read alike get distinct names.
        let writer = LedgerWriter(format: .beancount, bookName: "x", projects: [
            Project(code: "A.1", name: "a", kind: .project, fund: .general),
            Project(code: "A-1", name: "b", kind: .project, fund: .general),
        ])
        #expect(Set(writer.component.values) == ["A-1", "A-1-2"])
    }

    // MARK: CSV and JSON

    /// Export the events as CSV, import them into a new book: the same entries and the same
    /// maintained totals, so every report is the same.
    @Test func csvRoundTripGivesTheSameBook() throws {
        let original = try TempBook(projects: [("JD01", .project), ("RY01", .personnel), ("zx.03", .project)])
        let y = { (s: String) in try! Money.parse(s) }
        let events: [(String, BudgetEvent, String?, Bool)] = [
            ("2023-01-05", .appropriate(project: "JD01", amount: y("1,000,000"), econ: nil), "年初预算, 第一批", false),
            ("2023-01-05", .appropriate(project: "JD01", amount: y("20,000"), econ: EconomicCode("30217")), nil, false),
            ("2023-01-05", .appropriate(project: "RY01", amount: y("500,000"), econ: nil), nil, false),
            ("2023-02-10", .pay(project: "JD01", amount: y("12,345.67"), econ: EconomicCode("30201")!), "办公用品; \"打印纸\"\n第二行", false),
            ("2023-02-11", .pay(project: "JD01", amount: y("19,999.99"), econ: EconomicCode("30217")!), "接待", false),
            ("2023-03-01", .refund(project: "JD01", amount: y("345.67"), econ: EconomicCode("30201")!), nil, false),
            ("2023-04-01", .supplement(project: "RY01", amount: y("30,000"), econ: EconomicCode("30101")), nil, false),
            ("2023-05-01", .reduce(project: "RY01", amount: y("10,000"), econ: nil), nil, false),
            ("2023-06-01", .transfer(from: "JD01", to: "zx.03", amount: y("100,000")), nil, false),
            ("2023-07-01", .pay(project: "zx.03", amount: y("200,000"), econ: EconomicCode("31002")!), "超支", true),
            ("2023-08-01", .recall(project: "RY01", amount: y("5,000")), nil, false),
            ("2023-09-01", .carryIn(project: "RY01", amount: y("7,000")), nil, false),
            ("2024-01-05", .appropriate(project: "JD01", amount: y("600,000"), econ: nil), nil, false),
            ("2024-02-01", .pay(project: "JD01", amount: y("1,234.50"), econ: EconomicCode("30201")!), nil, false),
        ]
        try original.book.openYear(2024, date: day("2023-12-01"))
        for (i, (date, event, memo, overdraft)) in events.enumerated() {
            try original.book.record(event, RecordOptions(date: day(date), doc: i % 3 == 0 ? "文\(i)" : nil, memo: memo,
                                                          ref: i % 2 == 0 ? "R\(i)" : nil, allowOverdraft: overdraft))
        }
        let csv = try Self.text(original.book, .csv)
        let copy = try TempBook(projects: [("JD01", .project), ("RY01", .personnel), ("zx.03", .project)])
        try copy.book.openYear(2024, date: day("2023-12-01"))
        let result = try copy.book.importEvents(fromFile: try copy.file("events.csv", csv), options: ImportOptions(allowOverdraft: true))
        #expect(result.isAccepted && result.posted == events.count && result.overdrafts == 1, "\(result.problems)")

        func journal(_ t: TempBook) throws -> [String] {
            try t.book.journal(JournalFilter()).map { e in
                "\(e.date) \(e.kind) \(e.doc ?? "-") \(e.memo ?? "-") \(e.ref ?? "-") \(e.overdraft) "
                    + e.postings.map { "\($0.account.rawValue)/\($0.projectCode)/\($0.econ ?? "")/\($0.amount.fen)" }.joined(separator: " ")
            }
        }
        #expect(try journal(copy) == journal(original))
        for year in [2023, 2024] {
            #expect(Set(try copy.book.store.monthlyTotals(year: year)) == Set(try original.book.store.monthlyTotals(year: year)))
        }
        // Exporting the copy gives the same file.
        #expect(try Self.text(copy.book, .csv) == csv)
    }

    @Test func csvLeavesOutWhatIsNotAnEvent() throws {
        let t = try Self.twoYearBook()
        var out = ""
        let summary = try t.book.export(.csv, to: &out)
        #expect(summary.reversalsLeftOut == 2)
        #expect(summary.yearEndLeftOut > 0)
        #expect(!out.contains("录错"))
        #expect(out.hasPrefix("date,kind,project,amount,econ,doc,ref,memo,to_project\n"))
        #expect(out.contains("2023-02-10,pay,JD01,12345.67,30201,,V-001,\"办公用品; \"\"打印纸\"\", 墨盒\n第二行\",\n"))
        #expect(out.contains("2023-06-01,transfer,JD01,100000.00,,,,,zx.03\n"))
    }

    @Test func jsonHasEveryEntryAndProject() throws {
        let t = try Self.twoYearBook()
        var out = ""
        let summary = try t.book.export(.json, to: &out)
        let object = try JSONSerialization.jsonObject(with: Data(out.utf8)) as! [String: Any]
        let entries = object["entries"] as! [[String: Any]]
        #expect(entries.count == summary.entries)
        #expect(entries.count == (try t.book.journal(JournalFilter()).count))
        #expect((object["projects"] as! [[String: Any]]).map { $0["code"] as! String } == ["JD01", "RY01", "zx.03"])
        #expect(object["years"] as! [Int] == [2023, 2024])
        let first = entries[0]["postings"] as! [[String: Any]]
        #expect(first[0]["amount"] as! String == "1000000.00")
    }

    @Test func anUnknownYearIsRefused() throws {
        let t = try TempBook()
        var out = ""
        #expect(throws: FiscalError.self) { try t.book.export(.hledger, year: 1999, to: &out) }
    }
}

/// Programs of other tools, found on PATH, run to completion.
enum ExternalTool {
    static let hledger = find("hledger")
    static let beanCheck = find("bean-check")
    static let python: String? = {
        // bean-check's own interpreter, so that `import beancount` finds the same package.
        if let bean = beanCheck, let first = try? String(contentsOfFile: bean, encoding: .utf8).split(separator: "\n").first,
           first.hasPrefix("#!"), !first.contains("env"), FileManager.default.isExecutableFile(atPath: String(first.dropFirst(2))) {
            return String(first.dropFirst(2))
        }
        return find("python3")
    }()

    static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        // stdout through a pipe read to the end, stderr into a file: neither can fill up and
        // block the tool while the other is being read.
        let errPath = FileManager.default.temporaryDirectory.appendingPathComponent("fiscal-tool-\(UUID().uuidString).err")
        _ = FileManager.default.createFile(atPath: errPath.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errPath) }
        let out = Pipe()
        let err = try FileHandle(forWritingTo: errPath)
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try err.close()
        let errData = try Data(contentsOf: errPath)
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }
}
