import Foundation

/// One number found in a line of (normalised) report text, with what follows it.
struct ReaderNumberToken: Equatable {
    enum Kind: Equatable {
        /// An amount in 万元 (also `万` alone, and 亿元 read as 万元) or 元.
        case money(ClaimUnit)
        case percent
        /// 个百分点: a difference of rates.
        case percentPoints
        /// 个 or 项: maybe a count of projects.
        case count
        /// 人, 辆, 批次 …: never a ledger figure. The associated value is the unit as written.
        case nonLedger(String)
        /// No unit: kept only to pair with a later unit (`收、支总计各是A,B万元`).
        case bare
    }

    var start: Int
    /// Just after the last digit.
    var numberEnd: Int
    /// Just after the unit.
    var end: Int
    var hundredths: Int64
    var decimals: Int
    var kind: Kind
    var note: String?
    var grouped = false
    /// 个 or 项, for a `.count`.
    var countWord: String?

    func value(_ unit: ClaimUnit) -> StatedValue {
        var word: String?
        switch kind {
        case .nonLedger(let written): word = written
        case .count: word = countWord
        default: break
        }
        return StatedValue(hundredths: hundredths, decimals: decimals, unit: unit, countWord: word)
    }
}

/// Finds the numbers of a line. What it drops, on purpose, and never returns:
/// dates and durations (2023年, 3月, 29日, 2023年度, 3个月, 5天), document numbers (文号:
/// `[2010]3号`, `〔2023〕12号`), outline numbering (`1、`, `1.`, `(1)`, a lone table 序号),
/// references (表1-1, 第3季度), ranges (`1-12`) and identifiers (`_Toc5806`, `5G`).
/// Thousands separators are ASCII commas between groups of exactly three digits (or full-width
/// commas between full-width digits): a `，` after half-width digits is a list separator.
struct ReaderNumberScanner {
    var normalized: [Character]
    var original: [Character]
    var allowGrouping = true

    static let dropUnits = ["个工作日", "个月", "季度", "年度", "小时", "年", "月", "日", "号", "时", "天", "周"]
    static let nonLedgerUnits = [
        "人次", "批次", "平方米", "公里", "人", "名", "辆", "户", "件", "起", "台", "套", "家", "所", "处",
        "条", "份", "场", "期", "篇", "本", "架", "艘", "亩", "吨", "米", "分", "岁", "张", "册", "座",
        "间", "位", "头", "只", "棵", "株", "宗", "笔", "倍", "次", "支", "辆次", "kg", "页",
    ]

    func scan() -> [ReaderNumberToken] { scan(0..<normalized.count) }

    func scan(_ range: Range<Int>) -> [ReaderNumberToken] {
        let n = normalized
        var tokens: [ReaderNumberToken] = []
        var i = range.lowerBound
        let hi = range.upperBound
        while i < hi {
            guard ReaderText.isDigit(n[i]) else { i += 1; continue }
            if i > 0, ReaderText.isASCIILetter(n[i - 1]) || n[i - 1] == "_" {
                while i < hi, ReaderText.isDigit(n[i]) || ReaderText.isASCIILetter(n[i]) || n[i] == "_" { i += 1 }
                continue
            }
            let (token, next) = read(at: i, hi: hi)
            if let token { tokens.append(token) }
            i = max(next, i + 1)
        }
        return tokens
    }

    private func hasPrefix(_ word: String, at i: Int, hi: Int) -> Bool {
        let w = Array(word)
        guard i + w.count <= hi else { return false }
        return Array(normalized[i..<(i + w.count)]) == w
    }

    private func isFullWidthDigit(_ c: Character) -> Bool {
        guard let s = c.unicodeScalars.first else { return false }
        return (0xFF10...0xFF19).contains(s.value)
    }

    private func read(at i: Int, hi: Int) -> (ReaderNumberToken?, Int) {
        let n = normalized
        var start = i
        var negative = false
        if i > 0, n[i - 1] == "-", i < 2 || !(ReaderText.isDigit(n[i - 2]) || ReaderText.isASCIILetter(n[i - 2])) {
            negative = true
            start = i - 1
        }
        var j = i
        while j < hi, ReaderText.isDigit(n[j]) { j += 1 }
        var intDigits = String(n[i..<j])
        var grouped = false
        if allowGrouping, j - i <= 3 {
            while j + 3 < hi, n[j] == ",",
                  original[j] == "," || (original[j] == "，" && isFullWidthDigit(original[j - 1])),
                  (1...3).allSatisfy({ ReaderText.isDigit(n[j + $0]) }),
                  j + 4 >= hi || !ReaderText.isDigit(n[j + 4]) {
                intDigits += String(n[(j + 1)...(j + 3)])
                j += 4
                grouped = true
            }
        }
        var fraction = ""
        if j + 1 < hi, n[j] == ".", ReaderText.isDigit(n[j + 1]) {
            var k = j + 1
            while k < hi, ReaderText.isDigit(n[k]) { k += 1 }
            fraction = String(n[(j + 1)..<k])
            j = k
        }
        let numberEnd = j
        var before = start - 1
        while before >= 0, ReaderText.isSpace(n[before]) { before -= 1 }
        let prev: Character? = before >= 0 ? n[before] : nil
        let atLineStart = before < 0
        var u = j
        while u < hi, ReaderText.isSpace(n[u]) { u += 1 }

        // References, ranges, document numbers, identifiers, numbering: not figures.
        if let prev, "第表图".contains(prev) { return (nil, numberEnd) }
        if prev == "[" || (numberEnd < hi && n[numberEnd] == "]") { return (nil, numberEnd) }
        if u + 1 < hi, n[u] == "-" || n[u] == "~", ReaderText.isDigit(n[u + 1]) {
            var k = u + 1
            while k < hi, ReaderText.isDigit(n[k]) || n[k] == "." { k += 1 }
            return (nil, k)
        }
        if u < hi, ReaderText.isASCIILetter(n[u]) { return (nil, u) }
        if fraction.isEmpty, u == j, u < hi {
            if atLineStart, n[u] == "." || n[u] == "、" { return (nil, u + 1) }
            if prev == "(", n[u] == ")" { return (nil, u + 1) }
        }
        if fraction.isEmpty, atLineStart, u >= hi { return (nil, u) }   // a lone table 序号

        guard intDigits.count <= 15 else { return (nil, numberEnd) }
        var hundredths = (Int64(intDigits) ?? 0) * 100
        var decimals = fraction.count
        var note: String?
        if fraction.count > 0 {
            let f = Array(fraction)
            let two = String(f.prefix(2)) + (f.count == 1 ? "0" : "")
            hundredths += Int64(two) ?? 0
            if f.count > 2 {
                if let d = f[2].wholeNumberValue, d >= 5 { hundredths += 1 }
                decimals = 2
                note = "rounded from \(f.count) decimals"
            }
        }
        if negative { hundredths = -hundredths }
        var token = ReaderNumberToken(start: start, numberEnd: numberEnd, end: numberEnd, hundredths: hundredths,
                                      decimals: decimals, kind: .bare, note: note, grouped: grouped)

        // Approximate figures: 100余万元, 20多人.
        var w = u
        if w < hi, "余多".contains(n[w]) {
            w += 1
            token.note = "approximate figure"
        }
        func finish(_ kind: ReaderNumberToken.Kind, _ length: Int) -> (ReaderNumberToken?, Int) {
            token.kind = kind
            token.end = w + length
            return (token, w + length)
        }
        if hasPrefix("%", at: w, hi: hi) { return finish(.percent, 1) }
        if hasPrefix("个百分点", at: w, hi: hi) { return finish(.percentPoints, 4) }
        if hasPrefix("百分点", at: w, hi: hi) { return finish(.percentPoints, 3) }
        if hasPrefix("亿", at: w, hi: hi) {
            token.hundredths *= 10_000
            token.decimals = 0
            token.note = (token.note.map { $0 + "; " } ?? "") + "written in 亿元"
            return finish(.money(.wan), hasPrefix("亿元", at: w, hi: hi) ? 2 : 1)
        }
        if hasPrefix("万元", at: w, hi: hi) { return finish(.money(.wan), 2) }
        if hasPrefix("万", at: w, hi: hi) {
            for unit in Self.nonLedgerUnits where hasPrefix(unit, at: w + 1, hi: hi) {
                return finish(.nonLedger("万" + unit), 1 + unit.count)
            }
            return finish(.money(.wan), 1)
        }
        if hasPrefix("元", at: w, hi: hi) { return finish(.money(.yuan), 1) }
        for unit in Self.dropUnits where hasPrefix(unit, at: w, hi: hi) { return (nil, w + unit.count) }
        if hasPrefix("个", at: w, hi: hi) || hasPrefix("项", at: w, hi: hi) {
            token.countWord = String(n[w])
            return finish(.count, 1)
        }
        for unit in Self.nonLedgerUnits where hasPrefix(unit, at: w, hi: hi) {
            return finish(.nonLedger(unit), unit.count)
        }
        token.note = note
        return (token, numberEnd)
    }
}
