import ArgumentParser
import FiscalCore

extension FiscalCommand {
    struct ContractList: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the contracts of the book with what is committed, paid, released and open.",
            discussion: """
                Amounts over the contract's whole life, in 元; age is days since signed, as of --today.

                Examples:
                  fiscal contract list
                  fiscal contract list --open --project XM02 --format csv
                """
        )

        @OptionGroup var book: BookOptions
        @OptionGroup var output: ListFormatOptions

        @Flag(help: "Only contracts with something open (未付余额 ≠ 0).")
        var open = false

        @Option(help: ArgumentHelp("Only the contracts of this project.", valueName: "code"))
        var project: String?

        func run() throws {
            let opened = try book.openReader()
            if let project { _ = try opened.project(code: project) }
            let balances = try opened.contractBalances().filter {
                (!open || !$0.open.isZero) && (project == nil || $0.projectCode == project)
            }
            try ContractView(balances: balances, today: try book.todayDay(), lang: output.lang).list.print(for: output)
        }
    }
}
