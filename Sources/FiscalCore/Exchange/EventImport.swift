extension Book {
    /// Imports events from a file of records (CSV today: columns `date,kind,project,amount` and
    /// optionally `econ,doc,ref,memo,to_project,payee,payment_method`, or their Chinese names,
    /// or as a saved profile maps the file's own headers) as one batch: every
    /// row is read and checked — format, projects, then years, balance and availability in date
    /// order through the one posting engine — before anything is written; one bad row and
    /// nothing is. Rows whose `ref` the book already has are skipped, so importing a file twice
    /// posts it once. Rows are posted in date order (file order within a date) in one
    /// transaction.
    ///
    ///     let result = try book.importEvents(fromFile: "2023.csv", options: ImportOptions())
    ///     if !result.isAccepted { for p in result.problems { print(p) } }
    public func importEvents(fromFile path: String, options: ImportOptions = ImportOptions(),
                             progress: ((ImportProgress) -> Void)? = nil) throws(FiscalError) -> ImportResult {
        let source = try openRecordSource(path: path, options: options)
        var result = try guarded {
            let sha256 = try StreamingSHA256.file(path)
            return try store.withBulkWriteSettings(cacheKiB: 32 * 1024) {
                try store.write {
                    // A workbook holds several sheets, each its own import: there the rows say
                    // what was imported before, not the file's bytes.
                    if source is CSVRecordSource { try refuseImported(path, sha256: sha256, rows: nil, options) }
                    let firstID = try store.nextEntryID()
                    var result: ImportResult
                    var stream = try EventImport(store: store, source: source, options: options, progress: progress)
                    if !options.dryRun, let streamed = try stream.performStreaming() {
                        result = streamed
                        result.rowsSHA256 = stream.rows.hex
                    } else {
                        // Not in date order (or a dry run): read again, hold every row, sort.
                        let again = options.dryRun ? source : try source.restarted()
                        var run = try EventImport(store: store, source: again, options: options, progress: progress)
                        result = try run.perform()
                        result.rowsSHA256 = run.rows.hex
                    }
                    result.sha256 = sha256
                    guard result.isAccepted else { return result }
                    try refuseImported(path, sha256: nil, rows: result.rowsSHA256, options)
                    if !options.dryRun { result.batch = try recordBatch(result, entries: firstID, options) }
                    return result
                }
            }
        }
        result.describeSource(source)
        return result
    }

    /// Refuses content imported before (and not undone) unless `again`: the same bytes, or
    /// the same rows in another column or row order.
    private func refuseImported(_ path: String, sha256: String?, rows: String?, _ options: ImportOptions) throws {
        guard !options.again else { return }
        let earlier = try store.importBatches().first {
            $0.undone == nil && ($0.sha256 == sha256 || $0.rowsSHA256 == rows)
        }
        guard let earlier else { return }
        throw FiscalError.alreadyImported(file: path, how: sha256 != nil ? "its content was" : "its rows (in another order) were",
                                          batch: earlier.id, earlierFile: earlier.file, on: earlier.imported.description)
    }

    private func recordBatch(_ r: ImportResult, entries firstID: Int64, _ options: ImportOptions) throws -> Int64 {
        let next = try store.nextEntryID()
        return try store.insertImportBatch(ImportBatchRecord(
            file: r.file, sha256: r.sha256, rowsSHA256: r.rowsSHA256, rows: r.rows, posted: r.posted, skipped: r.skipped,
            entries: next > firstID ? firstID...(next - 1) : nil, imported: options.today ?? Day(year: 1970, month: 1, day: 1)!,
            again: options.again, totals: r.totals))
    }
}

/// One run of `Book.importEvents`: read and check every row (EventRowParser.swift), admit each
/// through the posting engine in date order (ImportCheck.swift), then write them in bulk
/// (ImportWriter.swift). A date-ordered file goes through in chunks (EventImportStream.swift).
struct EventImport {
    /// The columns, with the names 预算管理一体化 exports use (支付日期, 支付金额, 经济分类科目,
    /// 凭证号 …). A file with only 项目名称 names its projects by name.
    static let columns = ImportColumns(columns: [
        .init(key: "date", aliases: ["日期", "记账日期", "业务日期", "支付日期", "凭证日期"], required: true),
        .init(key: "kind", aliases: ["类型", "业务类型"], required: true),
        .init(key: "project", aliases: ["项目编码", "项目", "项目代码"], required: true),
        .init(key: "amount", aliases: ["金额", "金额（元）", "金额(元)", "支付金额", "支付金额（元）", "支付金额(元)"], required: true),
        .init(key: "econ", aliases: ["经济分类", "经济分类编码", "经济分类科目", "部门经济分类", "部门预算支出经济分类"], required: false),
        .init(key: "doc", aliases: ["文号", "指标文号"], required: false),
        .init(key: "ref", aliases: ["凭证号", "参考号", "外部参考号", "支付凭证号"], required: false),
        .init(key: "memo", aliases: ["摘要", "备注", "用途"], required: false),
        .init(key: "to_project", aliases: ["调入项目", "调入项目编码"], required: false),
        .init(key: "project_name", aliases: ["项目名称"], required: false),
        // What a payment list says beside the money, kept on the entry (schema 5b).
        .init(key: "payee", aliases: ["收款人", "收款人全称", "收款人名称", "收款单位", "收款单位名称"], required: false),
        .init(key: "payment_method", aliases: ["支付方式", "结算方式", "method"], required: false),
        // Commitments (issue 14): the contract a commit, payment or release names, and its terms.
        .init(key: "contract", aliases: ["合同编号", "合同号"], required: false),
        .init(key: "supplier", aliases: ["供应商", "供应商名称"], required: false),
        .init(key: "procurement", aliases: ["采购类型", "政府采购类型"], required: false),
        .init(key: "sme", aliases: ["中小企业"], required: false),
    ], ignorable: ["收款人账号", "收款人开户行", "预算单位", "单位名称", "功能分类", "功能分类科目", "资金性质", "指标来源"],
       standIns: ["project": "project_name"], ignoresUnknown: true)
    enum Column: Int {
        case date, kind, project, amount, econ, doc, ref, memo, toProject, projectName, payee, paymentMethod
        case contract, supplier, procurement, sme
        /// The rule of ``TextRules`` a free-text column meets (doc, memo, ref, payee, method).
        var textField: TextField {
            switch self {
            case .memo: .memo
            case .ref: .ref
            case .payee: .name
            default: .doc
            }
        }
    }

    let store: any Store
    let source: any RecordSource
    /// The caller's options, the kind filled in from the profile where the caller gave none.
    let options: ImportOptions
    /// The saved column mapping the header is read through (`--profile`).
    let profile: ImportProfile?
    let progress: ((ImportProgress) -> Void)?

    var result: ImportResult
    var events: [ImportedEvent] = []
    /// doc, memo and ref of every row, back to back.
    var arena: [UInt8] = []

    var projectIndex: [String: Int32] = [:]
    var projectIDs: [Int64] = []
    var projectCodes: [Int64: String] = [:]
    /// Projects by name; nil where two projects share the name.
    var projectByName: [String: Int32?] = [:]
    /// The one posting engine, which also interns the economic codes rows carry.
    var engine: PostingEngine
    /// Economic codes already interned, by ``econKey(_:)``.
    var econByKey: [Int: UInt16] = [:]
    /// The codes the book accepts (official and local).
    let codes: BookCodes

    /// Contracts by number (issue 14): the book's, read once, and those the file's commits
    /// create; a row never asks the book about its contract.
    var contracts: [String: ImportContract] = [:]
    var nextContractID: Int64 = 1
    /// Contracts created by the file, in id order; `contractsWritten` of them are in the book.
    var newContracts: [Contract] = []
    var contractsWritten = 0
    /// Rows (index into `events`, number, column name) naming a contract not known yet.
    var laterContracts: [(Int, String, String)] = []
    static let contractLater: Int64 = -1

    /// First line of each ref in the file, by hash; a clash of different refs goes to `refOverflow`.
    var refLines: [Int: (start: Int, length: UInt32, line: Int32)] = [:]
    var refOverflow: [String: Int32] = [:]
    var bookHasRefs = false

    /// The fingerprint of the file's good rows (ImportFingerprint.swift).
    var rows = RowFingerprint()

    /// Writing, kept between chunks when the file is streamed, and on the other core where it can.
    var writer: BulkWriter? = nil
    var pipeline: ImportPipeline? = nil
    /// Entry ids and hashes, kept between chunks like the writer.
    var chain: ImportChain? = nil
    /// The admitted rows' postings summed for `monthly_total`, kept between chunks like the writer.
    var sums: MonthlySums? = nil

    /// Streaming (EventImportStream.swift): refs of the current chunk, and a fixed-size filter
    /// of the refs of earlier chunks, which are in the book by then.
    var streaming = false
    var chunkRefs = ChunkRefs(capacity: EventImport.chunkRows)
    /// Refs of this chunk the filter says may be in an earlier one, asked about at its end.
    var pendingRefs: [(start: Int, length: UInt32, line: Int32)] = []
    var refFilter = RefFilter()
    var firstImportID: Int64 = 0

    init(store: any Store, source: any RecordSource, options: ImportOptions, progress: ((ImportProgress) -> Void)?) throws {
        self.store = store
        self.source = source
        let profile = try options.profile.map { name in
            guard let found = try store.importProfiles().first(where: { $0.name == name }) else {
                throw Book.noProfile(name, try store.importProfiles())
            }
            return found
        }
        var options = options
        options.kind = options.kind ?? profile?.kind
        self.profile = profile
        self.options = options
        self.progress = progress
        result = ImportResult(file: source.path, dryRun: options.dryRun)
        for project in try store.projects() {
            projectIndex[project.code] = Int32(projectIDs.count)
            projectIDs.append(project.id)
            projectCodes[project.id] = project.code
            projectByName[project.name] = projectByName[project.name] == nil ? Int32(projectIDs.count - 1) : .some(nil)
        }
        bookHasRefs = try store.hasRefs()
        for (number, c) in try store.contractIndex() {
            contracts[number] = ImportContract(id: c.id, project: c.project, econ: c.econ)
            nextContractID = max(nextContractID, c.id + 1)
        }
        codes = BookCodes(local: try store.localCodes())
        engine = try PostingEngine(store: store)
    }

    mutating func perform() throws -> ImportResult {
        try read()
        resolveLaterContracts()
        result.encoding = source.encoding
        if result.badRows == 0 || !events.isEmpty {
            let order = dateOrder()
            for i in order { try checkEvent(Int(i)) }
            if result.isAccepted && !options.dryRun {
                try write(order)
                try finishWriting()
                progress?(ImportProgress(phase: .posting, done: order.count, total: order.count))
            }
        }
        if !result.isAccepted { result.posted = 0 }
        result.problems.sort { $0.line < $1.line }
        return result
    }

    /// Reads every row. With `chunk`, calls it each time `EventImport.chunkRows` good rows are
    /// held, and once at the end; it returns false to stop reading.
    mutating func read(chunk: ((inout EventImport) throws -> Bool)? = nil) throws {
        var record = CSVRecord()
        guard let layout = try EventImport.columns.readHeader(source, into: &record, result: &result,
                                                               example: "date,kind,project,amount",
                                                               optional: options.kind == nil ? [] : ["kind"],
                                                               profile: profile) else { return }
        var reasons: [String] = []
        var lastReport = 0
        while try source.next(into: &record) {
            if record.isBlank && !record.unclosedQuote { continue }
            result.rows += 1
            reasons.removeAll(keepingCapacity: true)
            try parse(record, layout, &reasons)
            if !reasons.isEmpty {
                result.add(ImportProblem(line: record.line, message: reasons.joined(separator: "; ")))
            }
            if let progress, source.position.done != lastReport {
                lastReport = source.position.done
                progress(ImportProgress(phase: .reading, done: lastReport, total: source.position.total))
            }
            // Rows skipped by ref leave their ref behind until the chunk is done: count those too.
            if let chunk, events.count >= EventImport.chunkRows || chunkRefs.count >= EventImport.chunkRows,
               try !chunk(&self) { return }
        }
        if let chunk { _ = try chunk(&self) }
    }

    /// Row indices in date order, file order within a date (a stable sort).
    func dateOrder() -> [Int32] {
        var order = (0..<Int32(events.count)).map { $0 }
        guard events.indices.dropFirst().contains(where: { events[$0].date < events[$0 - 1].date }) else { return order }
        events.withUnsafeBufferPointer { e in
            order.sort { a, b in
                let da = e[Int(a)].date, db = e[Int(b)].date
                return da != db ? da < db : a < b
            }
        }
        return order
    }
}
