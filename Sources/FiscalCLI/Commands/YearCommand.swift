import ArgumentParser
import FiscalCore

extension FiscalCommand {
    struct YearCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "year",
            abstract: "List the book's years, and open the next one on purpose.",
            discussion: """
                An entry is posted only into an open year. The first year opens with the book and each close opens the next; `year open` opens the next year early, e.g. to record its 年初预算 while this year is still open.

                Examples:
                  fiscal year list
                  fiscal year open 2024
                """,
            subcommands: [YearList.self, YearOpen.self]
        )
    }

    struct YearOpen: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "open", abstract: "Open the year after the book's latest.")

        @OptionGroup var book: BookOptions

        @Argument(help: "The year: the one after the book's latest.")
        var year: Int

        @Option(help: ArgumentHelp("Why it is opened now (kept in the year's history).", valueName: "text"))
        var reason: String?

        func run() throws {
            try book.openBook().openYear(year, date: try book.todayDay(), reason: reason.nonEmpty)
            print("opened fiscal year \(year)")
        }
    }

    struct YearList: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "The book's years: status and history.")

        @OptionGroup var book: BookOptions
        @OptionGroup var output: ListFormatOptions

        func run() throws {
            let zh = output.lang == .zh
            let years = try book.openBook().yearHistory()
            var table = TextTable(headers: zh ? ["年度", "状态", "开启", "结账", "重开", "说明"]
                                              : ["year", "status", "opened", "closed", "reopened", "reason"])
            for y in years {
                func last(_ action: String) -> String { y.events.last { $0.action == action }?.date ?? "" }
                table.append(["\(y.year)", y.closed ? (zh ? "已结账" : "closed") : (zh ? "开放" : "open"),
                              last("open"), last("close"), last("reopen"), y.events.last?.reason ?? ""])
            }
            let json = JSONValue.array(years.map { y in
                .object([("year", .int(y.year)), ("status", .string(y.closed ? "closed" : "open")),
                         ("events", .array(y.events.map {
                             .object([("action", .string($0.action)), ("date", .string($0.date)), ("reason", .optionalString($0.reason))])
                         }))])
            })
            try RenderedReport(table: table, json: json).print(for: output)
        }
    }
}
