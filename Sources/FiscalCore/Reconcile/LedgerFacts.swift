/// A year of the book reduced to what claims can ask about: each maintained total with its
/// project, so that any scope (kind, fund, function, economic code, project) is a filter and
/// any money metric a sum. Built once per reconciliation from a few hundred rows.
struct LedgerFacts {
    var year: Int
    var totals: [MonthlyTotal]
    var projects: [Int64: Project]
    var closed: Bool

    /// One scope component: `kind:basic`, `econ:302`, `project:禁毒专项` …
    struct Filter {
        var kind: String?
        var econ: String?
        var function: String?
        var fund: String?
        var project: String?
        var sangong: String?
        /// `fiscal` (the 财政拨款 funds); any other source of income is not in a budget ledger.
        var source: String?

        init(_ scope: String) {
            for part in scope.split(separator: ",") {
                let pair = part.split(separator: ":", maxSplits: 1).map(String.init)
                guard pair.count == 2 else { continue }
                switch pair[0] {
                case "kind": kind = pair[1]
                case "econ": econ = pair[1]
                case "function": function = pair[1]
                case "fund": fund = pair[1]
                case "project": project = pair[1]
                case "sangong": sangong = pair[1]
                case "source": source = pair[1]
                default: break
                }
            }
        }

        /// The scope names something this book has no way to hold (an unknown key).
        static func isUnderstood(_ scope: String) -> Bool {
            scope.split(separator: ",").allSatisfy { part in
                part == "all" || ["kind", "econ", "function", "fund", "project", "sangong", "source"].contains(String(part.split(separator: ":").first ?? ""))
            }
        }
    }

    func matches(_ t: MonthlyTotal, _ f: Filter) -> Bool {
        guard let p = projects[t.projectID] else { return false }
        if let kind = f.kind {
            switch kind {
            case "basic": if !p.kind.isBasic { return false }
            default: if p.kind.rawValue != kind { return false }
            }
        }
        if let econ = f.econ, !t.econ.hasPrefix(econ) { return false }
        if let function = f.function, !(p.function?.code.hasPrefix(function) ?? false) { return false }
        if let fund = f.fund, p.fund.rawValue != fund { return false }
        if f.source == "fiscal", p.fund == .other { return false }
        if let project = f.project, p.name != project && p.code != project { return false }
        if let sangong = f.sangong {
            let codes = LedgerFacts.sangongCodes[sangong] ?? []
            if !codes.contains(t.econ) { return false }
        }
        return true
    }

    static let sangongCodes: [String: [String]] = [
        "all": EconomicCode.sangong, "abroad": ["30212"], "vehicle": ["31013", "30231"],
        "vehicle-purchase": ["31013"], "vehicle-operation": ["30231"], "reception": ["30217"],
    ]

    func figures(_ scope: String) -> BudgetFigures {
        let filter = Filter(scope)
        var f = BudgetFigures()
        for t in totals where matches(t, filter) { f.add(t.account, t.amount) }
        return f
    }

    /// Projects of the scope that received authority in the year.
    func projectCount(_ scope: String) -> Int {
        let filter = Filter(scope)
        var ids = Set<Int64>()
        for t in totals where t.account.isResource && matches(t, filter) { ids.insert(t.projectID) }
        return ids.count
    }
}
