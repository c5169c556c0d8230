extension Book {
    /// Records one event: resolves its projects, builds its postings from its kind's legs and
    /// posts them through the posting engine, all in one transaction.
    @discardableResult
    public func record(_ event: BudgetEvent, _ options: RecordOptions) throws(FiscalError) -> JournalEntry {
        guard event.amount.isPositive else {
            throw .invalidValue(field: "amount", value: event.amount.plain, reason: "must be positive")
        }
        try TextRules.check(options.doc, .doc)
        try TextRules.check(options.memo, .memo)
        try TextRules.check(options.ref, .ref)
        try TextRules.check(options.payee, .name, name: "payee")
        try TextRules.check(options.paymentMethod, .doc, name: "method")
        if event.kind != .pay && event.kind != .refund {
            if let payee = options.payee { throw .invalidValue(field: "payee", value: payee, reason: "only a payment or a refund has a payee") }
            if let method = options.paymentMethod {
                throw .invalidValue(field: "method", value: method, reason: "only a payment or a refund has a payment method")
            }
        }
        try checkContractOption(event.kind, options)
        if let unit = options.counterpartUnit {
            guard event.kind.unitTransferSide != nil else {
                throw .invalidValue(field: "counterpart unit", value: unit,
                                    reason: "only a payment (to a unit) or an appropriation or addition (from a unit) names another unit")
            }
            guard !unit.trimmingWhitespace().isEmpty else {
                throw .invalidValue(field: "counterpart unit", value: unit, reason: "must not be empty")
            }
            try TextRules.check(unit, .unit, name: "counterpart unit")
        }
        if case let .transfer(from, to, _) = event, from == to {
            throw .invalidValue(field: "to", value: to, reason: "a transfer needs two different projects")
        }
        return try guarded {
            try store.write {
                var ids: [String: Int64] = [:]
                for code in event.projectCodes {
                    guard let project = try store.project(code: code) else { throw FiscalError.unknownProject(code) }
                    ids[code] = project.id
                }
                if case let .carryIn(code, amount) = event, !options.again {
                    try refuseRepeatedCarryIn(project: code, id: ids[code]!, amount: amount, year: options.date.year)
                }
                if let econ = event.econ { try BookCodes(local: try store.localCodes()).check(econ: econ.code, for: event.kind) }
                let contract = try contractFor(event, options, projectID: ids[event.projectCodes[0]]!)
                var draft = EntryDraft(date: options.date, kind: event.kind, doc: options.doc, memo: options.memo,
                                       ref: options.ref, postings: event.postings(ids: ids, contract: contract))
                draft.payee = options.payee
                draft.paymentMethod = options.paymentMethod
                draft.counterpartUnit = options.counterpartUnit
                var engine = try PostingEngine(store: store)
                let id = try post(draft, engine: &engine,
                                  control: .check(verb: event.kind.rawValue, allowOverdraft: options.allowOverdraft))
                return try store.entry(id: id)!
            }
        }
    }

    /// A second carry-in of the same amount for the same project and year is almost always the
    /// same 上年结转 typed twice: refused, naming the first.
    private func refuseRepeatedCarryIn(project code: String, id: Int64, amount: Money, year: Int) throws {
        let same = try store.journal(JournalFilter(projectID: id, year: year)).first { e in
            e.kind == .carryIn && e.reversedBy == nil && e.postings.contains { $0.account == .carryIn && $0.amount == amount }
        }
        if let same { throw FiscalError.repeatedCarryIn(project: code, year: year, amount: amount, entry: same.id) }
    }

    /// Undoes a posted entry with an entry of the opposite postings that points at it.
    @discardableResult
    public func reverse(entry id: Int64, reason: String, date: Day, allowOverdraft: Bool = false) throws(FiscalError) -> JournalEntry {
        guard !reason.trimmingWhitespace().isEmpty else {
            throw .invalidValue(field: "reason", value: reason, reason: "must not be empty")
        }
        try TextRules.check(reason, .reason)
        return try guarded {
            try store.write {
                guard let original = try store.entry(id: id) else { throw FiscalError.unknownEntry(id) }
                if let by = original.reversedBy { throw FiscalError.alreadyReversed(entry: id, by: by) }
                switch original.kind {
                case .reversal:
                    throw FiscalError.refused("entry '\(id)': is itself a reversal; record the original event again instead")
                case .close, .open:
                    throw FiscalError.refused("entry '\(id)': is a year-end entry; reopen its year instead")
                default: break
                }
                guard date.year == original.date.year else {
                    throw FiscalError.invalidValue(field: "date", value: date.description,
                                                   reason: "a reversal must be dated in \(original.date.year), the year of entry \(id)")
                }
                var engine = try PostingEngine(store: store)
                let draft = try reversal(of: id, date: date, memo: reason)
                return try store.entry(id: try post(draft, engine: &engine,
                                                    control: .check(verb: "reversing entry \(id):", allowOverdraft: allowOverdraft)))!
            }
        }
    }

    /// The reversal of a posted entry: its postings with the signs turned, pointing at it.
    /// The one builder of reversals — `reverse` and `reopen` both use it.
    func reversal(of id: Int64, date: Day, memo: String) throws -> EntryDraft {
        EntryDraft(date: date, kind: .reversal, memo: memo, reverses: id,
                   postings: try store.postings(entryID: id).map {
                       Posting($0.account, project: $0.projectID, econ: $0.econ, -$0.amount, contract: $0.contractID)
                   })
    }

    /// Admits a draft through the posting engine — year, balance, availability (marking a
    /// recorded overdraft) — refuses a duplicate reference, and writes it. The caller holds
    /// the transaction.
    func post(_ draft: EntryDraft, engine: inout PostingEngine, control: PostingEngine.Control = .none) throws -> Int64 {
        try postEntry(draft, engine: &engine, control: control).id
    }

    /// ``post(_:engine:control:)``, with what the engine decided.
    func postEntry(_ draft: EntryDraft, engine: inout PostingEngine, control: PostingEngine.Control = .none,
                   write: ((EntryDraft) throws -> Int64)? = nil) throws -> (id: Int64, admission: PostingEngine.Admission) {
        let postings = draft.postings.map {
            LegPosting(account: $0.account, project: $0.projectID, econ: engine.intern(econ: $0.econ?.code ?? ""),
                       amount: $0.amount.fen, contract: $0.contractID ?? 0)
        }
        let admission = try engine.admit(date: draft.date, postings: postings, control: control,
                                         projectCode: { try store.projectCode(id: $0) ?? "#\($0)" },
                                         contractNumber: { try store.contractNumber(id: $0) ?? "#\($0)" })
        if let ref = draft.ref, try store.refExists(ref) { throw FiscalError.duplicateRef(ref) }
        var draft = draft
        draft.overdraft = draft.overdraft || admission.overdraft
        return (try write?(draft) ?? store.insertEntry(draft), admission)
    }
}
