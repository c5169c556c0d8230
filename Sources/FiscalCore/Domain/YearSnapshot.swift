/// Whether a year takes entries.
public enum YearStatus: String, Sendable {
    case open, closed
}

/// One year of a book as the reports read it: read once, in one transaction, and then handed
/// to pure builders — a report is a function of its spec and this value (hledger's
/// `ReportSpec` + `Journal`), so the same inputs always give the same report.
public struct YearSnapshot: Sendable {
    public var year: Int
    public var status: YearStatus
    public var bookName: String
    /// Every project of the book, in code order.
    public var projects: [Project]
    public var projectsByID: [Int64: Project]
    /// The year's maintained totals through `throughMonth` (inclusive).
    public var totals: [MonthlyTotal]
    public var throughMonth: Int
    /// The codes the book knows, its local ones included, for the names reports print.
    public var codes: BookCodes
    /// The head of the entry chain, read in the same transaction as the totals: the seal a
    /// report built from this snapshot prints is the book its figures came from (issue 12).
    public var chainHead: (entryID: Int64, hash: [UInt8])?

    /// The seal of the book as this snapshot read it, vouching for what is dated through the
    /// end of its last month; nil for a snapshot made without the book (a test's).
    public var seal: Seal? {
        chainHead.map { Seal(asOf: Day.endOfMonth(year: year, month: throughMonth), entryID: $0.entryID, hash: $0.hash) }
    }
    /// Per project, what the year's close carried forward on contracts (合同尾款, issue 14).
    public var contractCarried: [Int64: Money]
    /// A consolidated book's totals per unit and kind of project through `throughMonth`
    /// (table unit_total), when the snapshot was read for a report by unit
    /// (``SnapshotDetail/units``); `totals` and `projects` are then empty. Nil otherwise.
    public var unitTotals: [UnitMonthlyTotal]?

    public init(year: Int, status: YearStatus, bookName: String, projects: [Project], totals: [MonthlyTotal],
                throughMonth: Int = 12, codes: BookCodes = .official, contractCarried: [Int64: Money] = [:]) {
        self.codes = codes
        self.contractCarried = contractCarried
        self.year = year
        self.status = status
        self.bookName = bookName
        self.projects = projects
        self.projectsByID = Dictionary(uniqueKeysWithValues: projects.map { ($0.id, $0) })
        self.totals = totals
        self.throughMonth = throughMonth
    }
}
