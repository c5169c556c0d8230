/// 部门预算支出经济分类: 类 (3 digits) or 款 (5 digits), e.g. 302 商品和服务支出, 30217 公务接待费.
public struct EconomicCode: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let code: String

    public init?(_ text: String) {
        guard text.count == 3 || text.count == 5, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        code = text
    }

    public var description: String { code }
    public var classCode: String { String(code.prefix(3)) }
    public var name: String? { EconomicCode.names[code] }
    public static func < (a: EconomicCode, b: EconomicCode) -> Bool { a.code < b.code }

    /// Names of the classes and 款 in common use, so reports can show and match them.
    public static let names: [String: String] = [
        "301": "工资福利支出", "30101": "基本工资", "30102": "津贴补贴", "30103": "奖金",
        "30106": "伙食补助费", "30107": "绩效工资", "30108": "机关事业单位基本养老保险缴费",
        "30109": "职业年金缴费", "30110": "职工基本医疗保险缴费", "30112": "其他社会保障缴费",
        "30113": "住房公积金", "30199": "其他工资福利支出",
        "302": "商品和服务支出", "30201": "办公费", "30202": "印刷费", "30205": "水费", "30206": "电费",
        "30207": "邮电费", "30209": "物业管理费", "30211": "差旅费", "30212": "因公出国（境）费用",
        "30213": "维修（护）费", "30215": "会议费", "30216": "培训费", "30217": "公务接待费",
        "30218": "专用材料费", "30226": "劳务费", "30227": "委托业务费", "30228": "工会经费",
        "30229": "福利费", "30231": "公务用车运行维护费", "30239": "其他交通费用", "30299": "其他商品和服务支出",
        "303": "对个人和家庭的补助", "30301": "离休费", "30302": "退休费", "30305": "生活补助",
        "30307": "医疗费补助", "30309": "奖励金", "30399": "其他对个人和家庭的补助",
        "310": "资本性支出", "31002": "办公设备购置", "31003": "专用设备购置", "31007": "信息网络及软件购置更新",
        "31013": "公务用车购置", "31099": "其他资本性支出",
    ]

    /// The 三公 economic codes (因公出国（境）费, 公务用车购置及运行维护费, 公务接待费).
    public static let sangong: [String] = ["30212", "31013", "30231", "30217"]
}

/// 支出功能分类: 类 (3 digits), 款 (5) or 项 (7), e.g. 204 公共安全支出, 2040201 行政运行.
public struct FunctionCode: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let code: String

    public init?(_ text: String) {
        guard [3, 5, 7].contains(text.count), text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        code = text
    }

    public var description: String { code }
    public var classCode: String { String(code.prefix(3)) }
    public var name: String? { FunctionCode.names[code] }
    public static func < (a: FunctionCode, b: FunctionCode) -> Bool { a.code < b.code }

    public static let names: [String: String] = [
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
}
