import ArgumentParser
import FiscalCore

extension FiscalCommand {
    struct Pay: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a payment (支付) from a project.",
            discussion: """
                Posts Dr available / Cr paid, both tagged with the economic code. Refused when it exceeds what the project (or the code's own authority) has available, unless --allow-overdraft.

                With --contract, the payment liquidates that contract's commitment instead (Dr committed / Cr paid, tagged with the contract): refused beyond the contract's open balance, for an unknown contract, or for a contract of another project or economic code.

                Examples:
                  fiscal pay JD01 12,345.67 --econ 30201 --date 2023-03-15 --doc 记-0315
                  fiscal pay JB02 4,800 --econ 30201 --payee 衡阳市文具公司 --method 国库集中支付
                  fiscal pay XM02 120万 --econ 31002 --contract HT-2023-001 --date 2023-06-30
                  fiscal pay BJ01 300,000.00 --econ 30299 --to-unit 一分局 --date 2023-03-01
                """
        )

        @OptionGroup var book: BookOptions
        @OptionGroup var entry: EntryOptions

        @OptionGroup var target: ProjectAmount
        @OptionGroup var cost: CostCode
        @OptionGroup var details: EntryDetails

        @Option(help: ArgumentHelp("Pay against this contract's commitment (合同编号).", valueName: "number"))
        var contract: String?

        @Option(name: .customLong("to-unit"), help: ArgumentHelp("The unit of this department being paid (对下级/附属单位补助): a consolidation eliminates it against that unit's receipt.", valueName: "unit"))
        var toUnit: String?

        func run() throws {
            try record(book, entry, details: details, contract: contract.nonEmpty ?? contract, counterpartUnit: toUnit) {
                .pay(project: target.project, amount: try target.money(), econ: try cost.code())
            }
        }
    }
}
