/// Rows a consolidation reads from a unit book and writes into the consolidated one.

/// A contract row as stored (schema step 5a), copied whole into a consolidated book.
struct ContractRow: Sendable {
    var id: Int64
    var number: String
    var projectID: Int64
    var supplier: String?
    var econ: String
    var procurement: String?
    var sme: Bool
    var signed: String
    var memo: String?
}

/// Postings tagged with one contract, summed per month, project, account and code.
struct ContractSum: Sendable {
    var month: Int
    var projectID: Int64
    var account: Account
    var econ: String
    var contractID: Int64
    var amount: Int64
}

/// A total of a consolidated book's project (by its id there) as `verify` compares it with the
/// unit book's.
struct HeldTotalKey: Hashable, Sendable {
    var project: Int64
    var account: Account
    var econ: String
    var month: Int
}

/// A unit's monthly total as a consolidation compares it: by the unit's own project code.
struct UnitTotalKey: Hashable, Sendable {
    var code: String
    var account: String
    var econ: String
    var month: Int
}

/// A key of `monthly_total` as a consolidation sums a unit's postings.
struct ConsolidatedTotalKey: Hashable, Sendable {
    var year: Int
    var project: Int64
    var account: Account
    var econ: String
    var month: Int
}

/// One posting of an elimination, as the settlement lists it.
public struct EliminationPosting: Sendable {
    public var entry: Int64
    public var date: Day
    public var memo: String?
    public var counterpart: String?
    public var projectCode: String
    public var unit: String?
    public var account: Account
    public var amount: Money
}
