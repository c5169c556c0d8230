import FiscalCore

/// The 预算执行情况 block of the 绩效自评表: 年初预算数, 全年预算数, 全年执行数, 分值, 执行率,
/// 得分 per project, by 资金性质 and in total, with the scoring rule stated under it.
struct SelfEvaluationView {
    var report: SelfEvaluation
    var style: MoneyStyle
    var zh: Bool { style.lang == .zh }

    var rendered: RenderedReport { RenderedReport(table: table, json: json) }

    private var weight: String { "\(report.spec.weight)" }

    var table: TextTable {
        let title = zh ? "\(report.bookName) \(report.spec.year)年 绩效自评表：预算执行情况"
                       : "\(report.bookName) \(report.spec.year) self-evaluation: budget execution"
        var table = TextTable(title: title, columns: [
            .init(zh ? "项目编码" : "code"), .init(zh ? "项目名称" : "project"),
            style.column(zh ? "年初预算数" : "initial budget"), style.column(zh ? "全年预算数" : "total budget"),
            style.column(zh ? "全年执行数" : "paid"), .init(zh ? "分值" : "weight", .right),
            .init(zh ? "执行率" : "rate", .right), .init(zh ? "得分" : "score", .right),
        ])
        for line in report.projects { table.append(cells(line, key: line.key)) }
        if report.spec.project == nil {
            for line in report.byFund { table.append(cells(line, key: "", name: zh ? "其中：" + line.name : "of which: " + (Fund(rawValue: line.key)?.nameEn ?? line.name)), style: .subtotal) }
            table.append(cells(report.total, key: "", name: zh ? "合计" : "total"), style: .total)
        }
        let full = MoneyStyle.points(report.spec.fullAtHundredths)
        let rule = report.spec.fullAtHundredths >= 10_000
            ? (zh ? "得分 = 执行率 × 分值，最高为分值" : "score = rate × weight, at most the weight")
            : (zh ? "执行率达到 \(full)% 得满分，否则得分 = 执行率 × 分值" : "full weight from a rate of \(full)%, else rate × weight")
        table.notes = [style.unitNote + (zh ? "；执行率 = 全年执行数 ÷ 全年预算数；" : "; rate = paid ÷ total budget; ") + rule]
        if let note = style.roundingNote(parts: report.projects.map(\.paid), total: report.total.paid, label: zh ? "全年执行数" : "paid"),
           report.spec.project == nil {
            table.notes.append(note)
        }
        return table
    }

    private func cells(_ line: SelfEvaluationLine, key: String, name: String? = nil) -> [String] {
        [key, name ?? line.name, style.cell(line.initial), style.cell(line.totalBudget), style.cell(line.paid), weight,
         MoneyStyle.percent(line.rate), MoneyStyle.points(line.scoreHundredths)]
    }

    var json: JSONValue {
        func line(_ l: SelfEvaluationLine) -> JSONValue {
            .object([("key", .string(l.key)), ("name", .string(l.name)), ("initial", .money(l.initial)),
                     ("total_budget", .money(l.totalBudget)), ("paid", .money(l.paid)),
                     ("weight", .int(Int(report.spec.weight))), ("rate", .rate(l.rate)),
                     ("score", l.scoreHundredths.map { .number(Money.render(hundredths: $0, grouping: false)) } ?? .null)])
        }
        return .object([("book", .string(report.bookName)), ("year", .int(report.spec.year)),
                        ("full_at", .number(Money.render(hundredths: report.spec.fullAtHundredths, grouping: false))),
                        ("projects", .array(report.projects.map(line))), ("by_fund", .array(report.byFund.map(line))),
                        ("total", line(report.total))])
    }
}
