import Foundation

/// Character-level normalisation of report text, one character for one character, so that a
/// position in the normalised text is the same position in the text as written (labels are cut
/// from the original, everything else is read from the normalised copy).
///
/// - full-width ASCII (U+FF01…U+FF5E: `，：；（）％０-９．`) → ASCII; ideographic, no-break and
///   other wide spaces → space;
/// - curly and corner quotes → `"`/`'`; 〔〕【】 → `[` `]`; `−` (minus sign) → `-`;
/// - variant characters that creep in when text is copied out of a filed document
///   (黒 → 黑, 経 → 经, 費 → 费 …).
enum ReaderText {
    static let variants: [Character: Character] = [
        "黒": "黑", "経": "经", "収": "收", "関": "关", "発": "发",
        "総": "总", "増": "增", "険": "险", "単": "单", "円": "元",
        // Traditional characters of the finance vocabulary (reports copied through mirror sites).
        "萬": "万", "億": "亿", "預": "预", "決": "决", "經": "经", "費": "费", "國": "国", "務": "务", "車": "车", "購": "购",
        "運": "运", "維": "维", "護": "护", "減": "减", "與": "与", "開": "开", "單": "单", "計": "计", "總": "总", "額": "额",
        "餘": "余", "結": "结", "轉": "转", "撥": "拨", "財": "财", "權": "权", "會": "会", "區": "区", "縣": "县", "鎮": "镇",
        "醫": "医", "療": "疗", "衛": "卫", "業": "业", "產": "产", "設": "设", "備": "备", "實": "实", "際": "际", "對": "对",
        "於": "于", "為": "为", "這": "这", "個": "个", "數": "数", "達": "达", "較": "较", "長": "长", "項": "项", "類": "类",
        "資": "资", "門": "门", "補": "补", "貼": "贴", "專": "专", "辦": "办", "廳": "厅", "職": "职", "員": "员", "標": "标",
        "準": "准", "應": "应", "據": "据", "規": "规", "劃": "划", "議": "议", "負": "负", "債": "债", "舊": "旧", "證": "证",
        "現": "现", "後": "后", "來": "来", "當": "当", "時": "时", "間": "间", "進": "进", "還": "还", "過": "过", "關": "关",
        "發": "发", "體": "体", "傳": "传", "場": "场", "廣": "广", "電": "电", "視": "视", "調": "调", "劑": "剂", "歸": "归",
        "濟": "济", "學": "学", "聯": "联", "統": "统", "報": "报", "處": "处", "繳": "缴", "續": "续", "養": "养", "險": "险",
        "鄉": "乡", "農": "农", "種": "种", "營": "营", "銷": "销", "貨": "货", "採": "采", "驗": "验", "檢": "检", "測": "测",
        "質": "质", "監": "监", "審": "审", "頁": "页", "圖": "图", "書": "书", "館": "馆", "樂": "乐", "兒": "儿", "婦": "妇",
        "隊": "队", "級": "级", "獎": "奖", "勵": "励", "擔": "担", "貸": "贷", "機": "机", "構": "构", "無": "无", "變": "变",
        "兌": "兑", "從": "从", "紅": "红", "節": "节", "約": "约", "佔": "占", "協": "协", "團": "团", "組": "组", "織": "织",
        "說": "说", "況": "况", "內": "内", "嚴": "严", "壓": "压", "託": "托",
    ]

    static func normalize(_ c: Character) -> Character {
        if let v = variants[c] { return v }
        guard c.unicodeScalars.count == 1, let s = c.unicodeScalars.first else { return c }
        switch s.value {
        case 0xFF01...0xFF5E: return Character(Unicode.Scalar(s.value - 0xFEE0)!)
        case 0x3000, 0x00A0, 0x2000...0x200A, 0x202F: return " "
        case 0x201C, 0x201D, 0x300C, 0x300D, 0x300E, 0x300F: return "\""
        case 0x2018, 0x2019: return "'"
        case 0x3014, 0x3010: return "["
        case 0x3015, 0x3011: return "]"
        case 0x2212, 0x2013, 0x2014: return "-"
        default: return c
        }
    }

    static func normalize(_ chars: [Character]) -> [Character] { chars.map { normalize($0) } }

    /// Normalises a name for matching: characters normalised, then quotes, brackets and
    /// whitespace removed. `“扫黒专项经费”` → `扫黑专项经费`.
    static func key(_ s: String) -> String {
        String(normalize(Array(s)).filter { !isQuoteOrBracket($0) && !$0.isWhitespace })
    }

    static func isQuoteOrBracket(_ c: Character) -> Bool {
        "\"'()[]<>《》〈〉「」『』".contains(c)
    }

    /// The lines of a text, split on any newline (`\r\n` is one), 1-based by position. Pinyin a
    /// mirror site inserted after characters (`經(jīng)費(fèi)`) is taken out first.
    static func lines(_ text: String) -> [[Character]] {
        let plain = text.replacingOccurrences(of: #"(?<=\p{Han})\([a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]{1,7}\)"#, with: "",
                                              options: .regularExpression)
        return plain.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map { Array($0) }
    }

    static func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }
    static func isASCIILetter(_ c: Character) -> Bool { c.isASCII && c.isLetter }
    static func isSpace(_ c: Character) -> Bool { c == " " || c == "\t" }

    /// Sentence ends: 。; ! ?
    static func isSentenceEnd(_ c: Character) -> Bool { "。;!?".contains(c) }
    /// Clause separators inside a sentence (after normalisation).
    static func isClauseSeparator(_ c: Character) -> Bool { ",;:。!?".contains(c) }

    static let chineseNumerals: Set<Character> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "零", "〇"]

    /// The outline level of a line's leading marker and where the text after it starts:
    /// `第一部分` 0, `一、` 1, `(一)` 2, `1.` and `1、` 3, `(1)` 4, `①` 5. `nil` for no marker.
    static func outlineMarker(_ line: [Character]) -> (level: Int, textStart: Int)? {
        var i = 0
        while i < line.count, line[i].isWhitespace { i += 1 }
        guard i < line.count else { return nil }
        func run(_ from: Int, _ pred: (Character) -> Bool) -> Int {
            var j = from
            while j < line.count, pred(line[j]) { j += 1 }
            return j
        }
        let c = line[i]
        if c == "第" {
            let j = run(i + 1) { chineseNumerals.contains($0) || isDigit($0) }
            if j > i + 1, j < line.count, "部章节".contains(line[j]) { return (0, j + 1) }
            return nil
        }
        if chineseNumerals.contains(c) {
            let j = run(i, { chineseNumerals.contains($0) })
            if j < line.count, "、.".contains(line[j]) { return (1, j + 1) }
            return nil
        }
        if isDigit(c) {
            let j = run(i, isDigit)
            guard j < line.count, j - i <= 2 else { return nil }
            // 1、 numbers items inside a 一、 section (as 1. does), not sections of its own.
            if line[j] == "、" { return (3, j + 1) }
            if line[j] == ".", j + 1 >= line.count || !isDigit(line[j + 1]) { return (3, j + 1) }
            return nil
        }
        if c == "(" {
            if i + 1 < line.count, chineseNumerals.contains(line[i + 1]) {
                let j = run(i + 1, { chineseNumerals.contains($0) })
                if j < line.count, line[j] == ")" { return (2, j + 1) }
            } else if i + 1 < line.count, isDigit(line[i + 1]) {
                let j = run(i + 1, isDigit)
                if j < line.count, line[j] == ")", j - i <= 3 { return (4, j + 1) }
            }
            return nil
        }
        if let s = c.unicodeScalars.first, (0x2460...0x2473).contains(s.value) { return (5, i + 1) }
        return nil
    }
}

extension String {
    /// Trims whitespace and the separators a label can be left with at either end.
    func readerTrimmed() -> String {
        let junk = CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: ",，:：;；、。.!！?？"))
        return trimmingCharacters(in: junk)
    }
}
