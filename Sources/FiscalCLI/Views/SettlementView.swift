import FiscalCore

/// The settlement report (年终结转结余) as a table and as JSON: project rows by fund section,
/// a subtotal per section (无 when empty), the total, and the identity checked on every row.
struct SettlementView {
    var report: SettlementReport
    var style: MoneyStyle
    var zh: Bool { style.lang == .zh }

    private typealias Column = (key: String, zh: String, en: String, value: @Sendable (SettlementLine) -> Money)
    private static let columns: [Column] = [
        ("carry_in", "年初结转和结余", "carry-in", { $0.figures.carryIn }),
        ("initial", "年初预算", "initial", { $0.figures.initial }),
        ("additions", "追加", "additions", { $0.figures.additions }),
        ("reductions", "调减", "reductions", { $0.figures.reductions }),
        ("transfers", "调剂", "transfers", { $0.figures.transfers }),
        ("budget", "本年预算", "budget", { $0.figures.budget }),
        ("recalled", "收回", "recalled", { $0.figures.recalled }),
        ("paid", "本年支出", "paid", { $0.figures.paid }),
        ("carried_forward", "年末结转", "carried forward", { $0.figures.carriedForward }),
        ("contract_carried", "其中：合同尾款", "of which on contracts", { $0.contractCarried }),
        ("other_carried", "其他结转", "other carried", { $0.otherCarried }),
        ("surplus", "年末结余", "surplus", { $0.figures.surplus }),
        ("unsettled", "未结算", "unsettled", { $0.figures.available + $0.figures.committed }),
    ]

    /// The split of carried forward (issue 14) shows only when something was carried on contracts.
    private static let contractColumns: Set<String> = ["contract_carried", "other_carried"]

    var rendered: RenderedReport { RenderedReport(table: table, json: json) }

    /// 未结算 is shown only while something is still available (an open year).
    private var shownColumns: [Column] {
        let lines = report.rows + [report.total]
        let onContracts = lines.contains { !$0.contractCarried.isZero }
        return SettlementView.columns.filter {
            ($0.key != "unsettled" || lines.contains { !($0.figures.available + $0.figures.committed).isZero })
                && (onContracts || !SettlementView.contractColumns.contains($0.key))
        }
    }

    private func check(_ line: SettlementLine) -> String {
        line.identityHolds ? (zh ? "相符" : "ok") : (zh ? "不符" : "MISMATCH")
    }

    var table: TextTable {
        let year = report.spec.year
        let title = zh ? "\(report.bookName) \(year)年 年终结转结余表\(report.closed ? "" : "（本年度尚未结账）")"
                       : "\(report.bookName) year-end settlement \(year)\(report.closed ? "" : " (year not closed)")"
        let shown = shownColumns
        var table = TextTable(title: title, columns:
            [.init(report.spec.byUnit ? (zh ? "单位" : "unit") : (zh ? "项目编码" : "code")), .init(zh ? "名称" : "name")] + shown.map { style.column(zh ? $0.zh : $0.en) }
                + [.init(zh ? "勾稽" : "check")])
        func cells(_ line: SettlementLine, _ key: String, _ name: String) -> [String] {
            [key, name] + shown.map { style.cell($0.value(line)) } + [check(line)]
        }
        for section in report.sections {
            let fundName = zh ? section.fund.nameZh : section.fund.nameEn
            if section.isEmpty {
                table.append([fundName, zh ? "无" : "none"], style: .subtotal)
                continue
            }
            for row in section.rows {
                table.append(cells(row, row.project?.code ?? row.unit ?? "", row.project?.name ?? row.unit ?? ""),
                             style: row.identityHolds ? .normal : .flagged)
            }
            table.append(cells(section.subtotal, fundName, zh ? "小计" : "subtotal"),
                         style: section.subtotal.identityHolds ? .subtotal : .flagged)
        }
        table.append(cells(report.total, zh ? "合计" : "total", ""), style: report.total.identityHolds ? .total : .flagged)

        var notes = [style.unitNote]
        let failures = report.identityFailures
        let identity = zh ? "年末结转 + 年末结余\(shown.contains { $0.key == "unsettled" } ? " + 未结算" : "") = 年初结转和结余 + 本年预算 − 收回 − 本年支出"
                          : "carried forward + surplus\(shown.contains { $0.key == "unsettled" } ? " + unsettled" : "") = carry-in + budget − recalled − paid"
        notes.append(failures.isEmpty ? (zh ? "勾稽：\(identity)，各行相符" : "check: \(identity) on every row")
                                      : (zh ? "! 勾稽不符：\(identity) 有 \(failures.count) 行不成立"
                                            : "! MISMATCH: \(identity) fails on \(failures.count) rows"))
        if !report.closed {
            if report.total.figures.committed.isZero {
                notes.append(zh ? "本年度尚未结账：未结算 = 尚未分类的可执行指标" : "the year is not closed: unsettled = available, not yet classified")
            } else {
                notes.append(zh ? "本年度尚未结账：未结算 = 尚未分类的可执行指标与已占用（合同未付）"
                                : "the year is not closed: unsettled = available and committed (contracts not yet paid), not yet classified")
            }
        }
        for key in ["carry_in", "budget", "paid", "carried_forward", "surplus"] {
            guard let column = SettlementView.columns.first(where: { $0.key == key }) else { continue }
            let label = zh ? column.zh : column.en
            for section in report.sections where !section.isEmpty {
                if let note = style.roundingNote(parts: section.rows.map(column.value), total: column.value(section.subtotal),
                                                 label: "\(zh ? section.fund.nameZh : section.fund.nameEn) \(label)") {
                    notes.append(note)
                }
            }
            if let note = style.roundingNote(parts: report.sections.map { column.value($0.subtotal) },
                                             total: column.value(report.total), label: label) {
                notes.append(note)
            }
        }
        notes += eliminationNotes
        table.notes = notes
        return table
    }

    /// On a consolidated book, each elimination entry on a line of its own: what it took out
    /// of which project (the figures above already exclude it).
    private var eliminationNotes: [String] {
        guard !report.eliminations.isEmpty else { return [] }
        var lines = [zh ? "内部抵销（单位间转拨，上表已剔除）：" : "eliminated transfers between units (already out of the figures above):"]
        var entries: [Int64] = []
        for p in report.eliminations where !entries.contains(p.entry) { entries.append(p.entry) }
        for id in entries {
            let postings = report.eliminations.filter { $0.entry == id }
            guard let first = postings.first else { continue }
            let effects = postings.map { p -> String in
                let label = SettlementView.label(p.account, zh: zh)
                // The change of the figure as the report shows it: resources debit-positive,
                // status (paid) credit-positive.
                let change = p.account.isResource ? p.amount : -p.amount
                return "\(label) \(change.isPositive ? "+" : "")\(style.cell(change))"
            }
            lines.append("  \(first.date) \(first.projectCode)：\(effects.joined(separator: zh ? "，" : ", "))\(first.memo.map { " — \($0)" } ?? "")")
        }
        return lines
    }

    private static func label(_ account: Account, zh: Bool) -> String {
        switch account {
        case .paid: zh ? "本年支出" : "paid"
        case .initial: zh ? "年初预算" : "initial"
        case .addition: zh ? "追加" : "additions"
        case .transfer: zh ? "调剂" : "transfers"
        default: zh ? account.nameZh : account.rawValue
        }
    }

    private func figuresJSON(_ line: SettlementLine) -> [(String, JSONValue)] {
        SettlementView.columns.map { ($0.key, JSONValue.money($0.value(line))) }
            + [("year_end", .money(line.yearEnd)), ("identity_holds", .bool(line.identityHolds))]
    }

    var json: JSONValue {
        .object([
            ("book", .string(report.bookName)),
            ("year", .int(report.spec.year)),
            ("closed", .bool(report.closed)),
            ("rows", .array(report.sections.flatMap { section in section.rows.map { row in
                guard let p = row.project else {
                    return .object([("unit", .string(row.unit ?? "")), ("fund", .string(section.fund.rawValue))] + figuresJSON(row))
                }
                return .object([("code", .string(p.code)), ("name", .string(p.name)), ("kind", .string(p.kind.rawValue)),
                                ("fund", .string(p.fund.rawValue))] + figuresJSON(row))
            } })),
            ("sections", .array(report.sections.map { s in
                .object([("fund", .string(s.fund.rawValue)), ("name", .string(zh ? s.fund.nameZh : s.fund.nameEn)),
                         ("empty", .bool(s.isEmpty))] + figuresJSON(s.subtotal))
            })),
            ("total", .object(figuresJSON(report.total))),
        ] + (report.eliminations.isEmpty ? [] : [
            // A consolidated book's eliminations, posting by posting (absent from an ordinary book).
            ("eliminations", .array(report.eliminations.map { p in
                .object([("entry", .int(Int(p.entry))), ("date", .string(p.date.description)), ("project", .string(p.projectCode)),
                         ("unit", .optionalString(p.unit)), ("counterpart", .optionalString(p.counterpart)),
                         ("account", .string(p.account.rawValue)), ("amount", .money(p.amount)), ("memo", .optionalString(p.memo))])
            })),
        ]))
    }
}
