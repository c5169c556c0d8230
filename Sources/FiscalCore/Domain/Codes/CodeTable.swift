/// One classification table (政府收支分类科目), read from an embedded TSV file (see README.md in
/// this folder for the editions and sources), with the book's own local codes added on top.
public struct CodeTable: Sendable {
    public enum Level: String, Sendable { case `class` = "类", item = "款", subitem = "项" }

    /// One code of the table.
    public struct Entry: Sendable, Equatable {
        public var code: String
        public var name: String
        public var level: Level
        /// Added to this book with `codes add`, not in the official table.
        public var local: Bool
    }

    public private(set) var entries: [Entry]
    private var index: [String: Int]

    init(tsv: String) {
        var entries: [Entry] = []
        for line in tsv.split(separator: "\n").dropFirst() {
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard cells.count >= 3, let level = Level(rawValue: String(cells[2])) else { continue }
            entries.append(Entry(code: String(cells[0]), name: String(cells[1]), level: level, local: false))
        }
        self.entries = entries
        index = Dictionary(entries.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { a, _ in a })
    }

    public subscript(code: String) -> Entry? { index[code].map { entries[$0] } }

    public func name(_ code: String) -> String? { self[code]?.name }

    /// The table with a book's local codes added (an official code keeps its own name).
    public func adding(_ local: [Entry]) -> CodeTable {
        var table = self
        for entry in local where table.index[entry.code] == nil {
            table.index[entry.code] = table.entries.count
            table.entries.append(entry)
        }
        table.entries.sort { $0.code < $1.code }
        table.index = Dictionary(table.entries.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { a, _ in a })
        return table
    }

    /// The entries whose code starts with `query`, or whose name contains it; all without one.
    public func search(_ query: String?) -> [Entry] {
        guard let query, !query.isEmpty else { return entries }
        if query.allSatisfy({ $0.isASCII && $0.isNumber }) { return entries.filter { $0.code.hasPrefix(query) } }
        return entries.filter { $0.name.contains(query) }
    }

    /// The codes nearest to an unknown one, nearest first: same length, fewest differing
    /// characters (a typo, `30229` for `30299`), then the longest shared prefix.
    public func nearest(_ text: String, levels: Set<Level>, limit: Int = 3) -> [Entry] {
        let digits = String(text.filter { $0.isASCII && $0.isNumber })
        let scored = entries.filter { levels.contains($0.level) }.map { entry -> (Entry, Int) in
            (entry, CodeTable.distance(digits, entry.code))
        }
        let best = scored.map(\.1).min() ?? 0
        guard best <= 2 else { return [] }
        func shared(_ code: String) -> Int { zip(code, digits).prefix { $0 == $1 }.count }
        return scored.filter { $0.1 == best }.map(\.0)
            .sorted { (shared($0.code), $1.code) > (shared($1.code), $0.code) }.prefix(limit).map { $0 }
    }

    /// Edit distance (insertions, deletions, substitutions) between two short codes.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var row = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var previous = row[0]
            row[0] = i
            for j in 1...max(b.count, 1) where !b.isEmpty {
                let keep = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = keep
            }
        }
        return row[b.count]
    }

    /// 部门预算支出经济分类 (Codes/econ-department.tsv).
    public static let economic = CodeTable(tsv: String(decoding: PackageResources.econ_department_tsv, as: UTF8.self))
    /// 支出功能分类 (Codes/function.tsv), incomplete below the classes.
    public static let function = CodeTable(tsv: String(decoding: PackageResources.function_tsv, as: UTF8.self))
}

extension CodeTable {
    /// Code → name, for the reports.
    var names: [String: String] { Dictionary(entries.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a }) }
}
