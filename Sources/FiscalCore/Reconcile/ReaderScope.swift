import Foundation

/// What part of the department a figure is about, one value per dimension; rendered as a claim
/// scope (`kind:basic,econ:301`, `project:禁毒专项`, `all`).
struct ReaderScope: Equatable, Sendable {
    enum Dimension: Sendable { case fund, source, function, kind, econ, sangong, project }

    var fund: String?
    /// Where income came from: fiscal (财政拨款), business (事业收入), operating (经营收入),
    /// superior (上级补助收入), affiliate (附属单位上缴收入), other (其他收入).
    var source: String?
    var function: String?
    var kind: String?
    var econ: String?
    var sangong: String?
    var project: String?

    var isEmpty: Bool { self == ReaderScope() }
    var isSpecific: Bool { project != nil || sangong != nil }

    subscript(_ d: Dimension) -> String? {
        get {
            switch d {
            case .fund: fund
            case .source: source
            case .function: function
            case .kind: kind
            case .econ: econ
            case .sangong: sangong
            case .project: project
            }
        }
        set {
            switch d {
            case .fund: fund = newValue
            case .source: source = newValue
            case .function: function = newValue
            case .kind: kind = newValue
            case .econ: econ = newValue
            case .sangong: sangong = newValue
            case .project: project = newValue
            }
        }
    }

    /// This scope inside `outer`: the dimensions it does not name are taken from `outer`.
    /// A project or 三公 scope stands alone, and takes nothing; an empty one takes all of `outer`;
    /// an economic class inside a project is that project's spending of the class.
    func within(_ outer: ReaderScope) -> ReaderScope {
        if isEmpty { return outer }
        if let project = outer.project, econ != nil, self == ReaderScope(econ: econ) {
            return ReaderScope(econ: econ, project: project)
        }
        if isSpecific || outer.isSpecific { return self }
        var s = self
        s.fund = fund ?? outer.fund
        s.source = source ?? outer.source
        if function == nil { s.function = outer.function }
        s.kind = kind ?? outer.kind
        if econ == nil, kind == nil || kind == outer.kind { s.econ = outer.econ }
        return s
    }

    /// `all`, or the named dimensions in the order fund, source, function, kind, econ, sangong, project.
    var text: String {
        var parts: [String] = []
        if let fund { parts.append("fund:" + fund) }
        if let source { parts.append("source:" + source) }
        if let function { parts.append("function:" + function) }
        if let kind { parts.append("kind:" + kind) }
        if let econ { parts.append("econ:" + econ) }
        if let sangong { parts.append("sangong:" + sangong) }
        if let project { parts.append("project:" + project) }
        return parts.isEmpty ? "all" : parts.joined(separator: ",")
    }
}

/// A name a report uses for a part of the department, found by containment in a label.
struct ReaderScopeName: Sendable {
    var name: String
    var dimension: ReaderScope.Dimension
    var value: String

    init(_ name: String, _ dimension: ReaderScope.Dimension, _ value: String) {
        self.name = ReaderText.key(name)
        self.dimension = dimension
        self.value = value
    }
}

/// The names of economic classes, function classes, kinds of expenditure, funds and 三公
/// categories, with the colloquial forms reports use (一般商品服务支出 is 商品和服务支出, 302).
enum ReaderScopeNames {
    /// Found anywhere in a label, longest first: `vocabulary.tsv`'s names, and the function classes.
    static let contained: [ReaderScopeName] = {
        var names = ReaderVocabulary.tables.names
        for (code, name) in functionClasses {
            names.append(.init(name, .function, code))
            // 一般公共服务, 社会保障和就业 …: the class without 支出, when that is still a name.
            if name.hasSuffix("支出"), name.count >= 6 { names.append(.init(String(name.dropLast(2)), .function, code)) }
        }
        return names.sorted { $0.name.count > $1.name.count }
    }()

    /// Function classes (类) by code.
    static let functionClasses: [(String, String)] = [
        ("201", "一般公共服务支出"), ("202", "外交支出"), ("203", "国防支出"), ("204", "公共安全支出"),
        ("205", "教育支出"), ("206", "科学技术支出"), ("207", "文化旅游体育与传媒支出"),
        ("208", "社会保障和就业支出"), ("210", "卫生健康支出"), ("211", "节能环保支出"),
        ("212", "城乡社区支出"), ("213", "农林水支出"), ("214", "交通运输支出"),
        ("215", "资源勘探工业信息等支出"), ("216", "商业服务业等支出"), ("217", "金融支出"),
        ("220", "自然资源海洋气象等支出"), ("221", "住房保障支出"), ("222", "粮油物资储备支出"),
        ("224", "灾害防治及应急管理支出"), ("232", "债务付息支出"),
        // Names of earlier editions that reports still use.
        ("207", "文化体育与传媒支出"), ("210", "医疗卫生与计划生育支出"),
    ]

    /// Names too common to find inside other words: they count only when they are the whole
    /// label (after metric words and fillers are taken off). Economic 款 and 公共安全 款
    /// (`vocabulary.tsv`, table `exact`).
    static let exact: [String: (ReaderScope.Dimension, String)] = ReaderVocabulary.tables.exact

    /// Function 项 common to every 款: the code is the 款 of the context followed by these digits.
    static let functionItems: [String: String] = [
        "行政运行": "01", "一般行政管理事务": "02", "机关服务": "03", "事业运行": "50",
    ]
}
