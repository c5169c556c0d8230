extension Book {
    /// Records one event: resolves its projects, builds its postings and posts them under
    /// availability control, all in one transaction.
    @discardableResult
    public func record(_ event: BudgetEvent, _ options: RecordOptions) throws(FiscalError) -> JournalEntry {
        guard event.amount.isPositive else {
            throw .invalidValue(field: "amount", value: event.amount.plain, reason: "must be positive")
        }
        if case let .transfer(from, to, _) = event, from == to {
            throw .invalidValue(field: "to", value: to, reason: "a transfer needs two different projects")
        }
        return try guarded {
            try database.write {
                var ids: [String: Int64] = [:]
                for code in event.projectCodes {
                    guard let project = try store.project(code: code) else { throw FiscalError.unknownProject(code) }
                    ids[code] = project.id
                }
                let draft = EntryDraft(date: options.date, kind: event.kind, doc: options.doc, memo: options.memo,
                                       ref: options.ref, postings: event.postings(ids: ids))
                let id = try post(draft, control: (options.allowOverdraft, event.kind.rawValue))
                return try store.entry(id: id)!
            }
        }
    }

    /// Undoes a posted entry with an entry of the opposite postings that points at it.
    @discardableResult
    public func reverse(entry id: Int64, reason: String, date: Day, allowOverdraft: Bool = false) throws(FiscalError) -> JournalEntry {
        guard !reason.trimmingWhitespace().isEmpty else {
            throw .invalidValue(field: "--reason", value: reason, reason: "must not be empty")
        }
        return try guarded {
            try database.write {
                guard let original = try store.entry(id: id) else { throw FiscalError.unknownEntry(id) }
                if let by = original.reversedBy { throw FiscalError.alreadyReversed(entry: id, by: by) }
                switch original.kind {
                case .reversal:
                    throw FiscalError.refused("entry '\(id)': is itself a reversal; record the original event again instead")
                case .close, .open:
                    throw FiscalError.refused("entry '\(id)': is a year-end entry; use `fiscal reopen` instead")
                default: break
                }
                guard date.year == original.date.year else {
                    throw FiscalError.invalidValue(field: "--date", value: date.description,
                                                   reason: "a reversal must be dated in \(original.date.year), the year of entry \(id)")
                }
                let draft = EntryDraft(date: date, kind: .reversal, memo: reason, reverses: id,
                                       postings: try store.postingsForReversal(entryID: id).map {
                                           Posting($0.account, project: $0.projectID, econ: $0.econ, -$0.amount)
                                       })
                return try store.entry(id: try post(draft, control: (allowOverdraft, "reversing entry \(id):")))!
            }
        }
    }

    /// Writes a draft; the caller holds the transaction. Refuses a date outside the book's open
    /// years — first, so that a date in a closed year is refused as such and not as an
    /// overdraft — then, with `control`, what availability control refuses (marking a recorded
    /// overdraft), an unbalanced entry and a duplicate reference.
    func post(_ draft: EntryDraft, control: (allowOverdraft: Bool, verb: String)? = nil) throws -> Int64 {
        try ensureOpen(year: draft.date.year, date: draft.date)
        var draft = draft
        if let control {
            draft.overdraft = try checkAvailability(draft, allowOverdraft: control.allowOverdraft, verb: control.verb)
        }
        if let (project, sum) = draft.unbalancedProjects.first {
            throw FiscalError.refused("entry does not balance: project #\(project) sums to \(sum)")
        }
        if let ref = draft.ref, try store.refExists(ref) { throw FiscalError.duplicateRef(ref) }
        return try store.insertEntry(draft)
    }

    /// A date's year must be open. The year after the book's latest opens on first use;
    /// any other year not in the book is refused.
    func ensureOpen(year: Int, date: Day) throws {
        switch try store.yearStatus(year) {
        case "open": return
        case "closed": throw FiscalError.closedYear(year: year, what: date.description)
        default:
            let years = try store.years().map(\.year)
            guard let last = years.last, year == last + 1 else {
                let range = years.isEmpty ? "none" : years.count == 1 ? "\(years[0])" : "\(years.first!)–\(years.last!)"
                throw FiscalError.invalidValue(field: "date", value: date.description,
                                               reason: "year \(year) is not in this book (its years: \(range))")
            }
            try store.insertYear(year, date: date, reason: "first entry of the year")
        }
    }
}
