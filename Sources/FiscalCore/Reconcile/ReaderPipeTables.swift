import Foundation

/// Tables a report's text gives with `|`, tabs or aligned columns between cells (a web page's
/// table, a 自评表): header
/// rows, then rows whose first cell (or the cell under a label column) says what the row is. A
/// cell is read by its column's header (`column` lines of `vocabulary.tsv`: 决算数, 年初预算数,
/// 执行率, 分值 …) and its row's label, within what the table's title names (its fund, 三公).
///
/// Tables whose rows carry 行次 (line numbers of a 决算 form) are left alone: their blank cells
/// vanish in the text, so a cell's column cannot be known.
enum ReaderPipeTables {
    struct Cell {
        var text: String
        var line: Int
        /// Where the cell starts and ends on its line, in characters, for columns aligned with
        /// spaces (nil for `|` and tab tables).
        var span: Range<Int>? = nil
    }

    /// The claims of every table, and the lines they came from (the prose reader leaves those).
    /// `year`, the report's year, tells this year's row of a table by years from the others.
    static func read(_ lines: [[Character]], year: Int? = nil) -> (claims: [Claim], lines: Set<Int>) {
        var claims: [Claim] = []
        var taken = Set<Int>()
        var run: [(line: Int, cells: [Cell])] = []
        func flush(_ end: Int) {
            defer { run = [] }
            guard run.count >= 2 else { return }
            let start = run[0].line
            let context = lines[max(0, start - 5)..<(start - 1)].map { String(ReaderText.normalize($0)) }
            let read = read(run.map(\.cells), context: context, year: year)
            if !read.isEmpty { taken.formUnion(run.map(\.line)) }
            claims += read
        }
        func isBar(_ i: Int) -> Bool {
            i >= 0 && i < lines.count && String(ReaderText.normalize(lines[i])).trimmingCharacters(in: .whitespaces).hasPrefix("|")
                && String(ReaderText.normalize(lines[i])).allSatisfy { $0 == "|" || $0 == " " }
        }
        for (index, chars) in lines.enumerated() {
            let line = String(ReaderText.normalize(chars))
            // A table printed one cell per line between lines that are only `|`: the line is a cell.
            if !line.contains("|"), isBar(index - 1), isBar(index + 1),
               case let text = line.trimmingCharacters(in: .whitespaces), !text.isEmpty, text.count <= 40,
               !text.contains(where: { "，。；,;\t".contains($0) }) {
                run.append((index + 1, [Cell(text: line.trimmingCharacters(in: .whitespaces), line: index + 1)]))
                continue
            }
            guard let parts = cells(line) else {
                if !line.trimmingCharacters(in: .whitespaces).isEmpty { flush(index) }
                continue
            }
            var cells = parts.map { Cell(text: $0.trimmingCharacters(in: .whitespaces), line: index + 1) }
            if !line.contains("|"), !line.contains("\t") {
                let spans = alignedSpans(line)
                if spans.count == cells.count { for i in cells.indices { cells[i].span = spans[i] } }
            }
            // `a | b |` ends in an empty cell that is no cell; a line that is only `|` is a blank cell.
            if cells.count > 1, cells.last?.text.isEmpty == true { cells.removeLast() }
            run.append((index + 1, cells))
        }
        flush(lines.count)
        return (claims, taken)
    }

    /// A table line's cells: split at `|`, at tabs, or at runs of two or more spaces when that
    /// gives three cells or more, one of them a number (columns aligned with spaces). `nil` for prose.
    static func cells(_ line: String) -> [String]? {
        if line.contains("|") { return line.split(separator: "|", omittingEmptySubsequences: false).map(String.init) }
        if line.contains("\t") { return line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.components(separatedBy: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        // Prose never has three runs of spaces and no punctuation: 项目   年初预算数   全年执行数.
        guard parts.count >= 3, !trimmed.contains(where: { "，。；,;".contains($0) }) else { return nil }
        return parts
    }

    /// Where each run of text between runs of two or more spaces starts and ends.
    static func alignedSpans(_ line: String) -> [Range<Int>] {
        let chars = Array(line)
        var spans: [Range<Int>] = []
        var i = 0
        while i < chars.count {
            while i < chars.count, chars[i] == " " { i += 1 }
            guard i < chars.count else { break }
            let start = i
            var end = i
            while i < chars.count {
                if chars[i] == " ", i + 1 < chars.count, chars[i + 1] == " " { break }
                if chars[i] == " ", i + 1 == chars.count { break }
                i += 1
                end = i
            }
            spans.append(start..<end)
        }
        return spans
    }

    /// Header names by position, for columns aligned with spaces: each header piece goes to the
    /// data column whose middle is nearest its own (a header split over two lines, `财政总收入
    /// (亿元)` above `比上年增长 (%)`, still names the right columns). Nil when a cell has no place.
    static func positionalNames(headers: ArraySlice<[Cell]>, data: ArraySlice<[Cell]>) -> [String]? {
        guard let widest = data.max(by: { $0.count < $1.count }), widest.count >= 2 else { return nil }
        let spans = widest.compactMap(\.span)
        guard spans.count == widest.count, data.allSatisfy({ $0.count == widest.count }) else { return nil }
        let middles = spans.map { Double($0.lowerBound + $0.upperBound) / 2 }
        var names = Array(repeating: "", count: widest.count)
        for header in headers {
            for cell in header {
                guard let span = cell.span else { return nil }
                let middle = Double(span.lowerBound + span.upperBound) / 2
                let nearest = middles.indices.min { abs(middles[$0] - middle) < abs(middles[$1] - middle) }!
                names[nearest] += cell.text
            }
        }
        return names
    }

    /// `2021`, `2021年`, `2021年度`: a row of a table by years.
    static func rowYear(_ label: String) -> Int? {
        let key = ReaderText.key(label)
        guard key.range(of: #"^(19|20)\d{2}(年度?)?$"#, options: .regularExpression) != nil else { return nil }
        return Int(key.prefix(4))
    }

    /// A table whose rows are years (2017 … 2021) and columns are figures: this year's row is
    /// read by its column headers, other years' are prior-year figures, and a column of changes
    /// (比上年增长) is prior-year in every row.
    static func readYears(_ rows: ArraySlice<[Cell]>, names: [String], year: Int?) -> [Claim] {
        var claims: [Claim] = []
        for row in rows {
            guard let rowYear = rowYear(row[0].text) else { continue }
            var figureScope = ReaderScope()   // a change column is about the figure column before it
            for (c, cell) in row.enumerated().dropFirst() where c < names.count {
                let header = ReaderText.key(names[c])
                let percent = header.contains("%") || header.contains("增长") || header.contains("增幅")
                let scale: Int64 = header.contains("亿元") ? 10_000 : 1
                let unit: ClaimUnit = percent ? .percent : header.contains("(元)") ? .yuan : .wan
                guard var value = value(cell.text, unit: unit) else { continue }
                if value.unit == .wan { value.hundredths *= scale }
                let words = header.replacingOccurrences(of: #"(亿元|万元|元|%)"#, with: "", options: .regularExpression)
                let shown = "\(rowYear) \(words)"
                let analysed = ReaderLabelMap.analyse(words, rate: percent)
                let change = ["增长", "增减", "增幅", "比上年"].contains { words.contains($0) }
                if !change { figureScope = analysed.scope }
                if change || (year.map { rowYear < $0 } ?? false) {
                    claims.append(Claim(label: shown, metric: ClaimMetric.priorYear, scope: (change ? figureScope : analysed.scope).text, value: value,
                                        line: cell.line, note: "table: figure of \(rowYear)"))
                    continue
                }
                guard rowYear == year, let metric = analysed.metric, metric != ReaderVocabulary.nonLedger, analysed.residue.isEmpty
                else {
                    claims.append(Claim(label: shown, metric: "", scope: "", value: value, line: cell.line,
                                        note: analysed.metric == ReaderVocabulary.nonLedger ? "non-ledger: " + words : "table: unmapped label"))
                    continue
                }
                claims.append(Claim(label: shown, metric: metric, scope: analysed.scope.text, value: value, line: cell.line,
                                    note: "table: cell"))
            }
        }
        return claims
    }

    /// A 决算 form whose rows carry 行次 (`一、财政拨款收入 | 1 | 625.58 | 一、一般公共服务支出 | 28 |`):
    /// its blank cells vanish in the text, so each side of a row is read as label, 行次, then the
    /// amount if one follows. A number is a 行次 where it continues a side's count (27 after 26),
    /// an amount where it follows a 行次. A row that does not parse so is left alone; an amount
    /// whose label cell is empty is not mapped.
    static func readNumbered(_ rows: [[Cell]], headers: ArraySlice<[Cell]>, context: [String]) -> [Claim] {
        let sides = headers.first.map { $0.map(\.text).filter { !$0.isEmpty } } ?? []
        let unit: ClaimUnit = context.contains { $0.contains("单位:元") || $0.contains("(元)") } ? .yuan : .wan
        let titleText = context.last { $0.contains("表") } ?? ""
        let title = ReaderLabelMap.analyse(titleText, rate: false).scope
        var next: [Int?] = Array(repeating: nil, count: max(sides.count, 1))
        var claims: [Claim] = []
        for row in rows.dropFirst(headers.count) {
            let cells = row.filter { !$0.text.isEmpty }
            if cells.contains(where: { $0.text.contains("栏次") || $0.text.contains("行次") }) { continue }
            // (label, 行次, amount) per side, in order.
            var groups: [(label: String?, number: Int?, amount: Cell?)] = []
            var afterNumber = false
            var parsed = true
            for cell in cells {
                let integer = Int(cell.text)
                if let n = integer, !afterNumber || next.contains(n) {
                    if groups.isEmpty || groups[groups.count - 1].number != nil { groups.append((nil, nil, nil)) }
                    groups[groups.count - 1].number = n
                    afterNumber = true
                } else if isNumber(cell.text) {
                    guard afterNumber, !groups.isEmpty else { parsed = false; break }
                    groups[groups.count - 1].amount = cell
                    afterNumber = false
                } else {
                    groups.append((cell.text, nil, nil))
                    afterNumber = false
                }
            }
            guard parsed, groups.allSatisfy({ $0.number != nil }), groups.count <= next.count else { continue }
            // Which side each group is: the one whose count it continues, else by order.
            var used = Set<Int>()
            for (g, group) in groups.enumerated() {
                let n = group.number!
                let side = next.indices.first { next[$0] == n && !used.contains($0) }
                    ?? (groups.count == next.count ? g : next.indices.first { !used.contains($0) && (next[$0] ?? 0) < n } ?? g)
                used.insert(side)
                next[side] = n + 1
                guard let amount = group.amount, let value = value(amount.text, unit: unit) else { continue }
                guard let label = group.label else {
                    claims.append(Claim(label: "(行次\(n))", metric: "", scope: "", value: value, line: amount.line,
                                        note: "table: row without its label"))
                    continue
                }
                claims.append(claim(label: label, column: "row", header: "", value: value, line: amount.line,
                                    side: side < sides.count ? sides[side] : "", title: title))
            }
        }
        return claims
    }

    static func isNumber(_ text: String) -> Bool { value(text, unit: .wan) != nil }

    static func value(_ text: String, unit: ClaimUnit) -> StatedValue? {
        var t = text
        var percent = false
        if t.hasSuffix("%") { t.removeLast(); percent = true }
        guard let v = ReaderCodeTables.amount(t, unit: unit) else { return nil }
        return percent ? StatedValue(hundredths: v.hundredths, decimals: v.decimals, unit: .percent) : v
    }

    /// The rows of one table: header rows first (no number in them), then data rows.
    static func read(_ given: [[Cell]], context: [String], year: Int? = nil) -> [Claim] {
        if let across = readAcross(given, context: context) { return across }
        let rows = given.allSatisfy { $0.count <= 1 } ? rechunk(given) : given
        // A row of years only is a header too (2017 2018 2019 over the figures); a row that
        // starts with a year and goes on with figures is a data row.
        let headerCount = rows.prefix { !$0.contains { isNumber($0.text) } }.count
        guard headerCount >= 1, headerCount < rows.count else { return [] }
        let headers = rows.prefix(headerCount)
        if headers.joined().contains(where: { $0.text.contains("行次") }) {
            return readNumbered(rows, headers: headers, context: context)
        }
        if headers.joined().contains(where: { $0.text.contains("栏次") }) { return [] }
        let data = rows.dropFirst(headerCount)
        if data.allSatisfy({ rowYear($0[0].text) != nil }) {
            guard let names = positionalNames(headers: headers, data: data)
                    ?? (headers.count == 1 && headers[headers.startIndex].count == data.first!.count ? headers.first!.map(\.text) : nil)
            else { return [] }
            return readYears(data, names: names, year: year)
        }
        let width = rows.map(\.count).max() ?? 0
        // A header cell followed by empty cells spans them (预算数 over 合计 | 一般公共预算 | 政府性基金).
        var names = Array(repeating: "", count: width)
        for var header in headers {
            // 项目 | 预算数 | 决算数 | |||| : group names printed side by side, their spans collapsed;
            // they share the value columns evenly.
            let named = header.indices.filter { !header[$0].text.isEmpty }
            if header.count == width, named.first == 0, let lastNamed = named.last, lastNamed < width - 1,
               named.count > 2, (width - 1) % (named.count - 1) == 0 {
                let span = (width - 1) / (named.count - 1)
                names[0] += header[0].text
                for (g, index) in named.dropFirst().enumerated() {
                    for c in (1 + g * span)..<(1 + (g + 1) * span) { names[c] += header[index].text }
                }
                continue
            }
            // A sub-header under a merged 项目 cell lacks the label column: it starts one column right.
            while header.last?.text.isEmpty == true { header.removeLast() }
            if header.count == width - 1, let first = header.first { header.insert(Cell(text: "", line: first.line), at: 0) }
            var last = ""
            for c in 0..<width {
                let text = c < header.count ? header[c].text : ""
                if !text.isEmpty { last = text }
                names[c] += (text.isEmpty ? last : text)
            }
        }
        let unit: ClaimUnit = context.contains { $0.contains("单位:元") || $0.contains("(元)") } ? .yuan : .wan
        let scale: Int64 = context.contains { $0.contains("亿元") } ? 10_000 : 1
        let titleText = context.last { $0.contains("表") } ?? ""
        var title = ReaderLabelMap.analyse(titleText, rate: false).scope
        // 一般公共预算及政府性基金…表 names two funds: its cells are either's, as their columns say.
        let funds = ["一般公共预算", "政府性基金", "国有资本经营", "社会保险基金"].filter { titleText.contains($0) }
        if funds.count > 1 { title.fund = nil }
        var claims: [Claim] = []
        for row in rows.dropFirst(headerCount) {
            var label = ""
            for (c, cell) in row.enumerated() where c < width {
                let column = ReaderVocabulary.column(names[c], table: names)
                guard let column else {
                    label = cell.text   // a label column: the row's name on this side of the table
                    continue
                }
                guard var value = value(cell.text, unit: column == "rate" ? .percent : unit) else { continue }
                if column == "score" { value = StatedValue(hundredths: value.hundredths, decimals: value.decimals, unit: .count, countWord: "分") }
                if value.unit == .wan || value.unit == .yuan { value.hundredths *= scale }
                claims.append(claim(label: label, column: column, header: names[c], value: value, line: cell.line,
                                    side: names[0..<c].last { ReaderVocabulary.column($0, table: names) == nil } ?? "",
                                    title: title))
            }
        }
        return claims
    }

    /// One cell's claim: its row label read within the table's side (收入/支出) and title.
    static func claim(label: String, column: String, header: String, value: StatedValue, line: Int, side: String,
                      title: ReaderScope) -> Claim {
        var rowLabel = ReaderText.key(label)
        if let marker = ReaderText.outlineMarker(Array(rowLabel)) { rowLabel = String(Array(rowLabel)[marker.textStart...]) }
        if rowLabel.hasPrefix("其中") { rowLabel.removeFirst(2) }
        let shown = [rowLabel, header].filter { !$0.isEmpty }.joined(separator: " ")
        switch column {
        case "non_ledger", "score":
            return Claim(label: shown, metric: "", scope: "", value: value, line: line,
                         note: column == "score" ? "table: non-ledger: score" : "table: execution-report figure")
        default: break
        }
        // 年初结转和结余 on the income side is itself a metric: the side's word is for labels
        // that need it (一般公共预算 under 收入 is income).
        let alone = ReaderLabelMap.analyse(rowLabel, rate: column == "rate")
        let complete = alone.metric != nil && alone.residue.isEmpty
        let sideWord = complete ? "" : ["收入", "支出"].first { side.contains($0) && !rowLabel.contains($0) } ?? ""
        let analysed = complete ? alone : ReaderLabelMap.analyse(sideWord + rowLabel, rate: column == "rate")
        var scope = analysed.scope.within(title)
        // 三公, as in prose, is counted by economic code across funds: the title's fund
        // (一般公共预算财政拨款三公经费表) does not narrow it; a column's fund (一般公共预算 | 政府性基金) does.
        if scope.sangong != nil { scope.fund = analysed.scope.fund }
        if let fund = ReaderLabelMap.analyse(header, rate: false).scope.fund { scope.fund = fund }
        let metric: String?
        if scope.sangong != nil {
            metric = column == "rate" ? nil : column == ClaimMetric.budgetCurrent ? ClaimMetric.sangongBudget : ClaimMetric.sangongActual
        } else if column == "row" {
            metric = analysed.metric ?? (analysed.scope.isEmpty ? nil : ClaimMetric.paid)
        } else {
            metric = column == "rate" ? ClaimMetric.rateExecution : column
        }
        guard let metric, analysed.residue.isEmpty || !analysed.scope.isEmpty else {
            return Claim(label: shown, metric: "", scope: "", value: value, line: line, note: "table: unmapped label")
        }
        return Claim(label: shown, metric: metric, scope: scope.text, value: value, line: line, note: "table: cell")
    }
}
