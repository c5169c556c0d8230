import ArgumentParser
import FiscalCore

extension FiscalCommand {
    struct Pay: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a payment (支付) from a project.",
            discussion: """
                Posts Dr available / Cr paid, both tagged with the economic code. Refused when it exceeds what the project (or the code's own authority) has available, unless --allow-overdraft.

                Example:
                  fiscal pay JD01 12,345.67 --econ 30201 --date 2023-03-15 --doc 记-0315
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
            try record(book, entry) { .pay(project: project, amount: try parseAmount(amount), econ: try parseEcon(econ)) }
        }
    }
}
