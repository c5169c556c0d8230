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
                  fiscal pay BJ01 300,000.00 --econ 30299 --to-unit 一分局 --date 2023-03-01
                """
        )

        @OptionGroup var book: BookOptions
        @OptionGroup var entry: EntryOptions

        @OptionGroup var target: ProjectAmount
        @OptionGroup var cost: CostCode

        @Option(name: .customLong("to-unit"), help: ArgumentHelp("The unit of this department being paid (对下级/附属单位补助): a consolidation eliminates it against that unit's receipt.", valueName: "unit"))
        var toUnit: String?

        func run() throws {
            try record(book, entry, counterpartUnit: toUnit) { .pay(project: target.project, amount: try target.money(), econ: try cost.code()) }
        }
    }
}
