import FiscalCore

enum ProjectView {
    static func table(_ projects: [Project], lang: Language) -> TextTable {
        let headers = lang == .zh ? ["编码", "名称", "类型", "资金性质", "功能分类", "单位", "状态"]
                                  : ["code", "name", "kind", "fund", "function", "unit", "status"]
        var table = TextTable(headers: headers)
        for p in projects {
            table.append([p.code, p.name, lang == .zh ? p.kind.nameZh : p.kind.rawValue,
                          lang == .zh ? p.fund.nameZh : p.fund.rawValue, p.function?.code ?? "", p.unit ?? "",
                          lang == .zh ? p.status.nameZh : p.status.rawValue])
        }
        return table
    }

    static func json(_ p: Project) -> JSONValue {
        .object([("code", .string(p.code)), ("name", .string(p.name)), ("kind", .string(p.kind.rawValue)),
                 ("fund", .string(p.fund.rawValue)), ("function", .optionalString(p.function?.code)),
                 ("unit", .optionalString(p.unit)), ("status", .string(p.status.rawValue))])
    }
}
