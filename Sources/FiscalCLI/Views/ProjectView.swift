import FiscalCore

/// Projects as `project list` and `project show` print them.
enum ProjectView {
    static func table(_ projects: [Project], lang: Language) -> TextTable {
        let headers = lang == .zh ? ["编码", "名称", "类型", "资金性质", "功能分类", "单位", "状态"]
                                  : ["code", "name", "kind", "fund", "function", "unit", "status"]
        var table = TextTable(headers: headers)
        for p in projects { table.append(cells(p, lang: lang)) }
        return table
    }

    static func cells(_ p: Project, lang: Language) -> [String] {
        [p.code, p.name, lang == .zh ? p.kind.nameZh : p.kind.rawValue,
         lang == .zh ? p.fund.nameZh : p.fund.rawValue, p.function?.code ?? "", p.unit ?? "",
         lang == .zh ? p.status.nameZh : p.status.rawValue]
    }

    static func json(_ p: Project) -> JSONValue {
        .object([("code", .string(p.code)), ("name", .string(p.name)), ("kind", .string(p.kind.rawValue)),
                 ("fund", .string(p.fund.rawValue)), ("function", .optionalString(p.function?.code)),
                 ("unit", .optionalString(p.unit)), ("status", .string(p.status.rawValue))])
    }

    /// `project list`: CSV has English headers and raw codes (`project`, `general`) whatever
    /// the language, as data for a spreadsheet.
    static func list(_ projects: [Project], lang: Language) -> RenderedReport {
        RenderedReport(table: table(projects, lang: lang),
                       json: .object([("projects", .array(projects.map(json)))]),
                       csv: table(projects, lang: .en))
    }
}

/// `project show`: the project, then its figures in each year of the book (元).
struct ProjectShowView {
    struct Year {
        var year: Int
        var closed: Bool
        var figures: BudgetFigures
    }

    var project: Project
    var years: [Year]
    var style: MoneyStyle
    var zh: Bool { style.lang == .zh }

    private typealias Column = (key: String, zh: String, en: String, value: @Sendable (BudgetFigures) -> Money)
    private static let columns: [Column] = [
        ("total_budget", "全年预算数", "total budget", { $0.totalBudget }),
        ("paid", "已支付", "paid", { $0.paid }),
        ("committed", "已占用", "committed", { $0.committed }),
        ("available", "可执行指标", "available", { $0.available }),
        ("carried_forward", "年末结转", "carried forward", { $0.carriedForward }),
        ("surplus", "年末结余", "surplus", { $0.surplus }),
    ]

    /// 已占用 (issue 14) is shown only when some year of the project has commitments; JSON always has it.
    private var shownColumns: [Column] {
        let committed = years.contains { !$0.figures.committed.isZero }
        return ProjectShowView.columns.filter { $0.key != "committed" || committed }
    }

    private var yearColumns: [TextTable.Column] {
        [.init(zh ? "年度" : "year"), .init(zh ? "年度状态" : "year status")]
            + shownColumns.map { style.column(zh ? $0.zh : $0.en) }
    }

    private func yearCells(_ y: Year) -> [String] {
        [String(y.year), y.closed ? (zh ? "已结账" : "closed") : (zh ? "未结账" : "open")]
            + shownColumns.map { style.cell($0.value(y.figures)) }
    }

    var yearTable: TextTable {
        var table = TextTable(columns: yearColumns, notes: [style.unitNote])
        for y in years { table.append(yearCells(y)) }
        return table
    }

    /// One row per year, the project's columns first.
    var csvTable: TextTable {
        let projectColumns = ProjectView.table([], lang: style.lang).columns
        var table = TextTable(columns: projectColumns + yearColumns)
        for y in years { table.append(ProjectView.cells(project, lang: style.lang) + yearCells(y)) }
        return table
    }

    var json: JSONValue {
        .object([
            ("project", ProjectView.json(project)),
            ("years", .array(years.map { y in
                .object([("year", .int(y.year)), ("closed", .bool(y.closed))]
                        + ProjectShowView.columns.map { ($0.key, JSONValue.money($0.value(y.figures))) })
            })),
        ])
    }

    var rendered: RenderedReport {
        RenderedReport(tables: [ProjectView.table([project], lang: style.lang), yearTable], json: json, csv: csvTable)
    }
}
