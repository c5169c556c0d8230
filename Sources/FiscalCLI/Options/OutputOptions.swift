import ArgumentParser

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json, markdown
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
}

/// How a report is shown: the format, the unit of money and the language of the labels.
struct OutputOptions: ParsableArguments, FormatChoice {
    @Option(help: ArgumentHelp("Output format: table, csv, json or markdown.", valueName: "format"))
    var format: OutputFormat = .table

    @Option(help: ArgumentHelp("Money unit of table, CSV and Markdown: wan (万元, 2 decimals) or yuan (元). JSON is always 元.", valueName: "unit"))
    var unit: MoneyUnit = .wan

    @Option(help: ArgumentHelp("Label language: zh (中文) or en.", valueName: "lang"))
    var lang: Language = .zh
}

/// The format of a listing (journal, balance, projects): no unit, money in 元.
struct ListFormatOptions: ParsableArguments, FormatChoice {
    @Option(help: ArgumentHelp("Output format: table, csv, json or markdown.", valueName: "format"))
    var format: OutputFormat = .table

    @Option(help: ArgumentHelp("Label language: zh (中文) or en.", valueName: "lang"))
    var lang: Language = .zh
}
