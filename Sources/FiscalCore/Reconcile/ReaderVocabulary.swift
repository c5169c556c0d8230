/// The reader's vocabulary — metric words, names of the department's parts, exact names — kept
/// as data in `vocabulary.tsv` (embedded in the binary), so that a finance officer can read what
/// a label's words are taken to mean, and a new word is a new line, not new code.
enum ReaderVocabulary {
    struct Word: Sendable {
        var words: String
        var metric: String
        /// A second metric the same words can mean: 收入合计 is 收入总计 in one report and 本年收入
        /// in another.
        var alternative: String?
    }

    struct Tables: Sendable {
        var money: [Word] = []
        var rate: [Word] = []
        var names: [ReaderScopeName] = []
        var exact: [String: (ReaderScope.Dimension, String)] = [:]
        /// Heading words → the kind of section (see `vocabulary.tsv`, table `section`).
        var sections: [(word: String, kind: String)] = []
        /// Table column headers → how a cell under them reads (see `vocabulary.tsv`).
        var columns: [(word: String, meaning: String)] = []
        /// The standard 决算 tables, in template order, and whether their coded rows add up.
        var tables: [(title: String, sums: Bool)] = []
    }

    static let tables: Tables = parse(String(decoding: PackageResources.vocabulary_tsv, as: UTF8.self))

    static func parse(_ text: String) -> Tables {
        var tables = Tables()
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count >= 3 else { continue }
            switch f[0] {
            case "money", "rate":
                let word = Word(words: f[1], metric: f[2], alternative: f.count > 3 && !f[3].isEmpty ? f[3] : nil)
                if f[0] == "money" { tables.money.append(word) } else { tables.rate.append(word) }
            case "name":
                if let (dimension, value) = scope(f[2]) { tables.names.append(ReaderScopeName(f[1], dimension, value)) }
            case "exact":
                if let scope = scope(f[2]) { tables.exact[ReaderText.key(f[1])] = scope }
            case "section":
                tables.sections.append((f[1], f[2]))
            case "column":
                tables.columns.append((f[1], f[2]))
            case "table":
                tables.tables.append((ReaderText.key(f[1]), f[2] == "sum"))
            default:
                continue
            }
        }
        return tables
    }

    /// How a cell under this header reads, `nil` for a column of row labels. 执行数 beside a 决算数
    /// column is the execution report's figure, not this ledger's.
    static func column(_ header: String, table: [String]) -> String? {
        let key = ReaderText.key(header)
        guard let (word, meaning) = tables.columns.filter({ key.contains($0.word) }).max(by: { $0.word.count < $1.word.count })
        else { return nil }
        if word == "执行数", table.contains(where: { $0.contains("决算数") }) { return "non_ledger" }
        return meaning
    }

    /// What a heading's section is about: 收支总体, 收入, 支出, 财政拨款收支, 一般公共预算财政拨款支出,
    /// 基本支出, 项目支出, 三公, 政府性基金, 国有资本经营, 机关运行经费, 政府采购, 国有资产, 绩效 …
    static func section(_ heading: String) -> String? {
        let key = ReaderText.key(heading)
        return tables.sections.first { key.contains($0.word) }?.kind
    }

    /// The metric `-` of a word that names a figure no budget ledger holds (总收入 …).
    static let nonLedger = "-"

    /// Sections whose amounts no budget ledger holds.
    static let nonLedgerSections: Set<String> = ["office-operation", "procurement", "assets", "performance-management"]

    /// `sangong:abroad` → (.sangong, "abroad").
    static func scope(_ text: String) -> (ReaderScope.Dimension, String)? {
        let pair = text.split(separator: ":", maxSplits: 1).map(String.init)
        guard pair.count == 2 else { return nil }
        let dimensions: [String: ReaderScope.Dimension] = [
            "fund": .fund, "source": .source, "function": .function, "kind": .kind, "econ": .econ, "sangong": .sangong,
        ]
        return dimensions[pair[0]].map { ($0, pair[1]) }
    }
}
