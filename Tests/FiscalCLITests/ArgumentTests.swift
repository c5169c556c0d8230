import ArgumentParser
import Testing

@testable import FiscalCLI
import FiscalCore

// Every bad argument is the argument parser's usage error (exit 64), never a refusal of the
// core (exit 1); completion offers the values.

private func exitCode(_ arguments: [String]) -> Int32 {
    do {
        _ = try FiscalCommand.parseAsRoot(arguments)
        return 0
    } catch {
        return FiscalCommand.exitCode(for: error).rawValue
    }
}

@Test(arguments: [
    ["report", "progress", "--by", "colour"],
    ["report", "progress", "--basis", "x"],
    ["report", "progress", "--time-progress", "week"],
    ["report", "progress", "--month", "2023-13"],
    ["report", "progress", "--lag-threshold", "ten"],
    ["report", "expenditure", "--by", "x"],
    ["report", "expenditure", "--kind", "x"],
    ["report", "settlement", "--format", "xml"],
    ["report", "sangong", "--unit", "jiao"],
    ["journal", "--lang", "fr"],
    ["journal", "--from", "2023-02-30"],
    ["balance", "--by", "colour"],
    ["balance", "--today", "2023-02-30"],
    ["project", "add", "X", "--name", "x", "--kind", "basic"],
    ["project", "add", "X", "--name", "x", "--kind", "project", "--fund", "cash"],
    ["project", "add", "X", "--name", "x", "--kind", "project", "--function", "20"],
    ["project", "status", "X", "finished"],
    ["pay", "JD01", "12abc", "--econ", "30201"],
    ["pay", "JD01", "0", "--econ", "30201"],
    ["pay", "JD01", "1", "--econ", "3020"],
    ["pay", "JD01", "1", "--econ", "30201", "--date", "03/01/2023"],
    ["transfer", "A", "B", "1.234"],
    ["carry-in", "JD01", "1", "--year", "2023", "--date", "2024-01-01"],
    ["reverse", "1", "--reason", "x", "--date", "2023-13-01"],
    ["import", "x.csv", "--encoding", "latin1"],
    ["export", "--format", "xml"],
])
func badArgumentsAreUsageErrors(_ arguments: [String]) {
    #expect(exitCode(arguments) == 64, "\(arguments)")
}

@Test func goodArgumentsParse() {
    #expect(exitCode(["report", "progress", "--by", "fund", "--month", "2023-06", "--lag-threshold=-7.5"]) == 0)
    #expect(exitCode(["import", "x.csv", "--encoding", "GBK"]) == 0)
    #expect(exitCode(["pay", "JD01", "1,234.56", "--econ", "30201", "--date", "2024-02-29"]) == 0)
}

@Test func completionKnowsTheValues() {
    #expect(ProgressGrouping.allValueStrings == ["project", "kind", "fund", "unit", "function", "econ"])
    #expect(Fund.allValueStrings == ["general", "gov-fund", "state-capital", "social-insurance", "other"])
    #expect(TextEncoding.allValueStrings == ["utf-8", "gb18030"])
    #expect(ExportFormat.allValueStrings.contains("beancount"))
}

@Test func theLagThresholdIsAlwaysBehind() {
    #expect(LagThreshold(argument: "10")?.hundredths == -1000)
    #expect(LagThreshold(argument: "-7.5")?.hundredths == -750)
    #expect(LagThreshold(argument: "10万") == nil)
}

@Test func coreErrorsGetTheFlagHint() {
    #expect(ErrorWording.line(for: .noBook(path: "x.db")) == "no book at x.db (create one with `fiscal init --name NAME`, or pass --db)")
    #expect(ErrorWording.line(for: .overdraft("pay 2.00 exceeds available 1.00 of project JD01 in 2023"))
            == "pay 2.00 exceeds available 1.00 of project JD01 in 2023 (--allow-overdraft records it anyway)")
    #expect(ErrorWording.line(for: .yearNotEnded(year: 2023, today: Day("2023-12-30")!, closingDate: Day("2023-12-31")!))
            == "year 2023 has not ended (today is 2023-12-30): entries may still come in 2023; close it on or after 2023-12-31, or preview with --dry-run")
    #expect(ErrorWording.line(for: .yearAlreadyClosed(2023)) == "year 2023 is already closed (`fiscal reopen --year 2023 --reason …` first)")
    #expect(ErrorWording.line(for: .unknownProject("X")) == "project 'X': no such project")
}
