import ArgumentParser
import FiscalCore

extension FiscalCommand {
    struct Reverse: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Undo a posted entry with a reversal entry (冲销); nothing is deleted.",
            discussion: """
                The reversal posts the opposite of every posting of ENTRY and points at it.
                An entry can be reversed once; the reversal must be dated in the entry's year.

                Example:
                  fiscal reverse 42 --reason "金额录入错误" --date 2023-03-16
                """
        )

        @OptionGroup var book: BookOptions

        @Argument(help: "The id of the entry to undo (see `fiscal journal`).", completion: BookCompletion.entries)
        var entry: Int64

        @Option(help: ArgumentHelp("Why it is undone (kept as the reversal's memo).", valueName: "text"))
        var reason: String

        @Option(help: ArgumentHelp("The reversal's date, e.g. 2023-06-01 or 2023/6/1 (default: today).", valueName: "date"), transform: DateArgument.day)
        var date: Day?

        @Flag(help: "Record even if the reversal takes available authority below zero.")
        var allowOverdraft = false

        func run() throws {
            let today = try book.todayDay()
            let posted = try book.openBook().reverse(entry: entry, reason: reason, date: date ?? today, allowOverdraft: allowOverdraft)
            print(EntryView.posted(posted), terminator: "")
        }
    }
}
