/// One record of an import file with its header's names: each field read and checked on its
/// own, every problem of the row collected, for the event import and the project import alike.
struct ImportRow {
    let record: CSVRecord
    let layout: ImportColumns.Layout
    let encoding: TextEncoding
    var reasons: [String] = []

    init(record: CSVRecord, layout: ImportColumns.Layout, encoding: TextEncoding) {
        self.record = record
        self.layout = layout
        self.encoding = encoding
        if record.unclosedQuote {
            reasons.append("a quoted field is never closed (a \" opened on this line runs to the end of the file)")
        } else if record.count > layout.fieldCount,
                  (layout.fieldCount..<record.count).contains(where: { !record.field($0, { trimmed($0).isEmpty }) }) {
            reasons.append("\(record.count) fields, but the header names \(layout.fieldCount)")
        }
    }

    /// Whether the record itself is broken (an open quote, fields past the header's).
    var isBroken: Bool { !reasons.isEmpty }

    func name(_ column: Int) -> String { layout.nameOf[column] }

    /// A column's trimmed bytes through `body`, or nil when the column is absent.
    func field<T>(_ column: Int, _ body: (UnsafeBufferPointer<UInt8>) -> T?) -> T? {
        guard let f = layout.field(column), f < record.count else { return nil }
        return record.field(f) { body(trimmed($0)) }
    }

    /// The trimmed text of a column, or nil when the column is absent or the field empty.
    mutating func text(_ column: Int) -> String? {
        let encoding = encoding
        var problem: String?
        let value = field(column) { bytes -> String? in
            if bytes.isEmpty { return nil }
            problem = textProblem(bytes, encoding: encoding)
            return problem == nil ? String(decoding: bytes, as: UTF8.self) : nil
        }
        if let problem { reasons.append("\(name(column)): \(problem)") }
        return value
    }

    mutating func bad(_ column: Int, _ value: String, _ reason: String) {
        reasons.append("\(name(column)) '\(value.quotedValue)': \(reason)")
    }

    mutating func required(_ column: Int, _ why: String = "") {
        reasons.append("\(name(column)): required\(why)")
    }
}

extension ImportColumns {
    /// Reads the header record of `source`; nil (with the problem added) when the file is
    /// empty or its header is wrong.
    func readHeader(_ source: any RecordSource, into record: inout CSVRecord, result: inout ImportResult,
                    example: String, optional: Set<String> = [], profile: ImportProfile? = nil) throws -> Layout? {
        guard try source.next(into: &record) else {
            result.add(ImportProblem(line: 1, message: "the file is empty (it needs a header: \(example))"))
            return nil
        }
        switch layout(of: record, encoding: source.encoding, optional: optional, profile: profile) {
        case .success(let layout):
            if let profile { result.notes.append("columns read through profile '\(profile.name)'") }
            if !layout.ignored.isEmpty {
                result.notes.append("ignored column\(layout.ignored.count == 1 ? "" : "s") \(layout.ignored.joined(separator: ", ")) (the book has no place for \(layout.ignored.count == 1 ? "it" : "them"))")
            }
            return layout
        case .failure(let problem): result.add(problem); return nil
        }
    }
}
