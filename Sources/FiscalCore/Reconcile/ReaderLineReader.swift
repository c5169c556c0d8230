import Foundation

/// What the sentence being read has said so far: its subject (the scope the next figure without
/// a scope of its own is about), whether it lists parts (其中 …), compares with last year, or
/// lists projects.
struct ReaderSentenceState {
    var id: Int
    var subject: ReaderScope?
    var subjectMetric: String?
    var subjectClaim: Int?
    /// The subject is a label the reader does not know: figures about it are not mapped either.
    var subjectUnmapped = false
    var partsMode = false
    var wholeScope: ReaderScope?
    var wholeClaim: Int?
    var partsGroup: Int?
    /// The brackets open where the 其中 list began: its parts are at that depth.
    var partsDepth = 0
    var countGroup: Int?
    var projectList = false
    var comparing = false
    /// The sentence is about another year than the report's: its figures are not this book's.
    var otherYear: Int?
    var lastMoney: Int?
    var lastMoneyScope: ReaderScope?
    var lastChange: (claim: Int, current: Int?, decrease: Bool)?
    var moneyClaims: [Int] = []
}

/// Reads the figures of one line, given the sections above it.
struct ReaderLineReader {
    /// The paragraph read (lines a PDF broke, joined): each claim gets the line its figure is on.
    let paragraph: ReaderParagraph
    /// Where the figure being mapped starts.
    var figureStart = 0
    var line: Int { paragraph.line(at: figureStart) }
    let original: [Character]
    let normalized: [Character]
    var tokens: [ReaderNumberToken]
    let context: ReaderScope
    let matcher: ReaderProjectMatcher
    /// The function names the report's own tables print, with the official ones.
    let functions: ReaderFunctionNames
    var reading: ReaderReading
    var sentence: ReaderSentenceState
    var listParent: ReaderScope?
    var listGroup: Int?
    /// The figure the list this line is an item of breaks down.
    var listWhole: Int?
    /// The paragraph's first amount when it is a whole (not one 三公 category, not a project):
    /// what a `具体情况如下:` list after it breaks down.
    var topic: (scope: ReaderScope, claim: Int)?
    var firstMoney: Int?
    /// The year the report is about, if known.
    var reportYear: Int?
    /// What the paragraph's changes are measured against, once it has said so.
    var comparisonBase: ComparisonBase?

    enum ComparisonBase { case priorYear, executionReport }
    var listItemPending = false
    var itemSubject: ReaderScope?
    /// The item's title names what the reader cannot place: its figures are not mapped either.
    var itemUnmapped = false

    static let partsMarkers = ["其中", "分别是", "分别为", "主要包括", "包括", "主要用于", "具体为", "具体是"]
    static let pairMarkers = ["分别是", "分别为", "各是", "各为", "均为", "均是", "都是", "都为", "分别", "各", "均"]
    static let totalWords: Set<String> = ["合计", "共计", "小计", "总计", "合计数"]
    static let changeWords: Set<String> = [
        "增加", "减少", "增长", "下降", "上升", "降低", "增", "减", "多", "少", "持平", "增幅", "降幅",
        "增长率", "下降率", "上涨", "增加了", "减少了", "增长了", "下降了", "增减", "增长下降",
    ]
    /// A label ending in one of these is a change, never a level: `收入支出总计增加100.46万元`.
    static let changeEnds = ["增加", "减少", "增长", "下降", "上升", "降低", "增加了", "减少了", "增长了", "下降了", "持平", "增减"]
    static let approximateEnds = ["约", "近", "超过", "逾", "不足", "不到", "接近"]

    /// `约100万元`, `近百万` …: not a figure to compare (but 节约 is not 约).
    static func isApproximate(_ label: String) -> Bool {
        approximateEnds.contains { label.hasSuffix($0) } && !label.hasSuffix("节约")
    }

    init(paragraph: ReaderParagraph, original: [Character], normalized: [Character], tokens: [ReaderNumberToken],
         context: ReaderScope, matcher: ReaderProjectMatcher, functions: ReaderFunctionNames, reading: ReaderReading) {
        self.paragraph = paragraph
        self.functions = functions
        self.original = original
        self.normalized = normalized
        self.tokens = tokens
        self.context = context
        self.matcher = matcher
        self.reading = reading
        self.sentence = ReaderSentenceState(id: reading.sentenceCount + 1)
        self.reading.sentenceCount += 1
    }

    /// The paragraph goes on the item before it: its sentences start with the item's subject.
    mutating func carryItem() {
        sentence.subject = itemSubject
        sentence.subjectUnmapped = itemUnmapped
    }

    /// This line is an item of a numbered list under a paragraph about `parent` (and its figure).
    mutating func startListItem(parent: ReaderScope, whole: Int?) {
        listParent = parent
        listWhole = whole
        if let whole {
            if let g = reading.groups.firstIndex(where: { $0.kind == .parts && $0.whole == whole }) {
                listGroup = g
            } else {
                reading.groups.append(ReaderClaimGroup(kind: .parts, whole: whole))
                listGroup = reading.groups.count - 1
            }
        }
        listItemPending = true
        beginListSentence()
    }

    private mutating func beginListSentence() {
        guard let listParent else { return }
        sentence.partsMode = true
        sentence.wholeScope = listParent
        sentence.projectList = listParent.kind == "project"
    }

    /// A new sentence. After `;` (soft) a 其中 list, a project list and their figures go on.
    private mutating func newSentence(soft: Bool = false) {
        if soft {
            sentence.subject = itemSubject
            sentence.subjectMetric = nil
            sentence.subjectClaim = nil
            sentence.subjectUnmapped = itemUnmapped
            sentence.comparing = false
            sentence.lastChange = nil
            return
        }
        reading.sentenceCount += 1
        sentence = ReaderSentenceState(id: reading.sentenceCount)
        sentence.subject = itemSubject
        sentence.subjectUnmapped = itemUnmapped
        beginListSentence()
    }

    mutating func run() {
        var k = 0
        var prevEnd = ReaderText.outlineMarker(normalized)?.textStart ?? 0
        if prevEnd > 0 { takeItemTitle(from: prevEnd) }
        while k < tokens.count {
            var token = tokens[k]
            guard token.start >= prevEnd else { k += 1; continue }
            let end = (prevEnd..<token.start).last { ReaderText.isSentenceEnd(normalized[$0]) }
            let segStart = end.map { $0 + 1 } ?? prevEnd
            let clause = lastClause(segStart, token.start)
            let pair = pairGroup(at: k, clause: clause)
            if pair == nil, token.kind == .bare {
                guard let kind = unitFromLabel(clause) else { k += 1; continue }
                token.kind = kind
            }
            if end != nil {
                let hard = (prevEnd..<token.start).contains { ReaderText.isSentenceEnd(normalized[$0]) && normalized[$0] != ";" }
                newSentence(soft: !hard)
            }
            let segment = String(normalized[segStart..<token.start])
            if Self.partsMarkers.contains(where: { segment.contains($0) }) { enterParts(at: token.start) }
            if let pair {
                tokens = pair.tokens
                for item in pair.items { emit(raw: item.raw, norm: item.norm, token: item.token, segment: segment) }
                prevEnd = pair.end
                k = pair.next
                continue
            }
            emit(raw: String(original[clause]), norm: String(normalized[clause]), token: token, segment: segment)
            prevEnd = token.end
            k += 1
        }
    }

    /// `1.公共安全（类）公安（款）行政运行（项）。年初预算为…`: an item whose first sentence is a
    /// title without figures is about what the title names.
    private mutating func takeItemTitle(from start: Int) {
        // The title ends its sentence, or, when it is a function title, a `:` (…(项): 支出决算为…).
        let text = String(normalized[start...])
        let titled = text.contains("(类)") || text.contains("(项)")
        guard let end = (start..<normalized.count).first(where: {
            ReaderText.isSentenceEnd(normalized[$0]) || (titled && normalized[$0] == ":")
        }), !tokens.contains(where: { $0.start < end && $0.kind != .bare }) else { return }
        let title = ReaderLabelMap.analyse(String(normalized[start..<end]), rate: false, functions: functions)
        let named = title.scope
        if title.titlesFunction, named.function == nil {
            itemUnmapped = true
            sentence.subjectUnmapped = true
            return
        }
        guard !named.isEmpty else { return }
        itemSubject = named.within(sentence.wholeScope ?? context)
        sentence.subject = itemSubject
    }

    /// The last non-blank clause of `lo..<hi`: `X:` gives X, `其中:A` gives A, `…,较上年增加` gives 较上年增加.
    private func lastClause(_ lo: Int, _ hi: Int) -> Range<Int> {
        var end = hi
        while let sep = (lo..<end).last(where: { ReaderText.isClauseSeparator(normalized[$0]) }) {
            let range = (sep + 1)..<end
            if normalized[range].contains(where: { !$0.isWhitespace && !ReaderText.isQuoteOrBracket($0) }) { return range }
            end = sep
        }
        return lo..<end
    }

    private func unitFromLabel(_ clause: Range<Int>) -> ReaderNumberToken.Kind? {
        let text = String(normalized[clause])
        if text.contains("(万元)") || text.contains("单位:万元") { return .money(.wan) }
        if text.contains("(元)") || text.contains("单位:元") { return .money(.yuan) }
        if text.contains("(%)") { return .percent }
        return nil
    }

    /// A 其中 list starts; its first part is at `start`.
    private mutating func enterParts(at start: Int) {
        guard !sentence.partsMode else { return }
        sentence.partsMode = true
        sentence.partsDepth = bracketDepth(at: start)
        sentence.wholeScope = sentence.subject
        sentence.wholeClaim = sentence.lastMoney
        if let whole = sentence.lastMoney {
            reading.groups.append(ReaderClaimGroup(kind: .parts, whole: whole))
            sentence.partsGroup = reading.groups.count - 1
        }
        if sentence.wholeScope?.kind == "project" { sentence.projectList = true }
    }

    // MARK: Paired values: 收、支总计各是A,B万元; 基本支出和项目支出均为N万元

    private struct PairItem { var raw: String; var norm: String; var token: ReaderNumberToken }

    private func pairGroup(at k: Int, clause: Range<Int>) -> (items: [PairItem], next: Int, end: Int, tokens: [ReaderNumberToken])? {
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
    private func pairLabels(_ ranges: [Range<Int>]) -> [(raw: String, norm: String)] {
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

    private func split(_ range: Range<Int>, on separators: [String]) -> [Range<Int>] {
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
    private func collectValues(_ toks: [ReaderNumberToken], from k: Int, count: Int) -> [ReaderNumberToken]? {
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
