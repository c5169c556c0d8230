import FiscalCore

/// The 政府采购 report as a table and as JSON: `{"rows": [{"type", "contracted", "paid", "sme",
/// "sme_share"}], "total": {same}}`, money as 元 strings like every report's JSON.
struct ProcurementView {
    var report: ProcurementReport
    var style: MoneyStyle
    var zh: Bool { style.lang == .zh }

    var rendered: RenderedReport { RenderedReport(table: table, json: json) }

    private func name(_ line: ProcurementLine) -> String {
        guard let type = line.type else { return zh ? "合计" : "total" }
        return zh ? type.nameZh : type.rawValue
    }

    var table: TextTable {
        let title = zh ? "\(report.bookName) \(report.spec.year)年 政府采购支出" : "\(report.bookName) government procurement \(report.spec.year)"
        var table = TextTable(title: title, columns: [
            .init(zh ? "采购类型" : "type"), style.column(zh ? "合同金额" : "contracted"), style.column(zh ? "已支付" : "paid"),
            style.column(zh ? "其中：授予中小企业" : "of which to SMEs"), .init(zh ? "中小企业占比" : "SME share", .right),
        ])
        func cells(_ l: ProcurementLine) -> [String] {
            [name(l), style.cell(l.contracted), style.cell(l.paid), style.cell(l.sme), MoneyStyle.percent(l.smeShare)]
        }
        for row in report.rows { table.append(cells(row)) }
        table.append(cells(report.total), style: .total)
        table.notes = [style.unitNote + (zh ? "；合同金额 = 本年签订（占用）的政府采购合同金额；已支付 = 本年对合同的支付；中小企业占比 = 授予中小企业合同金额 ÷ 合同金额"
                                            : "; contracted = procurement contracts committed in the year; paid = paid against contracts in the year; SME share = to SMEs ÷ contracted")]
        return table
    }

    private func lineJSON(_ l: ProcurementLine) -> [(String, JSONValue)] {
        [("contracted", .money(l.contracted)), ("paid", .money(l.paid)), ("sme", .money(l.sme)), ("sme_share", .rate(l.smeShare))]
    }

    var json: JSONValue {
        .object([
            ("book", .string(report.bookName)),
            ("year", .int(report.spec.year)),
            ("rows", .array(report.rows.map { .object([("type", .string($0.type!.rawValue))] + lineJSON($0)) })),
            ("total", .object(lineJSON(report.total))),
        ])
    }
}
