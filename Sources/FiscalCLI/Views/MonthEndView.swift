import FiscalCore

/// The month-end pack as one HTML page: headline figures, the lagging projects, the progress
/// chart (inline SVG), progress by kind and by project, expenditure by economic class and 三公,
/// each to the month's end. The tables are the reports' own views, so every figure, rounding
/// and 尾差 note is the one the terminal shows.
struct MonthEndView {
    var pack: MonthEndPack
    var style: MoneyStyle
    /// The book's seal as of the month's end, printed at the foot (DESIGN §9).
    var seal: FiscalCore.Seal?
    var zh: Bool { style.lang == .zh }

    var html: String {
        let report = pack.byProject
        let month = report.spec.month
        let title = zh ? "\(report.bookName) \(month.year)年\(month.month)月 预算执行情况（截至\(report.spec.asOf)）"
                       : "\(report.bookName) budget execution, \(month) (as of \(report.spec.asOf))"
        let renderer = HTMLRenderer()
        var sections = ["<h1>\(HTMLRenderer.escape(title))</h1>", headline]
        sections.append(renderer.render(laggingTable))
        sections.append("<section><h2>\(zh ? "累计支出进度" : "Cumulative execution rate")</h2>\n"
                        + renderSVG(ProgressChart.chart(pack.series, lang: style.lang)) + "\n</section>")
        let parts = [ProgressView(report: pack.byKind, style: style).rendered,
                     ProgressView(report: pack.byProject, style: style).rendered,
                     ExpenditureView(report: pack.expenditure, style: style).rendered,
                     SangongView(report: pack.sangong, style: style).rendered]
        let through = zh ? "（截至\(report.spec.asOf)）" : " (to \(report.spec.asOf))"
        var tables = parts.flatMap(\.tables).map { table -> TextTable in
            var t = table
            if let title = t.title, !title.contains(report.spec.asOf.description) { t.title = title + through }
            return t
        }
        tables[0].title = zh ? "支出进度（按支出类型）" + through : "Progress by kind" + through
        tables[1].title = zh ? "支出进度（按项目）" + through : "Progress by project" + through
        let foot = seal.map { ["<p class=\"note\">\(HTMLRenderer.escape(SealLine.footer($0, lang: style.lang)))</p>"] } ?? []
        return HTMLRenderer.document(title: title, body: (sections + tables.map(renderer.render) + foot).joined(separator: "\n"))
    }

    /// 全年预算数, 累计支付, 执行率 against 序时进度, and how many projects lag.
    private var headline: String {
        let total = pack.byProject.total
        let figures: [(String, String)] = [
            (zh ? "全年预算数（\(style.unitName)）" : "Total budget (\(style.unitName))", style.cell(total.figures.totalBudget)),
            (zh ? "累计支付（\(style.unitName)）" : "Paid to date (\(style.unitName))", style.cell(total.figures.paid)),
            (zh ? "执行率" : "Execution rate", MoneyStyle.percent(total.executionRate)),
            (zh ? "序时进度" : "Time progress", MoneyStyle.percent(pack.byProject.timeProgress)),
            (zh ? "滞后项目" : "Lagging projects", "\(pack.lagging.count)"),
        ]
        return "<div class=\"figures\">" + figures.map { label, value in
            "<div class=\"figure\"><div class=\"label\">\(HTMLRenderer.escape(label))</div><div class=\"value\">\(HTMLRenderer.escape(value))</div></div>"
        }.joined() + "</div>"
    }

    /// The lagging projects: what they have, what they paid, how far behind.
    private var laggingTable: TextTable {
        var table = TextTable(title: zh ? "滞后项目" : "Lagging projects", columns: [
            .init(zh ? "项目编码" : "code"), .init(zh ? "名称" : "name"),
            style.column(zh ? "全年预算数" : "total budget"), style.column(zh ? "累计支付" : "paid to date"),
            .init(zh ? "执行率" : "rate", .right), .init(zh ? "差距（百分点）" : "gap (points)", .right),
        ])
        for line in pack.lagging {
            table.append([line.key, line.name, style.cell(line.figures.totalBudget), style.cell(line.figures.paid),
                          MoneyStyle.percent(line.executionRate), MoneyStyle.points(line.gap)])
        }
        if pack.lagging.isEmpty { table.notes.append(zh ? "无滞后项目" : "no project lags") }
        table.notes.insert(style.unitNote, at: 0)
        return table
    }
}
