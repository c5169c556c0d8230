import ArgumentParser

extension FiscalCommand {
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Reports: month-end progress, expenditure, settlement, 三公经费.",
            discussion: """
                Every report takes --format table|csv|json|markdown, --unit wan|yuan and --lang zh|en.

                Examples:
                  fiscal report progress --month 2023-06 --by kind
                  fiscal report expenditure --year 2023 --by econ --kind basic
                  fiscal report settlement --year 2023 --format markdown
                  fiscal report sangong --year 2023 --lang en
                """,
            subcommands: [ReportProgress.self, ReportExpenditure.self, ReportSettlement.self, ReportSangong.self]
        )
    }
}
