import ArgumentParser
import FiscalCore

extension FiscalCommand {
    struct Balance: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Trial balance (试算平衡): resources against status, and what each project has available.",
            discussion: """
                --by account lists every account's balance (debit positive) and proves resources
                (来源) equal status (占用); --by project lists each project's resources, status,
                paid and available. Amounts are 元.

                Examples:
                  fiscal balance --year 2023
                  fiscal balance --year 2023 --by project --format csv
                """
        )

        enum Grouping: String, ExpressibleByArgument, CaseIterable { case account, project }

        @OptionGroup var book: BookOptions
        @OptionGroup var output: ListFormatOptions

        @OptionGroup var period: YearOption

        @Option(help: ArgumentHelp("account or project.", valueName: "grouping"))
        var by: Grouping = .account

        func run() throws {
            let opened = try book.openReader()
            let year = try period.resolve(opened, today: try book.todayDay())
            let tb = try opened.trialBalance(year: year)
            TrialBalanceView(balance: tb, lang: output.lang, grouping: output.format == .table)
                .rendered(byProject: by == .project).print(for: output)
        }
    }
}
