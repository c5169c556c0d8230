import FiscalCore

/// How entries read on screen, in CSV and in JSON: shared by `journal` and by every
/// recording command, which prints what it posted.
enum EntryView {
    static let headersZh = ["凭证", "日期", "类型", "文号", "科目", "项目", "经济分类", "借方", "贷方", "摘要"]
    static let headersEn = ["entry", "date", "kind", "doc", "account", "project", "econ", "debit", "credit", "memo"]

    static func table(_ entries: [JournalEntry], lang: Language) -> TextTable {
        let headers = lang == .zh ? headersZh : headersEn
        var table = TextTable(columns: headers.enumerated().map { i, h in
            TextTable.Column(h, (7...8).contains(i) ? .right : .left)
        })
        for entry in entries {
            for (i, p) in entry.postings.enumerated() {
                let first = i == 0
                table.append([
                    first ? String(entry.id) : "", first ? entry.date.description : "",
                    first ? kindLabel(entry, lang: lang) : "", first ? (entry.doc ?? "") : "",
                    lang == .zh ? p.account.nameZh : p.account.rawValue, p.projectCode, p.econ ?? "",
                    p.amount.fen > 0 ? p.amount.description : "", p.amount.fen < 0 ? (-p.amount).description : "",
                    first ? memo(entry) : "",
                ], style: entry.overdraft && first ? .flagged : .normal)
            }
        }
        return table
    }

    /// `fiscal journal`: the entries as a table, one row per posting in CSV, and JSON.
    static func journal(_ entries: [JournalEntry], lang: Language) -> RenderedReport {
        var table = table(entries, lang: lang)
        table.notes = [lang == .zh ? "单位：元；! 超指标支出" : "amounts in yuan; ! recorded overdraft"]
        return RenderedReport(table: table, json: .object([("entries", .array(entries.map(json)))]), csv: csvTable(entries))
    }

    static func kindLabel(_ entry: JournalEntry, lang: Language) -> String {
        let base = lang == .zh ? entry.kind.nameZh : entry.kind.rawValue
        return entry.reverses.map { "\(base) #\($0)" } ?? base
    }

    static func memo(_ entry: JournalEntry) -> String {
        var parts: [String] = []
        if let memo = entry.memo { parts.append(memo) }
        if let by = entry.reversedBy { parts.append("(reversed by #\(by))") }
        if entry.overdraft { parts.append("(overdraft)") }
        return parts.joined(separator: " ")
    }

    /// One row per posting, plain 元 amounts signed (debit positive), ready for a spreadsheet.
    static func csvTable(_ entries: [JournalEntry]) -> TextTable {
        var table = TextTable(headers: ["entry", "date", "kind", "doc", "memo", "ref", "reverses", "overdraft",
                                        "account", "project", "econ", "amount"])
        for e in entries {
            for p in e.postings {
                table.append([String(e.id), e.date.description, e.kind.rawValue, e.doc ?? "", e.memo ?? "", e.ref ?? "",
                              e.reverses.map(String.init) ?? "", e.overdraft ? "1" : "0",
                              p.account.rawValue, p.projectCode, p.econ ?? "", p.amount.plain])
            }
        }
        return table
    }

    static func json(_ e: JournalEntry) -> JSONValue {
        .object([
            ("id", .number(String(e.id))), ("date", .string(e.date.description)), ("kind", .string(e.kind.rawValue)),
            ("doc", .optionalString(e.doc)), ("memo", .optionalString(e.memo)), ("ref", .optionalString(e.ref)),
            ("reverses", e.reverses.map { .number(String($0)) } ?? .null),
            ("reversed_by", e.reversedBy.map { .number(String($0)) } ?? .null),
            ("overdraft", .bool(e.overdraft)),
            ("postings", .array(e.postings.map { p in
                .object([("account", .string(p.account.rawValue)), ("project", .string(p.projectCode)),
                         ("econ", .optionalString(p.econ)), ("amount", .money(p.amount))]
                        + (p.contract.map { [("contract", JSONValue.string($0))] } ?? []))
            })),
        ])
    }

    /// What a recording command prints: a line saying what was posted, then its postings.
    static func posted(_ entry: JournalEntry) -> String {
        var head = "posted entry \(entry.id) on \(entry.date): \(entry.kind.rawValue)"
        if let r = entry.reverses { head += " of entry \(r)" }
        if let doc = entry.doc { head += ", doc \(doc)" }
        if entry.overdraft { head += " (recorded as an overdraft)" }
        var table = TextTable(columns: [.init("account"), .init("project"), .init("econ"), .init("debit", .right), .init("credit", .right)])
        for p in entry.postings {
            table.append([p.account.rawValue, p.projectCode, p.econ ?? "",
                          p.amount.fen > 0 ? p.amount.description : "", p.amount.fen < 0 ? (-p.amount).description : ""])
        }
        return head + "\n" + TableRenderer().render(table)
    }
}
