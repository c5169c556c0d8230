import ArgumentParser
import FiscalCore

extension FiscalCommand {
    struct CarryIn: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "carry-in",
            abstract: "Record last year's carry-over (上年结转) into a book started mid-history.",
            discussion: """
                Posts Dr carry-in / Cr available, dated 1 January of the year unless --date says
                otherwise. A book whose previous year was closed by fiscal gets these entries from
                `fiscal close` and does not need this command.

                Example:
                  fiscal carry-in JD01 12万 --year 2023
                """
        )

        @OptionGroup var book: BookOptions
        @OptionGroup var entry: EntryOptions

        @OptionGroup var target: ProjectAmount

        @Option(help: ArgumentHelp("The fiscal year the carry-over opens.", valueName: "year"))
        var year: Int

        @Flag(help: "Record it although the project has a carry-in of the same amount in the year already.")
        var again = false

        func validate() throws {
            guard let date = entry.date else {
                guard Day(year: year, month: 1, day: 1) != nil else { throw ValidationError("--year '\(year)': not a year") }
                return
            }
            guard date.year == year else { throw ValidationError("--date '\(date)': not in year \(year)") }
        }

        func run() throws {
            var entry = self.entry
            entry.date = entry.date ?? Day(year: year, month: 1, day: 1)
            try record(book, entry, again: again) { .carryIn(project: target.project, amount: try target.money()) }
        }
    }
}
