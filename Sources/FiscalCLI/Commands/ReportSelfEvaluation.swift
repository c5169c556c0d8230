import ArgumentParser
import FiscalCore

extension FiscalCommand {
    struct ReportSelfEvaluation: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "self-evaluation",
            abstract: "The 预算执行情况 block of the 绩效自评表: 年初预算数, 全年预算数, 全年执行数, 分值, 执行率, 得分.",
            discussion: """
                Per project (or the one --project names), by 资金性质 and in total, for the whole
                year. The common rule: 得分 = 执行率 × 分值, at most the 分值 (10 unless --weight
                says otherwise); --full-at 95 gives the full 分值 from a rate of 95% on. The rule
                used is stated under the table. As a table, CSV, JSON, Markdown, xlsx (-o) or
                HTML to paste into the form.

                Examples:
                  fiscal report self-evaluation --year 2023
                  fiscal report self-evaluation --year 2023 --project XM01 --format html -o 自评表.html
                  fiscal report self-evaluation --year 2023 --weight 20 --full-at 95 --format xlsx -o 自评.xlsx
                """
        )

        @OptionGroup var book: BookOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var period: YearOption

        @Option(help: ArgumentHelp("One project's code (default: every project).", valueName: "code"), completion: BookCompletion.projects)
        var project: String?

        @Option(help: ArgumentHelp("The indicator's 分值 in points (default 10).", valueName: "points"))
        var weight: Int = 10

        @Option(name: .customLong("full-at"), help: ArgumentHelp("The rate in percent from which the full 分值 is given (default 100).", valueName: "percent"))
        var fullAt: Percent = Percent(argument: "100")!

        func validate() throws {
            guard (1...100).contains(weight) else { throw ValidationError("--weight \(weight): a 分值 from 1 to 100") }
        }

        func run() throws {
            let opened = try book.openReader()
            var spec = SelfEvaluationSpec(year: try period.resolve(opened, today: try book.todayDay()), project: project)
            spec.weight = Int64(weight)
            spec.fullAtHundredths = fullAt.hundredths
            try SelfEvaluationView(report: try opened.selfEvaluation(spec), style: MoneyStyle(output)).rendered.print(for: output)
        }
    }
}

/// A percentage from 0 (exclusive) to 100, two decimals at most: `95`, `99.5`.
struct Percent: ExpressibleByArgument {
    var hundredths: Int64
    var text: String

    init?(argument: String) {
        guard !argument.contains("万"), !argument.contains("元"), !argument.contains(","),
              let value = try? Money.parse(argument.hasSuffix("%") ? String(argument.dropLast()) : argument),
              value.fen > 0, value.fen <= 10_000 else { return nil }
        hundredths = value.fen
        text = argument
    }

    var defaultValueDescription: String { text }
}
