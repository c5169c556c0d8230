import ArgumentParser
import FiscalCore

extension FiscalCommand {
    struct ReportMonthEnd: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "month-end",
            abstract: "The month-end pack (月度预算执行情况) as one HTML page for print or e-mail.",
            discussion: """
                Headline figures (全年预算数, 累计支付, 执行率 against 序时进度), the lagging projects,
                the progress chart, progress by kind and by project, expenditure by economic class
                and 三公经费, all to the end of the month, and the book's seal at the foot. One self-contained file: inline CSS and
                SVG, nothing fetched, laid out for A4 landscape.

                Example:
                  fiscal report month-end --month 2023-06 -o 2023-06.html
                """
        )

        @OptionGroup var book: BookOptions

        @Option(help: ArgumentHelp("The month, e.g. 2023-06 or 2023/6 (default: the month of today).", valueName: "month"), transform: DateArgument.month)
        var month: YearMonth?

        @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp("Write the page to this file (default: stdout).", valueName: "file.html"))
        var outputFile: String?

        @Option(help: ArgumentHelp("Money unit: wan (万元) or yuan (元).", valueName: "unit"))
        var unit: MoneyUnit = .wan

        @Option(help: ArgumentHelp("Label language: zh (中文) or en.", valueName: "lang"))
        var lang: Language = .zh

        func run() throws {
            let today = try book.todayDay()
            let spec = ProgressSpec(month: month ?? YearMonth(year: today.year, month: today.month)!)
            let opened = try book.openReader()
            let pack = try opened.monthEndPack(spec)
            let html = MonthEndView(pack: pack, style: MoneyStyle(unit: unit, lang: lang), seal: pack.seal).html
            try writeText(html, to: outputFile)
        }
    }
}
