import Foundation

/// Finds the book's project a report's label names: exactly, then normalised (quotes, brackets
/// and whitespace stripped, 黒 → 黑, full-width → half-width), then by unique containment
/// (the label contains exactly one name, or exactly one name contains the label).
struct ReaderProjectMatcher: Sendable {
    let names: [String]
    let keys: [String]

    init(_ names: [String]) {
        self.names = names
        self.keys = names.map(ReaderText.key)
    }

    var isEmpty: Bool { names.isEmpty }

    /// Exact or normalised match only.
    func exact(_ label: String) -> String? {
        let trimmed = label.readerTrimmed()
        if let name = names.first(where: { $0 == trimmed }) { return name }
        let key = ReaderText.key(label)
        guard !key.isEmpty else { return nil }
        return keys.firstIndex(of: key).map { names[$0] }
    }

    /// A unique containment match. Labels of fewer than two characters never match.
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
        guard key.count >= 3 else { return nil }
        let holding = keys.indices.filter { keys[$0].contains(key) }
        return holding.count == 1 ? names[holding[0]] : nil
    }
}
