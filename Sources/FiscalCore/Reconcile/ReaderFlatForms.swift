import Foundation

/// A 项目支出绩效自评表 whose table ran together when it was copied or OCR'd: every cell of a page
/// on one line with nothing between them (`…执行率(B/A)64.864.864.8100%…一级指标二级指标三级指标
/// 分值指标值…得分…项目目标完整性4一目标明确…4项目立项相关性2…`). The form is known by its
/// indicator header run together (`一级指标二级指标三级指标`); its lines are read here, not as
/// prose, by the form's own layout:
///
/// - the head: `自评得分98` (the form's score), and the funds row — 年初预算数, 调整预算数 (A),
///   全年执行数 (B), 执行率 (B/A) — when its cells can be told apart: k equal amounts and `100%`
///   (`64.864.864.8100%` = 64.8 | 64.8 | 64.8 | 100%). Equal amounts are the only run that
///   decodes for certain, and then the rate must be 100%, which checks the reading;
/// - the indicator rows: a number with no unit is a 分值 or 得分 cell (a row's weight, its score),
///   `N分` a heading's weight, `N%` / `N万元` / `N人` … a target or an actual (not ledger figures).
///   A row's label starts right after a score, so `4项目立项…` is 4 then 项目立项, not 4 项.
///   Two cells run together are split where the text proves it: `415万元15万元` is a 4 before the
///   target 15万元 and its equal actual 15万元 (a number whose digits end with the next equal
///   cell's, same unit); `52021年12月完成` is a 5 before the date 2021年12月 (no year has five
///   digits). Indicator numbering (`指标2:`) and OCR debris (`3M.8`) are not figures.
enum ReaderFlatForms {
    static let header = "一级指标二级指标三级指标"

    static func read(_ lines: [[Character]], year: Int?) -> (claims: [Claim], lines: Set<Int>) {
        var claims: [Claim] = []
        var taken = Set<Int>()
        let texts = lines.map { String(ReaderText.normalize($0)) }
        var index = 0
        while index < texts.count {
            guard let h = texts[index].range(of: header) else { index += 1; continue }
            let formYear = Self.year(texts[index]) ?? year
            let head = String(texts[index][..<h.lowerBound])
            claims += readHead(head, line: index + 1)
            claims += readRows(Array(texts[index][h.upperBound...]), line: index + 1, year: formYear)
            taken.insert(index + 1)
            var next = index + 1
            // The form goes on while its lines still hold indicator rows.
            while next < texts.count, !texts[next].trimmingCharacters(in: .whitespaces).isEmpty,
                  texts[next].contains("指标"), !texts[next].contains(header) {
                claims += readRows(Array(texts[next]), line: next + 1, year: formYear)
                taken.insert(next + 1)
                next += 1
            }
            index = next
        }
        return (claims, taken)
    }

    /// `自评表(2021年)` → 2021.
    static func year(_ text: String) -> Int? {
        guard let r = text.range(of: #"自评表\((\d{4})年"#, options: .regularExpression) else { return nil }
        return Int(text[r].filter(\.isNumber))
    }

    static func score(_ label: String, _ digits: String, line: Int, note: String) -> Claim? {
        guard let v = ClaimsFile.stated(digits, unit: .count) else { return nil }
        return Claim(label: label, metric: "", scope: "",
                     value: StatedValue(hundredths: v.hundredths, decimals: v.decimals, unit: .count, countWord: "分"),
                     line: line, note: "table: non-ledger: " + note)
    }

    // MARK: The head

    static func readHead(_ head: String, line: Int) -> [Claim] {
        var claims: [Claim] = []
        if let r = head.range(of: #"得分\d{1,3}(\.\d)?(?!\d)"#, options: .regularExpression),
           let claim = score("自评得分", String(head[r].dropFirst(2)), line: line, note: "form score") {
            claims.append(claim)
        }
        guard let r = head.range(of: #"执行率[^0-9%]{0,12}[0-9.]+%"#, options: .regularExpression) else { return claims }
        let run = String(head[r].drop { !$0.isNumber }.dropLast())
        guard let cells = equalCells(run) else { return claims }
        let columns: [(String, String)] = cells.count == 3
            ? [("年初预算数", ClaimMetric.budgetInitial), ("调整预算数", ClaimMetric.budgetCurrent), ("全年执行数", ClaimMetric.paid)]
            : [("全年预算数", ClaimMetric.budgetCurrent), ("全年执行数", ClaimMetric.paid)]
        let project = projectName(head)
        let scope = project.map { "project:" + ReaderText.key($0) } ?? ""
        for ((label, metric), digits) in zip(columns, cells) {
            guard let value = ClaimsFile.stated(digits, unit: .wan) else { continue }
            claims.append(Claim(label: label, metric: project == nil ? "" : metric, scope: scope, value: value, line: line,
                                note: "table: flat form funds row"))
        }
        claims.append(Claim(label: "执行率", metric: project == nil ? "" : ClaimMetric.rateExecution, scope: scope,
                            value: StatedValue(hundredths: 10_000, decimals: 0, unit: .percent), line: line,
                            note: "table: flat form funds row"))
        return claims
    }

    /// `64.864.864.8100` → [64.8, 64.8, 64.8]: two to four equal amounts and 100 (their rate).
    static func equalCells(_ run: String) -> [String]? {
        guard run.hasSuffix("100") else { return nil }
        let amounts = String(run.dropLast(3))
        var found: [[String]] = []
        for k in 2...4 where amounts.count % k == 0 {
            let cell = String(amounts.prefix(amounts.count / k))
            guard cell.range(of: #"^(0|[1-9]\d*)(\.\d{1,2})?$"#, options: .regularExpression) != nil,
                  String(repeating: cell, count: k) == amounts else { continue }
            found.append(Array(repeating: cell, count: k))
        }
        // 2 and 4 copies of one string can both fit only when the cell itself repeats: not a
        // well-formed amount then, but refuse any run two readings fit.
        return found.count == 1 && (2...3).contains(found[0].count) ? found[0] : nil
    }

    /// The text after 项目名称, up to the next field name.
    static func projectName(_ head: String) -> String? {
        guard let r = head.range(of: "项目名称") else { return nil }
        let rest = head[r.upperBound...]
        let end = ["主管部门", "实施单位", "预算单位"].compactMap { rest.range(of: $0)?.lowerBound }.min() ?? rest.endIndex
        let name = String(rest[..<end]).trimmingCharacters(in: .whitespaces)
        return (2...30).contains(name.count) ? name : nil
    }

    // MARK: The indicator rows

    static func isDigit(_ c: Character) -> Bool { ReaderText.isDigit(c) }

    /// The number at `i`: its digits (with a decimal part) and the index after them.
    static func number(_ t: [Character], at i: Int) -> (String, Int) {
        var j = i
        while j < t.count, isDigit(t[j]) { j += 1 }
        if j + 1 < t.count, t[j] == ".", isDigit(t[j + 1]) {
            j += 1
            while j < t.count, isDigit(t[j]) { j += 1 }
        }
        return (String(t[i..<j]), j)
    }

    static func has(_ t: [Character], _ word: String, at i: Int) -> Bool {
        let w = Array(word)
        return i + w.count <= t.count && Array(t[i..<(i + w.count)]) == w
    }

    static let units = ["万元", "元", "%"] + ReaderNumberScanner.nonLedgerUnits.filter { $0 != "分" }
        .sorted { $0.count > $1.count }

    static func readRows(_ t: [Character], line: Int, year: Int?) -> [Claim] {
        var claims: [Claim] = []
        var label = ""
        func cell(_ digits: String, _ unit: String?) {
            let shown = String(String(label.suffix(16)).drop { "()、:,.-".contains($0) })
            switch unit {
            case nil, "分":
                if let c = score(shown, digits, line: line, note: "score") { claims.append(c) }
            case "万元", "元", "%":
                let u: ClaimUnit = unit == "%" ? .percent : unit == "元" ? .yuan : .wan
                if let v = ClaimsFile.stated(digits, unit: u) {
                    claims.append(Claim(label: shown, metric: "", scope: "", value: v, line: line, note: "table: non-ledger: target"))
                }
            case let word?:
                if let v = ClaimsFile.stated(digits, unit: .count) {
                    claims.append(Claim(label: shown, metric: "", scope: "",
                                        value: StatedValue(hundredths: v.hundredths, decimals: v.decimals, unit: .count, countWord: word),
                                        line: line, note: "table: non-ledger: target"))
                }
            }
        }
        var i = 0
        while i < t.count {
            guard isDigit(t[i]) else {
                if !t[i].isWhitespace { label.append(t[i]) }
                i += 1
                continue
            }
            let (digits, end) = number(t, at: i)
            defer { label = "" }
            // Not a cell: page numbering at the line's start (`2、`), indicator numbering
            // (`指标2:`), OCR debris glued to Latin letters (`3M.8`, `IO`).
            let before = i > 0 ? t[i - 1] : nil
            let debris = before.map { ReaderText.isASCIILetter($0) } == true
                || (before == "." && i > 1 && (ReaderText.isASCIILetter(t[i - 2]) || isDigit(t[i - 2])))
                || (end < t.count && ReaderText.isASCIILetter(t[end]))
            if i == 0 || label.hasSuffix("指标") || debris {
                i = end
                while i < t.count, isDigit(t[i]) || t[i] == "." || ReaderText.isASCIILetter(t[i]) { i += 1 }
                continue
            }
            if has(t, "分", at: end) {
                cell(digits, "分"); i = end + 1; continue
            }
            // 52021年12月: a score before a year (no year has five digits).
            if has(t, "年", at: end) || has(t, "月", at: end) || has(t, "日", at: end) {
                if has(t, "年", at: end), digits.count >= 5, !digits.contains("."),
                   let y = Int(digits.suffix(4)), year.map({ abs($0 - y) <= 5 }) ?? (1990...2100).contains(y) {
                    cell(String(digits.dropLast(4)), nil)
                }
                i = end + 1
                continue
            }
            if let unit = units.first(where: { has(t, $0, at: end) }) {
                let after = end + unit.count
                // 415万元15万元: a cell before a target whose actual repeats it.
                if after < t.count, isDigit(t[after]) {
                    let (nextDigits, nextEnd) = number(t, at: after)
                    if has(t, unit, at: nextEnd), digits.count > nextDigits.count, digits.hasSuffix(nextDigits),
                       !digits.dropLast(nextDigits.count).hasSuffix(".") {
                        cell(String(digits.dropLast(nextDigits.count)), nil)
                        cell(nextDigits, unit)
                        i = after
                        continue
                    }
                }
                cell(digits, unit)
                i = after
                continue
            }
            // 4项目立项…: the score, then the next row's label (项 is no unit here).
            cell(digits, nil)
            i = end
        }
        return claims
    }
}
