/// Decides, for each maintained total, which row and which group of a progress report it
/// belongs to. Rows group into basic expenditure (基本支出) and project expenditure (项目支出)
/// when they are projects or kinds; into 类 when they are function or economic codes.
struct ProgressClassifier {
    var grouping: ProgressGrouping
    var projects: [Int64: Project]
    var codes: BookCodes = .official

    static let unassigned = "-"

    func rowKey(_ t: MonthlyTotal) -> String {
        let p = projects[t.projectID]
        switch grouping {
        case .project: return p?.code ?? "#\(t.projectID)"
        case .kind: return p?.kind.rawValue ?? ProgressClassifier.unassigned
        case .fund: return p?.fund.rawValue ?? ProgressClassifier.unassigned
        case .unit: return p?.unit ?? ProgressClassifier.unassigned
        case .function: return p?.function?.code ?? ProgressClassifier.unassigned
        case .econ: return t.econ.isEmpty ? ProgressClassifier.unassigned : t.econ
        }
    }

    func name(_ key: String) -> String {
        switch grouping {
        case .project: return projects.values.first { $0.code == key }?.name ?? key
        case .kind: return ProjectKind(rawValue: key)?.nameZh ?? key
        case .fund: return Fund(rawValue: key)?.nameZh ?? key
        case .unit: return key == ProgressClassifier.unassigned ? "（未指定单位）" : key
        case .function: return key == ProgressClassifier.unassigned ? "（未指定功能分类）" : (codes.function.name(key) ?? key)
        case .econ: return key == ProgressClassifier.unassigned ? "（未指定经济分类）" : (codes.economic.name(key) ?? key)
        }
    }

    /// The group of a total's row: by unit, its project's kind (basic or project
    /// expenditure), so every unit is subtotalled by kind as projects are.
    func groupKey(_ t: MonthlyTotal, rowKey: String) -> String {
        guard grouping == .unit else { return groupKey(rowKey) }
        return (projects[t.projectID]?.kind.isBasic ?? false) ? "basic" : "project"
    }

    func groupKey(_ rowKey: String) -> String {
        switch grouping {
        case .project:
            let kind = projects.values.first { $0.code == rowKey }?.kind ?? .project
            return kind.isBasic ? "basic" : "project"
        case .kind: return (ProjectKind(rawValue: rowKey)?.isBasic ?? false) ? "basic" : "project"
        case .function, .econ: return rowKey == ProgressClassifier.unassigned ? rowKey : String(rowKey.prefix(3))
        case .fund: return "all"
        case .unit: return "project"
        }
    }

    func groupName(_ key: String) -> String {
        switch (grouping, key) {
        case (_, "basic"): return "基本支出"
        case (.project, "project"), (.kind, "project"), (.unit, "project"): return "项目支出"
        case (.function, _): return key == ProgressClassifier.unassigned ? "（未指定）" : (codes.function.name(key) ?? key)
        case (.econ, _): return key == ProgressClassifier.unassigned ? "（未指定）" : (codes.economic.name(key) ?? key)
        default: return "小计"
        }
    }

    func groupOrder(_ a: String, _ b: String) -> Bool {
        if a == ProgressClassifier.unassigned { return false }
        if b == ProgressClassifier.unassigned { return true }
        return a < b
    }
}
