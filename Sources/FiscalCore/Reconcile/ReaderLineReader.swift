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
    /// `占年初预算74261万元` after a figure: the budget it is measured against (its claim, metric
    /// and scope; metric empty when no ledger figure), for the rate `的77.1%` after it.
    var completionBase: (claim: Int, metric: String, scope: String)?
    /// `年初批复预算8个项目985万元`: the metric the count's label named, for the amount of those
    /// projects right after it (its own label only 项目).
    var countMetric: (claim: Int, metric: String)?
    /// The sentence compares with this year's budget (与2020年度预算相比，增加1.5万元，增长10.14%).
    var comparingBudget = false
    /// The sentence gives the reasons for a change against last year (…增加98.26万元，主要原因是…).
    var givingReasons = false
    /// The 三公 category a count of the sentence named (国内公务接待16批次…，共计支出7.8万元): what
    /// its total is about.
    var countSubject: ReaderScope?
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
    /// What the section the line is in is about (收入, 三公, 政府采购 …), if its heading says.
    var section: String?
    /// The year the report is about, if known.
    var reportYear: Int?
    /// The year the report is about, or else the year its title names: what `比2021年预算` is
    /// compared against (a budget of an earlier year is last year's, not this year's).
    var titleYear: Int?
    /// What the paragraph's changes are measured against, once it has said so.
    var comparisonBase: ComparisonBase?
    /// The figure that ended the previous sentence, when nothing came after it: what a sentence
    /// opening with 其中 breaks down (…预算合计32.6万元。其中:…).
    var previousFigure: (claim: Int, scope: ReaderScope?)?

    enum ComparisonBase { case priorYear, budget, executionReport }
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
            sentence.comparingBudget = false
            sentence.lastChange = nil
            sentence.otherYear = nil
            return
        }
        reading.sentenceCount += 1
        previousFigure = sentence.lastMoney.flatMap { $0 == reading.claims.count - 1 ? ($0, sentence.lastMoneyScope) : nil }
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
            if let end, end > prevEnd,
               Self.comparisonBase(String(normalized[prevEnd..<end])) == .executionReport {
                // 与2021年执行数相比，有以下变化。一是收入增加…: a sentence with no figure sets the base.
                comparisonBase = .executionReport
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
        if sentence.lastMoney == nil, sentence.moneyClaims.isEmpty, let previous = previousFigure,
           previous.claim == reading.claims.count - 1 {
            sentence.wholeScope = previous.scope ?? sentence.subject
            sentence.wholeClaim = previous.claim
        }
        if let whole = sentence.wholeClaim {
            reading.groups.append(ReaderClaimGroup(kind: .parts, whole: whole))
            sentence.partsGroup = reading.groups.count - 1
        }
        if sentence.wholeScope?.kind == "project" { sentence.projectList = true }
    }
}
