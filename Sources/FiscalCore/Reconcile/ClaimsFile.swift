import Foundation

/// The claims file: CSV `label,metric,scope,value,unit`, what `--emit-claims` writes for an
/// officer to correct by hand and feed back with `--claims`.
public enum ClaimsFile {
    public static let header = "label,metric,scope,value,unit,line,note"

    public static func write(_ claims: [Claim]) -> String {
        var out = header + "\n"
        for c in claims {
            let value = String(c.value.text.dropLast(c.value.unitText.count))
            out += [c.label, c.metric, c.scope, value, c.value.unitText, String(c.line), c.note ?? ""]
                .map(quote).joined(separator: ",") + "\n"
        }
        return out
    }

    /// Reads a claims file; every bad line is reported with its number, and nothing is returned
    /// unless all lines are good.
    public static func read(_ text: String) throws(FiscalError) -> [Claim] {
        var claims: [Claim] = []
        var problems: [String] = []
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        for (index, raw) in lines.enumerated() {
            let number = index + 1
            var line = String(raw)
            if line.hasSuffix("\r") { line.removeLast() }
            if index == 0 && line.hasPrefix("\u{FEFF}") { line.removeFirst() }
            if line.trimmingWhitespace().isEmpty { continue }
            guard let fields = split(line) else { problems.append("line \(number): unclosed quote"); continue }
            if index == 0 && fields.first == "label" { continue }
            guard fields.count >= 5 else {
                problems.append("line \(number): expected label,metric,scope,value,unit; got \(fields.count) fields")
                continue
            }
            let countWord = ReaderNumberScanner.nonLedgerUnits.contains(fields[4]) || fields[4] == "项" ? fields[4] : nil
            guard let unit = countWord.map({ _ in ClaimUnit.count }) ?? ClaimUnit(rawValue: fields[4]) ?? unitAlias(fields[4]) else {
                problems.append("line \(number): unit '\(fields[4])' must be 万元, 元, %, 个 or a count's word (辆, 人次 …)")
                continue
            }
            guard var value = stated(fields[3], unit: unit) else {
                problems.append("line \(number): value '\(fields[3])' is not a number with at most two decimals")
                continue
            }
            value.countWord = countWord
            let note = fields.count > 6 && !fields[6].isEmpty ? fields[6] : nil
            claims.append(Claim(label: fields[0], metric: fields[1], scope: fields[2], value: value,
                                line: fields.count > 5 ? Int(fields[5]) ?? 0 : 0, note: note))
        }
        if !problems.isEmpty {
            throw .invalidValue(field: "claims file", value: "\(problems.count) bad line\(problems.count == 1 ? "" : "s")",
                                reason: problems.joined(separator: "; "))
        }
        return claims
    }

    static func unitAlias(_ text: String) -> ClaimUnit? {
        switch text { case "万", "wan": .wan; case "yuan": .yuan; case "percent", "％": .percent; case "count": .count; default: nil }
    }

    static func stated(_ text: String, unit: ClaimUnit) -> StatedValue? {
        let trimmed = String(text.trimmingWhitespace())
        let parts = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts[1...].allSatisfy({ $0.count <= 2 }),
              let money = try? Money.parse(trimmed) else { return nil }
        return StatedValue(hundredths: money.fen, decimals: parts.count == 2 ? parts[1].count : 0, unit: unit)
    }

    static func quote(_ field: String) -> String { TextEscaping.csvField(field) }

    static func split(_ line: String) -> [String]? {
        var fields: [String] = []
        var current = ""
        var quoted = false
        var chars = line.makeIterator()
        var pending: Character? = nil
        while let ch = pending ?? chars.next() {
            pending = nil
            if quoted {
                if ch == "\"" {
                    if let next = chars.next() {
                        if next == "\"" { current.append("\"") } else { quoted = false; pending = next }
                    } else { quoted = false }
                } else { current.append(ch) }
            } else if ch == "\"" && current.isEmpty {
                quoted = true
            } else if ch == "," {
                fields.append(current); current = ""
            } else {
                current.append(ch)
            }
        }
        if quoted { return nil }
        fields.append(current)
        return fields
    }
}
