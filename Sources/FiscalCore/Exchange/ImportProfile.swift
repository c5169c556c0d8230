/// A saved column mapping (issue 15): how a file as a budget system exports it names the
/// columns `fiscal import` reads (`支付日期` → date, `支付金额` → amount …), and the kind of
/// every row of a file that has no kind column. Configuration, not history: a profile can
/// be added and removed, and no entry points at it.
public struct ImportProfile: Sendable, Equatable {
    public struct Column: Sendable, Equatable {
        /// The file's header, as it is written.
        public var header: String
        /// The column it stands for (`date`, `amount`, … as `fiscal import` names them).
        public var column: String

        public init(header: String, column: String) { self.header = header; self.column = column }
    }

    public var name: String
    public var mapping: [Column]
    public var kind: EntryKind?
    public var added: Day

    public init(name: String, mapping: [Column], kind: EntryKind? = nil, added: Day) {
        self.name = name; self.mapping = mapping; self.kind = kind; self.added = added
    }

    /// The column a header stands for in this profile, or nil.
    func column(for header: String) -> String? { mapping.first { $0.header == header }?.column }

    /// The columns an event file may have, by the names a profile maps to.
    public static var columns: [String] { EventImport.columns.columns.map(\.key) }

    /// The mapping as stored: one `header=column` per line (a header never holds a line break).
    var storedMapping: String { mapping.map { "\($0.header)=\($0.column)" }.joined(separator: "\n") }

    static func mapping(stored: String) -> [Column] {
        stored.split(separator: "\n").compactMap { line in
            guard let eq = line.lastIndex(of: "=") else { return nil }
            return Column(header: String(line[..<eq]), column: String(line[eq...].dropFirst()))
        }
    }
}

extension Book {
    /// Saves a column mapping under `name`. Refused: an empty or taken name, a header or a
    /// column named twice, a column `fiscal import` does not read, a kind that is no event.
    public func addImportProfile(_ profile: ImportProfile) throws(FiscalError) {
        let name = profile.name.trimmingWhitespace()
        guard !name.isEmpty else { throw .invalidValue(field: "name", value: profile.name, reason: "must not be empty") }
        try TextRules.check(String(name), .name)
        guard !profile.mapping.isEmpty else {
            throw .invalidValue(field: "map", value: "", reason: "must map at least one column (HEADER=column)")
        }
        var headers: Set<String> = [], columns: Set<String> = []
        for pair in profile.mapping {
            let written = "\(pair.header)=\(pair.column)"
            guard !pair.header.isEmpty else { throw .invalidValue(field: "map", value: written, reason: "the file's header is empty") }
            try TextRules.check(pair.header, .name, name: "map")
            guard ImportProfile.columns.contains(pair.column) else {
                throw .invalidValue(field: "map", value: written,
                                    reason: "'\(pair.column)' is not a column fiscal imports (\(ImportProfile.columns.joined(separator: ", ")))")
            }
            guard headers.insert(pair.header).inserted else { throw .invalidValue(field: "map", value: written, reason: "the header '\(pair.header)' is mapped twice") }
            guard columns.insert(pair.column).inserted else { throw .invalidValue(field: "map", value: written, reason: "the column \(pair.column) is mapped twice") }
        }
        var saved = profile
        saved.name = String(name)
        try guarded {
            try store.write {
                if try store.importProfiles().contains(where: { $0.name == saved.name }) {
                    throw FiscalError.invalidValue(field: "name", value: saved.name, reason: "a profile of this name exists; remove it first")
                }
                try store.insertImportProfile(saved)
            }
        }
    }

    /// The saved column mappings, by name.
    public func importProfiles() throws(FiscalError) -> [ImportProfile] {
        try guarded { try store.read { try store.importProfiles() } }
    }

    /// Removes a saved column mapping; refused when there is none of that name.
    public func removeImportProfile(name: String) throws(FiscalError) {
        try guarded {
            try store.write {
                guard try store.deleteImportProfile(name: name) else { throw Book.noProfile(name, try store.importProfiles()) }
            }
        }
    }

    static func noProfile(_ name: String, _ all: [ImportProfile]) -> FiscalError {
        .invalidValue(field: "profile", value: name, reason: all.isEmpty
            ? "no such import profile (the book has none: fiscal import profile add NAME --map HEADER=column,…)"
            : "no such import profile (the book has \(all.map(\.name).joined(separator: ", ")))")
    }
}
