/// The officer's confirmed matches of report labels to projects, for `reconcile --map FILE`: two
/// columns, the label as the report writes it and the project's code (or name), separated by a
/// tab or a comma; `#` starts a comment; an optional `label,project` header.
///
/// ```
/// 禁毒专项	JD2023-01
/// 辅警工作经费,FJ-003
/// ```
public enum ProjectAliasFile {
    public static func read(_ text: String) throws(FiscalError) -> [String: String] {
        var aliases: [String: String] = [:]
        var problems: [String] = []
        for (index, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            var line = String(raw)
            if index == 0, line.hasPrefix("\u{FEFF}") { line.removeFirst() }
            let content = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            if content.trimmingWhitespace().isEmpty { continue }
            let separator: Character = content.contains("\t") ? "\t" : ","
            let fields = content.split(separator: separator, omittingEmptySubsequences: false)
                .map { String(String($0).trimmingWhitespace()) }
            if index == 0, fields.first == "label" { continue }
            guard fields.count == 2, !fields[0].isEmpty, !fields[1].isEmpty else {
                problems.append("line \(index + 1): expected a label and a project code, got \(fields.count) field\(fields.count == 1 ? "" : "s")")
                continue
            }
            if let earlier = aliases[fields[0]], earlier != fields[1] {
                problems.append("line \(index + 1): \(fields[0]) is mapped to both \(earlier) and \(fields[1])")
            }
            aliases[fields[0]] = fields[1]
        }
        if !problems.isEmpty {
            throw .invalidValue(field: "--map", value: "\(problems.count) bad line\(problems.count == 1 ? "" : "s")",
                                reason: problems.joined(separator: "; "))
        }
        return aliases
    }
}
