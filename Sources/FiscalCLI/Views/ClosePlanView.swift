import FiscalCore

/// The plan of a year-end close (and, once applied, what was written) as a table and JSON.
struct ClosePlanView {
    var plan: ClosePlan
    /// nil for a dry run.
    var result: CloseResult?
    var style: MoneyStyle
    var zh: Bool { style.lang == .zh }

    var rendered: RenderedReport { RenderedReport(table: table, json: json) }

    private func reason(_ line: CloseLine) -> String {
        if line.parts.isEmpty { return zh ? "无剩余" : "nothing left" }
        if line.parts.count == 1 { return zh ? line.parts[0].rule.reasonZh : line.parts[0].rule.reasonEn }
        return line.parts.map { "\(zh ? $0.rule.reasonZh : $0.rule.reasonEn) \(style.cell($0.amount))" }
            .joined(separator: zh ? "；" : "; ")
    }

    var table: TextTable {
        let next = plan.year + 1
        let title = zh ? "\(plan.year)年 年终结转结余\(result == nil ? "方案（试算，未写入）" : "")"
                       : "Year-end close of \(plan.year)\(result == nil ? " (dry run: nothing written)" : "")"
        // Open commitments (issue 14) get a column and a row per contract, only when there are some.
        let contracts = !plan.contractCarried.isZero
        var columns: [TextTable.Column] = [
            .init(zh ? "项目编码" : "code"), .init(zh ? "名称" : "name"), .init(zh ? "类型" : "kind"),
            .init(zh ? "状态" : "status"), style.column(zh ? "年末剩余" : "leftover"),
        ]
        if contracts { columns.append(style.column(zh ? "合同尾款" : "on contracts")) }
        columns += [style.column(zh ? "结转" : "carried forward"), style.column(zh ? "结余" : "surplus"),
                    style.column(zh ? "其中待收回" : "to recall"), .init(zh ? "依据" : "why")]
        var table = TextTable(title: title, columns: columns)
        func row(_ head: [String], _ onContracts: Money, _ rest: [String]) -> [String] {
            head + (contracts ? [style.cell(onContracts)] : []) + rest
        }
        for line in plan.lines {
            let p = line.project
            table.append(row([p.code, p.name, zh ? p.kind.nameZh : p.kind.nameEn, zh ? p.status.nameZh : p.status.rawValue,
                              style.cell(line.leftover)], line.contractCarried,
                             [style.cell(line.carriedForward), style.cell(line.surplus), style.cell(line.toRecall), reason(line)]),
                         style: line.parts.contains { $0.rule == .agedCarryIn || $0.rule.isOverride } ? .flagged : .normal)
            for carry in line.commitments {
                let c = carry.contract
                let name = (zh ? "合同 " : "contract ") + c.number + (c.supplier.map { " \($0)" } ?? "")
                table.append(row(["", name, "", "", ""], carry.amount,
                                 [style.cell(carry.amount), "", "", zh ? "合同约定尾款，结转下年" : "open commitment: carried forward"]))
            }
        }
        table.append(row([zh ? "合计" : "total", "", "", "", style.cell(plan.leftover)], plan.contractCarried,
                         [style.cell(plan.carriedForward), style.cell(plan.surplus), style.cell(plan.toRecall), ""]), style: .total)

        var notes = [style.unitNote]
        if table.rows.contains(where: { $0.style == .flagged }) {
            notes.append(zh ? "! 命令行指定，或结转资金连续两年未使用（转为结余，待收回）"
                            : "! overridden on the command line, or carry-in unused for two years (surplus, to be recalled)")
        }
        let sums: [(String, [Money], Money)] = [
            (zh ? "结转" : "carried forward", plan.lines.map(\.carriedForward), plan.carriedForward),
            (zh ? "结余" : "surplus", plan.lines.map(\.surplus), plan.surplus),
        ]
        for (label, parts, total) in sums {
            if let note = style.roundingNote(parts: parts, total: total, label: label) { notes.append(note) }
        }
        if contracts {
            notes.append(zh ? "合同尾款：未支付的合同占用，无论项目状态一律结转下年（下年 1 月 1 日转回已占用）"
                            : "on contracts: open commitments, carried forward whatever the project's status (committed again on 1 January)")
        }
        if let result {
            notes.append(zh
                ? "已结账：\(result.closingEntries.count) 笔结账凭证（\(plan.closingDate)），\(result.openingEntries.count) 笔年初结转凭证（\(plan.openingDate)）；\(plan.year)年已锁定，\(next)年\(result.openedNextYear ? "已开启" : "已记入上年结转")"
                : "closed \(plan.year): \(result.closingEntries.count) closing entries dated \(plan.closingDate), \(result.openingEntries.count) opening entries dated \(plan.openingDate); \(plan.year) is locked, \(next) \(result.openedNextYear ? "is open" : "has its carry-in")")
        } else {
            notes.append(zh ? "试算：未写入任何凭证（去掉 --dry-run 执行结账）" : "dry run: nothing written (run without --dry-run to close)")
        }
        table.notes = notes
        return table
    }

    var json: JSONValue {
        func entries(_ ids: [Int64]?) -> JSONValue { ids.map { .array($0.map { .number(String($0)) }) } ?? .null }
        return .object([
            ("year", .int(plan.year)),
            ("dry_run", .bool(result == nil)),
            ("closing_date", .string(plan.closingDate.description)),
            ("opening_date", .string(plan.openingDate.description)),
            ("projects", .array(plan.lines.map { line in
                .object([
                    ("code", .string(line.project.code)), ("name", .string(line.project.name)),
                    ("kind", .string(line.project.kind.rawValue)), ("status", .string(line.project.status.rawValue)),
                    ("leftover", .money(line.leftover)), ("carried_forward", .money(line.carriedForward)),
                    ("surplus", .money(line.surplus)), ("to_recall", .money(line.toRecall)),
                    ("aged_carry_in", .money(line.agedCarryIn)),
                    ("contract_carried", .money(line.contractCarried)),
                    ("commitments", .array(line.commitments.map { carry in
                        .object([("contract", .string(carry.contract.number)), ("supplier", .optionalString(carry.contract.supplier)),
                                 ("econ", .string(carry.contract.econ.code)), ("amount", .money(carry.amount))])
                    })),
                    ("parts", .array(line.parts.map { part in
                        .object([("rule", .string(part.rule.rawValue)), ("account", .string(part.rule.destination.rawValue)),
                                 ("amount", .money(part.amount)), ("reason", .string(zh ? part.rule.reasonZh : part.rule.reasonEn)),
                                 ("econ", .array(part.pieces.map { .object([("econ", .optionalString($0.econ?.code)), ("amount", .money($0.amount))]) }))])
                    })),
                ])
            })),
            ("total", .object([("leftover", .money(plan.leftover)), ("carried_forward", .money(plan.carriedForward)),
                               ("surplus", .money(plan.surplus)), ("to_recall", .money(plan.toRecall)),
                               ("contract_carried", .money(plan.contractCarried))])),
            ("closing_entries", entries(result?.closingEntries)),
            ("opening_entries", entries(result?.openingEntries)),
        ])
    }
}
