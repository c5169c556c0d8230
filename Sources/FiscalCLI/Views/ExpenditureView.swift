import FiscalCore

struct ExpenditureView {
    var report: ExpenditureReport
    var style: MoneyStyle
    var zh: Bool { style.lang == .zh }

    var rendered: RenderedReport { RenderedReport(table: table, json: json) }

    /// Which amount columns the kind filter leaves meaningful.
    private var columns: [(zh: String, en: String, key: String, value: (ExpenditureReport.Line) -> Money)] {
        switch report.kinds {
        case .basic: [("基本支出", "basic", "basic", { $0.basic })]
        case .project: [("项目支出", "project", "project", { $0.project })]
        case .all: [("合计", "total", "total", { $0.total }), ("基本支出", "basic", "basic", { $0.basic }),
                    ("项目支出", "project", "project", { $0.project })]
        }
    }

    var table: TextTable {
        let dimension = report.dimension == .econ ? (zh ? "经济分类" : "economic class") : (zh ? "功能分类" : "function")
        let title = zh ? "\(report.bookName) \(report.year)年 支出决算表（按\(dimension)）"
                       : "\(report.bookName) expenditure \(report.year) by \(dimension)"
        var table = TextTable(title: title, columns: [.init(zh ? "科目编码" : "code"), .init(zh ? "科目名称" : "name")]
                              + columns.map { style.column(zh ? $0.zh : $0.en) })
        for line in report.lines {
            let indent = String(repeating: "  ", count: line.level)
            table.append([line.code, indent + line.name] + columns.map { style.cell($0.value(line)) },
                         style: line.isSubtotal && line.level == 0 ? .subtotal : .normal)
        }
        let totals = [report.total, report.basic, report.project]
        let shownTotals = report.kinds == .all ? totals : [report.kinds == .basic ? report.basic : report.project]
        table.append(["", zh ? "合计" : "total"] + shownTotals.map(style.cell), style: .total)
        var notes = [style.unitNote]
        let classes = report.lines.filter { $0.level == 0 }
        if let note = style.roundingNote(parts: classes.map(\.total), total: report.total, label: zh ? "各类" : "classes") {
            notes.append(note)
        }
        table.notes = notes
        return table
    }

    var json: JSONValue {
        .object([
            ("year", .int(report.year)), ("by", .string(report.dimension.rawValue)), ("kind", .string(report.kinds.rawValue)),
            ("rows", .array(report.lines.map { line in
                .object([("code", .string(line.code)), ("name", .string(line.name)), ("level", .int(line.level)),
                         ("basic", .money(line.basic)), ("project", .money(line.project)), ("total", .money(line.total))])
            })),
            ("total", .object([("basic", .money(report.basic)), ("project", .money(report.project)), ("total", .money(report.total))])),
        ])
    }
}
