import ArgumentParser
import FiscalCore

extension FiscalCommand {
    struct Reopen: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Reopen the latest closed year, with a reason; nothing is deleted.",
            discussion: """
                Appends a reversal of each of the year's closing entries and of each
                carry-in entry its close wrote into the next year, unlocks the year and
                records the reason in its history. Only the latest closed year can be
                reopened.

                If the next year has already spent carry-in, reversing it would take
                available below zero: the reopen is refused naming the projects, unless
                --allow-overdraft, which records those reversals as overdrafts.

                Example:
                  fiscal reopen --year 2023 --reason "补记12月支出"
                """
        )

        @OptionGroup var book: BookOptions

        @Option(help: ArgumentHelp("The closed year to reopen.", valueName: "year"))
        var year: Int

        @Option(help: ArgumentHelp("Why it is reopened (kept in the year's history and the reversals' memos).", valueName: "text"))
        var reason: String

        @Flag(help: "Reopen even if the next year has already spent carry-in; those reversals are marked as overdrafts.")
        var allowOverdraft = false

        func run() throws {
            let today = try book.todayDay()
            let result = try book.openBook().reopen(year: year, reason: reason, today: today, allowOverdraft: allowOverdraft)
            print("reopened \(result.year): reversed \(result.closingReversals.count) closing entries of \(result.year) and \(result.openingReversals.count) opening entries of \(result.year + 1); reason: \(result.reason)")
            for (reversal, original) in result.closingReversals + result.openingReversals {
                print("  entry \(reversal) reverses entry \(original)")
            }
            for o in result.overdrawn {
                print("  overdraft: project \(o.project) has \(o.available) available in \(result.year + 1)")
            }
        }
    }
}
