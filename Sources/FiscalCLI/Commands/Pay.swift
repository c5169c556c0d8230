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
                  fiscal pay JB02 4,800 --econ 30201 --payee 衡阳市文具公司 --method 国库集中支付
                """
        )

        @OptionGroup var book: BookOptions
        @OptionGroup var entry: EntryOptions

        @OptionGroup var target: ProjectAmount
        @OptionGroup var cost: CostCode
        @OptionGroup var details: EntryDetails

        func run() throws {
            try record(book, entry, details: details) { .pay(project: target.project, amount: try target.money(), econ: try cost.code()) }
        }
    }
}
