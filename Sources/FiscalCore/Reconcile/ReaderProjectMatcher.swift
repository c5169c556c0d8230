import Foundation

/// Finds the book's project a report's label names. A 自评报告 names projects in prose
/// (禁毒专项, 辅警工作经费) and the 预算管理一体化 system names them its own way (2023年禁毒工作经费,
/// 辅警经费), so after the exact and normalised names (quotes, brackets, whitespace and variant
/// characters away) come, in order:
///
/// 1. an alias the officer confirmed (`--map FILE`, later the book's own aliases): label → project;
/// 2. unique containment (the label contains exactly one name, or one name contains the label);
/// 3. the *stem*: the name without years and the words every budget line carries (经费, 专项,
///    工作, 项目, 资金 …) — equal stems match;
/// 4. close stems: edit distance at most a third of the longer stem, and the best candidate
///    clearly better than the next.
///
/// A label that matches nothing is not guessed: the reconciliation reports it as not in the
/// ledger, with the nearest names (``nearest(_:count:)``), never as a mismatch against zero.
/// Reading never looks at amounts; the reconciliation may let the amount choose between names
/// that are all close to the label (``close(_:)``), never between unrelated ones.
struct ReaderProjectMatcher: Sendable {
    let names: [String]
    let keys: [String]
    let stems: [String]
    /// Label key → project name or code, as confirmed by the officer.
    let aliases: [String: String]

    /// Words a budget line's name carries that say nothing about which line it is, longest first.
    static let genericWords = [
        "专项经费", "工作经费", "项目经费", "专项资金", "补助资金", "运行经费", "经费", "专项", "工作", "项目",
        "资金", "支出", "费用",
    ]

    init(_ names: [String], aliases: [String: String] = [:]) {
        self.names = names
        self.keys = names.map(ReaderText.key)
        self.stems = names.map(Self.stem)
        var byKey: [String: String] = [:]
        for (label, target) in aliases { byKey[ReaderText.key(label)] = target }
        self.aliases = byKey
    }

    var isEmpty: Bool { names.isEmpty && aliases.isEmpty }

    /// The project the officer confirmed for this label.
    func alias(_ label: String) -> String? { aliases[ReaderText.key(label)] }

    /// An alias, or an exact or normalised match.
    func exact(_ label: String) -> String? {
        let key = ReaderText.key(label)
        if let target = aliases[key] { return target }
        let trimmed = label.readerTrimmed()
        if let name = names.first(where: { $0 == trimmed }) { return name }
        guard !key.isEmpty else { return nil }
        return keys.firstIndex(of: key).map { names[$0] }
    }

    /// A unique containment match, then the stems. Labels of fewer than two characters never match.
    func containing(_ label: String) -> String? {
        let key = ReaderText.key(label)
        guard key.count >= 2 else { return nil }
        let inLabel = keys.indices.filter { keys[$0].count >= 2 && key.contains(keys[$0]) }
        if inLabel.count == 1 { return names[inLabel[0]] }
        if inLabel.count > 1 {
            // The longest, when it contains every other one (禁毒专项经费 over 禁毒专项).
            let longest = inLabel.max { keys[$0].count < keys[$1].count }!
            if inLabel.allSatisfy({ keys[longest].contains(keys[$0]) }) { return names[longest] }
            return nil
        }
        if key.count >= 3 {
            let holding = keys.indices.filter { keys[$0].contains(key) }
            if holding.count == 1 { return names[holding[0]] }
            if holding.count > 1 { return nil }
        }
        return byStem(key)
    }

    /// Equal stems, else the one clearly closest stem.
    private func byStem(_ key: String) -> String? {
        let stem = Self.stem(key)
        guard stem.count >= 2 else { return nil }
        let equal = stems.indices.filter { stems[$0] == stem }
        if equal.count == 1 { return names[equal[0]] }
        if equal.count > 1 { return nil }
        let scored = stems.indices.map { (index: $0, distance: Self.distance(stem, stems[$0])) }
            .sorted { $0.distance < $1.distance }
        guard let best = scored.first else { return nil }
        let longer = max(stem.count, stems[best.index].count)
        guard best.distance * 3 <= longer else { return nil }
        if scored.count > 1, scored[1].distance <= best.distance + 1 { return nil }
        return names[best.index]
    }

    /// The names whose stem is close to the label's (within a third of the longer stem): the only
    /// names an amount may choose between.
    func close(_ label: String) -> [String] {
        let stem = Self.stem(ReaderText.key(label))
        return stems.indices.filter { i in
            let d = Self.distance(stem, stems[i])
            return d * 3 <= max(stem.count, stems[i].count) || stems[i].contains(stem) || stem.contains(stems[i])
        }.map { names[$0] }
    }

    /// The names closest to a label, nearest first: what the officer picks from for an alias.
    /// Closest is the most characters in common, in order (强戒人员生活补助 and
    /// 强制隔离戒毒人员生活费 share 强戒人员生活), then the fewest edits between the stems.
    func nearest(_ label: String, count: Int = 3) -> [String] {
        ranked(label).prefix(count).map { names[$0.index] }
    }

    /// The nearest name when it shares with the label's stem at least two characters in order
    /// and a third of the stem: a name worth proposing as the label's project, never taken
    /// without the officer's word.
    func likely(_ label: String) -> String? {
        let stem = Self.stem(ReaderText.key(label))
        guard let best = ranked(label).first, best.common >= 2, best.common * 3 >= stem.count else { return nil }
        return names[best.index]
    }

    private func ranked(_ label: String) -> [(index: Int, common: Int, distance: Int)] {
        let stem = Self.stem(ReaderText.key(label))
        return stems.indices.map { (index: $0, common: Self.commonLength(stem, stems[$0]), distance: Self.distance(stem, stems[$0])) }
            .sorted { a, b in
                a.common != b.common ? a.common > b.common
                    : a.distance != b.distance ? a.distance < b.distance : names[a.index] < names[b.index]
            }
    }

    /// The longest common subsequence's length.
    static func commonLength(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        guard !x.isEmpty, !y.isEmpty else { return 0 }
        var previous = Array(repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            var current = Array(repeating: 0, count: y.count + 1)
            for j in 1...y.count {
                current[j] = x[i - 1] == y[j - 1] ? previous[j - 1] + 1 : max(previous[j], current[j - 1])
            }
            previous = current
        }
        return previous[y.count]
    }

    /// 2023年禁毒工作经费 → 禁毒; 辅警工作经费 → 辅警.
    static func stem(_ name: String) -> String {
        var s = ReaderText.key(name)
        s = s.replacingOccurrences(of: #"\d{4}年度?"#, with: "", options: .regularExpression)
        for word in genericWords { s = s.replacingOccurrences(of: word, with: "") }
        return s.isEmpty ? ReaderText.key(name) : s
    }

    /// Levenshtein distance over characters.
    static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty || y.isEmpty { return max(x.count, y.count) }
        var previous = Array(0...y.count)
        for i in 1...x.count {
            var current = [i] + Array(repeating: 0, count: y.count)
            for j in 1...y.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[y.count]
    }
}
