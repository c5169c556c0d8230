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
                """
        )

        @OptionGroup var book: BookOptions
        @OptionGroup var entry: EntryOptions

        @OptionGroup var target: ProjectAmount
        @OptionGroup var authority: AuthorityCode

        func run() throws {
            try record(book, entry) {
                .supplement(project: target.project, amount: try target.money(), econ: try authority.code())
            }
        }
    }
}
