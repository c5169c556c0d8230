import ArgumentParser
import FiscalCore

extension FiscalCommand {
    struct Reduce: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a mid-year reduction (调减) of a project.",
            discussion: """
                Posts Dr available / Cr reduction. Refused if the project has less available.

                Example:
                  fiscal reduce JD01 5万 --date 2023-09-01 --doc 衡财预〔2023〕88号
                """
        )

        @OptionGroup var book: BookOptions
        @OptionGroup var entry: EntryOptions

        @OptionGroup var target: ProjectAmount
        @OptionGroup var authority: AuthorityCode

        func run() throws {
            try record(book, entry) {
                .reduce(project: target.project, amount: try target.money(), econ: try authority.code())
            }
        }
    }
}
