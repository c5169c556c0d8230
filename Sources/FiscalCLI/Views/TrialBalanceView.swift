import FiscalCore

/// The trial balance as a table of accounts or of projects, in 元, and as JSON.
struct TrialBalanceView {
    var balance: TrialBalance
    var lang: Language
    /// 元, grouped for a screen (`1,234.56`), plain for CSV and Markdown (`1234.56`).
    var style: MoneyStyle

    init(balance: TrialBalance, lang: Language, grouping: Bool) {
        self.balance = balance
        self.lang = lang
        self.style = MoneyStyle(unit: .yuan, lang: lang, grouping: grouping)
    }

    func cell(_ m: Money) -> String { style.cell(m) }

    func rendered(byProject: Bool) -> RenderedReport {
        RenderedReport(table: byProject ? projectTable : accountTable, json: json)
    }

    var accountTable: TextTable {
        let zh = lang == .zh
        var table = TextTable(
            title: zh ? "\(balance.year)年 试算平衡表（元）" : "Trial balance \(balance.year) (yuan)",
            columns: [.init(zh ? "科目" : "account"), .init(zh ? "类别" : "family"),
                      style.column(zh ? "借方" : "debit"), style.column(zh ? "贷方" : "credit")])
        for line in balance.accounts {
            let b = line.balance
            table.append([zh ? line.account.nameZh : line.account.rawValue,
                          line.account.isResource ? (zh ? "来源" : "resource") : (zh ? "占用" : "status"),
                          b.fen > 0 ? cell(b) : "", b.fen < 0 ? cell(-b) : ""])
        }
        table.append([zh ? "合计" : "total", "", cell(balance.resources), cell(balance.status)], style: .total)
        table.notes = [balance.isBalanced
            ? (zh ? "平衡：来源 = 占用" : "balanced: resources = status")
            : (zh ? "不平衡：来源 ≠ 占用" : "NOT balanced: resources ≠ status")]
        return table
    }

    var projectTable: TextTable {
        let zh = lang == .zh
        var table = TextTable(
            title: zh ? "\(balance.year)年 项目余额（元）" : "Project balances \(balance.year) (yuan)",
            columns: [.init(zh ? "项目" : "project"), .init(zh ? "名称" : "name"), style.column(zh ? "来源" : "resources"),
                      style.column(zh ? "占用" : "status"), style.column(zh ? "已支付" : "paid"),
                      style.column(zh ? "可执行指标" : "available")])
        for p in balance.projects {
            table.append([p.code, p.name, cell(p.resources), cell(p.status), cell(p.paid),
                          cell(p.available)], style: p.available.fen < 0 ? .flagged : .normal)
        }
        let paid = balance.projects.reduce(Money.zero) { $0 + $1.paid }
        let available = balance.projects.reduce(Money.zero) { $0 + $1.available }
        table.append([zh ? "合计" : "total", "", cell(balance.resources), cell(balance.status),
                      cell(paid), cell(available)], style: .total)
        return table
    }

    var json: JSONValue {
        .object([
            ("year", .int(balance.year)),
            ("accounts", .array(balance.accounts.map {
                .object([("account", .string($0.account.rawValue)), ("family", .string($0.account.isResource ? "resource" : "status")),
                         ("balance", .money($0.balance))])
            })),
            ("projects", .array(balance.projects.map {
                .object([("code", .string($0.code)), ("name", .string($0.name)), ("resources", .money($0.resources)),
                         ("status", .money($0.status)), ("paid", .money($0.paid)), ("available", .money($0.available))])
            })),
            ("resources", .money(balance.resources)), ("status", .money(balance.status)),
            ("balanced", .bool(balance.isBalanced)),
        ])
    }
}
