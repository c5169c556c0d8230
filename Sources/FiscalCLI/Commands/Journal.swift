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

        @Option(help: ArgumentHelp("Only entries touching this project.", valueName: "code"))
        var project: String?

        @Option(help: ArgumentHelp("First date, inclusive (YYYY-MM-DD).", valueName: "date"))
        var from: String?

        @Option(help: ArgumentHelp("Last date, inclusive (YYYY-MM-DD).", valueName: "date"))
        var to: String?

        func run() throws {
            let opened = try book.openReader()
            var filter = JournalFilter()
            filter.from = try from.map { try parseDay($0, field: "--from") }
            filter.to = try to.map { try parseDay($0, field: "--to") }
            if let project { filter.projectID = try opened.project(code: project).id }
            let entries = try opened.journal(filter)
            switch output.format {
            case .json: print(JSONValue.object([("entries", .array(entries.map(EntryView.json)))]).rendered())
            case .csv: print(EntryView.csv(entries), terminator: "")
            case .markdown: print(MarkdownRenderer().render(EntryView.table(entries, lang: output.lang)), terminator: "")
            case .table:
                var table = EntryView.table(entries, lang: output.lang)
                table.notes = [output.lang == .zh ? "单位：元；! 超指标支出" : "amounts in yuan; ! recorded overdraft"]
                print(TableRenderer().render(table), terminator: "")
            }
        }
    }
}
