import ArgumentParser
import FiscalCore

extension FiscalCommand {
    struct Recall: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record finance taking authority back (收回 / 上缴).",
            discussion: """
                Posts Dr available / Cr recall.

                Example:
                  fiscal recall JD01 2万 --date 2024-06-30 --doc 衡财预〔2024〕30号
                """
        )

        @OptionGroup var book: BookOptions
        @OptionGroup var entry: EntryOptions

        @OptionGroup var target: ProjectAmount

        func run() throws {
            try record(book, entry) { .recall(project: target.project, amount: try target.money()) }
        }
    }
}
