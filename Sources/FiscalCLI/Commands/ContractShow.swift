import ArgumentParser
import FiscalCore

extension FiscalCommand {
    struct ContractShow: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show one contract: its terms, amount, paid, released, open and age.",
            discussion: """
                Example:
                  fiscal contract show HT-2023-001 --format json
                """
        )

        @OptionGroup var book: BookOptions
        @OptionGroup var output: ListFormatOptions

        @Argument(help: "The contract's number (合同编号).")
        var number: String

        func run() throws {
            let opened = try book.openReader()
            _ = try opened.contractWithProject(number)
            let balances = try opened.contractBalances().filter { $0.contract.number == number }
            try ContractView(balances: balances, today: try book.todayDay(), lang: output.lang).show.print(for: output)
        }
    }
}
