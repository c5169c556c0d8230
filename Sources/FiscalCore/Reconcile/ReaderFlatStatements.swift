import Foundation

/// A 决算 form (收入支出决算总表 …) flattened into one line, as a spreadsheet shown as text gives it:
/// row labels with their 行次, and amounts without a unit (`八、社会保障和就业支出 38 697,723.84 九、
/// 卫生健康支出 39 25,037,565.22 …`), the unit stated once on the line (`金额单位:元`). Every amount
/// written as money is (`1,003,618.46`, `8.02`: two decimals) is read in that unit. An amount is a
/// row's only when it is the one amount between the row's 行次 and the next row: where blank cells
/// vanished, several amounts follow a run of rows (`八、其他收入 8 11,122,315.04 13,628,965.89
/// 1,003,618.46 9 10 …`) and which row each is cannot be known, so they stay unmapped.
enum ReaderFlatStatements {
    static func read(_ lines: [[Character]]) -> (claims: [Claim], lines: Set<Int>) {
        var claims: [Claim] = []
        var taken = Set<Int>()
        for (index, chars) in lines.enumerated() {
            let line = String(ReaderText.normalize(chars))
            guard line.contains("决算总表") || line.contains("决算表"), line.contains("行次"),
                  let unit: ClaimUnit = line.contains("单位:元") ? .yuan : line.contains("单位:万元") ? .wan : nil
            else { continue }
            let read = readLine(line, line: index + 1, unit: unit)
            guard read.count >= 2 else { continue }
            claims += read
            taken.insert(index + 1)
        }
        return (claims, taken)
    }

    enum Token { case amount(String), index, text(String) }

    static func tokens(_ line: String) -> [Token] {
        line.split(separator: " ").flatMap { word -> [Token] in
            let w = String(word)
            if w.range(of: #"^(\d{1,3}(,\d{3})+(\.\d{2})?|\d+\.\d{2})$"#, options: .regularExpression) != nil { return [.amount(w)] }
            if w.range(of: #"^\d{1,3}$"#, options: .regularExpression) != nil { return [.index] }
            return [.text(w)]
        }
    }

    static func readLine(_ line: String, line number: Int, unit: ClaimUnit) -> [Claim] {
        var claims: [Claim] = []
        var label = ""          // the text since the last number
        var row: String?        // the row whose 行次 came last, with nothing but amounts after it
        var side = "收入"
        var pending: [String] = []
        func flush() {
            defer { pending = [] }
            for digits in pending {
                guard let value = ReaderPipeTables.value(digits, unit: unit) else { continue }
                if pending.count == 1, let row {
                    claims.append(ReaderPipeTables.claim(label: row, column: "row", header: "", value: value, line: number,
                                                         side: side, title: ReaderScope()))
                } else {
                    claims.append(Claim(label: "after " + (row ?? label), metric: "", scope: "", value: value, line: number,
                                        note: "table: amount of a flattened form, its row unknown"))
                }
            }
        }
        for token in tokens(line) {
            switch token {
            case .amount(let digits):
                pending.append(digits)
            case .index:
                flush()
                row = label.isEmpty ? nil : label
                label = ""
            case .text(let text):
                if !pending.isEmpty { flush() }
                if !label.isEmpty || row != nil { row = nil }
                label += text
                if text == "收入" || text == "支出" { side = text }   // the form's side, as its header names it
            }
        }
        flush()
        return claims
    }
}
