import ArgumentParser
import FiscalCore

extension FiscalCommand {
    struct Transfer: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Move authority from one project to another (调剂).",
            discussion: """
                Posts Dr available / Cr transfer on FROM, and Dr transfer / Cr available on TO.
                Refused when FROM has less available.

                Example:
                  fiscal transfer JD01 ZX02 30万 --date 2023-08-01 --doc 衡财预〔2023〕70号
                """
        )

        @OptionGroup var book: BookOptions
        @OptionGroup var entry: EntryOptions

        @Argument(help: "The project giving the authority.", completion: BookCompletion.projects)
        var from: String

        @Argument(help: "The project receiving it.", completion: BookCompletion.projects)
        var to: String

        @Argument(help: "The amount: 元 or 万元.")
        var amount: String

        func validate() throws { _ = try ArgumentCheck.amount(amount) }

        func run() throws {
            try record(book, entry) { .transfer(from: from, to: to, amount: try ArgumentCheck.amount(amount)) }
        }
    }
}
