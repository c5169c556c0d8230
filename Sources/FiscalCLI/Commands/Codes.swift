import ArgumentParser
import FiscalCore

extension FiscalCommand {
    struct Codes: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List and search the classification codes (政府收支分类科目), and add local ones.",
            discussion: """
                The official tables ship with fiscal (部门预算支出经济分类, 2018-onward scheme; 支出功能分类, 2024–2026 editions, incomplete below the classes); a book adds what they lack with `fiscal codes add`.

                Examples:
                  fiscal codes econ 302
                  fiscal codes econ 公务
                  fiscal codes function 204
                  fiscal codes add econ 39999 其他支出
                """,
            subcommands: [CodesEcon.self, CodesFunction.self, CodesAdd.self]
        )
    }

    struct CodesEcon: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "econ",
            abstract: "List 部门预算支出经济分类 codes: those starting with PREFIX, or whose name contains WORD."
        )
        @OptionGroup var query: CodeQuery
        func run() throws { try query.list(.econ) }
    }

    struct CodesFunction: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "function",
            abstract: "List 支出功能分类 codes: those starting with PREFIX, or whose name contains WORD."
        )
        @OptionGroup var query: CodeQuery
        func run() throws { try query.list(.function) }
    }

    struct CodesAdd: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add a code the official table lacks, with its name, to this book.",
            discussion: """
                A local economic 款 needs its class (official or local); a function code must lie in 类 201–234. An official code cannot be added again.

                Example:
                  fiscal codes add econ 399 其他支出
                  fiscal codes add econ 39999 其他支出
                  fiscal codes add function 2040201 行政运行
                """
        )

        @OptionGroup var book: BookOptions

        @Argument(help: "econ or function.")
        var scheme: LocalCode.Scheme

        @Argument(help: "The code (econ: 3 or 5 digits; function: 3, 5 or 7).")
        var code: String

        @Argument(help: "Its name as the budget documents write it.")
        var name: String

        func run() throws {
            let added = try book.openBook().addLocalCode(LocalCode(scheme: scheme, code: code, name: name),
                                                        date: try book.todayDay())
            print("added local \(added.scheme.rawValue) code \(added.code) \(added.name)")
        }
    }
}

extension LocalCode.Scheme: ExpressibleByArgument {}

/// What `codes econ` and `codes function` take: the book, the format, and a prefix or word.
struct CodeQuery: ParsableArguments {
    @OptionGroup var book: BookOptions
    @OptionGroup var output: ListFormatOptions

    @Argument(help: "A code prefix (302) or a word of the name (公务); none lists them all.")
    var query: String?

    func list(_ scheme: LocalCode.Scheme) throws {
        let codes = try book.openToList().codes()
        try CodesView.list((scheme == .econ ? codes.economic : codes.function).search(query), lang: output.lang).print(for: output)
    }
}

/// Codes as `codes list` prints them.
enum CodesView {
    static func table(_ entries: [CodeTable.Entry], lang: Language) -> TextTable {
        var table = TextTable(headers: lang == .zh ? ["编码", "名称", "级次", "来源"] : ["code", "name", "level", "source"])
        for e in entries {
            table.append([e.code, e.name, lang == .zh ? e.level.rawValue : levelEn(e.level),
                          e.local ? (lang == .zh ? "本账套" : "local") : (lang == .zh ? "官方" : "official")])
        }
        return table
    }

    static func levelEn(_ level: CodeTable.Level) -> String {
        switch level { case .class: "class"; case .item: "item"; case .subitem: "subitem" }
    }

    static func list(_ entries: [CodeTable.Entry], lang: Language) -> RenderedReport {
        RenderedReport(table: table(entries, lang: lang),
                       json: .array(entries.map {
                           .object([("code", .string($0.code)), ("name", .string($0.name)),
                                    ("level", .string(levelEn($0.level))), ("local", .bool($0.local))])
                       }),
                       csv: table(entries, lang: .en))
    }
}
