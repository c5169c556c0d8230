import ArgumentParser
import FiscalCore

extension FiscalCommand {
    struct ImportList: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the imports of the book (batches): file, SHA-256, rows, posted, money by kind.",
            discussion: """
                Example:
                  fiscal import list --format json
                """
        )

        @OptionGroup var book: BookOptions
        @OptionGroup var output: ListFormatOptions

        func run() throws {
            try ImportBatchView.list(book.openToList().importBatches(), lang: output.lang).print(for: output)
        }
    }

    struct ImportUndo: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "undo",
            abstract: "Take back a whole import: a reversal for each of its entries, in one transaction.",
            discussion: """
                Entries of the batch already reversed one by one are left as they are. Refused (nothing written) when a reversal would take a project's available authority below zero — undo a later batch first.

                Example:
                  fiscal import undo 3 --reason "导错了文件" --date 2023-06-30
                """
        )

        @OptionGroup var book: BookOptions

        @Argument(help: "The batch number (see `fiscal import list`).")
        var batch: Int64

        @Option(help: ArgumentHelp("Why it is taken back (kept with the reversals).", valueName: "text"))
        var reason: String

        @Option(help: ArgumentHelp("The reversals' date, in the year of the batch's entries (default: today).", valueName: "date"), transform: DateArgument.day)
        var date: Day?

        func run() throws {
            let made = try book.openBook().undoImport(batch: batch, reason: reason, date: try date ?? book.todayDay())
            let ids = made.map(\.id)
            print("undid import \(batch): \(made.count) reversal entr\(made.count == 1 ? "y" : "ies")"
                  + (ids.isEmpty ? "" : " (\(ids.min()!)–\(ids.max()!))"))
        }
    }
}

/// Batches as `import list` prints them.
enum ImportBatchView {
    static func table(_ batches: [ImportBatchRecord], lang: Language) -> TextTable {
        let zh = lang == .zh
        var table = TextTable(columns: [
            .init(zh ? "批次" : "batch", .right), .init(zh ? "文件" : "file"), .init("SHA-256"),
            .init(zh ? "行数" : "rows", .right), .init(zh ? "入账" : "posted", .right), .init(zh ? "跳过" : "skipped", .right),
            .init(zh ? "分录" : "entries"), .init(zh ? "导入日期" : "imported"), .init(zh ? "金额（元）" : "amount (yuan)"),
            .init(zh ? "状态" : "status"),
        ])
        for b in batches {
            table.append([
                "\(b.id)", b.file, String(b.sha256.prefix(12)), "\(b.rows)", "\(b.posted)", "\(b.skipped)",
                b.entries.map { "\($0.lowerBound)–\($0.upperBound)" } ?? "-", b.imported.description,
                b.totals.map { "\($0.kind.rawValue) \($0.amount.formatted(grouping: true))" }.joined(separator: "; "),
                b.undone.map { (zh ? "已撤销 " : "undone ") + $0.date } ?? (b.again ? (zh ? "重复导入" : "again") : ""),
            ])
        }
        return table
    }

    static func totalsJSON(_ totals: [ImportTotal]) -> JSONValue {
        .array(totals.map { .object([("kind", .string($0.kind.rawValue)), ("entries", .int($0.entries)), ("amount", .money($0.amount))]) })
    }

    static func json(_ b: ImportBatchRecord) -> JSONValue {
        .object([
            ("batch", .int(Int(b.id))), ("file", .string(b.file)), ("sha256", .string(b.sha256)),
            ("rows_sha256", .string(b.rowsSHA256)), ("rows", .int(b.rows)), ("posted", .int(b.posted)),
            ("skipped", .int(b.skipped)), ("first_entry", b.entries.map { .int(Int($0.lowerBound)) } ?? .null),
            ("last_entry", b.entries.map { .int(Int($0.upperBound)) } ?? .null), ("imported", .string(b.imported.description)),
            ("again", .bool(b.again)), ("totals", totalsJSON(b.totals)),
            ("undone", b.undone.map { .object([("date", .string($0.date)), ("reason", .string($0.reason))]) } ?? .null),
        ])
    }

    static func list(_ batches: [ImportBatchRecord], lang: Language) -> RenderedReport {
        RenderedReport(table: table(batches, lang: lang), json: .array(batches.map(json)), csv: table(batches, lang: .en))
    }
}
