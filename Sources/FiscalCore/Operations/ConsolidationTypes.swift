/// The values a consolidation (部门汇总, issue 16) is asked for, records and returns.

/// A key of a unit's totals by kind of project (table unit_total), as a consolidation sums them.
struct UnitTotalSlot: Hashable {
    var kind: ProjectKind
    var account: Account
    var month: Int
}

/// A unit book to consolidate: the unit's name in the department (what its projects are
/// qualified with, `一分局/JD01`, and what `--to-unit`/`--from-unit` name) and its file.
public struct ConsolidationSource: Sendable, Equatable {
    public var name: String
    public var path: String
    public init(name: String, path: String) { self.name = name; self.path = path }
}

/// Everything a consolidation depends on, today included.
public struct ConsolidationSpec: Sendable {
    public var target: String
    public var name: String
    public var year: Int
    public var sources: [ConsolidationSource]
    public var today: Day
    public init(target: String, name: String, year: Int, sources: [ConsolidationSource], today: Day) {
        self.target = target; self.name = name; self.year = year; self.sources = sources; self.today = today
    }
}

/// A unit as a consolidated book records it (table consolidated_unit): the seal it was taken at.
public struct ConsolidatedUnit: Sendable, Equatable {
    public var name: String
    public var path: String
    public var bookName: String
    public var seal: Seal
}

/// What a consolidation built.
public struct ConsolidationResult: Sendable {
    public var units: [ConsolidatedUnit]
    public var projects: Int
    public var entries: Int
    public var postings: Int
    public var matched: [MatchedTransfer]
    public var unmatched: [UnmatchedTransfer]
    /// The year is closed in every unit book, so it is closed in the consolidated one.
    public var closed: Bool
    /// The target existed (a consolidated book) and was replaced.
    public var rebuilt: Bool
}
