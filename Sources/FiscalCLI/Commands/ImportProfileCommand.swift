import ArgumentParser
import FiscalCore

extension FiscalCommand {
    /// `fiscal import profile add|list|remove`: saved column mappings for `import --profile`.
    struct ImportProfileCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "profile",
            abstract: "Saved column mappings for files as budget systems export them (import --profile).",
            discussion: """
                A profile says which of a file's columns is which (支付日期=date, 支付金额=amount, …) and,
                for a file without a kind column, the kind of every row. It is kept in the book as
                configuration, not history: it can be removed, and no entry points at it.

                Examples:
                  fiscal import profile add 一体化支付 --map 支付日期=date,项目编码=project,支付金额=amount --kind pay
                  fiscal import 2023-12.xlsx --profile 一体化支付
                  fiscal import profile list
                  fiscal import profile remove 一体化支付
                """,
            subcommands: [ImportProfileAdd.self, ImportProfileList.self, ImportProfileRemove.self]
        )
    }
}

/// How profiles read on screen, in CSV and in JSON.
enum ImportProfileView {
    static func table(_ profiles: [ImportProfile], lang: Language) -> TextTable {
        let zh = lang == .zh
        var table = TextTable(columns: [.init(zh ? "名称" : "name"), .init(zh ? "类型" : "kind"),
                                        .init(zh ? "列对应" : "mapping"), .init(zh ? "添加日期" : "added")])
        for p in profiles {
            table.append([p.name, p.kind?.rawValue ?? "", p.mapping.map { "\($0.header)=\($0.column)" }.joined(separator: ","),
                          p.added.description])
        }
        return table
    }

    static func json(_ p: ImportProfile) -> JSONValue {
        .object([("name", .string(p.name)), ("kind", .optionalString(p.kind?.rawValue)),
                 ("map", .object(p.mapping.map { ($0.header, .string($0.column)) })), ("added", .string(p.added.description))])
    }

    static func list(_ profiles: [ImportProfile], lang: Language) -> RenderedReport {
        RenderedReport(table: table(profiles, lang: lang), json: .array(profiles.map(json)), csv: table(profiles, lang: .en))
    }
}
