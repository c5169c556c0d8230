import Foundation

/// One row of a 决算 table as PDF text gives it: a 支出功能分类 code (类 3, 款 5, 项 7 digits), the
/// name when it was not wrapped onto other lines, and the amounts in column order. Blank cells
/// leave no trace, so only the first amount's column (合计) is certain.
struct ReaderCodeRow: Equatable {
    var line: Int
    var code: String
    var name: String
    var amounts: [StatedValue]
}

/// The coded rows under one table title, with the table's own 合计 row if it has one.
struct ReaderCodeTable: Equatable {
    /// The title as the report prints it, normalised (一般公共预算财政拨款支出决算表).
    var title: String
    /// Whether the template says the first amount of a row is the sum of the others.
    var sums: Bool
    /// The template's table this is, by title; `nil` for a table the template does not name.
    var template: String?
    var rows: [ReaderCodeRow] = []
    var total: ReaderCodeRow?
    /// The 基本支出决算表's rows by economic code (several to a line: the table prints two or three
    /// code columns side by side); an item with a blank amount has none.
    var econ: [ReaderCodeRow] = []
}

/// Finds the coded tables of a report (`2080505 545.85 504.39 41.46`). A table starts at a line
/// that names a template table (…决算表) and ends at its 合计 row or the next title.
enum ReaderCodeTables {
    static func read(_ lines: [[Character]]) -> [ReaderCodeTable] {
        var tables: [ReaderCodeTable] = []
        var current: ReaderCodeTable?
        var unit = ClaimUnit.wan
        for (index, chars) in lines.enumerated() {
            let line = String(ReaderText.normalize(chars)).trimmingCharacters(in: .whitespaces)
            if line.contains("单位:元") || line.contains("单位: 元") { unit = .yuan }
            if line.contains("单位:万元") || line.contains("单位: 万元") { unit = .wan }
            if let title = title(line) {
                if let done = current, !done.rows.isEmpty || !done.econ.isEmpty { tables.append(done) }
                current = ReaderCodeTable(title: title.key, sums: title.sums, template: title.template)
                continue
            }
            guard current != nil else { continue }
            if current!.template == "一般公共预算财政拨款基本支出决算表" {
                current!.econ += econRows(line, number: index + 1, unit: unit)
                continue
            }
            if let row = row(line, number: index + 1, unit: unit) {
                current!.rows.append(row)
            } else if line.hasPrefix("合计"), let total = row("000 " + line.dropFirst(2), number: index + 1, unit: unit),
                      !current!.rows.isEmpty {
                current!.total = total
                tables.append(current!)
                current = nil
            }
        }
        if let done = current, !done.rows.isEmpty || !done.econ.isEmpty { tables.append(done) }
        return tables
    }

    /// `30113 住房公积金 431.39 30212 13.24` → 30113 431.39, 30212 13.24 (the name of 30212 was
    /// wrapped onto other lines). A code is 3 or 5 digits starting with 3.
    static func econRows(_ line: String, number: Int, unit: ClaimUnit) -> [ReaderCodeRow] {
        var rows: [ReaderCodeRow] = []
        for part in line.split(separator: " ").map(String.init) {
            if [3, 5].contains(part.count), part.first == "3", part.allSatisfy(\.isNumber) {
                rows.append(ReaderCodeRow(line: number, code: part, name: "", amounts: []))
            } else if !rows.isEmpty, let value = amount(part, unit: unit) {
                if rows[rows.count - 1].amounts.isEmpty { rows[rows.count - 1].amounts.append(value) }
            } else if !rows.isEmpty, rows[rows.count - 1].amounts.isEmpty {
                rows[rows.count - 1].name += part
            }
        }
        return rows
    }

    /// A line that is a table's title: short, ending in 决算表 (the contents page lists them too,
    /// but no coded rows follow there).
    static func title(_ line: String) -> (key: String, sums: Bool, template: String?)? {
        var key = ReaderText.key(line)
        if let marker = ReaderText.outlineMarker(Array(key)) { key = String(Array(key)[marker.textStart...]) }
        guard key.hasSuffix("决算表") || key.hasSuffix("决算总表"), key.count <= 30 else { return nil }
        // The table itself, else the longest template title it ends with (政府性基金预算财政拨款
        // 收入支出决算表 is not the 支出决算表).
        let match = ReaderVocabulary.tables.tables.first { key == $0.title }
            ?? ReaderVocabulary.tables.tables.filter { key.hasSuffix($0.title) }.max { $0.title.count < $1.title.count }
        return (key, match?.sums ?? false, match?.title)
    }

    /// `212 城乡社区支出 13,583.48 1,066.51 2,921.97` → code 212, name, three amounts.
    static func row(_ line: String, number: Int, unit: ClaimUnit) -> ReaderCodeRow? {
        let parts = line.split(separator: " ").map(String.init)
        guard let code = parts.first, [3, 5, 7].contains(code.count), code.first == "2" || code == "000",
              code.allSatisfy(\.isNumber) else { return nil }
        var name = ""
        var amounts: [StatedValue] = []
        for part in parts.dropFirst() {
            if let value = amount(part, unit: unit) {
                amounts.append(value)
            } else if amounts.isEmpty {
                name += part
            } else {
                return nil   // words after the amounts: not a table row
            }
        }
        guard !amounts.isEmpty else { return nil }
        return ReaderCodeRow(line: number, code: code == "000" ? "" : code, name: name, amounts: amounts)
    }

    /// `13,583.48` → 1358348 hundredths; grouping only in threes.
    static func amount(_ text: String, unit: ClaimUnit) -> StatedValue? {
        guard text.range(of: #"^-?(\d{1,3}(,\d{3})+|\d+)(\.\d{1,2})?$"#, options: .regularExpression) != nil else { return nil }
        let plain = text.replacingOccurrences(of: ",", with: "")
        return ClaimsFile.stated(plain, unit: unit)
    }
}

extension ReaderCodeTables {
    /// The expenditure tables' rows as claims: paid by function code (合计), and by basic and
    /// project expenditure where a row shows both (three amounts). They are the most exact
    /// statement a 决算 makes, and are reconciled like any other figure.
    static func claims(_ tables: [ReaderCodeTable]) -> [Claim] {
        var claims: [Claim] = []
        for table in tables where table.template == "支出决算表" || table.template == "一般公共预算财政拨款支出决算表" {
            let fund = table.template == "一般公共预算财政拨款支出决算表" ? "fund:general," : ""
            for row in table.rows where !row.code.isEmpty {
                let label = row.code + " " + row.name
                let scope = fund + "function:" + row.code
                claims.append(Claim(label: label, metric: ClaimMetric.paid, scope: scope, value: row.amounts[0],
                                    line: row.line, note: "table: " + table.title))
                guard row.amounts.count == 3 else { continue }
                for (kind, value) in zip(["basic", "project"], row.amounts.dropFirst()) {
                    claims.append(Claim(label: label, metric: ClaimMetric.paid, scope: scope + ",kind:" + kind,
                                        value: value, line: row.line, note: "table: " + table.title))
                }
            }
        }
        return claims
    }
}
