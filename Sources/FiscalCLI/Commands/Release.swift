import ArgumentParser
import FiscalCore

extension FiscalCommand {
    struct Release: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Release a contract's commitment (释放占用): all that is open, or a part.",
            discussion: """
                Posts Dr committed / Cr available on the contract's project, tagged with the contract and its economic code: the authority is free again. Without AMOUNT, releases everything open on the contract in the year of --date. Refused beyond the open balance.

                Examples:
                  fiscal release --contract HT-2023-001 --reason 合同终止 --date 2023-09-30
                  fiscal release --contract HT-2023-001 5万 --reason 结算节余
                """
        )

        @OptionGroup var book: BookOptions

        @Option(help: ArgumentHelp("The contract's number (合同编号).", valueName: "number"))
        var contract: String

        @Argument(help: "The amount to release (default: all that is open): 元 or 万元.")
        var amount: String?

        @Option(help: ArgumentHelp("Why (合同终止, 结算节余 …); kept as the entry's memo.", valueName: "text"))
        var reason: String?

        @Option(help: ArgumentHelp("The entry's date, e.g. 2023-06-01 or 2023/6/1 (default: today).", valueName: "date"),
                transform: DateArgument.day)
        var date: Day?

        @Option(help: ArgumentHelp("Document number (文号 / 凭证号).", valueName: "text"))
        var doc: String?

        @Option(help: ArgumentHelp("An external reference, unique in the book.", valueName: "text"))
        var ref: String?

        func validate() throws { if let amount { _ = try ArgumentCheck.amount(amount) } }

        func run() throws {
            let today = try book.todayDay()
            let money = try amount.map { amount throws(ValidationError) in try ArgumentCheck.amount(amount) }
            let options = RecordOptions(date: date ?? today, doc: doc.nonEmpty, memo: reason.nonEmpty, ref: ref.nonEmpty,
                                        contract: contract)
            let opened = try book.openBook()
            let posted = try opened.release(contract: contract, amount: money, options)
            print(EntryView.posted(posted), terminator: "")
            try printContractOpen(opened, contract, year: posted.date.year)
        }
    }
}
