import ArgumentParser
import FiscalCore

extension FiscalCommand {
    struct Journal: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List entries with their postings, in date order.",
            discussion: """
                --from and --to are inclusive dates. Amounts are 元; in CSV and JSON every posting's
                amount is signed, debit positive.

                Examples:
                  fiscal journal --project JD01 --from 2023-03-01 --to 2023-03-31
                  fiscal journal --format json
                """
        )

        @OptionGroup var book: BookOptions
        @OptionGroup var output: ListFormatOptions

        @Option(help: ArgumentHelp("Only entries touching this project.", valueName: "code"), completion: BookCompletion.projects)
        var project: String?

        @Option(help: ArgumentHelp("First date, inclusive (e.g. 2023-06-01 or 2023/6/1).", valueName: "date"), transform: DateArgument.day)
        var from: Day?

        @Option(help: ArgumentHelp("Last date, inclusive (e.g. 2023-06-01 or 2023/6/1).", valueName: "date"), transform: DateArgument.day)
        var to: Day?

        func validate() throws {
            if let from, let to, from > to {
                throw ValidationError("--from \(from) is after --to \(to): no date is in that range")
            }
        }

        func run() throws {
            let opened = try book.openReader()
            var filter = JournalFilter()
            filter.from = from
            filter.to = to
            if let project { filter.projectID = try opened.project(code: project).id }
            try EntryView.journal(try opened.journal(filter), lang: output.lang).print(for: output)
        }
    }
}
