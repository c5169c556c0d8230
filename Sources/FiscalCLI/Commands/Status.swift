import ArgumentParser
import FiscalCore

extension FiscalCommand {
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The book at a glance: name, years, entries, projects, last import.",
            discussion: """
                Example:
                  fiscal status --format json
                """
        )

        @OptionGroup var book: BookOptions
        @OptionGroup var output: ListFormatOptions

        func run() throws {
            let o = try book.openToList().overview()
            let zh = output.lang == .zh
            let years = o.years.map { "\($0.year) \($0.closed ? (zh ? "已结账" : "closed") : (zh ? "开放" : "open"))" }
            let last = o.lastEntry.map { "\($0.id) \($0.date) \($0.kind.rawValue)" }
            let batch = o.lastImport.map { "\($0.id) \($0.file) \($0.imported)" + ($0.undone != nil ? (zh ? "（已撤销）" : " (undone)") : "") }
            var table = TextTable(headers: zh ? ["项目", "内容"] : ["item", "value"])
            let rows: [(String, String, String)] = [
                ("账套", "book", o.name), ("文件", "file", o.path), ("年度", "years", years.joined(separator: ", ")),
                ("分录数", "entries", "\(o.entries)"), ("最近分录", "last entry", last ?? "-"),
                ("项目数", "projects", "\(o.projects)"), ("最近导入", "last import", batch ?? "-"),
                ("本账套编码", "local codes", "\(o.localCodes)"),
            ]
            for r in rows { table.append([zh ? r.0 : r.1, r.2]) }
            let json = JSONValue.object([
                ("book", .string(o.name)), ("file", .string(o.path)),
                ("years", .array(o.years.map { .object([("year", .int($0.year)), ("status", .string($0.closed ? "closed" : "open"))]) })),
                ("entries", .int(o.entries)), ("last_entry", o.lastEntry.map { .int(Int($0.id)) } ?? .null),
                ("projects", .int(o.projects)), ("last_import", o.lastImport.map { .int(Int($0.id)) } ?? .null),
                ("local_codes", .int(o.localCodes)),
            ])
            try RenderedReport(table: table, json: json).print(for: output)
        }
    }
}
