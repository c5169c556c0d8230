import ArgumentParser
import FiscalCore

extension FiscalCommand {
    struct ReportExpenditure: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "expenditure",
            abstract: "A year's payments by economic class/款 or by function 类/款/项 (支出决算表).",
            discussion: """
                Columns 基本支出, 项目支出 and 合计; a subtotal for every class above its rows.
                --kind basic gives the shape of the 基本支出决算表.

                Examples:
                  fiscal report expenditure --year 2023 --by econ --kind basic
                  fiscal report expenditure --year 2023 --by function --format csv --unit yuan
                """
        )

        @OptionGroup var book: BookOptions
        @OptionGroup var output: OutputOptions

        @OptionGroup var period: YearOption

        @Option(help: ArgumentHelp("Classify by econ (经济分类) or function (功能分类).", valueName: "dimension"))
        var by: ExpenditureDimension = .econ

        @Option(help: ArgumentHelp("Whose payments: basic, project or all.", valueName: "kind"))
        var kind: KindFilter = .all

        func run() throws {
            let opened = try book.openReader()
            let year = try period.resolve(opened, today: try book.todayDay())
            let report = try opened.expenditureReport(year: year, by: by, kinds: kind)
            ExpenditureView(report: report, style: MoneyStyle(output)).rendered.print(for: output)
        }
    }
}
