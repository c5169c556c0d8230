/// How `Book.importEvents` reads and posts a file.
public struct ImportOptions: Sendable {
    /// nil: detect UTF-8 (with or without BOM) or GB18030.
    public var encoding: TextEncoding?
    /// Check every row and say what would be posted, without writing anything.
    public var dryRun: Bool
    /// Post rows that exceed what is available, marking their entries as overdrafts.
    public var allowOverdraft: Bool
    /// The sheet of a workbook to read (nil: the first); only an .xlsx file has sheets.
    public var sheet: String?
    /// The kind of every row of a file that has no kind column (a payment list: `.pay`).
    public var kind: EntryKind?
    /// A saved column mapping (`fiscal import profile add`) to read the file's header through.
    public var profile: String?
    /// Import content the book has imported before (same bytes, or the same rows re-saved).
    public var again: Bool
    /// The day the batch is recorded as imported.
    public var today: Day?

    public init(encoding: TextEncoding? = nil, dryRun: Bool = false, allowOverdraft: Bool = false,
                sheet: String? = nil, kind: EntryKind? = nil, again: Bool = false, today: Day? = nil, profile: String? = nil) {
        self.profile = profile
        self.again = again
        self.today = today
        self.encoding = encoding
        self.dryRun = dryRun
        self.allowOverdraft = allowOverdraft
        self.sheet = sheet
        self.kind = kind
    }
}

/// How far an import is, for a progress bar: bytes of the file while reading and checking,
/// rows while posting.
public struct ImportProgress: Sendable {
    public enum Phase: String, Sendable { case reading, posting }
    public var phase: Phase
    public var done: Int
    public var total: Int
}

/// What an import did, or why it did nothing.
public struct ImportResult: Sendable {
    public var file: String
    /// The sheet read, when the file was a workbook; problems' lines are then its rows.
    public var sheet: String?
    public var encoding: TextEncoding = .utf8
    /// What the import noticed without refusing anything (columns it ignored).
    public var notes: [String] = []
    /// Data rows read (blank lines and the header not counted).
    public var rows = 0
    /// Rows posted (or, in a dry run, that would be).
    public var posted = 0
    /// Rows whose `ref` the book already has: posted by an earlier import.
    public var skipped = 0
    /// Rows posted past availability control (with `allowOverdraft`).
    public var overdrafts = 0
    /// Years the import opened (the year after the book's latest opens on first use).
    public var dryRun = false
    /// The bad rows, in line order; at most `ImportResult.listedProblems` of them.
    public var problems: [ImportProblem] = []
    /// How many rows are bad (may exceed `problems.count`). Any bad row: nothing was written.
    public var badRows = 0
    /// The batch the import was recorded as (nil for a dry run or a refused file).
    public var batch: Int64?
    /// SHA-256 of the file's bytes, and of its rows apart from their order (ImportFingerprint.swift).
    public var sha256 = ""
    public var rowsSHA256 = ""
    /// Posted rows and their money by kind.
    public var totals: [ImportTotal] = []

    public static let listedProblems = 1000

    public var isAccepted: Bool { badRows == 0 }

    mutating func add(_ problem: ImportProblem) {
        badRows += 1
        if problems.count < ImportResult.listedProblems { problems.append(problem) }
    }

    /// Says where the rows came from: a workbook's sheet names its problems by sheet and row.
    mutating func describeSource(_ source: any RecordSource) {
        guard let xlsx = source as? XLSXRecordSource else { return }
        sheet = xlsx.sheet.name
        for i in problems.indices { problems[i].sheet = xlsx.sheet.name }
    }
}

/// One valid row, compact: a million of them fit in about 50 MB. Its doc, memo and ref are
/// bytes in the import's text arena, one after the other from `text`; a length of 0 is absent.
struct ImportedEvent: Sendable {
    var amount: Int64
    var text: Int
    var docLength: UInt32
    var memoLength: UInt32
    var refLength: UInt32
    /// 收款人 and 支付方式 after the ref in the arena (0: absent).
    var payeeLength: UInt32 = 0
    var methodLength: UInt32 = 0
    /// yyyymmdd
    var date: Int32
    var line: Int32
    /// Indexes into the import's project list; `toProject` is -1 but for a transfer.
    var project: Int32
    var toProject: Int32
    /// The posting engine's index of the economic code (0: none).
    var econ: UInt16
    var kind: EntryKind
    var overdraft: Bool
    /// The id of the contract the row names (0: none); a commit's new contract has its id
    /// from the start and is written before the chunk that first names it.
    var contract: Int64 = 0

    var year: Int { Int(date / 10_000) }
    var day: Day { ImportedEvent.day(date) }
    static func day(_ date: Int32) -> Day { Day(year: Int(date / 10_000), month: Int(date / 100 % 100), day: Int(date % 100))! }
}

/// A contract as the import checks rows against it: its id, project id and economic code.
struct ImportContract {
    var id: Int64
    var project: Int64
    var econ: String
}

/// An amount written plainly (`1234`, `1234.5`, `1234.56`) as 分; nil for anything else
/// (separators, 万, full-width digits, a sign), which `Money.parse` then reads or refuses.
func parsePlainAmount(_ b: UnsafeBufferPointer<UInt8>) -> Int64? {
    guard !b.isEmpty, b.count <= 16 else { return nil }
    var whole: Int64 = 0
    var i = 0
    while i < b.count, b[i] >= 48, b[i] <= 57 { whole = whole * 10 + Int64(b[i] - 48); i += 1 }
    guard i > 0 else { return nil }
    var cents: Int64 = 0
    if i < b.count {
        guard b[i] == UInt8(ascii: ".") else { return nil }
        i += 1
        let decimals = b.count - i
        guard decimals == 1 || decimals == 2 else { return nil }
        for k in i..<b.count {
            guard b[k] >= 48, b[k] <= 57 else { return nil }
            cents = cents * 10 + Int64(b[k] - 48)
        }
        if decimals == 1 { cents *= 10 }
    }
    return whole * 100 + cents
}
