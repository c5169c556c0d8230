import FiscalCore

struct TrialBalanceView {
    var balance: TrialBalance
    var lang: Language
    /// Grouped for a screen (`1,234.56`), plain for CSV (`1234.56`).
    var grouping = true

    func cell(_ m: Money) -> String { m.formatted(grouping: grouping) }

    var accountTable: TextTable {
        let zh = lang == .zh
        var table = TextTable(
            title: zh ? "\(balance.year)年 试算平衡表（元）" : "Trial balance \(balance.year) (yuan)",
            columns: [.init(zh ? "科目" : "account"), .init(zh ? "类别" : "family"),
                      .init(zh ? "借方" : "debit", .right), .init(zh ? "贷方" : "credit", .right)])
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
            columns: [.init(zh ? "项目" : "project"), .init(zh ? "名称" : "name"), .init(zh ? "来源" : "resources", .right),
                      .init(zh ? "占用" : "status", .right), .init(zh ? "已支付" : "paid", .right),
                      .init(zh ? "可执行指标" : "available", .right)])
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
