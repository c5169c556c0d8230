/// Whose payments an expenditure report counts.
public enum KindFilter: String, CaseIterable, Sendable {
    case basic, project, all

    func includes(_ kind: ProjectKind) -> Bool {
        switch self { case .all: true; case .basic: kind.isBasic; case .project: !kind.isBasic }
    }
}

/// What an expenditure report's rows classify payments by.
public enum ExpenditureDimension: String, CaseIterable, Sendable { case econ, function }

/// 支出决算表: a year's payments by economic class/款 or by function 类/款/项, split into basic
/// and project expenditure, with a subtotal at every level above the rows.
public struct ExpenditureReport: Sendable {
    public struct Line: Sendable {
        public var code: String
        public var name: String
        /// 0 for a class (类), 1 for 款, 2 for 项: how deep in the classification the line is.
        public var level: Int
        public var isSubtotal: Bool
        public var basic: Money
        public var project: Money
        public var total: Money { basic + project }
    }

    public var year: Int
    public var dimension: ExpenditureDimension
    public var kinds: KindFilter
    public var bookName: String
    /// Depth-first: each class subtotal, then its 款 (and for functions its 项).
    public var lines: [Line]
    public var basic: Money
    public var project: Money
    public var total: Money { basic + project }
}

extension Book {
    public func expenditureReport(year: Int, by dimension: ExpenditureDimension, kinds: KindFilter) throws(FiscalError) -> ExpenditureReport {
        ExpenditureReport(snapshot: try snapshot(year: year), by: dimension, kinds: kinds)
    }
}

extension ExpenditureReport {
    /// The report as a pure function of the year's totals.
    public init(snapshot: YearSnapshot, by dimension: ExpenditureDimension, kinds: KindFilter) {
        let year = snapshot.year
        let projects = snapshot.projectsByID
        // Paid per leaf code, basic and project apart.
        var leaves: [String: (basic: Money, project: Money)] = [:]
        for t in snapshot.totals where t.account == .paid {
            guard let p = projects[t.projectID], kinds.includes(p.kind) else { continue }
            let code = dimension == .econ ? t.econ : (p.function?.code ?? "")
            let paid = -t.amount
            if p.kind.isBasic { leaves[code, default: (.zero, .zero)].basic += paid }
            else { leaves[code, default: (.zero, .zero)].project += paid }
        }
        let prefixes = dimension == .econ ? [3, 5] : [3, 5, 7]
        var sums: [String: (basic: Money, project: Money)] = [:]
        for (code, amounts) in leaves {
            let levels = code.isEmpty ? [""] : prefixes.filter { $0 <= code.count }.map { String(code.prefix($0)) }
            for key in levels {
                sums[key, default: (.zero, .zero)].basic += amounts.basic
                sums[key, default: (.zero, .zero)].project += amounts.project
            }
        }
        let names = dimension == .econ ? snapshot.codes.economic.names : snapshot.codes.function.names
        let lines = sums.keys.sorted { a, b in a.isEmpty ? false : (b.isEmpty ? true : a < b) }.map { code in
            let level = code.isEmpty ? 0 : (prefixes.firstIndex(of: code.count) ?? 0)
            let hasChildren = sums.keys.contains { $0.count > code.count && $0.hasPrefix(code) && !code.isEmpty }
            return ExpenditureReport.Line(
                code: code, name: code.isEmpty ? "（未指定）" : (names[code] ?? ""), level: level,
                isSubtotal: hasChildren, basic: sums[code]!.basic, project: sums[code]!.project)
        }
        let basic = leaves.values.reduce(Money.zero) { $0 + $1.basic }
        let project = leaves.values.reduce(Money.zero) { $0 + $1.project }
        self.init(year: year, dimension: dimension, kinds: kinds, bookName: snapshot.bookName,
                  lines: lines, basic: basic, project: project)
    }
}
