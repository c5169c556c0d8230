/// What a project's money is for: personnel and public-use are basic expenditure (基本支出).
public enum ProjectKind: String, CaseIterable, Sendable, Codable {
    case personnel, `public`, project

    public var isBasic: Bool { self != .project }
    public var nameZh: String {
        switch self { case .personnel: "人员经费"; case .public: "公用经费"; case .project: "项目支出" }
    }
    public var nameEn: String {
        switch self { case .personnel: "personnel"; case .public: "public use"; case .project: "project" }
    }
}

/// 资金性质: the four budgets, plus money outside them.
public enum Fund: String, CaseIterable, Sendable, Codable {
    case general, govFund = "gov-fund", stateCapital = "state-capital", socialInsurance = "social-insurance", other

    public var nameZh: String {
        switch self {
        case .general: "一般公共预算"; case .govFund: "政府性基金预算"; case .stateCapital: "国有资本经营预算"
        case .socialInsurance: "社会保险基金预算"; case .other: "其他资金"
        }
    }
    public var nameEn: String {
        switch self {
        case .general: "general public budget"; case .govFund: "government fund budget"
        case .stateCapital: "state capital budget"; case .socialInsurance: "social insurance fund budget"
        case .other: "other funds"
        }
    }
}

public enum ProjectStatus: String, CaseIterable, Sendable, Codable {
    case active, completed, terminated
    public var nameZh: String {
        switch self { case .active: "执行中"; case .completed: "已完成"; case .terminated: "已终止" }
    }
}

/// 项目: a budget line that receives authority and spends it.
public struct Project: Hashable, Sendable {
    public var id: Int64
    public var code: String
    public var name: String
    public var kind: ProjectKind
    public var fund: Fund
    public var function: FunctionCode?
    public var unit: String?
    public var status: ProjectStatus

    public init(id: Int64 = 0, code: String, name: String, kind: ProjectKind, fund: Fund,
                function: FunctionCode? = nil, unit: String? = nil, status: ProjectStatus = .active) {
        self.id = id; self.code = code; self.name = name; self.kind = kind; self.fund = fund
        self.function = function; self.unit = unit; self.status = status
    }
}

extension Project {
    /// Why a project code cannot be used, or nil when it can: the one home of the rule, for
    /// `project add` and `project import` alike.
    public static func problem(withCode code: String) -> String? {
        guard !code.isEmpty else { return "must not be empty" }
        return TextRules.problem(code, as: .code)
    }
}
