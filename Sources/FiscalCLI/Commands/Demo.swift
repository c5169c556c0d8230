import ArgumentParser
import FiscalCore

extension FiscalCommand {
    struct Demo: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build the demo book: 衡阳市公安局's 2023 budget execution, then show December.",
            discussion: """
                The book reproduces every figure of the bureau's published 2023 self-evaluation
                report (shared/examples): 年初预算 73,369.27万元, 追加 2,257.03万元, basic
                expenditure by economic class, 15 special projects fully spent, 三公经费 327.74万元
                of 691.60万元. Refuses to overwrite an existing book unless --force.

                Example:
                  fiscal demo --db demo.db
                  fiscal report progress --db demo.db --month 2023-06
                """
        )

        @OptionGroup var book: BookOptions
        @OptionGroup var output: OutputOptions

        @Flag(help: "Replace an existing book at the path.")
        var force = false

        func run() throws {
            let created = try Book.createDemo(at: book.path, force: force, today: try book.todayDay())
            var spec = ProgressSpec(month: YearMonth(year: 2023, month: 12)!)
            spec.grouping = .kind
            let report = try created.progressReport(spec)
            if output.format == .table {
                print("built the demo book of \(try created.name()) at \(book.path)\n")
            }
            try ProgressView(report: report, style: MoneyStyle(output)).rendered.print(for: output)
        }
    }
}
