import ArgumentParser

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json, markdown, xlsx, html
}

enum MoneyUnit: String, ExpressibleByArgument, CaseIterable {
    case wan, yuan
}

enum Language: String, ExpressibleByArgument, CaseIterable {
    case zh, en
}

/// What every command that prints a `RenderedReport` lets the user choose.
protocol FormatChoice {
    var format: OutputFormat { get }
    var lang: Language { get }
    /// Where to write the output (`-o FILE`); stdout when nil. An .xlsx needs a file.
    var outputFile: String? { get }
    /// Long names whole in a terminal table, however wide (`--wide`).
    var wide: Bool { get }
    /// A byte order mark before CSV (`--bom`/`--no-bom`); nil: only when writing to a file.
    var bom: Bool? { get }
}

extension FormatChoice {
    /// xlsx is a file, never stdout.
    func validateOutput() throws {
        if format == .xlsx && outputFile == nil {
            throw ValidationError("--format xlsx writes a workbook: give the file with -o FILE.xlsx")
        }
    }
}

/// How a report is shown: the format, the unit of money and the language of the labels.
struct OutputOptions: ParsableArguments, FormatChoice {
    @Option(help: ArgumentHelp("Output format: table, csv, json, markdown, xlsx (with -o) or html.", valueName: "format"))
    var format: OutputFormat = .table

    @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp("Write to this file instead of stdout (required for xlsx).", valueName: "file"))
    var outputFile: String?

    func validate() throws { try validateOutput() }

    @Option(help: ArgumentHelp("Money unit of table, CSV, Markdown, xlsx and HTML: wan (万元, 2 decimals) or yuan (元). JSON is always 元.", valueName: "unit"))
    var unit: MoneyUnit = .wan

    @Option(help: ArgumentHelp("Label language: zh (中文) or en.", valueName: "lang"))
    var lang: Language = .zh

    @Flag(help: "Tables: show long names whole instead of shortening them with … to fit the terminal.")
    var wide = false

    @Flag(inversion: .prefixedNo, help: "CSV: start with a byte order mark, so Excel reads UTF-8 (default: on with -o, off on stdout).")
    var bom: Bool?
}

/// The format of a listing (journal, balance, projects): no unit, money in 元.
struct ListFormatOptions: ParsableArguments, FormatChoice {
    @Option(help: ArgumentHelp("Output format: table, csv, json, markdown, xlsx (with -o) or html.", valueName: "format"))
    var format: OutputFormat = .table

    @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp("Write to this file instead of stdout (required for xlsx).", valueName: "file"))
    var outputFile: String?

    func validate() throws { try validateOutput() }

    @Option(help: ArgumentHelp("Label language: zh (中文) or en.", valueName: "lang"))
    var lang: Language = .zh

    @Flag(help: "Tables: show long names whole instead of shortening them with … to fit the terminal.")
    var wide = false

    @Flag(inversion: .prefixedNo, help: "CSV: start with a byte order mark, so Excel reads UTF-8 (default: on with -o, off on stdout).")
    var bom: Bool?
}
