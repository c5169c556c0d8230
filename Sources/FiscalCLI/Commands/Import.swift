import ArgumentParser
import FiscalCore

extension FiscalCommand {
    /// `fiscal import FILE` (the default subcommand), `fiscal import list`, `fiscal import undo`,
    /// `fiscal import profile …`.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import events from a CSV or .xlsx file, all or nothing; list and undo imports; saved column mappings.",
            subcommands: [ImportFile.self, ImportList.self, ImportUndo.self, ImportProfileCommand.self],
            defaultSubcommand: ImportFile.self
        )
    }

    struct ImportFile: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "file",
            abstract: "Import events from a CSV or .xlsx file, all or nothing (`fiscal import FILE`).",
            discussion: """
                Columns (header required, any order): date, kind, project, amount, and optionally econ, doc, ref, memo, to_project, payee, payment_method (or method) — or 日期, 类型, 项目编码, 金额, 经济分类, 文号, 凭证号 (or 参考号), 摘要, 调入项目, 收款人, 支付方式. Kinds: appropriate, supplement, reduce, transfer (from project to to_project), pay and refund (econ required), recall, carry-in — or 年初预算, 追加, 调减, 调剂, 支付, 退回, 收回, 上年结转. Dates 2023-03-15, 2023/3/15, 2023.3.15, 20230315 or 2023年3月15日; amounts as every command takes them (1,234.56, 550万).

                The file may be UTF-8 (with or without BOM) or GB18030, what Excel saves on a Chinese Windows; the encoding is detected unless --encoding says it. An Excel workbook (.xlsx, told by its content) is read from its first sheet or the one --sheet names: title rows above the header are skipped, dates may be date cells or text, amounts are read from the cell's stored decimal text, exactly; a bad row is named by sheet and row.

                Files as 预算管理一体化 exports them import as they are: 支付日期, 支付金额, 经济分类科目, 凭证号, 项目名称 (a project by its exact name, when no other project has it) are understood; econ may be written `30201 办公费` (the name is checked against the classification); --kind pay gives the kind of a file without a kind column; 收款人 and 支付方式 are kept on the entry (the journal shows them); any other column is ignored with a note naming it. A file whose headers fiscal does not know is read through a saved column mapping: `fiscal import profile add NAME --map 支付日期=date,…`, then --profile NAME.

                Every row is checked before anything is written — values, projects, economic codes, years, and availability in date order — and if any row is bad, each bad row is listed with its line number and nothing is written (exit 1). Rows whose ref is already in the book are skipped. Every import is recorded as a batch (file, SHA-256, rows, money by kind): a file whose content — or whose rows, re-saved in another column or row order — was imported before is refused, naming the earlier batch, unless --again. `fiscal import list` shows the batches; `fiscal import undo BATCH --reason TEXT` takes one back. Rows are posted in date order (file order within a date) in one transaction. A progress bar shows on stderr when it is a terminal and the file is large.

                Examples:
                  fiscal import 2023-payments.csv --dry-run
                  fiscal import 支付明细.csv --encoding gb18030 --format json
                  fiscal import 支付明细.xlsx --sheet 12月 --kind pay
                  fiscal import 支付明细.xlsx --profile 一体化支付
                  fiscal import list
                  fiscal import undo 3 --reason "导错了文件"
                """
        )

        enum SummaryFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

        @OptionGroup var book: BookOptions

        @Argument(help: "The CSV or .xlsx file of events.")
        var file: String

        @Option(help: ArgumentHelp("The sheet of an .xlsx workbook to read (default: the first).", valueName: "name"))
        var sheet: String?

        @Option(help: ArgumentHelp("The kind of every row, for a file without a kind column (e.g. pay, 支付).", valueName: "kind"))
        var kind: String?

        @Option(help: ArgumentHelp("Read the header through this saved column mapping (see `fiscal import profile`).", valueName: "name"))
        var profile: String?

        func validate() throws {
            if let kind, EntryKind.event(named: kind) == nil {
                throw ValidationError("--kind '\(kind)': not a kind of event (\(EntryKind.events.map(\.rawValue).joined(separator: ", ")))")
            }
        }

        @Flag(help: "Check every row and report what would be posted; write nothing.")
        var dryRun = false

        @Option(help: ArgumentHelp("The file's encoding: utf-8 or gb18030 (default: detected).", valueName: "encoding"))
        var encoding: TextEncoding?

        @Flag(help: "Post rows that exceed what is available, marking their entries as overdrafts.")
        var allowOverdraft = false

        @Flag(help: "Import content that was imported before (same file, or the same rows re-saved).")
        var again = false

        @Option(help: ArgumentHelp("Summary format: text or json.", valueName: "format"))
        var format: SummaryFormat = .text

        func run() throws {
            let opened = try book.openBook()
            let bar = ProgressBar.onTerminal()
            let result = try opened.importEvents(
                fromFile: file, options: ImportOptions(encoding: encoding, dryRun: dryRun, allowOverdraft: allowOverdraft,
                                                 sheet: sheet, kind: kind.flatMap(EntryKind.event(named:)),
                                                 again: again, today: try book.todayDay(), profile: profile),
                progress: bar.map { bar in
                    { p in
                        // A small file is done before a bar would help: 4 MiB is about 60,000 rows.
                        guard p.total >= (p.phase == .reading ? 4 << 20 : 50_000) else { return }
                        bar.update(p.phase == .reading ? "reading" : "posting", done: p.done, total: p.total,
                                   count: p.phase == .posting)
                    }
                })
            bar?.finish()
            try ImportSummaryView.report(result, format: format == .json)
        }
    }
}

/// What an import prints: one summary line (or JSON) on stdout; when rows are bad, each of
/// them on stderr and an `error:` line, exit 1.
enum ImportSummaryView {
    static func report(_ r: ImportResult, format json: Bool, noun: String = "posted") throws {
        if json {
            var sheet: [(String, JSONValue)] = r.sheet.map { [("sheet", .string($0))] } ?? []
            if !r.notes.isEmpty { sheet.append(("notes", .array(r.notes.map { .string($0) }))) }
            print(JSONValue.object([
                ("file", .string(r.file))] + sheet + [("encoding", .string(r.encoding.rawValue)),
                ("rows", .int(r.rows)), (noun, .int(r.posted)), ("skipped", .int(r.skipped)),
                ("overdrafts", .int(r.overdrafts)),
                ("dry_run", .bool(r.dryRun)), ("bad_rows", .int(r.badRows)),
                ("batch", r.batch.map { .int(Int($0)) } ?? .null), ("sha256", .string(r.sha256)),
                ("totals", ImportBatchView.totalsJSON(r.totals)),
                ("problems", .array(r.problems.map { .object([("line", .int($0.line)), ("message", .string($0.message))]) })),
            ]).rendered())
        }
        if !json { for note in r.notes { printError("note: \(note)") } }
        guard r.isAccepted else {
            if !json {
                for problem in r.problems { printError(ErrorWording.line(for: problem)) }
                if r.badRows > r.problems.count { printError("… and \(r.badRows - r.problems.count) more bad rows") }
            }
            throw CommandFailure(message: "\(r.badRows) bad row\(r.badRows == 1 ? "" : "s") in \(r.file); nothing was imported")
        }
        guard !json else { return }
        var line = r.dryRun ? "checked \(r.file): \(r.rows) row\(r.rows == 1 ? "" : "s"), \(r.posted) would be \(noun)"
                            : "imported \(r.file): \(r.rows) row\(r.rows == 1 ? "" : "s"), \(r.posted) \(noun)"
        line += ", \(r.skipped) skipped (already in the book)"
        if r.overdrafts > 0 { line += ", \(r.overdrafts) recorded as overdraft\(r.overdrafts == 1 ? "" : "s")" }
        if r.dryRun { line += "; nothing written (--dry-run)" }
        if let batch = r.batch { line += "; batch \(batch)" }
        print(line)
        for t in r.totals { print("  \(t.kind.rawValue): \(t.entries) entr\(t.entries == 1 ? "y" : "ies"), \(t.amount.formatted(grouping: true)) 元") }
    }
}
