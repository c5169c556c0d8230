import FiscalCore

struct ReconcileView {
    var report: ReconcileReport
    var lang: Language
    var zh: Bool { lang == .zh }

    var rendered: RenderedReport { RenderedReport(table: table, json: json) }

    static func verdictZh(_ v: Verdict) -> String {
        switch v {
        case .match: "一致"; case .rounding: "尾差"; case .mismatch: "不一致"; case .ambiguous: "两可"
        case .notInLedger: "账内无数"; case .unmapped: "非账务数"
        }
    }

    var table: TextTable {
        var table = TextTable(
            title: zh ? "\(report.year)年 报告数与账面数核对" : "Reconciliation of the \(report.year) report against the books",
            columns: [.init(zh ? "行" : "line", .right), .init(zh ? "项目" : "label"), .init(zh ? "指标" : "metric"),
                      .init(zh ? "范围" : "scope"), .init(zh ? "报告数" : "stated", .right), .init(zh ? "账面数" : "ledger", .right),
                      .init(zh ? "差额" : "difference", .right), .init(zh ? "结论" : "verdict"), .init(zh ? "说明" : "note")])
        for r in report.results {
            let c = r.claim
            table.append([c.line == 0 ? "" : String(c.line), c.label, c.metric, c.scope, c.value.text,
                          r.ledger?.text ?? "", r.difference.map { diffText($0, stated: c.value) } ?? "",
                          zh ? ReconcileView.verdictZh(r.verdict) : r.verdict.rawValue, r.note ?? ""],
                         style: r.verdict == .mismatch ? .flagged : .normal)
        }
        table.notes = [summaryLine] + (report.hasMismatch ? [zh ? "! 不一致" : "! mismatch"] : []) + suggestionLines
        return table
    }

    /// One `fiscal project alias add` per label the book's projects did not match, with the
    /// close name it proposes: the officer checks the name and runs the line.
    var suggestionLines: [String] {
        var seen: Set<String> = [], lines: [String] = []
        for s in report.results.compactMap(\.suggestion) where seen.insert(s.label).inserted {
            lines.append("  fiscal project alias add \(s.code) \(ReconcileView.shellWord(s.label))    # \(s.name)")
        }
        guard !lines.isEmpty else { return [] }
        return [zh ? "项目名称未能对应，核实后可记为别名（此后各年报告均按别名对应）："
                   : "labels no project of the book matches; once checked, keep them as aliases (used for every later report):"] + lines
    }

    /// A word the shell passes as it is: quoted when it holds an ASCII character other than a
    /// letter, a digit, `-`, `_` or `.` (a space, a parenthesis).
    static func shellWord(_ s: String) -> String {
        let plain = s.unicodeScalars.allSatisfy { !$0.isASCII || $0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0) }
        return plain && !s.isEmpty ? s : "'" + s.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }

    /// The difference at the precision the report stated (0万元 against 412.38万元 is −412万元),
    /// a rate's difference in 百分点, a count's in its own word.
    func diffText(_ d: Int64, stated: StatedValue) -> String {
        guard d != 0 else { return "0" }
        let value = StatedValue(hundredths: d, decimals: stated.decimals, unit: stated.unit, countWord: stated.countWord)
        guard stated.unit == .percent else { return value.text }
        return String(value.text.dropLast()) + (zh ? "个百分点" : " pp")
    }

    var summaryLine: String {
        Verdict.allCases.map { "\(zh ? ReconcileView.verdictZh($0) : $0.rawValue) \(report.count($0))" }.joined(separator: zh ? "，" : ", ")
    }

    var json: JSONValue {
        .object([
            ("year", .int(report.year)),
            ("claims", .array(report.results.map { r in
                .object([("label", .string(r.claim.label)), ("metric", .string(r.claim.metric)), ("scope", .string(r.claim.scope)),
                         ("unit", .string(r.claim.value.unit.rawValue)), ("stated", .string(plain(r.claim.value))),
                         ("ledger", r.ledger.map { .string(plain($0)) } ?? .null),
                         ("difference", r.difference.map { .string(Money.render(hundredths: $0, grouping: false)) } ?? .null),
                         ("verdict", .string(r.verdict.rawValue)), ("line", .int(r.claim.line)),
                         ("note", .optionalString(r.note)),
                         ("suggested_project", r.suggestion.map { .string($0.code) } ?? .null)])
            })),
            ("summary", .object(Verdict.allCases.map { ($0.rawValue, .int(report.count($0))) })),
        ])
    }

    /// The number alone, in the claim's unit with two decimals: "40971.98".
    func plain(_ v: StatedValue) -> String { Money.render(hundredths: v.hundredths, grouping: false) }
}

struct SelfCheckView {
    var findings: [SelfCheckFinding]
    var lang: Language

    var rendered: RenderedReport {
        let zh = lang == .zh
        var table = TextTable(title: zh ? "报告自身勾稽检查" : "The report's own arithmetic",
                              columns: [.init(zh ? "行" : "line", .right), .init(zh ? "类型" : "kind"),
                                        .init(zh ? "报告数" : "stated", .right), .init(zh ? "应为" : "expected", .right),
                                        .init(zh ? "说明" : "finding")])
        for f in findings {
            table.append([String(f.line), f.kind.rawValue + (f.hint ? (zh ? "（提示）" : " (hint)") : ""),
                          f.stated.text, f.expected.text, f.message])
        }
        let count = findings.filter { !$0.hint }.count
        table.notes = [count == 0 ? (zh ? "未发现勾稽错误" : "no finding: the report's arithmetic is consistent")
                                  : (zh ? "发现 \(count) 处勾稽错误" : "\(count) finding\(count == 1 ? "" : "s")")]
        let json = JSONValue.object([("findings", .array(findings.map { f in
            .object([("kind", .string(f.kind.rawValue)), ("hint", .bool(f.hint)), ("line", .int(f.line)), ("stated", .string(f.stated.text)),
                     ("expected", .string(f.expected.text)), ("message", .string(f.message))])
        }))])
        return RenderedReport(table: table, json: json)
    }
}
