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

        @Argument(help: "The project's code.")
        var project: String

        @Argument(help: "The amount: 元 (1234.56, 1,234.56) or 万元 (550万).")
        var amount: String

        @Option(help: ArgumentHelp("Authority for one economic code only (e.g. 30217 公务接待费).", valueName: "code"))
        var econ: String?

        func run() throws {
            try record(book, entry) {
                .supplement(project: project, amount: try parseAmount(amount), econ: try econ.map { try parseEcon($0) })
            }
        }
    }
}
