import FiscalCore

/// Contracts as `contract list` and `contract show` print them (元): amount committed, paid,
/// released, open, and the age of the commitment in days.
struct ContractView {
    var balances: [ContractBalance]
    var today: Day
    var lang: Language
    var zh: Bool { lang == .zh }

    private func headers(_ zh: Bool) -> [String] {
        zh ? ["合同编号", "项目", "供应商", "经济分类", "采购类型", "中小企业", "签订日期", "合同金额", "已支付", "已释放", "未付余额", "占用天数"]
           : ["contract", "project", "supplier", "econ", "procurement", "sme", "signed", "committed", "paid", "released", "open", "age (days)"]
    }

    private func cells(_ b: ContractBalance, zh: Bool, grouping: Bool) -> [String] {
        let c = b.contract
        let procurement = c.procurement.map { zh ? $0.nameZh : $0.rawValue } ?? ""
        return [c.number, b.projectCode, c.supplier ?? "", c.econ.code, procurement,
                c.sme ? (zh ? "是" : "yes") : "", c.signed.description,
                b.committed.formatted(grouping: grouping), b.paid.formatted(grouping: grouping),
                b.released.formatted(grouping: grouping), b.open.formatted(grouping: grouping), String(b.age(today: today))]
    }

    func table(zh: Bool, grouping: Bool) -> TextTable {
        let h = headers(zh)
        var table = TextTable(headers: h, rightAligned: Set(h[7...]))
        for b in balances { table.append(cells(b, zh: zh, grouping: grouping), style: b.open.fen < 0 ? .flagged : .normal) }
        if grouping {
            let sum = { (f: (ContractBalance) -> Money) in self.balances.reduce(Money.zero) { $0 + f($1) }.formatted(grouping: true) }
            if balances.count > 1 {
                table.append([zh ? "合计" : "total", "", "", "", "", "", "", sum(\.committed), sum(\.paid), sum(\.released),
                              sum(\.open), ""], style: .total)
            }
            table.notes = [zh ? "单位：元；未付余额 = 合同金额 − 已支付 − 已释放；占用天数自签订日期起算（截至 \(today)）"
                              : "amounts in yuan; open = committed − paid − released; age in days since signed (as of \(today))"]
        }
        return table
    }

    static func json(_ b: ContractBalance, today: Day) -> JSONValue {
        let c = b.contract
        return .object([
            ("number", .string(c.number)), ("project", .string(b.projectCode)), ("supplier", .optionalString(c.supplier)),
            ("econ", .string(c.econ.code)), ("procurement", .optionalString(c.procurement?.rawValue)), ("sme", .bool(c.sme)),
            ("signed", .string(c.signed.description)), ("memo", .optionalString(c.memo)),
            ("committed", .money(b.committed)), ("paid", .money(b.paid)), ("released", .money(b.released)),
            ("open", .money(b.open)), ("age_days", .int(b.age(today: today))),
            ("last_activity", .optionalString(b.lastActivity?.description)),
        ])
    }

    /// `contract list`: CSV has English headers and plain amounts.
    var list: RenderedReport {
        RenderedReport(table: table(zh: zh, grouping: true),
                       json: .object([("as_of", .string(today.description)),
                                      ("contracts", .array(balances.map { ContractView.json($0, today: today) }))]),
                       csv: table(zh: false, grouping: false))
    }

    /// `contract show`: one contract, field by field.
    var show: RenderedReport {
        let b = balances[0], c = b.contract
        var table = TextTable(headers: zh ? ["项目", "内容"] : ["field", "value"])
        let rows: [(String, String, String)] = [
            ("合同编号", "contract", c.number), ("项目", "project", b.projectCode), ("供应商", "supplier", c.supplier ?? ""),
            ("经济分类", "econ", c.econ.code + (c.econ.name.map { " \($0)" } ?? "")),
            ("采购类型", "procurement", c.procurement.map { zh ? $0.nameZh : $0.rawValue } ?? (zh ? "非政府采购" : "none")),
            ("中小企业", "sme", c.sme ? (zh ? "是" : "yes") : (zh ? "否" : "no")),
            ("签订日期", "signed", c.signed.description), ("备注", "memo", c.memo ?? ""),
            ("合同金额", "committed", b.committed.formatted(grouping: true)), ("已支付", "paid", b.paid.formatted(grouping: true)),
            ("已释放", "released", b.released.formatted(grouping: true)), ("未付余额", "open", b.open.formatted(grouping: true)),
            ("占用天数", "age (days)", String(b.age(today: today))),
            ("最近支付或释放", "last paid or released", b.lastActivity?.description ?? ""),
        ]
        for (labelZh, labelEn, value) in rows { table.append([zh ? labelZh : labelEn, value]) }
        table.notes = [zh ? "单位：元；截至 \(today)" : "amounts in yuan; as of \(today)"]
        return RenderedReport(table: table, json: ContractView.json(b, today: today), csv: ContractView(balances: [b], today: today, lang: .en).table(zh: false, grouping: false))
    }
}
