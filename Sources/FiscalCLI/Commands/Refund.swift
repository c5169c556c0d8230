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

        @Argument(help: "The project's code.")
        var project: String

        @Argument(help: "The amount: 元 (1234.56, 1,234.56) or 万元 (550万).")
        var amount: String

        @Option(help: ArgumentHelp("The economic code of the cost (e.g. 30201 办公费).", valueName: "code"))
        var econ: String

        func run() throws {
            try record(book, entry) { .refund(project: project, amount: try parseAmount(amount), econ: try parseEcon(econ)) }
        }
    }
}
