import ArgumentParser
import FiscalCore

extension FiscalCommand {
    struct ReportSettlement: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "settlement",
            abstract: "Year-end settlement (年终结转结余): per project and fund section.",
            discussion: """
                Per project, grouped by fund section (一般公共预算, 政府性基金预算,
                国有资本经营预算, 社会保险基金预算 — all four always shown, 无 when
                empty): 年初结转和结余, 本年预算 (年初预算, 追加, 调减, 调剂), 收回,
                本年支出, 年末结转, 年末结余. Every row is checked:
                年末 = 年初 + 本年预算 − 收回 − 支出. Before the year is closed, what
                is still available shows as 未结算.

                Examples:
                  fiscal report settlement --year 2023
                  fiscal report settlement --year 2023 --unit yuan --format csv
                  fiscal report settlement --db 市公安局汇总.db --year 2023 --by unit
                """
        )

        @OptionGroup var book: BookOptions
        @OptionGroup var output: OutputOptions

        @OptionGroup var period: YearOption

        @Option(help: ArgumentHelp("Rows: project, or unit (each unit's projects of a fund section summed; on a consolidated book, its units).", valueName: "rows"))
        var by: SettlementRows = .project

        func run() throws {
            let opened = try book.openReader()
            let year = try period.resolve(opened, today: try book.todayDay())
            let report = try opened.settlementReport(SettlementSpec(year: year, byUnit: by == .unit))
            try SettlementView(report: report, style: MoneyStyle(output)).rendered
                .sealed(report.seal, lang: output.lang).print(for: output)
        }
    }
}

enum SettlementRows: String, ExpressibleByArgument, CaseIterable { case project, unit }
