import Foundation

/// The clause grammar's smaller rules: what a clause compares with, the year it dates a figure
/// to, brackets, the metric a part takes from its whole, and shares (占 WHOLE 的 N%).
extension ReaderLineReader {
    /// The metric a part without a metric word takes from what it is a part of: 本年收入合计…，其中：
    /// 财政拨款收入…（其中：一般公共预算7,990.15万元…）— income, not spending.
    var inheritedMetric: String? {
        let inBracket = bracketDepth(at: figureStart) > sentence.partsDepth
        guard let whole = inBracket ? sentence.lastMoney : (sentence.partsMode ? sentence.wholeClaim ?? listWhole : nil) else {
            return nil
        }
        let metric = reading.claims[whole].metric
        let inheritable = [ClaimMetric.income, ClaimMetric.budgetInitial, ClaimMetric.budgetCurrent, ClaimMetric.budgetTotal,
                           ClaimMetric.carryIn, ClaimMetric.carryOut]
        return inheritable.contains(metric) ? metric : nil
    }

    /// This year's figure a change names (`一般公共预算财政拨款支出减少929.49万元` after
    /// `一般公共预算财政拨款支出20218.21万元。`): the latest claim of the last few lines with the
    /// change label's scope, when the sentence itself has none.
    func currentFigure(of analysed: ReaderLabel) -> Int? {
        guard !analysed.scope.isEmpty else { return nil }
        let scope = analysed.scope.within(context)
        let wanted = scope.sangong != nil ? ClaimMetric.sangongActual : (analysed.metric ?? ClaimMetric.paid)
        return reading.claims.indices.reversed().prefix(12).first { i in
            let c = reading.claims[i]
            return c.line >= paragraph.firstLine - 15 && c.metric == wanted && c.scope == scope.text
        }
    }

    /// How many brackets are open at `offset` in the paragraph.
    func bracketDepth(at offset: Int) -> Int {
        var depth = 0
        for c in normalized[..<min(offset, normalized.count)] {
            if c == "(" { depth += 1 } else if c == ")", depth > 0 { depth -= 1 }
        }
        return depth
    }

    /// `2021年度…` → 2021: the year a label dates its figure to.
    static func leadingYear(_ key: String) -> Int? {
        // (与)2019年相比增加…: the year compared with, not the year of the figure.
        guard !key.contains("相比"), key.range(of: #"^\d{4}年度?(比|同期)"#, options: .regularExpression) == nil,
              let r = key.range(of: #"^\d{4}(?=年)"#, options: .regularExpression) else { return nil }
        return Int(key[r])
    }

    /// What a clause compares with: last year (上年, 同比, 与2024年度相比, 较2021年度), this year's
    /// budget (决算数比预算数, 与2021年度预算相比) or the execution report (与…执行数相比).
    static func comparisonBase(_ segment: String, year: Int? = nil) -> ComparisonBase? {
        if segment.contains("执行数"), segment.contains("相比") || segment.contains("比") { return .executionReport }
        // 比上年预算减少, 比2021年预算减少 in a report on 2022: last year's budget, a prior-year change.
        if segment.range(of: #"(比|较|与)(上年|上年度|去年|上一年|上一年度)的?预算"#, options: .regularExpression) != nil {
            return .priorYear
        }
        if let year, let r = segment.range(of: #"(比|较|与)\s*\d{4}\s*年度?的?预算"#, options: .regularExpression),
           let other = Int(segment[r].filter(\.isNumber)), other < year {
            return .priorYear
        }
        // 决算数比预算数减少, 与2021年度预算相比: against this year's budget, not last year.
        if segment.range(of: #"(比|较|与)[^,;。]{0,8}预算"#, options: .regularExpression) != nil { return .budget }
        if ["上年", "去年", "同比", "上一年"].contains(where: { segment.contains($0) }) { return .priorYear }
        if segment.range(of: #"(与|比|较)\s*\d{4}\s*年"#, options: .regularExpression) != nil { return .priorYear }
        return nil
    }

    /// `工资福利支出占基本支出的76.01%`, or `…万元，占76.01%` after the part's own figure.
    mutating func mapShare(label: String, part: String, whole: String, value: StatedValue) {
        var partScope: ReaderScope
        var partClaim: Int?
        if ReaderLabelMap.displayLabel(part).isEmpty {
            if sentence.lastMoney == nil, sentence.subjectUnmapped {
                append(label, "", "", value, note: "unmapped label")
                return
            }
            partClaim = sentence.lastMoney
            partScope = sentence.lastMoneyScope ?? sentence.subject ?? context
        } else {
            let analysed = ReaderLabelMap.analyse(part, rate: false, functions: functions)
            partScope = analysed.scope
            if let name = matcher.exact(part) ?? matcher.containing(analysed.core) {
                partScope = ReaderScope()
                partScope.project = name
            }
            partScope = partScope.isEmpty ? (sentence.subject ?? context) : partScope.within(context)
        }
        var wholeText = whole
        for end in ["的比重", "的比例", "比重", "比例", "的", "为"] where wholeText.hasSuffix(end) {
            wholeText = String(wholeText.dropLast(end.count))
        }
        var wholeScope = ReaderScope()
        if wholeText.isEmpty {
            // 其中:A a万元,占N%: A's share of what the 其中 list is a part of.
            wholeScope = sentence.partsMode ? (sentence.wholeScope ?? context) : context
        } else if let name = matcher.exact(wholeText) {
            wholeScope.project = name
        } else {
            let analysed = ReaderLabelMap.analyse(wholeText, rate: false, functions: functions)
            if !analysed.scope.isEmpty { wholeScope = analysed.scope.within(context) }
        }
        // 占收入合计N%, or a share after an income figure: a share of income, not of spending.
        let partMetric = partClaim.map { reading.claims[$0].metric }
            ?? ReaderLabelMap.analyse(part, rate: false, functions: functions).metric
        let ofIncome = partMetric == ClaimMetric.income || (whole.contains("收入") && !whole.contains("支出"))
        if let part = partScope.sangong, part != "all", wholeScope.isEmpty {
            // 其中公务接待费20.10万元，占88.86%: a 三公 category's share is of the 三公 total.
            wholeScope.sangong = "all"
        }
        if partScope.sangong != nil || wholeScope.sangong != nil {
            // 三公 shares, like 三公 figures, are counted by economic code across funds.
            partScope.fund = nil
            wholeScope.fund = nil
        }
        let index = append(label, ofIncome ? ClaimMetric.shareIncome : ClaimMetric.share,
                           partScope.text + "|" + wholeScope.text, value, note: nil)
        if let partClaim { reading.shareParts[index] = partClaim }
    }
}
