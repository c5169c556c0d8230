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

    /// Names of the official classes and 款 (Codes/econ-department.tsv).
    public static let names: [String: String] = CodeTable.economic.names

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

    /// Names of the official codes fiscal knows (Codes/function.tsv; incomplete below the classes).
    public static let names: [String: String] = CodeTable.function.names
}
