import ArgumentParser
import FiscalCore

extension FiscalCommand {
    struct ReportProcurement: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "procurement",
            abstract: "政府采购: contracted and paid by procurement type, of which to SMEs (中小企业) and their share.",
            discussion: """
                Contracts with --procurement goods|works|services (set on their first commit). Contracted is what was committed on them in the year (net of reversals), paid what was paid against them in the year, SME what of the contracted went to contracts flagged --sme.

                Examples:
                  fiscal report procurement --year 2023
                  fiscal report procurement --year 2023 --format json
                """
        )

        @OptionGroup var book: BookOptions
        @OptionGroup var output: OutputOptions

        @OptionGroup var period: YearOption

        func run() throws {
            let opened = try book.openReader()
            let year = try period.resolve(opened, today: try book.todayDay())
            let report = try opened.procurementReport(ProcurementSpec(year: year))
            try ProcurementView(report: report, style: MoneyStyle(output)).rendered.print(for: output)
        }
    }
}
