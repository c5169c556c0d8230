import ArgumentParser
import FiscalCore

extension FiscalCommand {
    struct ReportSangong: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sangong",
            abstract: "三公经费: budget, actual, saving, saving rate and completion per category.",
            discussion: """
                因公出国（境）费 (econ 30212), 公务用车购置及运行维护费 (购置 31013,
                运行维护 30231) and 公务接待费 (30217). Budget is the authority tagged
                with those codes (initial + additions − reductions + transfers +
                carry-in − recalled); actual is what was paid on them; saving = budget −
                actual; saving rate = saving ÷ budget; completion = actual ÷ budget (-
                when the budget is zero).

                Examples:
                  fiscal report sangong --year 2023
                  fiscal report sangong --year 2023 --format json
                """
        )

        @OptionGroup var book: BookOptions
        @OptionGroup var output: OutputOptions

        @OptionGroup var period: YearOption

        func run() throws {
            let opened = try book.openReader()
            let year = try period.resolve(opened, today: try book.todayDay())
            let report = try opened.sangongReport(SangongSpec(year: year))
            SangongView(report: report, style: MoneyStyle(output)).rendered.print(for: output)
        }
    }
}
