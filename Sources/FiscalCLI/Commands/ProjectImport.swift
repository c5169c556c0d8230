import ArgumentParser
import FiscalCore

extension FiscalCommand {
    struct ProjectImport: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Add projects from a CSV or .xlsx file, all or nothing.",
            discussion: """
                Columns (header required): code, name, kind, and optionally fund (default general), function, unit, status — or 编码 (项目编码), 名称 (项目名称), 类型, 资金性质, 功能分类, 单位, 状态. Values as `fiscal project add` takes them, or their Chinese names (人员经费, 一般公共预算, 已完成 …), so what `fiscal project list --format csv` writes reads back in. UTF-8 (with or without BOM) and GB18030 are detected.

                A project already in the book with the same fields is skipped; one whose fields differ is a bad row. If any row is bad, each is listed with its line and nothing is added (exit 1).

                Example:
                  fiscal project import projects.csv
                """
        )

        @OptionGroup var book: BookOptions

        @Argument(help: "The CSV or .xlsx file of projects.")
        var file: String

        @Option(help: ArgumentHelp("The sheet of an .xlsx workbook to read (default: the first).", valueName: "name"))
        var sheet: String?

        @Flag(help: "Check every row and report what would be added; write nothing.")
        var dryRun = false

        @Option(help: ArgumentHelp("The file's encoding: utf-8 or gb18030 (default: detected).", valueName: "encoding"))
        var encoding: TextEncoding?

        @Option(help: ArgumentHelp("Summary format: text or json.", valueName: "format"))
        var format: ImportFile.SummaryFormat = .text

        func run() throws {
            let today = try book.todayDay()
            let result = try book.openBook().importProjects(
                fromFile: file, options: ImportOptions(encoding: encoding, dryRun: dryRun, sheet: sheet), today: today)
            try ImportSummaryView.report(result, format: format == .json, noun: "added")
        }
    }
}
