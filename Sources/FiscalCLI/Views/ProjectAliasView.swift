import FiscalCore

/// `project alias list`: CSV has English headers, as data for a spreadsheet.
enum ProjectAliasView {
    static func table(_ aliases: [ProjectAlias], lang: Language) -> TextTable {
        var table = TextTable(headers: lang == .zh ? ["别名", "项目编码", "项目名称", "添加日期"] : ["alias", "code", "name", "added"])
        for a in aliases { table.append([a.alias, a.code, a.name, a.added]) }
        return table
    }

    static func list(_ aliases: [ProjectAlias], lang: Language) -> RenderedReport {
        RenderedReport(table: table(aliases, lang: lang),
                       json: .object([("aliases", .array(aliases.map { a in
                           .object([("alias", .string(a.alias)), ("code", .string(a.code)), ("name", .string(a.name)),
                                    ("added", .string(a.added))])
                       }))]),
                       csv: table(aliases, lang: .en))
    }
}
