import Foundation

/// Paired values: `收、支总计各是A,B万元`, `基本支出和项目支出均为N万元` — several labels, their values
/// in the same order (or one value for all).
extension ReaderLineReader {
    // MARK: Paired values: 收、支总计各是A,B万元; 基本支出和项目支出均为N万元

    struct PairItem { var raw: String; var norm: String; var token: ReaderNumberToken }

    func pairGroup(at k: Int, clause: Range<Int>) -> (items: [PairItem], next: Int, end: Int, tokens: [ReaderNumberToken])? {
        var hi = clause.upperBound
        while hi > clause.lowerBound, normalized[hi - 1].isWhitespace { hi -= 1 }
        let text = String(normalized[clause.lowerBound..<hi])
        guard let marker = Self.pairMarkers.first(where: { text.hasSuffix($0) }) else { return nil }
        var lo = clause.lowerBound
        let labelEnd = hi - marker.count
        while lo < labelEnd, normalized[lo].isWhitespace || ReaderText.isQuoteOrBracket(normalized[lo]) { lo += 1 }
        if let c = ReaderLabelMap.leadingConnectors.first(where: { String(normalized[lo..<labelEnd]).hasPrefix($0) }) {
            lo += c.count
        }
        var digits = lo
        while digits < labelEnd, ReaderText.isDigit(normalized[digits]) { digits += 1 }
        if digits - lo == 4, digits < labelEnd, normalized[digits] == "年" {
            lo = digits + 1
            if lo < labelEnd, normalized[lo] == "度" { lo += 1 }
        }
        var ranges = split(lo..<labelEnd, on: ["、"])
        if ranges.count < 2 { ranges = split(lo..<labelEnd, on: ["以及", "和", "与", "及"]) }
        guard ranges.count >= 2, ranges.allSatisfy({ !$0.isEmpty }) else { return nil }

        var toks = tokens
        var values = collectValues(toks, from: k, count: ranges.count)
        let respective = ["分别是", "分别为", "分别", "各是", "各为"].contains(marker)
        if values?.count != ranges.count, respective, tokens[k...].contains(where: \.grouped) {
            // 各是100,200万元: the comma separates two values, it does not group thousands.
            let rescanned = ReaderNumberScanner(normalized: normalized, original: original, allowGrouping: false)
                .scan(tokens[k].start..<normalized.count)
            if let split = collectValues(rescanned, from: 0, count: ranges.count), split.count == ranges.count {
                let end = split.last!.end
                toks = Array(tokens[..<k]) + rescanned.filter { $0.start < end } + tokens[k...].filter { $0.start >= end }
                values = split
            }
        }
        guard var values, !values.isEmpty else { return nil }
        if values.count != ranges.count {
            guard marker.first != "分" else { return nil }
            values = [values[0]]
        }
        let labels = pairLabels(ranges)
        let items = labels.indices.map { i in
            PairItem(raw: labels[i].raw, norm: labels[i].norm, token: values[values.count == 1 ? 0 : i])
        }
        return (items, k + values.count, values.last!.end, toks)
    }

    /// The labels of `收、支总计` (收总计, 支总计), `财政拨款收、支总计`, `收入、支出总计`: a shared
    /// prefix and suffix around stems of one or two characters, when the parts alone say nothing.
    func pairLabels(_ ranges: [Range<Int>]) -> [(raw: String, norm: String)] {
        /// A label the reader knows; a label it builds must leave no word unexplained.
        func understood(_ label: String, built: Bool = false) -> Bool {
            // 收入、支出总计: a bare 收入 or 支出 is the stem of a shared suffix, not a label.
            guard ReaderText.key(label).count > 2 else { return false }
            let analysed = ReaderLabelMap.analyse(label, rate: false)
            return (analysed.metric != nil || !analysed.scope.isEmpty) && (!built || analysed.residue.isEmpty)
        }
        let plain = ranges.map { (raw: String(original[$0]), norm: String(normalized[$0])) }
        if plain.allSatisfy({ understood($0.norm) }) { return plain }
        let first = ranges.first!, last = ranges.last!
        for length in 1...2 where first.count >= length && last.count >= length
            && ranges.dropFirst().dropLast().allSatisfy({ $0.count == length }) {
            let prefix = first.lowerBound..<(first.upperBound - length)
            let suffix = (last.lowerBound + length)..<last.upperBound
            guard !prefix.isEmpty || !suffix.isEmpty else { continue }
            let stems = [(first.upperBound - length)..<first.upperBound] + ranges.dropFirst().dropLast()
                + [last.lowerBound..<(last.lowerBound + length)]
            let labels = stems.map { stem in
                (raw: String(original[prefix]) + String(original[stem]) + String(original[suffix]),
                 norm: String(normalized[prefix]) + String(normalized[stem]) + String(normalized[suffix]))
            }
            if labels.allSatisfy({ understood($0.norm, built: true) }) { return labels }
        }
        return plain
    }

    func split(_ range: Range<Int>, on separators: [String]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = range.lowerBound
        var i = range.lowerBound
        while i < range.upperBound {
            if let sep = separators.first(where: { sep in
                i + sep.count <= range.upperBound && String(normalized[i..<(i + sep.count)]) == sep
            }) {
                result.append(start..<i)
                i += sep.count
                start = i
            } else {
                i += 1
            }
        }
        result.append(start..<range.upperBound)
        return result
    }

    /// The values that follow one another with only separators between them; a value without a
    /// unit takes the unit of the next one (`A,B万元`).
    func collectValues(_ toks: [ReaderNumberToken], from k: Int, count: Int) -> [ReaderNumberToken]? {
        func isValue(_ t: ReaderNumberToken) -> Bool {
            switch t.kind {
            case .money, .percent, .bare: return true
            default: return false
            }
        }
        guard k < toks.count, isValue(toks[k]) else { return nil }
        var values = [toks[k]]
        var j = k
        while values.count < count, j + 1 < toks.count, isValue(toks[j + 1]),
              values.last!.end <= toks[j + 1].start,
              normalized[values.last!.end..<toks[j + 1].start].allSatisfy({ "、,和与及以 ".contains($0) }) {
            values.append(toks[j + 1])
            j += 1
        }
        var kind: ReaderNumberToken.Kind?
        for i in values.indices.reversed() {
            if values[i].kind == .bare {
                guard let kind else { return nil }
                values[i].kind = kind
            } else {
                kind = values[i].kind
            }
        }
        return values
    }
}
