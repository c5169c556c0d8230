import ArgumentParser
import FiscalCore

extension FiscalCommand {
    struct Appropriate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record the initial appropriation (年初预算) of a project.",
            discussion: """
                Posts Dr initial / Cr available. With --econ the authority is for that economic code only, and spending on that code is controlled against it.

                Example:
                  fiscal appropriate JD01 550万 --date 2023-01-10 --doc 衡财预〔2023〕1号
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
                .appropriate(project: target.project, amount: try target.money(), econ: try authority.code())
            }
        }
    }
}
