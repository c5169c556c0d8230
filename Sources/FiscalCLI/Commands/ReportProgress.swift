import ArgumentParser
import FiscalCore
import Foundation

extension FiscalCommand {
    struct ReportProgress: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "progress",
            abstract: "Month-end progress (月度支出进度): execution rate against time progress.",
            discussion: """
                As of the last day of the month: per row the year's initial budget, additions,
                reductions, transfers, carry-in, recalls, total budget, the month's payments, paid
                to date, available, the execution rate, time progress (序时进度), the gap in
                percentage points and whether the row lags. Group rates come from the group's sums.

                Examples:
                  fiscal report progress --month 2023-06
                  fiscal report progress --month 2023-12 --by kind --format json
                  fiscal report progress --month 2023-06 --chart progress.svg
                """
        )

        @OptionGroup var book: BookOptions
        @OptionGroup var output: OutputOptions

        @Option(help: ArgumentHelp("The month, YYYY-MM (default: the month of today).", valueName: "month"))
        var month: String?

        @Option(help: ArgumentHelp("Rows: project, kind, fund, unit, function or econ.", valueName: "grouping"))
        var by: String = "project"

        @Option(help: ArgumentHelp("Rate denominator: total (with carry-in) or current (this year's budget).", valueName: "basis"))
        var basis: String = "total"

        @Option(name: .customLong("time-progress"), help: ArgumentHelp("Time progress by month (m/12) or day (days elapsed / days in year).", valueName: "rule"))
        var timeProgress: String = "month"

        @Option(name: .customLong("lag-threshold"), help: ArgumentHelp("A row lags when it is more than this many points behind time progress (default 10; -10 means the same).", valueName: "points"))
        var lagThreshold: String = "10"

        @Option(help: ArgumentHelp("Also write an SVG chart of the cumulative execution rate to this file.", valueName: "file.svg"))
        var chart: String?

        func run() throws {
            let today = try book.todayDay()
            var spec = ProgressSpec(month: try month.map(parseMonth) ?? YearMonth(year: today.year, month: today.month)!)
            spec.grouping = try parseChoice(by, field: "--by")
            spec.basis = try parseChoice(basis, field: "--basis")
            spec.timeProgress = try parseChoice(timeProgress, field: "--time-progress")
            spec.lagThreshold = try parsePoints(lagThreshold)
            let opened = try book.openReader()
            let report = try opened.progressReport(spec)
            if let chart {
                let series = try opened.progressSeries(spec)
                let svg = renderSVG(ProgressChart.chart(series, lang: output.lang))
                do {
                    try svg.write(toFile: chart, atomically: true, encoding: .utf8)
                } catch {
                    throw FiscalError.invalidValue(field: "--chart", value: chart, reason: "cannot write: \(error.localizedDescription)")
                }
            }
            ProgressView(report: report, style: MoneyStyle(output)).rendered.print(for: output)
        }
    }
}

func parseMonth(_ text: String) throws -> YearMonth {
    guard let m = YearMonth(text) else {
        throw FiscalError.invalidValue(field: "--month", value: text, reason: "not a month (YYYY-MM)")
    }
    return m
}

func parseChoice<T: RawRepresentable & CaseIterable>(_ text: String, field: String) throws -> T where T.RawValue == String {
    guard let value = T(rawValue: text) else {
        let choices = T.allCases.map(\.rawValue).joined(separator: ", ")
        throw FiscalError.invalidValue(field: field, value: text, reason: "must be one of \(choices)")
    }
    return value
}

/// Points behind time progress with up to two decimals ("10", "7.5", or "-10" as written in
/// `--lag-threshold=-10`) as a threshold in hundredths of a point, always at or below zero.
func parsePoints(_ text: String) throws -> Int64 {
    // Money's parser reads a signed decimal with two places exactly as we need.
    guard !text.contains("万"), !text.contains("元"), !text.contains(","),
          let value = try? Money.parse(text) else {
        throw FiscalError.invalidValue(field: "--lag-threshold", value: text, reason: "not a number of percentage points")
    }
    return -abs(value.fen)
}
