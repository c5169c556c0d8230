import Foundation

/// What a label says, taken apart: the dimensions it names, the metric word it uses, and what is
/// left (a project's name, or words the reader does not know).
struct ReaderLabel: Equatable {
    /// The label normalised for matching (no quotes, brackets, whitespace, (类)/(款)/(项) markers).
    var key: String
    var scope = ReaderScope()
    /// The metric its words name, from the money table or the rate table.
    var metric: String?
    /// The label without its metric word and leading date: a project's name.
    var core: String
    /// What is left after names, metric words and filler words: empty when the label is understood.
    var residue: String
    /// 较上年 / 上年 / 同比 (but not 上年结转).
    var priorYear = false
    /// The label names a 5-digit function 款 item's 项 (行政运行 …): the 2 digits to append.
    var functionItem: String?
    /// A second metric the label's words can mean (收入合计: income_total or income).
    var alternative: String?
    /// The label is a function title with its (类) marker: `公共安全(类)公安(款)行政运行(项)`.
    var titlesFunction = false
    /// The title names a 项 under a 款 it is not in: what the self-check shows as a hint.
    var misplaced: String?
}

enum ReaderLabelMap {
    /// Metric words of amounts, longest first (`vocabulary.tsv`, table `money`).
    static let moneyWords: [(String, String)] = sortedWords(ReaderVocabulary.tables.money.map { ($0.words, $0.metric) })

    /// Metric words of rates, longest first (table `rate`). 节约率 and 完成预算 become 三公 metrics
    /// in a 三公 scope.
    static let rateWords: [(String, String)] = sortedWords(ReaderVocabulary.tables.rate.map { ($0.words, $0.metric) })

    /// Words that can mean a second metric, by word.
    static let alternatives: [String: String] = {
        var m: [String: String] = [:]
        for w in ReaderVocabulary.tables.money + ReaderVocabulary.tables.rate { if let alt = w.alternative { m[w.words] = alt } }
        return m
    }()

    /// Words that say nothing about what a figure is, dropped before deciding a label is understood.
    static let fillers: [String] = [
        "财政拨款", "本年度", "本部门", "我单位", "本级", "本单位", "本年", "当年", "全年", "年度", "年中", "整体", "部门",
        "我局", "单位", "全局", "全市", "其中", "实际", "累计", "全部", "资金", "经费", "情况", "金额",
        "共", "总", "的", "为", "是", "有", "达", "约", "计", "了", "均", "各", "及", "和", "与",
        "较", "已", "其", "数", "额", "|",
    ].sorted { $0.count > $1.count }

    /// Words a label starts with that are not part of it (其中, 分别是 …), longest first.
    static let leadingConnectors: [String] = [
        "其中", "分别是", "分别为", "主要包括", "包括", "主要是", "主要为", "具体为", "以及", "即", "如",
        "和", "及", "与", "另有", "此外", "另外", "另",
    ].sorted { $0.count > $1.count }
    /// Words a label ends with that are not part of it (为, 是, 达到 …), longest first.
    static let trailingCopulas: [String] = [
        "达到", "分别为", "分别是", "各是", "各为", "均为", "均是", "都是", "都为",
        "为", "是", "达", "有", "各", "均", "分别",
    ].sorted { $0.count > $1.count }

    static func sortedWords(_ words: [(String, String)]) -> [(String, String)] {
        words.sorted { $0.0.count > $1.0.count }
    }

    /// Takes a label apart. `rate` chooses the rate table over the money table.
    static func analyse(_ label: String, rate: Bool, functions: ReaderFunctionNames = .official) -> ReaderLabel {
        var text = String(ReaderText.normalize(Array(label)))
        var functionCode: String?
        var titlesFunction = false
        var misplacedNote: String?
        if let parsed = functionMarkers(text, functions) {
            functionCode = parsed.code
            titlesFunction = true
            misplacedNote = parsed.misplaced
            text = parsed.rest
        }
        for marker in ["(类)", "(款)", "(项)", "(万元)", "(元)", "(%)", "(个)"] { text = text.replacingOccurrences(of: marker, with: "") }
        let key = ReaderText.key(text)
        var result = ReaderLabel(key: key, core: key, residue: "")
        result.titlesFunction = titlesFunction
        result.misplaced = misplacedNote
        var work = key

        if let (dim, value) = ReaderScopeNames.exact[key] {
            result.scope[dim] = value
            work = ""
        }
        for name in ReaderScopeNames.contained where work.contains(name.name) {
            if result.scope[name.dimension] == nil { result.scope[name.dimension] = name.value }
            work = work.replacingOccurrences(of: name.name, with: "|")
        }
        let words = rate ? rateWords : moneyWords
        if let (word, metric) = words.first(where: { work.contains($0.0) }) {
            result.metric = metric
            result.alternative = alternatives[word]
            work = work.replacingOccurrences(of: word, with: "|")
            if key.hasSuffix(word) { result.core = String(key.dropLast(word.count)) }
            else if key.hasPrefix(word) { result.core = String(key.dropFirst(word.count)) }
        }
        if !rate, result.metric == nil, result.scope.source != nil { result.metric = ClaimMetric.income }
        if key.contains("财政拨款"), result.scope.fund == nil, result.scope.sangong == nil,
           [ClaimMetric.income, ClaimMetric.incomeTotal, ClaimMetric.expenseTotal].contains(result.metric) {
            // 财政拨款收入, 财政拨款收入支出总计: the fiscal funds together, whichever budget.
            result.scope.source = "fiscal"
        }
        result.core = stripLeadingDate(result.core)
        if result.metric != ClaimMetric.carryIn,
           ["上年", "去年", "同比", "上一年"].contains(where: { key.contains($0) }) {
            result.priorYear = true
        }
        // 上海市…街道办事处 2025 年度收入支出总计: the department's name before the year says nothing.
        if let year = work.range(of: #"\d{4}年度?"#, options: .regularExpression), year.lowerBound > work.startIndex {
            work = String(work[year.lowerBound...])
        }
        var residue = stripLeadingDate(work)
        residue = residue.replacingOccurrences(of: #"\d{4}年度?|\d{1,2}月(份)?"#, with: "", options: .regularExpression)
        for filler in fillers { residue = residue.replacingOccurrences(of: filler, with: "") }
        if ["局", "厅", "委", "院", "办"].contains(where: { residue.hasSuffix($0) }) { residue = "" }
        if let functionCode {
            // An unknown 款 or 项 is a part of its class the reader cannot name: not understood.
            if functionCode.isEmpty { residue += "?" } else { result.scope.function = functionCode }
        }
        if result.scope.isEmpty, let (dim, value) = ReaderScopeNames.exact[residue] {
            result.scope[dim] = value
            residue = ""
        }
        if result.scope.isEmpty, let item = ReaderScopeNames.functionItems[residue] {
            result.functionItem = item
            residue = ""
        }
        result.residue = residue
        return result
    }

    /// `公共安全(类)公安(款)行政运行(项)支出` → (2040201, the text without the function name).
    /// The code is "" when a 款 or 项 is not one `functions` knows.
    static func functionMarkers(_ text: String, _ functions: ReaderFunctionNames = .official)
        -> (code: String, rest: String, misplaced: String?)? {
        guard let classEnd = text.range(of: "(类)") else { return nil }
        var misplaced: String?
        let before = String(text[..<classEnd.lowerBound])
        // The report's own class names, and every edition's official ones (文化体育与传媒支出 is 207).
        let named = functions.names.filter { $0.key.count == 3 }.map { ($0.key, $0.value) }
            + ReaderScopeNames.functionClasses.map { ($0.0, ReaderText.key($0.1)) }
        let classes = named.flatMap { code, name in
            [(code, name)] + (name.hasSuffix("支出") ? [(code, String(name.dropLast(2)))] : [])
        }
        guard let (classCode, name) = classes.filter({ before.hasSuffix($0.1) }).max(by: { $0.1.count < $1.1.count })
        else { return nil }
        var code = classCode
        let rest = String(before.dropLast(name.count))
        var after = String(text[classEnd.upperBound...])
        if let end = after.range(of: "(款)") {
            let name = ReaderText.key(String(after[..<end.lowerBound]))
            code = functions.child(of: code, length: 5, named: name) ?? ""
            after = String(after[end.upperBound...])
            if let end = after.range(of: "(项)") {
                let name = ReaderText.key(String(after[..<end.lowerBound]))
                if code.count == 5, let item = functions.child(of: code, length: 7, named: name)
                    ?? ReaderScopeNames.functionItems[name].map({ code + $0 }) {
                    code = item
                } else if let item = functions.item(inClass: classCode, named: name) {
                    misplaced = "function title: \(name) is \(item), not under \(code.isEmpty ? "the 款 the title names" : code)"
                    code = item
                } else {
                    code = ""
                }
                after = String(after[end.upperBound...])
            }
        }
        if after.hasPrefix("支出") { after.removeFirst(2) }
        return (code, rest + after, misplaced)
    }

    static func stripLeadingDate(_ s: String) -> String {
        s.replacingOccurrences(of: #"^(截至|截止)?\d{4}年(度|末|底)?(\d{1,2}月(份|末|底)?)?"#, with: "", options: .regularExpression)
    }

    /// The label as a report would want it shown: trimmed, without 其中/分别是 before it and
    /// 为/是 after it.
    static func displayLabel(_ raw: String) -> String {
        var s = raw.readerTrimmed()
        var changed = true
        while changed {
            changed = false
            let n = String(ReaderText.normalize(Array(s)))
            if let c = leadingConnectors.first(where: { n.hasPrefix($0) && n.count > $0.count }) {
                s = String(s.dropFirst(c.count)).readerTrimmed()
                changed = true
            } else if n.hasPrefix("加上"), n.count > 3 {
                // A balance's 加上级补助收入…, 加上年结余收入…: plus, then the item.
                s = String(s.dropFirst()).readerTrimmed()
                changed = true
            } else if let c = trailingCopulas.first(where: { n.hasSuffix($0) && n.count > $0.count }) {
                s = String(s.dropLast(c.count)).readerTrimmed()
                changed = true
            }
        }
        return s
    }

    /// The metric of a figure in a 三公 scope.
    static func sangongMetric(_ metric: String?, rate: Bool) -> String {
        if rate {
            switch metric {
            case ClaimMetric.sangongSavingRate: return ClaimMetric.sangongSavingRate
            case ClaimMetric.rateExecution, ClaimMetric.rateCompletionAdjusted, ClaimMetric.rateCompletionInitial:
                return ClaimMetric.sangongCompletionRate
            default: return ""
            }
        }
        switch metric {
        case ClaimMetric.sangongSaving: return ClaimMetric.sangongSaving
        case ClaimMetric.budgetInitial, ClaimMetric.budgetCurrent, ClaimMetric.budgetTotal: return ClaimMetric.sangongBudget
        case nil, ClaimMetric.paid, ClaimMetric.expenseTotal: return ClaimMetric.sangongActual
        default: return ""
        }
    }
}
