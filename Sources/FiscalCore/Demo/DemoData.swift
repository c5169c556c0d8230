/// The 2023 book of 衡阳市公安局, reproducing every figure its published 2023 整体支出绩效自评报告
/// states (see shared/examples). Where the report is silent the choices below are ours,
/// deterministic and documented:
///
/// - Basic expenditure is two projects, 人员经费 (paying 301 and 303) and 公用经费 (paying 302,
///   including the 三公 lines). Their leftover, 5,633.74万元, is the 3,200.00 + 2,433.74 split.
/// - The 2,257.03万元 of additions went to 扫黑专项经费 (300, May), 收治中心运行经费 (800, July),
///   人民警察法定节假日加班补助 (1,099.23, September) and 人员经费 (57.80, October).
/// - 三公 authority of 691.60万元 sits on 公用经费 as lines of their own: 公务用车运行维护费 30231
///   560.00 and 公务接待费 30217 131.60 (none for 因公出国 30212 or 公务用车购置 31013); actual
///   290.14 + 37.60 = 327.74.
/// - Payments fall on the 25th of each month, spread by a profile per project; some projects
///   are back-loaded so that June shows lagging rows against 50% time progress.
/// - One payment is keyed wrong and reversed, and one travel payment is refunded, so the demo
///   shows corrections as entries, not edits; both net to zero.
enum DemoData {
    static let department = "衡阳市公安局"
    static let year = 2023

    /// How a project's payments are spread over the months (weights; a zero skips the month).
    enum Profile {
        case even, backLoaded, fromJune, secondHalf
        case fixed([Int: String])  // month → amount in 万元

        var weights: [Int] {
            switch self {
            case .even: Array(repeating: 1, count: 12)
            case .backLoaded: [0, 0, 0, 0, 0, 1, 1, 1, 2, 2, 3, 5]
            case .fromJune: [0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2]
            case .secondHalf: [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1]
            case .fixed: []
            }
        }
    }

    struct DemoProject {
        var code: String
        var name: String
        var kind: ProjectKind
        var function: String
        var unit: String
        /// 年初预算 in 万元, untagged.
        var initial: String
        /// 追加: amount in 万元 and its date.
        var addition: (amount: String, date: String)? = nil
        /// Authority of its own per economic code (万元), granted with the initial budget.
        var lines: [(econ: String, amount: String)] = []
        /// What is paid in the year, per economic code (万元).
        var payments: [(econ: String, amount: String)]
        var profile: Profile = .even
    }

    /// The 支出功能分类 codes the demo uses that fiscal's reference table lacks (Codes/README.md):
    /// the demo adds them as a book would, with `fiscal codes add function`.
    static let functionCodes: [(code: String, name: String)] = [
        ("20402", "公安"), ("2040201", "行政运行"), ("2040220", "执法办案"), ("2040221", "特别业务"),
        ("2040222", "特勤业务"), ("2040299", "其他公安支出"),
    ]

    static let projects: [DemoProject] = [
        DemoProject(code: "JB01", name: "人员经费", kind: .personnel, function: "2040201", unit: "市局机关",
                    initial: "47892.03", addition: ("57.80", "2023-10-20"),
                    payments: [("30101", "12000.00"), ("30102", "14500.00"), ("30103", "3200.00"), ("30108", "4100.00"),
                               ("30110", "2300.00"), ("30113", "3100.00"), ("30199", "1771.98"),
                               ("30302", "2900.00"), ("30305", "877.85")]),
        DemoProject(code: "JB02", name: "公用经费", kind: .public, function: "2040201", unit: "市局机关",
                    initial: "10892.49", lines: [("30231", "560.00"), ("30217", "131.60")],
                    payments: [("30201", "1500.00"), ("30205", "180.00"), ("30206", "620.00"), ("30207", "350.00"),
                               ("30209", "900.00"), ("30211", "800.00"), ("30213", "1100.00"), ("30216", "260.00"),
                               ("30228", "540.00"), ("30299", "2572.61"), ("30231", "290.14"), ("30217", "37.60")]),
        DemoProject(code: "XM01", name: "禁毒专项", kind: .project, function: "2040299", unit: "市局机关",
                    initial: "550", payments: [("30299", "550")]),
        DemoProject(code: "XM02", name: "公安强戒人员生活补助", kind: .project, function: "2040221", unit: "强制隔离戒毒所",
                    initial: "252.72", payments: [("30305", "252.72")]),
        DemoProject(code: "XM03", name: "强戒人员教育矫治费、诊断评估费、传染病查治费", kind: .project, function: "2040221",
                    unit: "强制隔离戒毒所", initial: "31.2", payments: [("30227", "31.2")], profile: .backLoaded),
        DemoProject(code: "XM04", name: "强戒人员生理脱毒医疗费", kind: .project, function: "2040221", unit: "强制隔离戒毒所",
                    initial: "156", payments: [("30307", "156")]),
        DemoProject(code: "XM05", name: "强戒所所政管理及维修经费", kind: .project, function: "2040221", unit: "强制隔离戒毒所",
                    initial: "54.6", payments: [("30213", "54.6")], profile: .backLoaded),
        DemoProject(code: "XM06", name: "拘留所被监管人员生活补贴", kind: .project, function: "2040221", unit: "拘留所",
                    initial: "35", payments: [("30305", "35")]),
        DemoProject(code: "XM07", name: "纪检派驻机构专项经费", kind: .project, function: "2040299", unit: "市局机关",
                    initial: "17", payments: [("30299", "17")], profile: .backLoaded),
        DemoProject(code: "XM08", name: "驻滇驻粤两站工作经费", kind: .project, function: "2040220", unit: "市局机关",
                    initial: "100", payments: [("30211", "100")]),
        DemoProject(code: "XM09", name: "人民警察法定节假日加班补助", kind: .project, function: "2040299", unit: "市局机关",
                    initial: "749.61", addition: ("1099.23", "2023-09-05"), payments: [("30102", "1848.84")],
                    profile: .fixed([3: "200", 6: "300", 9: "600", 12: "748.84"])),
        DemoProject(code: "XM10", name: "人民警察法定执勤岗位津贴", kind: .project, function: "2040299", unit: "市局机关",
                    initial: "1947.79", payments: [("30102", "1947.79")]),
        DemoProject(code: "XM11", name: "辅警工作经费", kind: .project, function: "2040299", unit: "市局机关",
                    initial: "9000", payments: [("30226", "9000")]),
        DemoProject(code: "XM12", name: "收治中心运行经费", kind: .project, function: "2040221", unit: "强制隔离戒毒所",
                    initial: "0", addition: ("800", "2023-07-03"), payments: [("30299", "800")], profile: .secondHalf),
        DemoProject(code: "XM13", name: "看守所给养费", kind: .project, function: "2040221", unit: "看守所",
                    initial: "799.23", payments: [("30299", "799.23")]),
        DemoProject(code: "XM14", name: "扫黑专项经费", kind: .project, function: "2040220", unit: "市局机关",
                    initial: "0", addition: ("300", "2023-05-15"), payments: [("30299", "300")], profile: .fromJune),
        DemoProject(code: "XM15", name: "反恐专项经费", kind: .project, function: "2040222", unit: "市局机关",
                    initial: "200", payments: [("30299", "200")], profile: .backLoaded),
    ]
}
