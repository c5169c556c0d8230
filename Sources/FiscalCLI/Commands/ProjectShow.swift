import ArgumentParser
import FiscalCore

extension FiscalCommand {
    struct ProjectShow: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show one project and its figures in each year of the book.",
            discussion: """
                Per year: total budget (全年预算数), paid, available, carried forward and surplus,
                in 元. CSV has one row per year, the project's columns first.

                Examples:
                  fiscal project show JD01
                  fiscal project show JD01 --lang en --format csv
                """
        )

        @OptionGroup var book: BookOptions
        @OptionGroup var output: ListFormatOptions

        @Argument(help: "The project's code.", completion: BookCompletion.projects)
        var code: String

        func run() throws {
            let opened = try book.openReader()
            let project = try opened.project(code: code)
            let years = try opened.years().map { year in
                ProjectShowView.Year(year: year.year, closed: year.closed,
                                     figures: try opened.figures(project: project, year: year.year))
            }
            let style = MoneyStyle(unit: .yuan, lang: output.lang, grouping: output.format != .csv)
            try ProjectShowView(project: project, years: years, style: style).rendered.print(for: output)
        }
    }
}
