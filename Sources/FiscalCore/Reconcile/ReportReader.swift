import Foundation

/// Reads the figures an annual report (部门决算 / 整体支出绩效自评报告) states, from its text.
///
/// Every amount (万元, 万, 元, 亿元), percent (`47.39%`, `47.39 %`) and count (个, 项, 人 …) is
/// read with the label before it and the section it is in, and mapped to a metric and a scope
/// (see ``Claim``). Figures that are not ledger figures (2247人, 23个 内设机构, 辆, 批次 …) come
/// back with metric `""` and a note; dates, years, document numbers (文号), outline numbering
/// and figures without a unit are not returned at all.
///
/// ```swift
/// let claims = ReportReader(projectNames: book.projectNames).read(text)
/// // 工资福利支出40971.98万元 under （一）基本支出情况 →
/// //   Claim(label: "工资福利支出", metric: "paid", scope: "kind:basic,econ:301", value: 4097198 hundredths 万元)
/// ```
///
/// Sections: a heading (`一、` `1、` `(一)` `1.` `(1)` `①` followed by a short text and no figure)
/// names a kind (基本支出 …), a function class, a fund or 三公, and the figures under it get that
/// scope, until a heading of the same or a higher level. Funds: a heading's 一般公共预算 is not
/// added (it is the ordinary body of the report); the other funds are. A numbered list under a
/// paragraph ending in `:` belongs to what the paragraph is about.
public struct ReportReader: Sendable {
    public var projectNames: [String]
    /// Labels the officer has matched to a project once (label → project name or code), from
    /// `--map FILE` (and, later, from the book): they win over every other reading of the label.
    public var aliases: [String: String]

    /// The year the report is about, when known: a figure its label dates to another year
    /// (`2021年度“三公”经费合计支出` in a report on 2022) is not this year's book's.
    public var year: Int?

    public init(projectNames: [String] = [], aliases: [String: String] = [:], year: Int? = nil) {
        self.projectNames = projectNames
        self.aliases = aliases
        self.year = year
    }

    public func read(_ text: String) -> [Claim] { analyse(text).claims }

    func analyse(_ text: String) -> ReaderReading {
        var reading = ReaderReading()
        var outline = ReaderOutline()
        // Lists under a line ending in `:`, outermost first, each with the marker level of the
        // line that opened it (-1 for a paragraph): `3、…支出7.5万元,其中:` opens one inside its list.
        var lists: [(level: Int, parent: ReaderScope, whole: Int?)] = []
        var item: (subject: ReaderScope?, unmapped: Bool)?
        let matcher = ReaderProjectMatcher(projectNames, aliases: aliases)
        let lines = ReaderText.lines(text)
        let functions = ReaderFunctionNames.learning(from: lines)
        let pipeTables = ReaderPipeTables.read(lines, year: year)
        let cellBlocks = ReaderCellBlocks.read(lines)
        let flatForms = ReaderFlatForms.read(lines, year: year)
        let flatStatements = ReaderFlatStatements.read(lines)
        let titleYear = year ?? Self.titleYear(lines)
        let tableLines = pipeTables.lines.union(cellBlocks.lines).union(flatForms.lines).union(flatStatements.lines)
        for paragraph in ReaderParagraphs.join(ordered: ReaderColumns.ordered(lines)) where !tableLines.contains(paragraph.firstLine) {
            let original = paragraph.chars
            let normalized = ReaderText.normalize(original)
            if normalized.allSatisfy(\.isWhitespace) { continue }
            let tokens = ReaderNumberScanner(normalized: normalized, original: original).scan()
            let marker = ReaderText.outlineMarker(normalized)
            if let marker, tokens.allSatisfy({ $0.kind == .bare }), normalized.count - marker.textStart <= 40 {
                let title = String(normalized[marker.textStart...])
                outline.enter(level: marker.level, text: title, functions: functions)
                lists = []
                // A heading that is a 功能分类 title the reader cannot place (…(类)…(项)。 alone on its
                // line): the paragraphs under it are about that item, so they are not mapped.
                let heading = ReaderLabelMap.analyse(title, rate: false, functions: functions)
                item = heading.titlesFunction && heading.scope.function == nil ? (nil, true) : nil
                continue
            }
            var reader = ReaderLineReader(paragraph: paragraph, original: original, normalized: normalized,
                                          tokens: tokens, context: outline.scope, matcher: matcher, functions: functions,
                                          reading: reading)
            reader.reportYear = year
            reader.titleYear = titleYear
            reader.section = outline.section
            reading = ReaderReading()   // the line reader holds the only copy while it appends
            // An item runs until the next item or heading: a paragraph the PDF broke off it (after
            // 主要用于…。) is still about what the item's title names.
            if marker == nil, let item {
                reader.itemSubject = item.subject
                reader.itemUnmapped = item.unmapped
                reader.carryItem()
            }
            if let marker, !lists.isEmpty {
                lists.removeAll { $0.level >= marker.level && $0.level >= 0 }
                if let list = lists.last { reader.startListItem(parent: list.parent, whole: list.whole) }
            } else {
                lists = []
            }
            reader.run()
            reading = reader.reading
            item = reader.itemSubject != nil || reader.itemUnmapped ? (reader.itemSubject, reader.itemUnmapped) : nil
            let trimmed = String(normalized).trimmingCharacters(in: .whitespaces)
            if trimmed.hasSuffix(":"), lists.isEmpty || marker != nil {
                let level = marker?.level ?? -1
                // The list is about what the sentence ending in `:` says, not about the figure
                // before it (…公务接待费支出0万元。具体情况如下:).
                let lastEnd = normalized.dropLast().lastIndex { ReaderText.isSentenceEnd($0) } ?? -1
                let figureInSentence = tokens.contains { $0.start > lastEnd && $0.kind != .bare }
                if !figureInSentence, let topic = reader.topic {
                    // 三公经费预算支出9.80万元，…。具体情况如下: — the paragraph's first figure, a whole;
                    // 年初预算为A万元，支出决算为B万元…。其中: — the 决算 of it, when the paragraph states one.
                    let topicClaim = reading.claims[topic.claim]
                    let spent = topicClaim.metric == ClaimMetric.budgetInitial
                        ? reading.claims.indices.dropFirst(topic.claim + 1).last {
                            reading.claims[$0].metric == ClaimMetric.paid && reading.claims[$0].scope == topicClaim.scope
                        } : nil
                    lists.append((level, topic.scope, spent ?? topic.claim))
                } else if figureInSentence, let subject = reader.sentence.subject {
                    lists.append((level, subject, reader.sentence.subjectClaim))
                } else if lists.isEmpty {
                    let about = ReaderLabelMap.analyse(String(trimmed.dropLast()), rate: false).scope
                    if !about.isEmpty { lists.append((level, about.within(outline.scope), nil)) }
                }
            }
        }
        reading.tables = ReaderCodeTables.read(lines)
        reading.tableTitles = Set(lines.compactMap { ReaderCodeTables.title(String(ReaderText.normalize($0)))?.template })
        for claim in ReaderCodeTables.claims(reading.tables) + pipeTables.claims + cellBlocks.claims + flatForms.claims + flatStatements.claims {
            reading.sentenceCount += 1
            reading.claims.append(claim)
            reading.sentences.append(reading.sentenceCount)
        }
        return reading
    }
}

extension ReportReader {
    /// The year the first lines name (`寿县司法局2022年“三公”经费预算情况` → 2022), when one of the
    /// first five non-empty lines names exactly one.
    static func titleYear(_ lines: [[Character]]) -> Int? {
        for line in lines.lazy.map({ String(ReaderText.normalize($0)) }).filter({ !$0.trimmingCharacters(in: .whitespaces).isEmpty }).prefix(5) {
            var years: [Int] = []
            var rest = line[...]
            while let r = rest.range(of: #"\d+(?=\s*年)"#, options: .regularExpression) {
                if rest[r].count == 4, let y = Int(rest[r]), (1990...2100).contains(y) { years.append(y) }
                rest = rest[r.upperBound...]
            }
            if Set(years).count == 1 { return years[0] }
        }
        return nil
    }
}

/// The claims of a text, with the structure the self-check needs.
struct ReaderReading {
    var claims: [Claim] = []
    /// The sentence each claim is in (numbered through the text).
    var sentences: [Int] = []
    var groups: [ReaderClaimGroup] = []
    /// A share claim → the claim that is its part, when the part is a figure of the sentence.
    var shareParts: [Int: Int] = [:]
    /// Prior-year rates: `增长R%` → (the change `增加D万元`, this year's figure, whether it fell).
    var changes: [ReaderChange] = []
    var sentenceCount = 0
    /// The coded 决算 tables, and every template table the text names (contents included).
    var tables: [ReaderCodeTable] = []
    var tableTitles: Set<String> = []
}

/// Figures stated as parts of another figure.
struct ReaderClaimGroup: Equatable {
    enum Kind: Equatable {
        /// `X N万元，其中A a万元，B b万元` (and a numbered list under a paragraph): parts ≤ whole.
        case parts
        /// `A a万元，B b万元，合计c万元`: parts = whole.
        case total
        /// `项目有15个，分别是…`: the number of project figures listed = the count.
        case countedList
    }

    var kind: Kind
    var whole: Int
    var parts: [Int] = []
}

struct ReaderChange: Equatable {
    var rate: Int
    var change: Int
    var current: Int
    var decrease: Bool
}

/// The headings above a line, each naming dimensions of the figures under it.
struct ReaderOutline {
    private struct Entry {
        var level: Int
        var dimension: ReaderScope.Dimension
        var value: String
        /// A heading's 一般公共预算 is the ordinary body of most reports and says nothing, except
        /// in the 决算 template's 一般公共预算财政拨款 sections and a 决算报告's 一般公共预算收支 section,
        /// which are about that fund alone.
        var counts: Bool
    }

    private var entries: [Entry] = []
    /// The classified headings above, outermost first.
    private var sections: [(level: Int, kind: String)] = []

    /// What the innermost classified heading above is about (`vocabulary.tsv`, table `section`).
    var section: String? { sections.last?.kind }

    mutating func enter(level: Int, text: String, functions: ReaderFunctionNames = .official) {
        entries.removeAll { $0.level >= level }
        sections.removeAll { $0.level >= level }
        if let kind = ReaderVocabulary.section(text) { sections.append((level, kind)) }
        let named = ReaderLabelMap.analyse(text, rate: false, functions: functions).scope
        for dimension in [ReaderScope.Dimension.fund, .function, .kind, .econ, .sangong] {
            guard let value = named[dimension] else { continue }
            entries.removeAll { $0.dimension == dimension }
            let counts = !(dimension == .fund && value == "general") || text.contains("一般公共预算财政拨款")
                || text.contains("一般公共预算收支")
                || ReaderText.key(text).trimmingCharacters(in: CharacterSet(charactersIn: "。.")) == "一般公共预算"
            entries.append(Entry(level: level, dimension: dimension, value: value, counts: counts))
        }
    }

    var scope: ReaderScope {
        var scope = ReaderScope()
        for entry in entries where entry.counts {
            scope[entry.dimension] = entry.value
        }
        return scope
    }
}
