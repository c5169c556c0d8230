import Foundation

/// One thing wrong with an imported file, at its line (the header is line 1). An import
/// collects every problem before it writes anything; any problem means nothing is written.
public struct ImportProblem: Error, Sendable, Hashable, CustomStringConvertible {
    public var line: Int
    public var message: String
    /// Refused by availability control: recording it anyway is the officer's choice to make.
    public var isOverdraft: Bool
    /// The workbook sheet the row is on; `line` is then the sheet's row number.
    public var sheet: String?

    public init(line: Int, message: String, isOverdraft: Bool = false) {
        self.line = line
        self.message = message
        self.isOverdraft = isOverdraft
    }

    public var description: String {
        if let sheet { return "sheet '\(sheet)' row \(line): \(message)" }
        return "line \(line): \(message)"
    }
}

/// The columns a CSV file may have, by canonical name, with the other names a header may use
/// for them (Chinese headers, as a spreadsheet exported from a finance system has them).
struct ImportColumns {
    struct Column {
        var key: String
        var aliases: [String]
        var required: Bool
    }

    var columns: [Column]
    /// Header names a file may carry that the book has no place for (a payment list's
    /// 预算单位, 资金性质): accepted, ignored, and said so in the result's notes.
    var ignorable: [String] = []
    /// Required columns another column can stand in for (`project` by `project_name`).
    var standIns: [String: String] = [:]
    /// Columns nobody knows are ignored with a note naming them, not refused (the event
    /// import: a payment list carries columns the book has no place for).
    var ignoresUnknown = false

    /// Which field holds each column (by index into `columns`), once the header is read.
    struct Layout {
        var fieldOf: [Int?]
        /// The header's own name for each column, to name it in messages as the file does.
        var nameOf: [String]
        var fieldCount: Int
        /// The header's names that were ignored (``ImportColumns/ignorable``).
        var ignored: [String] = []

        func field(_ column: Int) -> Int? { fieldOf[column] }
    }

    /// Reads the header record: every column named once, the required ones present, nothing
    /// unknown — or, with ``ignoresUnknown``, every unknown column named in a note (and again
    /// in the refusal when a required column is missing, so a misspelt one never passes
    /// unseen).
    /// `optional` names required columns the caller can do without (`kind` given by option).
    /// With a `profile`, its headers name their columns first; a header it maps that the file
    /// lacks is refused, naming the profile.
    func layout(of header: CSVRecord, encoding: TextEncoding, optional: Set<String> = [],
                profile: ImportProfile? = nil) -> Result<Layout, ImportProblem> {
        var ignored: [String] = []
        var mapped: Set<String> = []
        var unread: [String] = []  // unknown columns ignored: named again if a required one is missing
        var fieldOf = [Int?](repeating: nil, count: columns.count)
        var nameOf = columns.map(\.key)
        var problems: [String] = []
        var unknown: [String] = []
        for i in 0..<header.count {
            if let problem = header.field(i, { textProblem(trimmed($0), encoding: encoding) }) {
                return .failure(ImportProblem(line: header.line, message: "header: \(problem)"))
            }
            let name = header.string(i).trimmingWhitespace()
            if name.isEmpty {
                if i == header.count - 1 { continue }  // a trailing comma
                problems.append("column \(i + 1) has no name")
                continue
            }
            let folded = name.lowercased().replacingOccurrences(of: "-", with: "_").replacingOccurrences(of: " ", with: "_")
            let byProfile = profile?.column(for: String(name))
            if byProfile != nil { mapped.insert(String(name)) }
            guard let c = columns.firstIndex(where: { byProfile != nil ? $0.key == byProfile
                                                      : $0.key == folded || $0.aliases.contains(String(name)) || $0.aliases.contains(folded) }) else {
                if ignorable.contains(String(name)) { ignored.append(String(name)); continue }
                if ignoresUnknown { ignored.append(String(name)); unread.append("'\(name)'"); continue }
                unknown.append("'\(name)'")
                continue
            }
            if let previous = fieldOf[c] {
                problems.append("column '\(name)' repeats column \(previous + 1)")
                continue
            }
            fieldOf[c] = i
            nameOf[c] = String(name)
        }
        if let profile {
            let absent = profile.mapping.map(\.header).filter { !mapped.contains($0) }
            if !absent.isEmpty {
                problems.append("profile '\(profile.name)': the file has no column \(absent.map { "'\($0)'" }.joined(separator: ", "))")
            }
        }
        if !unknown.isEmpty {
            problems.insert("unknown column\(unknown.count == 1 ? "" : "s") \(unknown.joined(separator: ", ")) (the columns are \(columns.map(\.key).joined(separator: ", ")))", at: 0)
        }
        let missing = columns.indices.filter { columns[$0].required && fieldOf[$0] == nil && !optional.contains(columns[$0].key)
            && !hasStandIn(for: $0, fieldOf) }.map { columns[$0].key }
        if !missing.isEmpty {
            problems.append("missing column\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", "))"
                            + (profile.map { " (profile '\($0.name)' maps no column to \(missing.count == 1 ? "it" : "them"))" } ?? "")
                            + (unread.isEmpty ? "" : " (not read: \(unread.joined(separator: ", ")); the columns are \(columns.map(\.key).joined(separator: ", ")))"))
        }
        if !problems.isEmpty {
            return .failure(ImportProblem(line: header.line, message: "header: " + problems.joined(separator: "; ")))
        }
        return .success(Layout(fieldOf: fieldOf, nameOf: nameOf, fieldCount: header.count, ignored: ignored))
    }
}

extension ImportColumns {
    /// Whether the file has the column that stands in for required column `c`.
    func hasStandIn(for c: Int, _ fieldOf: [Int?]) -> Bool {
        guard let key = standIns[columns[c].key], let other = columns.firstIndex(where: { $0.key == key }) else { return false }
        return fieldOf[other] != nil
    }
}

/// Bytes trimmed of ASCII spaces and tabs at both ends.
func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
    var start = 0
    var end = bytes.count
    while start < end && (bytes[start] == 0x20 || bytes[start] == 0x09) { start += 1 }
    while end > start && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
    return UnsafeBufferPointer(rebasing: bytes[start..<end])
}

/// Why a field's bytes are not text in the file's encoding, or nil when they are.
func textProblem(_ bytes: UnsafeBufferPointer<UInt8>, encoding: TextEncoding) -> String? {
    guard bytes.contains(where: { $0 >= 0x80 }), !isValidUTF8(bytes) else { return nil }
    return encoding == .utf8
        ? "not valid UTF-8 text"
        : "not valid GB18030 text"
}

extension String {
    /// How a value is quoted in a message: its text, shortened if long, anything a terminal
    /// would act on made visible.
    var quotedValue: String {
        TextRules.escapedForTerminal(count > 40 ? String(prefix(40)) + "…" : self)
    }
}
