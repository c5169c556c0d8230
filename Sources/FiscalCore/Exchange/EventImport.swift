/// How `Book.importEvents` reads and posts a file.
public struct ImportOptions: Sendable {
    /// nil: detect UTF-8 (with or without BOM) or GB18030.
    public var encoding: TextEncoding?
    /// Check every row and say what would be posted, without writing anything.
    public var dryRun: Bool
    /// Post rows that exceed what is available, marking their entries as overdrafts.
    public var allowOverdraft: Bool

    public init(encoding: TextEncoding? = nil, dryRun: Bool = false, allowOverdraft: Bool = false) {
        self.encoding = encoding
        self.dryRun = dryRun
        self.allowOverdraft = allowOverdraft
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
    public var encoding: TextEncoding = .utf8
    /// Data rows read (blank lines and the header not counted).
    public var rows = 0
    /// Rows posted (or, in a dry run, that would be).
    public var posted = 0
    /// Rows whose `ref` the book already has: posted by an earlier import.
    public var skipped = 0
    /// Rows posted past availability control (with `allowOverdraft`).
    public var overdrafts = 0
    /// Years the import opened (the year after the book's latest opens on first use).
    public var yearsOpened: [Int] = []
    public var dryRun = false
    /// The bad rows, in line order; at most `ImportResult.listedProblems` of them.
    public var problems: [ImportProblem] = []
    /// How many rows are bad (may exceed `problems.count`). Any bad row: nothing was written.
    public var badRows = 0

    public static let listedProblems = 1000

    public var isAccepted: Bool { badRows == 0 }

    mutating func add(_ problem: ImportProblem) {
        badRows += 1
        if problems.count < ImportResult.listedProblems { problems.append(problem) }
    }
}

/// The kinds of event a file may hold (DESIGN §2), with the names a file may give them.
enum EventKind: UInt8, CaseIterable {
    case appropriate, supplement, reduce, transfer, pay, refund, recall, carryIn

    var entryKind: EntryKind {
        switch self {
        case .appropriate: .appropriate; case .supplement: .supplement; case .reduce: .reduce
        case .transfer: .transfer; case .pay: .pay; case .refund: .refund; case .recall: .recall
        case .carryIn: .carryIn
        }
    }

    var name: StaticString {
        switch self {
        case .appropriate: "appropriate"; case .supplement: "supplement"; case .reduce: "reduce"
        case .transfer: "transfer"; case .pay: "pay"; case .refund: "refund"; case .recall: "recall"
        case .carryIn: "carry-in"
        }
    }

    /// Whether the event's economic code is required (pay, refund), allowed, or refused.
    var econ: (required: Bool, allowed: Bool) {
        switch self {
        case .pay, .refund: (true, true)
        case .appropriate, .supplement, .reduce: (false, true)
        case .transfer, .recall, .carryIn: (false, false)
        }
    }

    /// Whether the event uses authority up (debits `available`), so availability control applies.
    var usesAuthority: Bool { self == .reduce || self == .transfer || self == .pay || self == .recall }

    static let names: [String: EventKind] = {
        var names: [String: EventKind] = [:]
        for kind in EventKind.allCases {
            names[kind.entryKind.rawValue] = kind
            names[kind.entryKind.nameZh] = kind
        }
        names["carry_in"] = .carryIn
        names["支出"] = .pay
        return names
    }()
}

/// One valid row, compact: a million of them fit in about 50 MB. Its doc, memo and ref are
/// bytes in the import's text arena, one after the other from `text`; a length of 0 is absent.
struct ImportedEvent {
    var amount: Int64
    var text: Int
    var docLength: UInt32
    var memoLength: UInt32
    var refLength: UInt32
    /// yyyymmdd
    var date: Int32
    var line: Int32
    var project: Int32
    var toProject: Int32
    var econ: UInt16
    var kind: EventKind
    var overdraft: Bool

    var year: Int { Int(date / 10_000) }
    var day: Day { Day(year: Int(date / 10_000), month: Int(date / 100 % 100), day: Int(date % 100))! }
}

extension Book {
    /// Imports events from a CSV file (columns `date,kind,project,amount` and optionally
    /// `econ,doc,ref,memo,to_project`, or their Chinese names) as one batch: every row is read
    /// and checked — format, projects, years, availability in date order — before anything is
    /// written; one bad row and nothing is. Rows whose `ref` the book already has are skipped,
    /// so importing a file twice posts it once. Rows are posted in date order (file order within
    /// a date) in one transaction.
    ///
    ///     let result = try book.importEvents(fromFile: "2023.csv", options: ImportOptions())
    ///     if !result.isAccepted { for p in result.problems { print(p) } }
    public func importEvents(fromFile path: String, options: ImportOptions = ImportOptions(),
                             progress: ((ImportProgress) -> Void)? = nil) throws(FiscalError) -> ImportResult {
        let source = try TextSource(path: path, encoding: options.encoding)
        return try guarded {
            try store.withBulkWriteSettings(cacheKiB: 64 * 1024) {
                try database.write {
                    if !options.dryRun {
                        var stream = try EventImport(store: store, source: source, options: options, progress: progress)
                        if let result = try stream.performStreaming() { return result }
                    }
                    // Not in date order (or a dry run): read again, hold every row, sort.
                    let again = options.dryRun ? source : try TextSource(path: path, encoding: options.encoding)
                    var run = try EventImport(store: store, source: again, options: options, progress: progress)
                    return try run.perform()
                }
            }
        }
    }
}

/// One run of `Book.importEvents`: read and check every row, then post them.
struct EventImport {
    static let columns = ImportColumns(columns: [
        .init(key: "date", aliases: ["日期", "记账日期", "业务日期"], required: true),
        .init(key: "kind", aliases: ["类型", "业务类型"], required: true),
        .init(key: "project", aliases: ["项目编码", "项目", "项目代码"], required: true),
        .init(key: "amount", aliases: ["金额", "金额（元）", "金额(元)"], required: true),
        .init(key: "econ", aliases: ["经济分类", "经济分类编码", "经济分类科目"], required: false),
        .init(key: "doc", aliases: ["文号", "指标文号"], required: false),
        .init(key: "ref", aliases: ["凭证号", "参考号", "外部参考号"], required: false),
        .init(key: "memo", aliases: ["摘要", "备注"], required: false),
        .init(key: "to_project", aliases: ["调入项目", "调入项目编码"], required: false),
    ])
    enum Column: Int { case date, kind, project, amount, econ, doc, ref, memo, toProject }

    let store: Store
    let source: TextSource
    let options: ImportOptions
    let progress: ((ImportProgress) -> Void)?

    var result: ImportResult
    var events: [ImportedEvent] = []
    /// doc, memo and ref of every row, back to back.
    var arena: [UInt8] = []

    var projectIndex: [String: Int32] = [:]
    var projectIDs: [Int64] = []
    var projectCodes: [String] = []
    var econIndex: [String: UInt16] = ["": 0]
    var econCodes: [String] = [""]

    /// First line of each ref in the file, by hash; a clash of different refs goes to `refOverflow`.
    var refLines: [Int: (start: Int, length: UInt32, line: Int32)] = [:]
    var refOverflow: [String: Int32] = [:]
    var bookHasRefs = false
    var years: Set<Int> = []

    // Checking, kept between chunks when the file is streamed (EventImportStream.swift).
    var yearOpen: [Int: Bool]? = nil
    var latestYear = 0
    var firstYear = 0
    var availability = AvailabilityState()
    var seededYears: Set<Int> = []
    var indexOfID: [Int64: Int] = [:]

    // Posting, likewise.
    var posting: PostingRun? = nil
    /// How many of `result.yearsOpened` are in the book already.
    var yearsInserted = 0

    /// Streaming (EventImportStream.swift): refs of the current chunk, and a fixed-size filter
    /// of the refs of earlier chunks, which are in the book by then.
    var streaming = false
    var chunkRefs: [Int: (start: Int, length: UInt32, line: Int32)] = [:]
    var refFilter = RefFilter()
    var firstImportID: Int64 = 0

    init(store: Store, source: TextSource, options: ImportOptions, progress: ((ImportProgress) -> Void)?) throws {
        self.store = store
        self.source = source
        self.options = options
        self.progress = progress
        result = ImportResult(file: source.path, dryRun: options.dryRun)
        for project in try store.projects() {
            projectIndex[project.code] = Int32(projectIDs.count)
            projectIDs.append(project.id)
            projectCodes.append(project.code)
        }
        bookHasRefs = try store.hasRefs()
    }

    mutating func perform() throws -> ImportResult {
        try read()
        result.encoding = source.detectedEncoding
        if result.badRows == 0 || !events.isEmpty {
            let order = dateOrder()
            try check(order)
            if result.isAccepted && !options.dryRun { try post(order) }
        }
        if !result.isAccepted { result.posted = 0 }
        result.problems.sort { $0.line < $1.line }
        return result
    }

    // MARK: Reading

    /// Reads every row. With `chunk`, calls it each time `EventImport.chunkRows` good rows are
    /// held, and once at the end; it returns false to stop reading.
    mutating func read(chunk: ((inout EventImport) throws -> Bool)? = nil) throws {
        let reader = CSVReader(source: source)
        var record = CSVRecord()
        guard try reader.next(into: &record) else {
            result.add(ImportProblem(line: 1, message: "the file is empty (it needs a header: date,kind,project,amount)"))
            return
        }
        let layout: ImportColumns.Layout
        switch EventImport.columns.layout(of: record, encoding: source.detectedEncoding) {
        case .success(let l): layout = l
        case .failure(let problem): result.add(problem); return
        }
        var reasons: [String] = []
        var lastReport = 0
        while try reader.next(into: &record) {
            if record.isBlank && !record.unclosedQuote { continue }
            result.rows += 1
            reasons.removeAll(keepingCapacity: true)
            try parse(record, layout, &reasons)
            if !reasons.isEmpty {
                result.add(ImportProblem(line: record.line, message: reasons.joined(separator: "; ")))
            }
            if let progress, source.bytesRead != lastReport {
                lastReport = source.bytesRead
                progress(ImportProgress(phase: .reading, done: source.bytesRead, total: source.fileSize))
            }
            // Rows skipped by ref leave their ref behind until the chunk is done: count those too.
            if let chunk, events.count >= EventImport.chunkRows || chunkRefs.count >= EventImport.chunkRows,
               try !chunk(&self) { return }
        }
        if let chunk { _ = try chunk(&self) }
    }

    /// Checks one row; appends it to `events` when it is good and not already in the book,
    /// else says why in `reasons`.
    private mutating func parse(_ record: CSVRecord, _ layout: ImportColumns.Layout, _ reasons: inout [String]) throws {
        if record.unclosedQuote {
            reasons.append("a quoted field is never closed (a \" opened on this line runs to the end of the file)")
            return
        }
        if record.count > layout.fieldCount {
            let extra = (layout.fieldCount..<record.count).filter { !record.field($0, { trimmed($0).isEmpty }) }
            if !extra.isEmpty {
                reasons.append("\(record.count) fields, but the header names \(layout.fieldCount)")
                return
            }
        }
        let encoding = source.detectedEncoding
        // The trimmed text of a column, or nil when the column is absent or the field empty.
        func text(_ column: Column) -> String? {
            guard let f = layout.field(column.rawValue), f < record.count else { return nil }
            return record.field(f) { bytes -> String? in
                let t = trimmed(bytes)
                if t.isEmpty { return nil }
                if let problem = textProblem(t, encoding: encoding) {
                    reasons.append("\(layout.nameOf[column.rawValue]): \(problem)")
                    return nil
                }
                return String(decoding: t, as: UTF8.self)
            }
        }
        func name(_ column: Column) -> String { layout.nameOf[column.rawValue] }
        func bad(_ column: Column, _ value: String, _ reason: String) {
            reasons.append("\(name(column)) '\(value.quotedValue)': \(reason)")
        }

        // date
        var date: Int32 = 0
        if let f = layout.field(Column.date.rawValue), f < record.count,
           let packed = record.field(f, { parseDate(trimmed($0)) }) {
            date = packed
        } else if let value = text(.date) {
            bad(.date, value, "not a date (YYYY-MM-DD)")
        } else {
            reasons.append("\(name(.date)): required")
        }
        // kind
        var kind: EventKind?
        if let value = text(.kind) {
            kind = EventKind.names[value.lowercased()] ?? EventKind.names[value]
            if kind == nil {
                bad(.kind, value, "not a kind of event (appropriate, supplement, reduce, transfer, pay, refund, recall, carry-in)")
            }
        } else {
            reasons.append("\(name(.kind)): required")
        }
        // project
        var project: Int32 = -1
        if let value = text(.project) {
            if let p = projectIndex[value] { project = p } else { bad(.project, value, "no such project") }
        } else {
            reasons.append("\(name(.project)): required")
        }
        // amount
        var amount: Int64 = 0
        if let f = layout.field(Column.amount.rawValue), f < record.count,
           let fen = record.field(f, { parsePlainAmount(trimmed($0)) }) {
            amount = fen
            if amount == 0 { bad(.amount, text(.amount) ?? "", "must be positive") }
        } else if let value = text(.amount) {
            do {
                amount = try Money.parse(value).fen
                if amount <= 0 { bad(.amount, value, "must be positive") }
            } catch {
                bad(.amount, value, "not an amount (\(error.reason))")
            }
        } else {
            reasons.append("\(name(.amount)): required")
        }
        // econ
        var econ: UInt16 = 0
        if let value = text(.econ) {
            if EconomicCode(value) == nil {
                bad(.econ, value, "not an economic code (3 or 5 digits, e.g. 302 or 30217)")
            } else if let kind, !kind.econ.allowed {
                bad(.econ, value, "a \(kind.entryKind.rawValue) takes no economic code")
            } else {
                econ = intern(econ: value)
            }
        } else if let kind, kind.econ.required {
            reasons.append("\(name(.econ)): required for a \(kind.entryKind.rawValue)")
        }
        // to_project
        var toProject: Int32 = -1
        if let value = text(.toProject) {
            if kind != .transfer {
                if let kind { bad(.toProject, value, "only a transfer names a receiving project, not a \(kind.entryKind.rawValue)") }
            } else if let p = projectIndex[value] {
                if p == project { bad(.toProject, value, "a transfer needs two different projects") }
                toProject = p
            } else {
                bad(.toProject, value, "no such project")
            }
        } else if kind == .transfer {
            reasons.append("\(name(.toProject)): required for a transfer (the receiving project)")
        }
        // doc, memo, ref: kept as bytes
        let start = arena.count
        let docLength = appendText(.doc, record, layout, encoding, &reasons)
        let memoLength = appendText(.memo, record, layout, encoding, &reasons)
        let refLength = appendText(.ref, record, layout, encoding, &reasons)

        if refLength > 0 {
            let refStart = start + Int(docLength) + Int(memoLength)
            if let first = try firstLine(ofRef: refStart, length: refLength, line: Int32(record.line)) {
                bad(.ref, refString(refStart, refLength), "repeats the ref of line \(first)")
            }
        }
        guard reasons.isEmpty, let kind else {
            arena.removeSubrange(start...)
            return
        }
        if refLength > 0 && bookHasRefs {
            let refStart = start + Int(docLength) + Int(memoLength)
            let exists = try arena.withUnsafeBufferPointer {
                try store.refExists(utf8: UnsafeBufferPointer(rebasing: $0[refStart..<(refStart + Int(refLength))]))
            }
            if exists {
                result.skipped += 1
                return  // the ref's bytes stay, for `refLines`
            }
        }
        years.insert(Int(date / 10_000))
        events.append(ImportedEvent(amount: amount, text: start, docLength: docLength, memoLength: memoLength,
                                    refLength: refLength, date: date, line: Int32(record.line), project: project,
                                    toProject: toProject, econ: econ, kind: kind, overdraft: false))
    }

    /// Appends a text column's trimmed bytes to the arena; returns their length (0: absent).
    private mutating func appendText(_ column: Column, _ record: CSVRecord, _ layout: ImportColumns.Layout,
                                     _ encoding: TextEncoding, _ reasons: inout [String]) -> UInt32 {
        guard let f = layout.field(column.rawValue), f < record.count else { return 0 }
        return record.field(f) { bytes in
            let t = trimmed(bytes)
            if let problem = textProblem(t, encoding: encoding) {
                reasons.append("\(layout.nameOf[column.rawValue]): \(problem)")
                return 0
            }
            arena.append(contentsOf: t)
            return UInt32(t.count)
        }
    }

    private func refString(_ start: Int, _ length: UInt32) -> String {
        String(decoding: arena[start..<(start + Int(length))], as: UTF8.self)
    }

    /// The line a ref first appeared on when it appeared before; else records it and is nil.
    private mutating func firstLine(ofRef start: Int, length: UInt32, line: Int32) throws -> Int32? {
        let end = start + Int(length)
        var hasher = Hasher()
        arena.withUnsafeBytes { hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: $0[start..<end])) }
        let hash = hasher.finalize()
        if streaming { return try streamedRepeat(hash: hash, start: start, length: length, line: line) }
        guard let seen = refLines[hash] else {
            refLines[hash] = (start, length, line)
            return nil
        }
        if seen.length == length && arena[seen.start..<(seen.start + Int(seen.length))].elementsEqual(arena[start..<end]) {
            return seen.line
        }
        let key = refString(start, length)
        if let first = refOverflow[key] { return first }
        refOverflow[key] = line
        return nil
    }

    private mutating func intern(econ code: String) -> UInt16 {
        if let i = econIndex[code] { return i }
        let i = UInt16(econCodes.count)
        econIndex[code] = i
        econCodes.append(code)
        return i
    }

    // MARK: Checking

    /// Row indices in date order, file order within a date (a stable sort).
    private func dateOrder() -> [Int32] {
        var order = (0..<Int32(events.count)).map { $0 }
        var sorted = true
        for i in events.indices.dropFirst() where events[i].date < events[i - 1].date { sorted = false; break }
        if !sorted {
            events.withUnsafeBufferPointer { e in
                order.sort { a, b in
                    let da = e[Int(a)].date, db = e[Int(b)].date
                    return da != db ? da < db : a < b
                }
            }
        }
        return order
    }

    /// Years and availability, row by row in date order: a closed year or one not in the book
    /// refuses the row, the year after the latest opens, and authority cannot go below zero.
    private mutating func check(_ order: [Int32]) throws {
        for i in order { try checkEvent(Int(i)) }
    }

    /// Checks one row against the years and the availability of everything before it in date
    /// order, and counts it as posted when it passes.
    mutating func checkEvent(_ i: Int) throws {
        if yearOpen == nil {
            var open: [Int: Bool] = [:]
            for (year, closed) in try store.years() { open[year] = !closed }
            yearOpen = open
            latestYear = open.keys.max() ?? 0
            firstYear = open.keys.min() ?? 0
            for (index, id) in projectIDs.enumerated() { indexOfID[id] = index }
        }
        let e = events[i]
        let year = e.year
        switch yearOpen![year] {
        case true?:
            if !seededYears.contains(year) {
                seededYears.insert(year)
                try store.availabilitySeed(year: year) { projectID, econ, available, own in
                    guard let p = indexOfID[projectID] else { return }
                    availability.seed(year: year, project: Int32(p), econ: econ.isEmpty ? 0 : intern(econ: econ),
                                      available: available, ownAuthority: own)
                }
            }
        case false?:
            result.add(ImportProblem(line: Int(e.line), message: "date '\(e.day)': year \(year) is closed"))
            return
        case nil:
            guard year == latestYear + 1 else {
                let range = latestYear == 0 ? "none" : firstYear == latestYear ? "\(latestYear)" : "\(firstYear)–\(latestYear)"
                result.add(ImportProblem(line: Int(e.line),
                                         message: "date '\(e.day)': year \(year) is not in this book (its years: \(range))"))
                return
            }
            yearOpen![year] = true
            seededYears.insert(year)
            latestYear = year
            if firstYear == 0 { firstYear = year }
            result.yearsOpened.append(year)
        }
        if e.kind.usesAuthority,
           let shortfall = availability.shortfall(verb: e.kind.entryKind.rawValue, year: year, project: e.project,
                                                  code: projectCodes[Int(e.project)], econ: e.econ,
                                                  econCode: econCodes[Int(e.econ)], amount: e.amount) {
            guard options.allowOverdraft else {
                result.add(ImportProblem(line: Int(e.line), message: shortfall + " (--allow-overdraft records it anyway)"))
                return
            }
            events[i].overdraft = true
            result.overdrafts += 1
        }
        apply(e, to: &availability)
        result.posted += 1
    }

    private func apply(_ e: ImportedEvent, to state: inout AvailabilityState) {
        let y = e.year
        switch e.kind {
        case .appropriate, .supplement:
            state.change(year: y, project: e.project, econ: e.econ, available: e.amount, grant: true)
        case .reduce:
            state.change(year: y, project: e.project, econ: e.econ, available: -e.amount, grant: true)
        case .pay:
            state.change(year: y, project: e.project, econ: e.econ, available: -e.amount)
        case .refund:
            state.change(year: y, project: e.project, econ: e.econ, available: e.amount)
        case .transfer:
            state.change(year: y, project: e.project, econ: 0, available: -e.amount)
            state.change(year: y, project: e.toProject, econ: 0, available: e.amount)
        case .recall:
            state.change(year: y, project: e.project, econ: 0, available: -e.amount)
        case .carryIn:
            state.change(year: y, project: e.project, econ: 0, available: e.amount)
        }
    }

    // MARK: Posting

    /// The postings of an event (DESIGN §2): account, whether on the receiving project,
    /// whether tagged with the code, and the sign of the amount (debit positive).
    static func legs(_ kind: EventKind) -> [(account: StaticString, to: Bool, tagged: Bool, sign: Int64)] {
        switch kind {
        case .appropriate: [("initial", false, true, 1), ("available", false, true, -1)]
        case .supplement: [("addition", false, true, 1), ("available", false, true, -1)]
        case .reduce: [("available", false, true, 1), ("reduction", false, true, -1)]
        case .transfer: [("available", false, false, 1), ("transfer", false, false, -1),
                         ("transfer", true, false, 1), ("available", true, false, -1)]
        case .pay: [("available", false, true, 1), ("paid", false, true, -1)]
        case .refund: [("paid", false, true, 1), ("available", false, true, -1)]
        case .recall: [("available", false, false, 1), ("recall", false, false, -1)]
        case .carryIn: [("carry-in", false, false, 1), ("available", false, false, -1)]
        }
    }

    private mutating func post(_ order: [Int32]) throws {
        try postEvents(order)
        try finishPosting()
        progress?(ImportProgress(phase: .posting, done: order.count, total: order.count))
    }

    /// Writes checked rows (in the given order) as entries and postings, 256 rows per INSERT;
    /// the first call drops the per-row triggers (see StoreBulkWrite.swift).
    mutating func postEvents(_ order: [Int32]) throws {
        if posting == nil {
            posting = PostingRun(nextID: try store.nextEntryID(), suspended: try store.suspendRowTriggers(),
                                 sums: MonthlySums(projectIDs: projectIDs))
        }
        var run = posting!
        defer { posting = run }
        // Years this import opens go into the book before their first entry.
        while yearsInserted < result.yearsOpened.count {
            let year = result.yearsOpened[yearsInserted]
            guard let first = order.first(where: { events[Int($0)].year == year }) else { break }
            try store.insertYear(year, date: events[Int(first)].day, reason: "first entry of the year")
            yearsInserted += 1
        }
        let legs = EventKind.allCases.map { EventImport.legs($0) }
        let legAccounts = legs.map { $0.map { MonthlySums.index(of: Account(rawValue: $0.account.description)!) } }
        // Every economic code's bytes, back to back, so one buffer serves every posting.
        let econBytes = econCodes.flatMap { Array($0.utf8) }
        var econRanges: [Range<Int>] = []
        for code in econCodes { let start = econRanges.last?.upperBound ?? 0; econRanges.append(start..<(start + code.utf8.count)) }
        let total = order.count
        var entries: [ImportEntryRow] = []
        var postings: [ImportPostingRow] = []
        entries.reserveCapacity(Store.importBatch)
        postings.reserveCapacity(Store.importBatch * 4)
        try econBytes.withUnsafeBufferPointer { econs in
            try arena.withUnsafeBufferPointer { text in
                func flush() throws {
                    try store.insertEntries(entries[...])
                    try store.insertPostings(postings[...])
                    entries.removeAll(keepingCapacity: true)
                    postings.removeAll(keepingCapacity: true)
                }
                for (n, i) in order.enumerated() {
                    let e = events[Int(i)]
                    var at = e.text
                    func slice(_ length: UInt32) -> UnsafeBufferPointer<UInt8>? {
                        defer { at += Int(length) }
                        return length == 0 ? nil : UnsafeBufferPointer(rebasing: text[at..<(at + Int(length))])
                    }
                    let id = run.nextID
                    run.nextID += 1
                    entries.append(ImportEntryRow(id: id, date: e.date, kind: e.kind.name, doc: slice(e.docLength),
                                                  memo: slice(e.memoLength), ref: slice(e.refLength), overdraft: e.overdraft))
                    for (l, leg) in legs[Int(e.kind.rawValue)].enumerated() {
                        let projectIndex = Int(leg.to ? e.toProject : e.project)
                        let econ = leg.tagged && e.econ != 0 ? e.econ : 0
                        postings.append(ImportPostingRow(
                            entry: id, account: leg.account, project: projectIDs[projectIndex],
                            econ: econ != 0 ? UnsafeBufferPointer(rebasing: econs[econRanges[Int(econ)]]) : nil, amount: leg.sign * e.amount))
                        run.sums.add(year: Int(e.date / 10_000), project: projectIndex, econ: Int(econ),
                                     account: legAccounts[Int(e.kind.rawValue)][l], month: Int(e.date / 100 % 100),
                                     amount: leg.sign * e.amount)
                    }
                    if entries.count == Store.importBatch { try flush() }
                    if let progress, !streaming, n & 0x3FFF == 0x3FFF {
                        progress(ImportProgress(phase: .posting, done: n + 1, total: total))
                    }
                }
                try flush()
            }
        }
    }

    /// Adds the summed postings to `monthly_total` and re-creates the per-row triggers.
    mutating func finishPosting() throws {
        guard let run = posting else { return }
        try store.addToMonthlyTotals(run.sums, econCodes: econCodes)
        try store.restoreTriggers(run.suspended)
        posting = nil
    }
}

/// What posting carries from one batch of rows to the next.
struct PostingRun {
    var nextID: Int64
    var suspended: [String]
    var sums: MonthlySums
}

/// `2023-03-15`, `2023/3/15`, `2023.3.15` or `20230315` as yyyymmdd, when the day exists.
func parseDate(_ b: UnsafeBufferPointer<UInt8>) -> Int32? {
    func digit(_ c: UInt8) -> Int? { c >= 48 && c <= 57 ? Int(c - 48) : nil }
    var y = 0, m = 0, d = 0
    if b.count == 8 && b.allSatisfy({ digit($0) != nil }) {
        for i in 0..<8 { guard let v = digit(b[i]) else { return nil }; if i < 4 { y = y * 10 + v } else if i < 6 { m = m * 10 + v } else { d = d * 10 + v } }
    } else {
        guard b.count >= 8, b.count <= 10 else { return nil }
        for i in 0..<4 { guard let v = digit(b[i]) else { return nil }; y = y * 10 + v }
        let sep = b[4]
        guard sep == UInt8(ascii: "-") || sep == UInt8(ascii: "/") || sep == UInt8(ascii: ".") else { return nil }
        var i = 5
        var parts = [0, 0]
        for p in 0..<2 {
            var digits = 0
            while i < b.count, let v = digit(b[i]) { parts[p] = parts[p] * 10 + v; digits += 1; i += 1 }
            guard digits == 1 || digits == 2 else { return nil }
            if p == 0 { guard i < b.count, b[i] == sep else { return nil }; i += 1 }
        }
        guard i == b.count else { return nil }
        m = parts[0]; d = parts[1]
    }
    guard Day(year: y, month: m, day: d) != nil else { return nil }
    return Int32(y * 10_000 + m * 100 + d)
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
