import ArgumentParser
import FiscalCore

extension FiscalCommand {
    struct Refund: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a refund (退回) of an earlier payment.",
            discussion: """
                Posts Dr paid / Cr available, tagged with the economic code.

                Example:
                  fiscal refund JD01 345.67 --econ 30201 --date 2023-03-20
                """
        )

        @OptionGroup var book: BookOptions
        @OptionGroup var entry: EntryOptions

        @OptionGroup var target: ProjectAmount
        @OptionGroup var cost: CostCode

        func run() throws {
            try record(book, entry) { .refund(project: target.project, amount: try target.money(), econ: try cost.code()) }
        }
    }
}
