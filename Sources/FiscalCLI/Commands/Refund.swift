import ArgumentParser
import FiscalCore

extension FiscalCommand {
    struct Refund: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record a refund (退回) of an earlier payment.",
            discussion: """
                Posts Dr paid / Cr available, tagged with the economic code.

                Example:
                  fiscal refund JD01 345.67 --econ 30201 --date 2023-03-20
                  fiscal refund JB02 120 --econ 30201 --payee 衡阳市文具公司 --method 国库集中支付
                """
        )

        @OptionGroup var book: BookOptions
        @OptionGroup var entry: EntryOptions

        @OptionGroup var target: ProjectAmount
        @OptionGroup var cost: CostCode
        @OptionGroup var details: EntryDetails

        func run() throws {
            try record(book, entry, details: details) { .refund(project: target.project, amount: try target.money(), econ: try cost.code()) }
        }
    }
}
