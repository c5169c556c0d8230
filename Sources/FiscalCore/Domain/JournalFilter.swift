/// Which entries `journal` lists: a range of dates (both ends included), one project, one
/// year, or one entry.
public struct JournalFilter: Sendable {
    public var projectID: Int64?
    public var from: Day?
    public var to: Day?
    public var entryID: Int64?
    public var year: Int?

    public init(projectID: Int64? = nil, from: Day? = nil, to: Day? = nil, entryID: Int64? = nil, year: Int? = nil) {
        self.projectID = projectID; self.from = from; self.to = to; self.entryID = entryID; self.year = year
    }
}
