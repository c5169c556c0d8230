import Foundation

/// From a figure and its label to a claim: the metric and scope, in the light of the sentence
/// (its subject, 其中, 较上年, 占) and the section.
extension ReaderLineReader {
    /// `segment` is the text since the previous figure, within the sentence.
    mutating func emit(raw: String, norm: String, token: ReaderNumberToken, segment: String) {
        figureStart = token.start
        let label = ReaderLabelMap.displayLabel(raw)
        let normLabel = ReaderLabelMap.displayLabel(norm)
        switch token.kind {
        case .bare:
            return
        case .nonLedger(let unit):
            let named = ReaderLabelMap.analyse(normLabel, rate: false, functions: functions).scope
            if named.sangong != nil, named.project == nil { sentence.countSubject = named }
            let what = ["人", "名", "人次", "万人"].contains(unit) ? "people" : unit
            append(label, "", "", token.value(.count), note: "non-ledger: \(what)")
        case .count:
            let analysed = ReaderLabelMap.analyse(normLabel, rate: false, functions: functions)
            // 纳入财政专项预算的项目15个 — but not 绩效自评的项目48个, 评级为"优"的项目 …
            let performance = ["绩效", "评价", "评级", "自评", "整改", "问题"].contains { analysed.key.contains($0) }
            // 年初批复预算8个项目, 含1个年初结转结余项目: the noun may follow the count word.
            let after = String(normalized[min(token.end, normalized.count)...].prefix { !ReaderText.isDigit($0) && !",;。()、".contains($0) })
            let projectsAfter = after.hasPrefix("项目") || after.hasSuffix("项目")
            if analysed.scope.sangong != nil, analysed.scope.project == nil { sentence.countSubject = analysed.scope }
            guard analysed.key.contains("项目") || projectsAfter, !performance else {
                append(label, "", "", token.value(.count), note: "non-ledger: count")
                return
            }
            var scope = ReaderScope()
            scope.kind = analysed.scope.kind ?? "project"
            let index = append(label, ClaimMetric.countProjects, scope.text, token.value(.count), note: token.note)
            if projectsAfter, let metric = analysed.metric, metric != ReaderVocabulary.nonLedger { sentence.countMetric = (index, metric) }
            sentence.projectList = true
            reading.groups.append(ReaderClaimGroup(kind: .countedList, whole: index))
            sentence.countGroup = reading.groups.count - 1
        case .percentPoints:
            let analysed = ReaderLabelMap.analyse(normLabel, rate: true, functions: functions)
            if analysed.priorYear || sentence.comparing {
                sentence.comparing = true
                append(label, ClaimMetric.priorYear, (sentence.subject ?? context).text, token.value(.percent),
                       note: "prior-year comparison (percentage points)")
            } else {
                append(label, "", "", token.value(.percent), note: "percentage points")
            }
        case .money(let unit):
            mapFigure(label: label, normLabel: normLabel, value: token.value(unit), rate: false, note: token.note,
                      segment: segment)
        case .percent:
            mapFigure(label: label, normLabel: normLabel, value: token.value(.percent), rate: true, note: token.note,
                      segment: segment)
        }
    }

    /// A label left after its metric words that only says "projects" (项目, 后项目, 的项目).
    static func namesNoProject(_ core: String) -> Bool {
        let key = ReaderText.key(core)
        return key.contains("项目") && key.replacingOccurrences(of: "项目", with: "").replacingOccurrences(of: "预算", with: "")
            .allSatisfy { "后的共等各个".contains($0) }
    }

    private var isProjectList: Bool {
        sentence.projectList || context.kind == "project" || sentence.wholeScope?.kind == "project"
    }

    /// An unmapped figure: the sentence's next figures cannot lean on it.
    mutating func appendUnmapped(_ label: String, _ value: StatedValue, note: String) {
        append(label, "", "", value, note: note)
        sentence.subject = nil
        sentence.subjectUnmapped = true
        sentence.lastMoney = nil
        sentence.lastMoneyScope = nil
    }

    private mutating func mapFigure(label: String, normLabel: String, value: StatedValue, rate: Bool, note: String?,
                                    segment: String) {
        let analysed = ReaderLabelMap.analyse(normLabel, rate: rate, functions: functions)
        if note?.contains("approximate") == true || Self.isApproximate(analysed.key) {
            appendUnmapped(label, value, note: "approximate figure")
            return
        }

        // 较上年增加N万元，增长N%; 与上年相比，收、支总计各增加N万元: about last year, not in this year's book.
        if let year = Self.leadingYear(analysed.key), let reportYear, year != reportYear {
            sentence.otherYear = year
        }
        if let other = sentence.otherYear {
            if other < (reportYear ?? other) {
                append(label, ClaimMetric.priorYear, (sentence.subject ?? context).text, value, note: "figure of \(other)")
            } else {
                appendUnmapped(label, value, note: "figure of \(other)")
            }
            return
        }
        // 完成支出57271万元，占年初预算74261万元的77.1%: the budget the figure is measured against,
        // then the completion rate; an income's budget is no ledger figure, nor its rate.
        if !rate, analysed.key.hasPrefix("占"), let last = sentence.lastMoney {
            let base = ReaderLabelMap.analyse(String(analysed.key.dropFirst()), rate: false, functions: functions)
            let budgets = [ClaimMetric.budgetInitial, ClaimMetric.budgetCurrent, ClaimMetric.budgetTotal]
            if let metric = base.metric, budgets.contains(metric), base.residue.isEmpty, base.scope.isEmpty {
                let figure = reading.claims[last]
                if figure.metric == ClaimMetric.paid {
                    let index = append(label, metric, figure.scope, value, note: note)
                    sentence.completionBase = (index, metric, figure.scope)
                    return
                }
                if figure.metric == ClaimMetric.income || figure.metric == ClaimMetric.incomeTotal {
                    let index = append(label, "", "", value, note: "non-ledger: income budget")
                    sentence.completionBase = (index, "", "")
                    return
                }
            }
        }
        if rate, let base = sentence.completionBase, base.claim == reading.claims.count - 1,
           analysed.key.isEmpty || analysed.key == "的" {
            let metric = [ClaimMetric.budgetInitial: ClaimMetric.rateCompletionInitial,
                          ClaimMetric.budgetCurrent: ClaimMetric.rateCompletionAdjusted,
                          ClaimMetric.budgetTotal: ClaimMetric.rateExecution][base.metric]
            if let metric {
                append(label, metric, base.scope, value, note: note)
            } else {
                append(label, "", "", value, note: "non-ledger: rate of an income budget")
            }
            sentence.completionBase = nil
            return
        }
        if rate, Self.changeWords.contains(analysed.key), let last = sentence.lastMoney, last == reading.claims.count - 1,
           reading.claims[last].metric == ClaimMetric.sangongSaving {
            // 较年初预算数减少10.93万元，下降54.65%: the saving's rate against the budget.
            append(label, ClaimMetric.sangongSavingRate, reading.claims[last].scope, value, note: note)
            return
        }
        if let base = Self.comparisonBase(segment, year: titleYear) { comparisonBase = base }
        let isChange = Self.changeEnds.contains { analysed.key.hasSuffix($0) } && analysed.metric != ClaimMetric.sangongSaving
        if isChange, comparisonBase == .executionReport {
            // 与2020年执行数相比…增加10亿元: the 决算 against the figures reported in the year.
            appendUnmapped(label, value, note: "change against the execution report")
            return
        }
        let ownBase = Self.comparisonBase(segment, year: titleYear)
        if isChange, ownBase == .budget || (sentence.comparingBudget && ownBase == nil && !analysed.priorYear) {
            sentence.comparingBudget = true
            // 公务接待费决算数比预算数减少9.69万元: a 三公 saving; against any other budget, no metric.
            let scope = analysed.scope.within(sentence.subject ?? context)
            let decrease = ["减少", "下降", "降低"].contains { analysed.key.hasSuffix($0) }
            if !rate, decrease, scope.sangong != nil {
                var saving = scope
                saving.fund = nil
                let index = append(label, ClaimMetric.sangongSaving, saving.text, value, note: note)
                sentence.lastMoney = index
            } else {
                appendUnmapped(label, value, note: "change against the budget")
            }
            return
        }
        // 收支较上年增加98.26万元，主要原因是一般公共预算财政拨款收入减少60.04万元，政府性基金预算
        // 拨款收入0万元…: the reasons for a change are changes too, an income or spending item's
        // amount with no change word included (a carry-over is stated as it stands).
        if sentence.comparing, segment.contains("原因") { sentence.givingReasons = true }
        let reasonForChange = sentence.givingReasons && !rate
            && [nil, ClaimMetric.income, ClaimMetric.paid].contains(analysed.metric)
        // 较2024年的2190万元, 比上年的…: the level of the year compared with, not this year's.
        let otherYearLevel = analysed.key.range(of: #"^(较|比|与)(\d{4}年度?|上年度?|去年)的?$"#, options: .regularExpression) != nil
        let comparedBefore = analysed.metric != ClaimMetric.carryIn
            && Self.comparisonBase(segment, year: titleYear) == .priorYear
            && !segment.contains("上年结转") && !segment.contains("上年结余")
            && Self.changeWords.contains { analysed.key.contains($0) }
        if analysed.priorYear || comparedBefore || isChange || otherYearLevel
            || (sentence.comparing && (analysed.key.isEmpty || Self.changeWords.contains(analysed.key)))
            || reasonForChange {
            sentence.comparing = true
            let index = append(label, ClaimMetric.priorYear, (sentence.subject ?? context).text, value,
                               note: "prior-year comparison")
            if rate {
                if let change = sentence.lastChange, let current = change.current {
                    reading.changes.append(ReaderChange(rate: index, change: change.claim, current: current,
                                                        decrease: change.decrease))
                }
            } else if !analysed.key.hasPrefix("上年"), !analysed.key.hasPrefix("去年") {
                let decrease = ["减", "降", "少"].contains { analysed.key.contains($0) && !analysed.key.hasSuffix("增加") }
                sentence.lastChange = (index, sentence.lastMoney ?? currentFigure(of: analysed), decrease)
            }
            return
        }
        sentence.comparing = false

        // 占年初预算的N%, 占预算的N%: a completion rate, not a share of anything.
        if rate, let zhan = normLabel.lastIndex(of: "占"), !normLabel[zhan...].contains("预算") {
            mapShare(label: label, part: String(normLabel[..<zhan]),
                     whole: String(normLabel[normLabel.index(after: zhan)...]), value: value)
            return
        }

        if analysed.key.isEmpty || analysed.key == "为", !rate, let last = reading.claims.last, last.line == line,
           Self.changeEnds.contains(where: { ReaderText.key(last.label).hasSuffix($0) }) {
            // 结转下年减少133万元，为115,055万元: the level the change left, of what changed.
            let changed = ReaderLabelMap.analyse(String(ReaderText.key(last.label).dropLast(2)), rate: false, functions: functions)
            if let metric = changed.metric, metric != ReaderVocabulary.nonLedger {
                append(label, metric, changed.scope.within(context).text, value, note: note)
                return
            }
        }
        if analysed.metric == ReaderVocabulary.nonLedger {
            // 财政总收入, 一般公共预算总收入: revenue collected for higher levels too, no ledger figure.
            appendUnmapped(label, value, note: "non-ledger: " + analysed.key)
            return
        }
        if !rate, let section, ReaderVocabulary.nonLedgerSections.contains(section), analysed.scope.isEmpty {
            // 政府采购金额, 机关运行经费, 国有资产, 预算绩效管理's 涉及预算金额: not a ledger figure.
            appendUnmapped(label, value, note: "non-ledger: " + section)
            return
        }
        let isTotal = Self.totalWords.contains(analysed.key)
        var own = analysed.scope
        // Category terms (人员经费, 基本支出, 一般公共预算 …) before project names: a book's project
        // called 人员经费 does not take the personnel figure, unless the officer said so.
        let categoryTerm = !analysed.scope.isEmpty && analysed.residue.isEmpty
        if let name = matcher.alias(normLabel)
            ?? (categoryTerm ? nil : matcher.exact(normLabel) ?? (analysed.core.isEmpty ? nil : matcher.exact(analysed.core))) {
            own = ReaderScope()
            own.project = name
        } else if own.isEmpty, let item = analysed.functionItem,
                  let function = (sentence.subject ?? context).function, function.count == 5 {
            own.function = function + item
        } else if own.isEmpty, !analysed.residue.isEmpty {
            let core = analysed.core.isEmpty ? analysed.key : analysed.core
            if let name = matcher.containing(core) {
                own.project = name
            } else if isProjectList, !rate, !analysed.titlesFunction {
                // 项目, 调整预算后项目预算: the word for projects, not a project's name.
                if Self.namesNoProject(core) { own.kind = "project" } else { own.project = ReaderText.key(core) }
            } else {
                if analysed.titlesFunction {
                    // A 功能分类 title the reader cannot place: what its item says next is about it too.
                    itemSubject = nil
                    itemUnmapped = true
                }
                appendUnmapped(label, value, note: "unmapped label")
                return
            }
        }
        // 调入资金18300万元，收入合计514601万元: a total closes the list, whatever its items were.
        let totalLike = isTotal || ["合计", "总计"].contains { analysed.key.hasSuffix($0) }
        // …上解支出33067万元、年终结余4558万元: an item after 、 that names its own metric is a new
        // subject, not more of the unknown one before it.
        let newItem = segment.hasPrefix("、") && analysed.metric != nil && analysed.metric != ReaderVocabulary.nonLedger
        if own.isEmpty, !totalLike, sentence.subjectUnmapped, !newItem {
            // 某某年初预算为A万元，支出决算为B万元: B is about the same unknown subject.
            appendUnmapped(label, value, note: "unmapped label")
            return
        }

        var scope: ReaderScope
        if isTotal {
            var projects = ReaderScope()
            projects.kind = "project"
            var sangong = ReaderScope()
            sangong.sangong = "all"
            let allSangong = !sentence.moneyClaims.isEmpty
                && sentence.moneyClaims.allSatisfy { reading.claims[$0].scope.hasPrefix("sangong:") }
            scope = (sentence.partsMode ? sentence.wholeScope : nil)
                ?? (allSangong ? sangong : sentence.projectList ? projects.within(context) : sentence.countSubject ?? context)
        } else if own.isEmpty {
            let sameAspect = !rate && sentence.subjectMetric == (analysed.metric ?? ClaimMetric.paid)
            // 年初结转结余, 年末结转结余 stand on their own: not about the fund a figure before named.
            let standalone = [ClaimMetric.carryIn, ClaimMetric.carryOut].contains(analysed.metric) && sentence.subject != itemSubject
            let subject = sameAspect || standalone ? nil : sentence.subject
            // 国内公务接待16批次，800人次，共计支出7.8万元: the total of what the counts named.
            let counted = ["共计", "合计", "总计"].contains { analysed.key.hasPrefix($0) } ? sentence.countSubject : nil
            scope = subject ?? (sentence.partsMode ? sentence.wholeScope : nil) ?? counted ?? context
        } else {
            let outer = sentence.partsMode ? (sentence.wholeScope ?? context) : context
            scope = own.within(outer).within(context)
            // 全县一般公共预算支出136027万元…。一是…教育支出完成41128万元: a function's figure in a
            // paragraph about one fund's spending is that fund's.
            if scope.fund == nil, scope.function != nil, own.fund == nil, let topic, let fund = topic.scope.fund,
               reading.claims[topic.claim].metric == ClaimMetric.paid {
                scope.fund = fund
            }
        }
        // 三公经费 are counted across funds (by their economic codes), whatever fund a heading names.
        if scope.sangong != nil { scope.fund = nil }

        var metric: String
        if scope.sangong != nil {
            metric = ReaderLabelMap.sangongMetric(analysed.metric, rate: rate)
            // 三公经费预算为20万元,其中:公务接待费9万元 — the parts of a budget are budgets.
            let whole = sentence.partsMode ? (sentence.wholeClaim ?? listWhole) : listWhole
            if metric == ClaimMetric.sangongActual, !analysed.key.contains("决算"),
               let whole, reading.claims[whole].metric == ClaimMetric.sangongBudget {
                metric = ClaimMetric.sangongBudget
            }
            // 2022年本部门财政拨款安排“三公”经费502.4万元,比上年…。其中:因公出国(境)费0万元…: in a
            // paragraph about a 三公 budget that states no 决算, the categories are budgets too.
            if metric == ClaimMetric.sangongActual, !analysed.key.contains("决算"), !analysed.key.contains("支出"),
               let topic, reading.claims[topic.claim].metric == ClaimMetric.sangongBudget,
               !normalized.contains("决"), !normalized.contains("实际"),
               !reading.claims[topic.claim...].contains(where: { $0.metric == ClaimMetric.sangongActual }) {
                metric = ClaimMetric.sangongBudget
            }
        } else if rate {
            metric = analysed.metric == ClaimMetric.sangongSavingRate ? "" : analysed.metric ?? ""
        } else {
            let counted = sentence.countMetric.flatMap { $0.claim == reading.claims.count - 1 ? $0.metric : nil }
            metric = analysed.metric == ClaimMetric.sangongSaving ? "" : analysed.metric ?? inheritedMetric ?? counted ?? ClaimMetric.paid
        }
        if rate, metric.hasPrefix("rate."), let last = sentence.lastMoney, reading.claims[last].metric == ClaimMetric.income {
            // 一般公共预算收入完成34069万元，占预算的21.1%: income against its budget, no ledger rate.
            appendUnmapped(label, value, note: "income completion rate")
            return
        }
        guard !metric.isEmpty else {
            appendUnmapped(label, value, note: "unmapped label")
            return
        }
        let index = append(label, metric, scope.text, value, note: analysed.misplaced ?? note)
        if metric == analysed.metric { reading.claims[index].alternative = analysed.alternative }
        if analysed.titlesFunction, scope.function != nil, !rate {
            // `1.“…(类)…(款)…(项)”20.04万元，主要用于…。年初预算为77.59万元…`: the item's later
            // sentences are about the item its title names.
            itemSubject = scope
            itemUnmapped = false
        }
        if !own.isEmpty, !isTotal {
            sentence.subjectUnmapped = false
            sentence.subject = scope
            // 上级补助收入44万元,上年结余140万元: a source of income is an item of a list, never
            // what the next figures are about.
            if let source = scope.source, source != "fiscal" { sentence.subject?.source = nil }
            sentence.subjectMetric = metric == ClaimMetric.sangongActual ? ClaimMetric.paid : metric
            sentence.subjectClaim = rate ? nil : index
        }
        guard !rate else { return }
        // 财政拨款收入8,312.40万元(其中:一般公共预算7,990.15万元,…),占收入合计98.87%: a figure in
        // brackets breaks down the figure before the bracket; it is no part of the outer list, and
        // a share after the bracket is the outer figure's.
        let depth = bracketDepth(at: figureStart)
        if depth > sentence.partsDepth { return }
        // …(其中:抗疫特别国债7691万元),收入合计192496万元: out of the bracket, its list is over.
        if depth < sentence.partsDepth { sentence.partsGroup = nil }
        if isTotal {
            let parts = sentence.moneyClaims.filter { $0 != sentence.wholeClaim }
            if !parts.isEmpty { reading.groups.append(ReaderClaimGroup(kind: .total, whole: index, parts: parts)) }
        } else {
            if let g = sentence.partsGroup {
                // 其中…污水处理费收入68万元；完成政府性基金支出4093万元: spending after a list of
                // income (or the reverse) ends the list; it is no part of it.
                let income: Set = [ClaimMetric.income, ClaimMetric.incomeTotal]
                let spending: Set = [ClaimMetric.paid, ClaimMetric.expenseTotal]
                let whole = reading.claims[reading.groups[g].whole].metric, own = reading.claims[index].metric
                if income.contains(whole) && spending.contains(own) || spending.contains(whole) && income.contains(own) {
                    sentence.partsGroup = nil
                } else {
                    reading.groups[g].parts.append(index)
                }
            }
            if let g = sentence.countGroup, scope.project != nil { reading.groups[g].parts.append(index) }
            if listItemPending, let g = listGroup {
                reading.groups[g].parts.append(index)
            }
        }
        listItemPending = false
        if reading.claims.count - 1 == index, firstMoney == nil {
            firstMoney = index
            if scope.project == nil, scope.sangong == nil || scope.sangong == "all" { topic = (scope, index) }
        }
        sentence.lastMoney = index
        sentence.lastMoneyScope = scope
        sentence.moneyClaims.append(index)
    }

    @discardableResult
    mutating func append(_ label: String, _ metric: String, _ scope: String, _ value: StatedValue, note: String?) -> Int {
        reading.claims.append(Claim(label: label, metric: metric, scope: scope, value: value, line: line, note: note))
        reading.sentences.append(sentence.id)
        return reading.claims.count - 1
    }
}
