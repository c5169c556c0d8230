import FiscalCore

/// How entries read on screen, in CSV and in JSON: shared by `journal` and by every
/// recording command, which prints what it posted.
enum EntryView {
    static let headersZh = ["凭证", "日期", "类型", "文号", "科目", "项目", "经济分类", "借方", "贷方", "摘要"]
    static let headersEn = ["entry", "date", "kind", "doc", "account", "project", "econ", "debit", "credit", "memo"]

    /// 收款人 and 支付方式 columns, shown only when an entry listed has one (schema 5b).
    static let detailHeadersZh = ["收款人", "支付方式"]
    static let detailHeadersEn = ["payee", "method"]

    static func hasDetails(_ entries: [JournalEntry]) -> Bool {
        entries.contains { $0.payee != nil || $0.paymentMethod != nil }
    }

    static func table(_ entries: [JournalEntry], lang: Language) -> TextTable {
        let details = hasDetails(entries)
        let headers = (lang == .zh ? headersZh : headersEn) + (details ? (lang == .zh ? detailHeadersZh : detailHeadersEn) : [])
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
                ] + (details ? [first ? (entry.payee ?? "") : "", first ? (entry.paymentMethod ?? "") : ""] : []),
                style: entry.overdraft && first ? .flagged : .normal)
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
    /// `payee` and `payment_method` close the row when an entry listed has one.
    static func csvTable(_ entries: [JournalEntry]) -> TextTable {
        let details = hasDetails(entries)
        var table = TextTable(headers: ["entry", "date", "kind", "doc", "memo", "ref", "reverses", "overdraft",
                                        "account", "project", "econ", "amount"] + (details ? ["payee", "payment_method"] : []))
        for e in entries {
            for p in e.postings {
                table.append([String(e.id), e.date.description, e.kind.rawValue, e.doc ?? "", e.memo ?? "", e.ref ?? "",
                              e.reverses.map(String.init) ?? "", e.overdraft ? "1" : "0",
                              p.account.rawValue, p.projectCode, p.econ ?? "", p.amount.plain]
                             + (details ? [e.payee ?? "", e.paymentMethod ?? ""] : []))
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
            ("payee", .optionalString(e.payee)), ("payment_method", .optionalString(e.paymentMethod)),
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
        if let payee = entry.payee { head += ", payee \(payee)" }
        if let method = entry.paymentMethod { head += ", method \(method)" }
        if entry.overdraft { head += " (recorded as an overdraft)" }
        var table = TextTable(columns: [.init("account"), .init("project"), .init("econ"), .init("debit", .right), .init("credit", .right)])
        for p in entry.postings {
            table.append([p.account.rawValue, p.projectCode, p.econ ?? "",
                          p.amount.fen > 0 ? p.amount.description : "", p.amount.fen < 0 ? (-p.amount).description : ""])
        }
        return head + "\n" + TableRenderer().render(table)
    }
}
