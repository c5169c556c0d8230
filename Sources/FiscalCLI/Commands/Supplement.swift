import ArgumentParser
import FiscalCore

extension FiscalCommand {
    struct Supplement: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a mid-year addition (追加) to a project.",
            discussion: """
                Posts Dr addition / Cr available.

                Example:
                  fiscal supplement JD01 120,000.00 --date 2023-07-01 --doc 衡财预〔2023〕56号
                  fiscal supplement FJ01 300,000.00 --from-unit 本级 --date 2023-03-02
                """
        )

        @OptionGroup var book: BookOptions
        @OptionGroup var entry: EntryOptions

        @OptionGroup var target: ProjectAmount
        @OptionGroup var authority: AuthorityCode

        @Option(name: .customLong("from-unit"), help: ArgumentHelp("The unit of this department the authority comes from (its payment to this unit): a consolidation eliminates the pair.", valueName: "unit"))
        var fromUnit: String?

        func run() throws {
            try record(book, entry, counterpartUnit: fromUnit) {
                .supplement(project: target.project, amount: try target.money(), econ: try authority.code())
            }
        }
    }
}
