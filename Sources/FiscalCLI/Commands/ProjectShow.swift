import ArgumentParser
import FiscalCore

extension FiscalCommand {
    struct ProjectShow: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show one project and its figures in each year of the book.",
            discussion: """
                Example:
                  fiscal project show JD01
                """
        )

        @OptionGroup var book: BookOptions

        @Argument(help: "The project's code.")
        var code: String

        func run() throws {
            let opened = try book.openReader()
            let project = try opened.project(code: code)
            print(TableRenderer().render(ProjectView.table([project], lang: .zh)), terminator: "")
            for year in try opened.years() {
                let f = try opened.figures(project: project, year: year.year)
                print("\(year.year)\(year.closed ? " (closed)" : ""): 全年预算数 \(f.totalBudget)  已支付 \(f.paid)  可执行指标 \(f.available)" +
                      "  年末结转 \(f.carriedForward)  年末结余 \(f.surplus)")
            }
        }
    }
}
