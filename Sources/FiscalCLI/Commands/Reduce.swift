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

        @Argument(help: "The project's code.")
        var project: String

        @Argument(help: "The amount: 元 (1234.56, 1,234.56) or 万元 (550万).")
        var amount: String

        @Option(help: ArgumentHelp("Authority for one economic code only (e.g. 30217 公务接待费).", valueName: "code"))
        var econ: String?

        func run() throws {
            try record(book, entry) {
                .reduce(project: project, amount: try parseAmount(amount), econ: try econ.map { try parseEcon($0) })
            }
        }
    }
}
