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

        @Argument(help: "The project's code.")
        var project: String

        @Argument(help: "The amount: 元 (1234.56, 1,234.56) or 万元 (550万).")
        var amount: String

        @Option(help: ArgumentHelp("Authority for one economic code only (e.g. 30217 公务接待费).", valueName: "code"))
        var econ: String?

        func run() throws {
            try record(book, entry) {
                .appropriate(project: project, amount: try parseAmount(amount), econ: try econ.map { try parseEcon($0) })
            }
        }
    }
}
