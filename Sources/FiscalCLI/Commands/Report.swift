import ArgumentParser

extension FiscalCommand {
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Reports: month-end progress, expenditure, settlement, 三公经费, 政府采购.",
            discussion: """
                Every report takes --format table|csv|json|markdown|xlsx|html (xlsx with -o FILE), --unit wan|yuan and --lang zh|en; month-end writes the HTML month-end pack.

                Examples:
                  fiscal report progress --month 2023-06 --by kind
                  fiscal report expenditure --year 2023 --by econ --kind basic
                  fiscal report settlement --year 2023 --format markdown
                  fiscal report sangong --year 2023 --lang en
                  fiscal report procurement --year 2023 --format json
                  fiscal report progress --month 2023-06 --format xlsx -o 6月进度.xlsx
                  fiscal report month-end --month 2023-06 -o 2023-06.html
                """,
            subcommands: [ReportProgress.self, ReportExpenditure.self, ReportSettlement.self, ReportSangong.self, ReportMonthEnd.self, ReportSelfEvaluation.self, ReportProcurement.self]
        )
    }
}
