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

        @Option(help: ArgumentHelp("The month, e.g. 2023-06 or 2023/6 (default: the month of today).", valueName: "month"), transform: DateArgument.month)
        var month: YearMonth?

        @Option(help: ArgumentHelp("Rows: project, kind, fund, unit, function or econ.", valueName: "grouping"))
        var by: ProgressGrouping = .project

        @Option(help: ArgumentHelp("Rate denominator: total (with carry-in) or current (this year's budget).", valueName: "basis"))
        var basis: RateBasis = .total

        @Option(name: .customLong("time-progress"), help: ArgumentHelp("Time progress by month (m/12) or day (days elapsed / days in year).", valueName: "rule"))
        var timeProgress: TimeProgressRule = .month

        @Option(name: .customLong("lag-threshold"), help: ArgumentHelp("A row lags when it is more than this many points behind time progress (default 10; -10 means the same).", valueName: "points"))
        var lagThreshold = LagThreshold(argument: "10")!

        @Option(help: ArgumentHelp("Also write an SVG chart of the cumulative execution rate to this file.", valueName: "file.svg"))
        var chart: String?

        func run() throws {
            let today = try book.todayDay()
            var spec = ProgressSpec(month: month ?? YearMonth(year: today.year, month: today.month)!)
            spec.grouping = by
            spec.basis = basis
            spec.timeProgress = timeProgress
            spec.lagThreshold = lagThreshold.hundredths
            let opened = try book.openReader()
            // One read of the book: the figures, the chart and the seal at the foot all come
            // from the same snapshot.
            // By unit on a consolidated book, the totals per unit are all the table needs (the
            // chart still reads every total).
            let snapshot = try opened.snapshot(year: spec.month.year, throughMonth: spec.month.month,
                                               detail: by == .unit && chart == nil ? .units : .projects)
            let report = ProgressReport(spec: spec, snapshot: snapshot)
            if let chart {
                let series = ProgressSeries(spec: spec, snapshot: snapshot)
                let svg = renderSVG(ProgressChart.chart(series, lang: output.lang))
                do {
                    try svg.write(toFile: chart, atomically: true, encoding: .utf8)
                } catch {
                    throw CommandFailure(message: "--chart '\(chart)': " + cannotWrite(chart, otherwise: error.localizedDescription))
                }
            }
            try ProgressView(report: report, style: MoneyStyle(output)).rendered
                .sealed(report.seal, lang: output.lang).print(for: output)
        }
    }
}
