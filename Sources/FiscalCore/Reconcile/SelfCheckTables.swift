/// The self-check of a 决算's tables, where structure makes the arithmetic certain: in a table
/// whose rows add up (支出决算表: 合计 = 基本支出 + 项目支出), each row; in every such table, a 类
/// against its 款 and a 款 against its 项 (all listed), the 合计 row against the 类; the template's
/// tables all present; and each figure the prose states again against the table (文表一致).
/// A difference within the rounding of the figures is a hint, never a finding.
struct SelfCheckTables {
    typealias A = SelfCheckArithmetic
    let tables: [ReaderCodeTable]
    let titles: Set<String>
    var findings: [SelfCheckFinding] = []

    init(tables: [ReaderCodeTable], titles: Set<String>) {
        self.tables = tables
        self.titles = titles
    }

    static func claim(_ row: ReaderCodeRow, _ value: StatedValue, _ what: String) -> Claim {
        Claim(label: row.code.isEmpty ? what : "\(row.code) \(row.name)".trimmingCharacters(in: .whitespaces),
              metric: ClaimMetric.paid, scope: row.code.isEmpty ? "all" : "function:" + row.code, value: value, line: row.line)
    }

    /// `total` against the sum of `parts`: a finding, a rounding hint, or nothing.
    mutating func sum(_ kind: SelfCheckFinding.Kind, total: Claim, parts: [Claim], _ what: String) {
        let fen = parts.reduce(Int64(0)) { $0 + A.fen($1.value) }
        guard fen != A.fen(total.value) else { return }
        let expected = A.amount(fen: fen, like: total.value)
        let consistent = A.sumConsistent(total: total.value, parts: parts.map(\.value))
        let message = "\(what): \(parts.map { "\($0.value.text)" }.joined(separator: " + ")) = \(expected.text), "
            + "but \(total.label) is stated as \(total.value.text)" + (consistent ? " (rounding)" : "")
        var finding = SelfCheckFinding(kind: kind, message: message, line: total.line, stated: total.value,
                                       expected: expected, figures: parts)
        finding.hint = consistent
        findings.append(finding)
    }

    mutating func checkRows() {
        for table in tables where table.sums {
            for row in table.rows where row.amounts.count >= 2 {
                sum(.table, total: Self.claim(row, row.amounts[0], "合计"),
                    parts: row.amounts.dropFirst().map { Self.claim(row, $0, "") },
                    "\(table.title) row \(row.code): the columns against 合计")
            }
            for (i, parent) in table.rows.enumerated() where parent.code.count < 7 {
                let width = parent.code.count + 2
                let children = table.rows[(i + 1)...].prefix { $0.code.count > parent.code.count && $0.code.hasPrefix(parent.code) }
                    .filter { $0.code.count == width }
                guard !children.isEmpty else { continue }
                sum(.table, total: Self.claim(parent, parent.amounts[0], ""),
                    parts: children.map { Self.claim($0, $0.amounts[0], "") },
                    "\(table.title): \(parent.code) against its \(width == 5 ? "款" : "项")")
            }
            if let total = table.total {
                let classes = table.rows.filter { $0.code.count == 3 }
                guard !classes.isEmpty else { continue }
                sum(.table, total: Self.claim(total, total.amounts[0], "合计"),
                    parts: classes.map { Self.claim($0, $0.amounts[0], "") }, "\(table.title): 合计 against the 类")
            }
        }
    }

    /// The 基本支出决算表: each economic class (301, 302 …) against its items (30101 …), where the
    /// class and at least two items are printed.
    mutating func checkEcon() {
        for table in tables where !table.econ.isEmpty {
            for parent in table.econ where parent.code.count == 3 && !parent.amounts.isEmpty {
                let items = table.econ.filter { $0.code.count == 5 && $0.code.hasPrefix(parent.code) && !$0.amounts.isEmpty }
                guard items.count >= 2 else { continue }
                var total = Self.claim(parent, parent.amounts[0], "")
                total.scope = "econ:" + parent.code
                sum(.table, total: total, parts: items.map { Self.claim($0, $0.amounts[0], "") },
                    "\(table.title): \(parent.code) against its items")
            }
        }
    }

    /// The 三公 categories against the 一般公共预算财政拨款基本支出决算表: its 30212 因公出国(境)费用
    /// and 30217 公务接待费 are the basic-spending part of what the 三公 section counts (which adds
    /// project spending and other funds), so the category the prose states can be no less.
    mutating func checkSangong(against claims: [Claim]) {
        let prose = claims.filter { $0.note?.hasPrefix("table:") != true && $0.metric == ClaimMetric.sangongActual }
        for table in tables where !table.econ.isEmpty && table.title.contains("一般公共预算财政拨款基本支出") {
            for (code, scope) in [("30212", "sangong:abroad"), ("30217", "sangong:reception")] {
                guard let row = table.econ.first(where: { $0.code == code }), let amount = row.amounts.first else { continue }
                let stated = prose.filter { $0.scope == scope }
                guard let first = stated.first, let p = first.value.fen, stated.allSatisfy({ $0.value.fen == p }),
                      let t = amount.fen, t > p, !A.sameAmount(amount, first.value) else { continue }
                let basic = Self.claim(row, amount, "")
                findings.append(SelfCheckFinding(
                    kind: .consistency,
                    message: "\(first.label) \(first.value.text) is less than the \(table.title)'s \(code) "
                        + "\(amount.text) (line \(row.line)), which is only its basic-spending part",
                    line: first.line, stated: first.value, expected: amount, figures: [basic]))
            }
        }
    }

    /// 文表一致 for 三公: a category's budget or 决算 the prose states (every time alike) against the
    /// report's own 三公 table (every cell of it alike).
    mutating func checkSangongTable(against claims: [Claim]) {
        let metrics = [ClaimMetric.sangongBudget, ClaimMetric.sangongActual]
        let cells = claims.filter { $0.note == "table: cell" && metrics.contains($0.metric) }
        var seen = Set<String>()
        for cell in cells where seen.insert(cell.metric + " " + cell.scope).inserted {
            let table = cells.filter { $0.metric == cell.metric && $0.scope == cell.scope }
            let prose = claims.filter { $0.note?.hasPrefix("table:") != true && $0.metric == cell.metric && $0.scope == cell.scope }
            guard let first = prose.first, let p = first.value.fen, prose.allSatisfy({ $0.value.fen == p }),
                  table.allSatisfy({ A.sameAmount($0.value, cell.value) }), !A.sameAmount(first.value, cell.value) else { continue }
            findings.append(SelfCheckFinding(
                kind: .consistency,
                message: "\(first.label) \(first.value.text) in the text, \(cell.label) \(cell.value.text) in the table (line \(cell.line))",
                line: first.line, stated: first.value, expected: cell.value, figures: [cell]))
        }
    }

    /// 万元/元 slips: in a run of amounts of one line (a paragraph as the text gives it), one
    /// written in the other unit. Only a hint: reports do mix units on purpose.
    mutating func checkUnits(_ claims: [Claim]) {
        let prose = claims.filter { $0.note?.hasPrefix("table:") != true && $0.value.fen != nil }
        for line in Set(prose.map(\.line)).sorted() {
            let amounts = prose.filter { $0.line == line }
            let wan = amounts.filter { $0.value.unit == .wan }, yuan = amounts.filter { $0.value.unit == .yuan }
            guard amounts.count >= 3, let odd = (wan.count == 1 ? wan : yuan.count == 1 ? yuan : []).first else { continue }
            var finding = SelfCheckFinding(kind: .unit, message: "\(odd.label) \(odd.value.text) among figures in "
                                           + (odd.value.unit == .wan ? "元" : "万元") + ": check the unit",
                                           line: odd.line, stated: odd.value, expected: odd.value, figures: [])
            finding.hint = true
            findings.append(finding)
        }
    }

    /// A function title whose 项 is not under the 款 it names (its official place, by the report's
    /// own tables): a hint, the figure is read under the 项's code.
    mutating func checkTitles(_ claims: [Claim]) {
        for c in claims where c.note?.hasPrefix("function title:") == true {
            var finding = SelfCheckFinding(kind: .consistency, message: c.note!, line: c.line, stated: c.value,
                                           expected: c.value, figures: [])
            finding.hint = true
            findings.append(finding)
        }
    }

    /// A report that prints most of the template's tables should print all of them.
    mutating func checkTemplate() {
        let template = ReaderVocabulary.tables.tables.map(\.title)
        guard titles.count >= template.count / 2 + 1 else { return }
        for title in template where !titles.contains(title) {
            let none = StatedValue(hundredths: 0, decimals: 0, unit: .count)
            findings.append(SelfCheckFinding(kind: .table, message: "the template's \(title) is missing", line: 0,
                                             stated: none, expected: StatedValue(hundredths: 100, decimals: 0, unit: .count),
                                             figures: []))
        }
    }

    /// The function code (and kind) of a scope, whatever its fund: the 支出决算表 and the
    /// 一般公共预算财政拨款支出决算表 state the same item.
    static func item(_ scope: String) -> String {
        scope.split(separator: ",").filter { !$0.hasPrefix("fund:") }.joined(separator: ",")
    }

    /// 文表一致: a figure the prose states for a function code against the expenditure tables'.
    /// A figure one table agrees with is not flagged (a misprinted table is found by its own sums).
    mutating func checkProse(against claims: [Claim]) {
        let fromTables = claims.filter { $0.note?.hasPrefix("table:") == true }
        for prose in claims where prose.note?.hasPrefix("table:") != true && prose.metric == ClaimMetric.paid
            && prose.scope.contains("function:") {
            let same = fromTables.filter { Self.item($0.scope) == Self.item(prose.scope) }
            guard let table = same.first, let p = prose.value.fen, !same.contains(where: { $0.value.fen == p }),
                  let t = table.value.fen, p != t else { continue }
            let consistent = A.sumConsistent(total: table.value, parts: [prose.value])
            var finding = SelfCheckFinding(kind: .consistency,
                                           message: "\(prose.label) \(prose.value.text) in the text, \(table.label) \(table.value.text) in the table (line \(table.line))"
                                               + (consistent ? " (rounding)" : ""),
                                           line: prose.line, stated: prose.value, expected: table.value, figures: [table])
            finding.hint = consistent
            findings.append(finding)
        }
    }
}
