import FiscalCore

/// The 三公经费 report as a table and as JSON: each category (公务用车 with its two parts),
/// then the total, with budget, actual, saving, saving rate and completion rate.
struct SangongView {
    var report: SangongReport
    var style: MoneyStyle
    var zh: Bool { style.lang == .zh }

    var rendered: RenderedReport { RenderedReport(table: table, json: json) }

    var table: TextTable {
        let year = report.spec.year
        var table = TextTable(
            title: zh ? "\(report.bookName) \(year)年 “三公”经费预算执行情况" : "\(report.bookName) \"three public expenses\" \(year)",
            columns: [.init(zh ? "项目" : "category"), .init(zh ? "经济分类" : "econ"), style.column(zh ? "预算数" : "budget"),
                      style.column(zh ? "实际支出" : "actual"), style.column(zh ? "节约额" : "saving"),
                      .init(zh ? "节约率" : "saving rate", .right), .init(zh ? "完成预算" : "completion", .right)])
        func cells(_ name: String, _ codes: [String], _ f: SangongFigures) -> [String] {
            [name, codes.joined(separator: "+"), style.cell(f.budget), style.cell(f.actual), style.cell(f.saving),
             MoneyStyle.percent(f.savingRate), MoneyStyle.percent(f.completionRate)]
        }
        for c in report.categories {
            table.append(cells(zh ? c.nameZh : c.nameEn, c.codes, c.figures))
            for (i, part) in c.parts.enumerated() {
                let prefix = i == 0 ? (zh ? "  其中：" : "  of which: ") : (zh ? "        " : "            ")
                table.append(cells(prefix + (zh ? part.nameZh : part.nameEn), part.codes, part.figures))
            }
        }
        table.append(cells(zh ? "合计" : "total", [], report.total), style: .total)

        var notes = [style.unitNote]
        notes.append(zh ? "预算数 = 标注三公经济分类的指标（年初预算 + 追加 − 调减 + 调剂 + 上年结转 − 收回）；节约率 = 节约额 ÷ 预算数；完成预算 = 实际支出 ÷ 预算数"
                        : "budget = authority tagged with the three-public-expense codes (initial + additions − reductions + transfers + carry-in − recalled); saving rate = saving ÷ budget; completion = actual ÷ budget")
        let sums: [(String, KeyPath<SangongFigures, Money>)] = [
            (zh ? "预算数" : "budget", \.budget), (zh ? "实际支出" : "actual", \.actual), (zh ? "节约额" : "saving", \.saving),
        ]
        for (label, path) in sums {
            if let note = style.roundingNote(parts: report.categories.map { $0.figures[keyPath: path] },
                                             total: report.total[keyPath: path], label: label) {
                notes.append(note)
            }
        }
        table.notes = notes
        return table
    }

    private func figuresJSON(_ f: SangongFigures) -> [(String, JSONValue)] {
        [("budget", .money(f.budget)), ("actual", .money(f.actual)), ("saving", .money(f.saving)),
         ("saving_rate", .rate(f.savingRate)), ("completion_rate", .rate(f.completionRate))]
    }

    private func categoryJSON(_ c: SangongCategory) -> JSONValue {
        .object([("key", .string(c.key)), ("name", .string(zh ? c.nameZh : c.nameEn)),
                 ("econ", .array(c.codes.map(JSONValue.string)))] + figuresJSON(c.figures)
                + [("parts", .array(c.parts.map(categoryJSON)))])
    }

    var json: JSONValue {
        .object([
            ("book", .string(report.bookName)),
            ("year", .int(report.spec.year)),
            ("categories", .array(report.categories.map(categoryJSON))),
            ("total", .object(figuresJSON(report.total))),
        ])
    }
}
