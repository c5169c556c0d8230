import FiscalCore

/// The progress report as a table (Chinese or English labels, 万元 or 元) and as JSON.
struct ProgressView {
    var report: ProgressReport
    var style: MoneyStyle
    var zh: Bool { style.lang == .zh }

    /// Figure columns: key, Chinese label, English label, value. Optional ones are left out of
    /// the terminal table when every row is zero, so the usual report fits a screen.
    private typealias Column = (key: String, zh: String, en: String, optional: Bool, value: @Sendable (BudgetFigures) -> Money)
    private static let columns: [Column] = [
        ("carry_in", "上年结转", "carry-in", true, { $0.carryIn }),
        ("initial", "年初预算", "initial", false, { $0.initial }),
        ("additions", "追加", "additions", false, { $0.additions }),
        ("reductions", "调减", "reductions", true, { $0.reductions }),
        ("transfers", "调剂", "transfers", true, { $0.transfers }),
        ("recalled", "收回", "recalled", true, { $0.recalled }),
        ("total_budget", "全年预算数", "total budget", false, { $0.totalBudget }),
        ("paid_month", "本月支付", "paid in month", false, { $0.paidInMonth }),
        ("paid", "累计支付", "paid to date", false, { $0.paid }),
        ("committed", "已占用", "committed", true, { $0.committed }),
        ("available", "可执行指标", "available", false, { $0.available }),
    ]

    /// Whether the report has open commitments (issue 14): then 占用率 shows beside 执行率.
    private var hasCommitments: Bool { !report.total.figures.committed.isZero || report.rows.contains { !$0.figures.committed.isZero } }

    var rendered: RenderedReport { RenderedReport(table: table, json: json) }

    private func name(_ line: ProgressLine, subtotal: Bool) -> String {
        if zh { return line.name }
        // The total and the one-group subtotal first: their keys are not kinds or funds.
        switch (report.spec.grouping, line.key) {
        case (_, "total") where subtotal: return "total"
        case (_, "all") where subtotal: return "subtotal"
        case (_, "basic"): return "basic expenditure"
        case (.project, "project"), (.kind, "project"), (.unit, "project"): return subtotal ? "project expenditure" : ProjectKind.project.nameEn
        case (.kind, let k): return ProjectKind(rawValue: k)?.nameEn ?? line.name
        case (.fund, let k): return Fund(rawValue: k)?.nameEn ?? line.name
        case (.econ, "-"): return "(no economic code)"
        case (.function, "-"): return "(no function code)"
        case (.unit, "-"): return "(no unit)"
        default: return line.name
        }
    }

    var table: TextTable {
        let spec = report.spec
        let lines = report.rows + report.groups.map(\.subtotal) + [report.total]
        var shown = ProgressView.columns.filter { c in !c.optional || lines.contains { !c.value($0.figures).isZero } }
        // The rate's denominator is always a column: with --basis current, 本年预算 beside 全年预算数.
        if spec.basis == .current, let at = shown.firstIndex(where: { $0.key == "total_budget" }) {
            shown.insert(("budget", "本年预算", "current-year budget", false, { $0.budget }), at: at + 1)
        }
        let keyHeader = spec.grouping == .project ? (zh ? "项目编码" : "code") : (zh ? "分类" : "key")
        var columns: [TextTable.Column] = [.init(keyHeader), .init(zh ? "名称" : "name")]
        columns += shown.map { style.column(zh ? $0.zh : $0.en) }
        columns.append(.init(zh ? "执行率" : "rate", .right))
        if hasCommitments { columns.append(.init(zh ? "占用率" : "committed rate", .right)) }
        columns += [.init(zh ? "序时进度" : "time", .right), .init(zh ? "差距（百分点）" : "gap (pts)", .right)]
        let month = spec.month
        let title = zh ? "\(report.bookName) \(month.year)年\(month.month)月 支出进度（截至\(spec.asOf)）"
                       : "\(report.bookName) budget execution progress, \(month) (as of \(spec.asOf))"
        var table = TextTable(title: title, columns: columns, flagName: zh ? "滞后" : "lagging")
        func cells(_ line: ProgressLine, key: String, subtotal: Bool) -> [String] {
            [key, name(line, subtotal: subtotal)] + shown.map { style.cell($0.value(line.figures)) } +
                [MoneyStyle.percent(line.executionRate)] + (hasCommitments ? [MoneyStyle.percent(line.commitmentRate)] : []) +
                [MoneyStyle.percent(report.timeProgress), MoneyStyle.points(line.gap)]
        }
        let showSubtotals = report.groups.count > 1 || spec.grouping == .project
        for group in report.groups {
            for row in group.rows {
                table.append(cells(row, key: row.key, subtotal: false), style: row.lagging ? .flagged : .normal)
            }
            // By unit a unit has a row in each group: the subtotal names the group even under one row.
            if showSubtotals && (group.rows.count > 1 || spec.grouping == .unit) {
                table.append(cells(group.subtotal, key: "", subtotal: true), style: .subtotal)
            }
        }
        table.append(cells(report.total, key: "", subtotal: true), style: .total)

        var notes = [style.unitNote + (zh ? "；执行率 = 累计支付 ÷ \(spec.basis == .total ? "全年预算数" : "本年预算")"
                                          : "; rate = paid ÷ \(spec.basis == .total ? "total budget" : "current-year budget")")]
        if spec.grouping == .econ {
            notes.append(zh ? "按经济分类：未细化到经济分类的指标列为（未指定经济分类），由各分类的支付使用，故只对有单独指标的分类计算执行率"
                            : "by economic code: authority not granted to a code is the unassigned row, which the codes' payments draw on; only codes with authority of their own get a rate")
        }
        let threshold = MoneyStyle.points(spec.lagThreshold)
        if hasCommitments {
            notes.append(zh ? "占用率 = (累计支付 + 已占用) ÷ \(spec.basis == .total ? "全年预算数" : "本年预算")；可执行指标 = 未占用的余额"
                            : "committed rate = (paid + committed) ÷ \(spec.basis == .total ? "total budget" : "current-year budget"); available = not committed")
            notes.append(zh ? "! 滞后：执行率与占用率减序时进度都低于 \(threshold) 个百分点（资金已占用于合同的不算滞后）"
                            : "! lagging: rate and committed rate both below time progress by more than the gap \(threshold) points (money committed on contracts is not lagging)")
        } else {
            notes.append(zh ? "! 滞后：差距低于 \(threshold) 个百分点" : "! lagging: gap below \(threshold) points")
        }
        for (key, label) in [("total_budget", zh ? "全年预算数" : "total budget"), ("paid", zh ? "累计支付" : "paid")] {
            guard let column = ProgressView.columns.first(where: { $0.key == key }) else { continue }
            if let note = style.roundingNote(parts: report.rows.map { column.value($0.figures) },
                                             total: column.value(report.total.figures), label: label) {
                notes.append(note)
            }
        }
        table.notes = notes
        return table
    }

    func figuresJSON(_ line: ProgressLine) -> [(String, JSONValue)] {
        var members: [(String, JSONValue)] = ProgressView.columns.map { ($0.key, .money($0.value(line.figures))) }
        members.insert(("budget", .money(line.figures.budget)), at: 6)
        members += [
            ("execution_rate", .rate(line.executionRate)),
            ("commitment_rate", .rate(line.commitmentRate)),
            ("time_progress", .rate(report.timeProgress)),
            ("gap", line.gap.map { .number(Money.render(hundredths: $0, grouping: false)) } ?? .null),
            ("lagging", .bool(line.lagging)),
        ]
        return members
    }

    var json: JSONValue {
        let spec = report.spec
        return .object([
            ("book", .string(report.bookName)),
            ("as_of", .string(spec.asOf.description)),
            ("by", .string(spec.grouping.rawValue)),
            ("basis", .string(spec.basis.rawValue)),
            ("time_progress", .rate(report.timeProgress)),
            ("lag_threshold", .number(Money.render(hundredths: spec.lagThreshold, grouping: false))),
            ("rows", .array(report.groups.flatMap { group in
                group.rows.map { .object([("key", .string($0.key)), ("name", .string($0.name)),
                                          ("group", .string(group.subtotal.key))] + figuresJSON($0)) }
            })),
            ("groups", .array(report.groups.map {
                .object([("key", .string($0.subtotal.key)), ("name", .string($0.subtotal.name))] + figuresJSON($0.subtotal))
            })),
            ("total", .object(figuresJSON(report.total))),
        ])
    }
}

enum ProgressChart {
    static func chart(_ s: ProgressSeries, lang: Language) -> LineChart {
        let zh = lang == .zh
        var series = [LineChart.Series(name: zh ? "全部（\(s.book.name)）" : "all (\(s.book.name))",
                                       values: s.book.rates.map { $0?.doubleValue })]
        series += s.projects.map { LineChart.Series(name: "\($0.key) \($0.name)", values: $0.rates.map { $0?.doubleValue }) }
        series.append(LineChart.Series(name: zh ? "序时进度" : "time progress",
                                       values: s.timeProgress.map { $0.doubleValue }, dashed: true))
        return LineChart(
            title: zh ? "\(s.year)年 累计支出进度（截至\(s.throughMonth)月）" : "\(s.year) cumulative execution rate (through month \(s.throughMonth))",
            xLabels: (1...12).map { zh ? "\($0)月" : "\($0)" },
            series: series)
    }
}
