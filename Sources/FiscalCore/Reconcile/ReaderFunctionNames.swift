/// 支出功能分类 names by code: the official ones the reader knows, and those a report's own
/// tables print (`2080501 行政单位离退休 252.74 …`). A 决算 names each item twice — as a table
/// row and in its prose (`社会保障和就业支出(类)行政事业单位离退休(款)归口管理的行政单位离退休(项)`) —
/// and no name table covers every 款 and 项, so the report's own rows are the first authority.
struct ReaderFunctionNames: Sendable {
    /// code → the name's key (no quotes, brackets or spaces).
    private(set) var names: [String: String]

    /// What the reader knows without a report: the classes (with the names of older editions)
    /// and the 款/项 in ``known``.
    /// The 款 and 项 names the reader matches in reports — its own list, kept as it was tuned on
    /// the corpus (a longer list, like Domain/Codes/function.tsv, maps fewer corpus figures); some
    /// of these are not in that sourced table. A reading aid only: no command accepts or names a
    /// code because of them.
    static let known: [String: String] = [
        "201": "一般公共服务支出", "202": "外交支出", "203": "国防支出", "204": "公共安全支出",
        "205": "教育支出", "206": "科学技术支出", "207": "文化旅游体育与传媒支出", "208": "社会保障和就业支出",
        "210": "卫生健康支出", "211": "节能环保支出", "212": "城乡社区支出", "213": "农林水支出",
        "214": "交通运输支出", "215": "资源勘探工业信息等支出", "216": "商业服务业等支出",
        "220": "自然资源海洋气象等支出", "221": "住房保障支出", "222": "粮油物资储备支出",
        "224": "灾害防治及应急管理支出", "229": "其他支出",
        "20402": "公安", "2040201": "行政运行", "2040202": "一般行政管理事务", "2040203": "机关服务",
        "2040219": "信息化建设", "2040220": "执法办案", "2040221": "特别业务", "2040222": "特勤业务",
        "2040223": "移民管理", "2040250": "事业运行", "2040299": "其他公安支出",
        "20805": "行政事业单位养老支出", "2080505": "机关事业单位基本养老保险缴费支出",
        "2080506": "机关事业单位职业年金缴费支出", "21011": "行政事业单位医疗",
        "2101101": "行政单位医疗", "22102": "住房改革支出", "2210201": "住房公积金",
    ]

    static let official: ReaderFunctionNames = {
        var names: [String: String] = [:]
        for (code, name) in ReaderFunctionNames.known { names[code] = ReaderText.key(name) }
        for (code, name) in ReaderScopeNames.functionClasses { names[code] = ReaderText.key(name) }
        return ReaderFunctionNames(names: names)
    }()

    /// The official names, with every `CODE NAME` row of the text added (the report's own
    /// wording wins over the official name of the same code).
    static func learning(from lines: [[Character]]) -> ReaderFunctionNames {
        var table = official
        /// A line of text only (no digit), as a wrapped name's piece is: nil otherwise.
        func textOnly(_ index: Int, limit: Int) -> String? {
            guard lines.indices.contains(index) else { return nil }
            let key = ReaderText.key(String(ReaderText.normalize(lines[index])))
            guard !key.isEmpty, key.count <= limit, !key.contains(where: { ReaderText.isDigit($0) || "|,。;:".contains($0) }) else { return nil }
            return key
        }
        for (index, line) in lines.enumerated() {
            let n = ReaderText.normalize(line)
            var i = 0
            while i < n.count, ReaderText.isSpace(n[i]) { i += 1 }
            let start = i
            while i < n.count, ReaderText.isDigit(n[i]) { i += 1 }
            guard [3, 5, 7].contains(i - start), i < n.count, ReaderText.isSpace(n[i]) else { continue }
            let code = String(n[start..<i])
            while i < n.count, ReaderText.isSpace(n[i]) { i += 1 }
            let nameStart = i
            while i < n.count, !ReaderText.isSpace(n[i]), !ReaderText.isDigit(n[i]) { i += 1 }
            var name = ReaderText.key(String(n[nameStart..<i]))
            // A name the table wrapped around its row: 其他文化旅游体育与传媒⏎2079999 66.55⏎支出.
            if let before = textOnly(index - 1, limit: 20), let after = textOnly(index + 1, limit: 8) {
                name = before + name + after
            } else if name.isEmpty, let before = textOnly(index - 1, limit: 20) {
                name = before
            }
            if name.count >= 2 { table.names[code] = name }
        }
        return table
    }

    /// The class a `(类)` title names: `一般公共服务`, `文化体育与传媒支出` …
    func classCode(_ title: String) -> String? { child(of: "", length: 3, named: title) }

    /// The code of `length` digits under `prefix` whose name is `title`: the same name, else
    /// the only one whose name and the title contain one another (归口管理的行政单位离退休 →
    /// 行政单位离退休). `nil` when none or several fit.
    func child(of prefix: String, length: Int, named title: String) -> String? {
        var key = ReaderText.key(title)
        if key.hasSuffix("支出"), key.count > 4, length == 3 { key.removeLast(2) }
        guard key.count >= 2 else { return nil }
        let candidates = names.filter { $0.key.count == length && $0.key.hasPrefix(prefix) }
        if let same = candidates.first(where: { $0.value == key || $0.value == key + "支出" }) { return same.key }
        let close = candidates.filter { $0.value.contains(key) || key.contains($0.value) }
        if close.count == 1 { return close.first!.key }
        guard close.isEmpty, length > 3 else { return nil }
        // 其他社区城乡管理事务支出 for 其他城乡社区管理事务支出: the one clearly closest name.
        let scored = candidates.map { (code: $0.key, distance: ReaderProjectMatcher.distance(key, $0.value)) }
            .sorted { $0.distance < $1.distance }
        guard let best = scored.first, best.distance * 3 <= key.count,
              scored.count == 1 || scored[1].distance > best.distance + 1 else { return nil }
        return best.code
    }

    /// A 项 the title places under the wrong 款 (`司法(款)其他公共安全支出(项)` is 2049999, under 20499):
    /// the only code of the class with exactly that name.
    func item(inClass classCode: String, named title: String) -> String? {
        let key = ReaderText.key(title)
        let same = names.filter { $0.key.count == 7 && $0.key.hasPrefix(classCode) && $0.value == key }
        return same.count == 1 ? same.first!.key : nil
    }
}
