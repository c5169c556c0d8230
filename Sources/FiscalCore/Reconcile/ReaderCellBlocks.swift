import Foundation

/// Tables a web page flattened to one cell per line: cells apart by one or two blank lines, rows
/// apart by three or more (a 自评表 copied out of a page). A row without numbers whose cells name
/// two columns or more (预算数, 执行数, 执行率, 得分, 年初目标值, 实际完成值 …) is a header; the
/// numbers that end a later row are read under the header's last columns, right-aligned, with
/// the cell before them as the row's label. A form's `项目名称 | NAME` row names the project its
/// 年度资金总额 row is about.
///
/// Only cells that give a claim are taken from the prose reader; headings such as `(20分)` stay
/// its own. Blocks without a header give nothing: a list of short lines is not a table.
enum ReaderCellBlocks {
    typealias Cell = ReaderPipeTables.Cell

    /// What a performance target's column holds (年初目标值, 实际完成值): not a ledger figure.
    static let targetWords = ["目标值", "完成值", "指标值", "实际值"]

    static func read(_ lines: [[Character]]) -> (claims: [Claim], lines: Set<Int>) {
        var claims: [Claim] = []
        var taken = Set<Int>()
        for block in blocks(lines) where block.count >= 2 {
            let read = readBlock(block)
            claims += read
            taken.formUnion(read.map(\.line))
        }
        return (claims, taken)
    }

    /// A short line with no table separator and no sentence punctuation.
    static func isCell(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 40 && !text.contains(where: { "|\t，。；,;：:".contains($0) })
    }

    /// Runs of cell lines, split into rows at three blank lines or more.
    static func blocks(_ lines: [[Character]]) -> [[[Cell]]] {
        var blocks: [[[Cell]]] = []
        var rows: [[Cell]] = []
        var row: [Cell] = []
        var blank = 0, sawGap = false
        func close() {
            if !row.isEmpty { rows.append(row) }
            // Only a layout with blank lines between cells is this one.
            if sawGap, rows.count >= 2 { blocks.append(rows) }
            rows = []; row = []; sawGap = false
        }
        for (index, chars) in lines.enumerated() {
            let text = String(ReaderText.normalize(chars)).trimmingCharacters(in: .whitespaces)
            if text.isEmpty { blank += 1; continue }
            defer { blank = 0 }
            guard isCell(text) else { close(); continue }
            if blank >= 1 { sawGap = true }
            if blank >= 3, !row.isEmpty { rows.append(row); row = [] }
            if blank > 12 { close() }
            // `(20分)` or `(20分*执行率)` under a header cell belongs to it.
            if (text.hasPrefix("(")), let last = row.last, !ReaderPipeTables.isNumber(last.text) {
                row[row.count - 1].text += text
                continue
            }
            row.append(Cell(text: text, line: index + 1))
        }
        close()
        return blocks
    }

    /// The column a header cell names: a `column` of `vocabulary.tsv`, or `target`.
    static func column(_ header: String, table: [String]) -> String? {
        // 得分(20分*执行率): the bracket explains the column, it does not name it.
        var header = header
        if let open = header.firstIndex(of: "("), open > header.startIndex { header = String(header[..<open]) }
        let key = ReaderText.key(header)
        if targetWords.contains(where: { key.contains($0) }) { return "target" }
        return ReaderVocabulary.column(header, table: table)
    }

    /// `22.8`, `20`, `100%`, `15万元`: a number and the unit written with it (nil: none).
    static func number(_ text: String) -> (value: String, unit: String?)? {
        let t = text.replacingOccurrences(of: " ", with: "")
        guard let r = t.range(of: #"^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?"#, options: .regularExpression) else { return nil }
        let rest = String(t[r.upperBound...])
        guard rest.isEmpty || rest.range(of: #"^(%|万元|元|\p{Han}{1,3})$"#, options: .regularExpression) != nil else { return nil }
        return (String(t[r]), rest.isEmpty ? nil : rest)
    }

    /// The unit a target's row label gives: 公猪舍(≥**平方米) → 平方米, 排污沟(≥米) → 米.
    static func labelUnit(_ label: String) -> String? {
        let key = ReaderText.normalize(Array(label))
        let text = String(key)
        let pattern = #"\([≥≤><=]*[*\d.]*(\p{Han}{1,3})\)\s*$"#
        guard let r = text.range(of: pattern, options: .regularExpression) else { return nil }
        let inner = text[r].filter { $0.unicodeScalars.allSatisfy { $0.properties.isIdeographic } }
        return inner.isEmpty ? nil : String(inner)
    }

    static func readBlock(_ rows: [[Cell]]) -> [Claim] {
        var claims: [Claim] = []
        var header: [String] = []
        var project: String?
        var moneyUnit: ClaimUnit = .wan
        for row in rows {
            let texts = row.map(\.text)
            if ReaderText.key(texts[0]) == "项目名称", texts.count >= 2 { project = texts[1] }
            let trailing = row.reversed().prefix { number($0.text) != nil }.count
            if trailing == 0 {
                let named = texts.filter { column($0, table: texts) != nil }
                if named.count >= 2, let first = texts.firstIndex(where: { column($0, table: texts) != nil }) {
                    header = Array(texts[first...])
                    if texts.contains(where: { $0.contains("(元)") || $0.contains("单位:元") }) { moneyUnit = .yuan }
                    if texts.contains(where: { $0.contains("(万元)") }) { moneyUnit = .wan }
                }
                if texts.contains(where: { $0.contains("(万元)") }) { moneyUnit = .wan }
                continue
            }
            guard !header.isEmpty, trailing <= header.count, trailing < row.count else { continue }
            let label = row[row.count - trailing - 1].text
            for (offset, cell) in row.suffix(trailing).enumerated() {
                let name = header[header.count - trailing + offset]
                guard let column = column(name, table: header), let (digits, written) = number(cell.text) else { continue }
                let shownLabel = ReaderText.key(label)
                switch column {
                case "target":
                    let word = written ?? labelUnit(label)
                    guard let word else { continue }
                    let unit: ClaimUnit = word == "%" ? .percent : word == "万元" ? .wan : word == "元" ? .yuan : .count
                    guard let v = ClaimsFile.stated(digits.replacingOccurrences(of: ",", with: ""), unit: unit) else { continue }
                    let value = StatedValue(hundredths: v.hundredths, decimals: v.decimals, unit: unit, countWord: unit == .count ? word : nil)
                    claims.append(Claim(label: shownLabel + " " + name, metric: "", scope: "", value: value, line: cell.line,
                                        note: "table: non-ledger: target"))
                case "score":
                    guard let v = ClaimsFile.stated(digits, unit: .count) else { continue }
                    claims.append(Claim(label: shownLabel + " " + name, metric: "", scope: "",
                                        value: StatedValue(hundredths: v.hundredths, decimals: v.decimals, unit: .count, countWord: "分"),
                                        line: cell.line, note: "table: non-ledger: score"))
                default:
                    let unit: ClaimUnit = column == "rate" || written == "%" ? .percent : written == "元" ? .yuan : written == "万元" ? .wan : moneyUnit
                    guard let value = ClaimsFile.stated(digits.replacingOccurrences(of: ",", with: ""), unit: unit) else { continue }
                    if let project, shownLabel.contains("资金总额") {
                        let metric = column == "rate" ? ClaimMetric.rateExecution : column
                        claims.append(Claim(label: shownLabel + " " + name, metric: metric, scope: "project:" + ReaderText.key(project),
                                            value: value, line: cell.line, note: "table: cell"))
                    } else {
                        claims.append(ReaderPipeTables.claim(label: label, column: column, header: name, value: value,
                                                             line: cell.line, side: "", title: ReaderScope()))
                    }
                }
            }
        }
        return claims
    }
}
