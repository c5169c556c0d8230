import Foundation

/// Tables printed one cell per line (a 三公 table whose PDF text lost its grid): how the cells
/// are cut back into rows, and the table whose columns are the categories.
extension ReaderPipeTables {
    /// A table printed one cell per line: the header is the cells before the first row's label
    /// (the cell before the first number), and rows are as wide as the header.
    /// A `|` line alone may be a blank cell or only a separator: the reading whose every row starts
    /// with a label (not a number) is the table's.
    static func rechunk(_ rows: [[Cell]]) -> [[Cell]] {
        let all = rows.flatMap { $0 }
        for cells in [all, all.filter { !$0.text.isEmpty }] {
            guard let firstNumber = cells.firstIndex(where: { isNumber($0.text) }), firstNumber >= 2 else { continue }
            let width = firstNumber - 1
            let chunks = stride(from: 0, to: cells.count, by: width).map { Array(cells[$0..<min($0 + width, cells.count)]) }
            let labelled = chunks.dropFirst().allSatisfy { row in row.first.map { !isNumber($0.text) && !$0.text.isEmpty } ?? false }
            if labelled { return chunks }
        }
        return rows
    }

    /// A table whose columns are the categories and whose one row is the figures, printed one cell
    /// per line (`“三公”经费合计 |` … `79 |` …): every label before every number. Lines of `|` only
    /// end a header level; a second level refines the one cell of the first it shares its words
    /// with (公务用车购置及运行费 over 小计 | 公务用车购置费 | 公务用车运行费). Read only when the
    /// leaves are exactly as many as the numbers, and the title says what the figures are
    /// (…预算表: budgets, …决算表: spending).
    static func readAcross(_ rows: [[Cell]], context: [String]) -> [Claim]? {
        guard rows.allSatisfy({ $0.count <= 1 || $0.allSatisfy(\.text.isEmpty) }) else { return nil }
        var levels: [[Cell]] = [[]]
        var numbers: [Cell] = []
        for row in rows {
            if row.count > 1 {   // `||`: the header level ends
                if !levels[levels.count - 1].isEmpty { levels.append([]) }
                continue
            }
            guard let cell = row.first, !cell.text.isEmpty else { continue }
            if isNumber(cell.text) { numbers.append(cell); continue }
            guard numbers.isEmpty else { return nil }   // a label after a number: rows, not columns
            levels[levels.count - 1].append(cell)
        }
        levels.removeAll { $0.isEmpty }
        guard numbers.count >= 2, let top = levels.first else { return nil }
        var leaves = top.map(\.text)
        if levels.count == 2 {
            let sub = levels[1].map(\.text)
            func shared(_ a: String, _ b: String) -> Int { zip(ReaderText.key(a), ReaderText.key(b)).prefix { $0 == $1 }.count }
            let scores = top.map { parent in sub.map { shared(parent.text, $0) }.max() ?? 0 }
            guard let best = scores.max(), best >= 2, scores.filter({ $0 == best }).count == 1,
                  let p = scores.firstIndex(of: best) else { return nil }
            let parent = top[p].text
            leaves = Array(leaves[..<p]) + sub.map { ["小计", "合计"].contains(ReaderText.key($0)) ? parent : $0 } + Array(leaves[(p + 1)...])
        } else if levels.count > 2 {
            return nil
        }
        guard leaves.count == numbers.count else { return nil }
        let titleText = context.last { $0.contains("表") } ?? ""
        let column: String
        if titleText.contains("预算表") { column = ClaimMetric.budgetCurrent }
        else if titleText.contains("决算表") { column = ClaimMetric.paid }
        else { return nil }
        let unit: ClaimUnit = context.contains { $0.contains("单位:元") || $0.contains("(元)") } ? .yuan : .wan
        let title = ReaderLabelMap.analyse(titleText, rate: false).scope
        return zip(leaves, numbers).compactMap { label, cell in
            value(cell.text, unit: unit).map {
                claim(label: label, column: column, header: "", value: $0, line: cell.line, side: "", title: title)
            }
        }
    }
}
