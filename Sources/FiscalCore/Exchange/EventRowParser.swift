import Foundation

/// Reading one row of an event file: each field checked on its own, every problem of the row
/// said at once. What a row means is decided by the posting engine afterwards, never here.
extension EventImport {
    /// Checks one row; appends it to `events` when it is good and not already in the book,
    /// else says why in `reasons`.
    mutating func parse(_ record: CSVRecord, _ layout: ImportColumns.Layout, _ reasons: inout [String]) throws {
        var row = ImportRow(record: record, layout: layout, encoding: source.encoding)
        defer { reasons = row.reasons }
        if row.isBroken { return }
        let date = readDate(&row)
        let kind = readKind(&row)
        let project = readProject(&row)
        let amount = readAmount(&row)
        let econ = readEcon(&row, kind: kind)
        let toProject = readReceiver(&row, kind: kind, project: project)
        var econIndex = econ
        let contract = readContract(&row, kind: kind, project: project, econ: &econIndex, date: date)
        // doc, memo, ref, payee and method: kept as bytes in the arena
        let start = arena.count
        let docLength = appendText(.doc, &row)
        let memoLength = appendText(.memo, &row)
        let refLength = appendText(.ref, &row)
        let payeeLength = appendText(.payee, &row)
        let methodLength = appendText(.paymentMethod, &row)
        if let kind, kind != .pay && kind != .refund, payeeLength > 0 || methodLength > 0 {
            let (column, what) = payeeLength > 0 ? (Column.payee, "payee") : (Column.paymentMethod, "payment method")
            row.bad(column, row.text(column) ?? "", "only a payment or a refund has a \(what), not a \(kind.rawValue)")
        }
        let refStart = start + Int(docLength) + Int(memoLength)
        if refLength > 0, let first = try firstLine(ofRef: refStart, length: refLength, line: Int32(record.line)) {
            row.bad(.ref, refString(refStart, refLength), "repeats the ref of line \(first)")
        }
        guard row.reasons.isEmpty, let kind else {
            arena.removeSubrange(start...)
            return
        }
        fingerprint(date: date, kind: kind, project: project, amount: amount, econ: econIndex,
                    text: (start, docLength, memoLength, refLength), toProject: toProject,
                    details: (payeeLength, methodLength), contract: contract == 0 ? nil : row.text(.contract))
        if refLength > 0 && bookHasRefs {
            let exists = try arena.withUnsafeBufferPointer {
                try store.refExists(utf8: UnsafeBufferPointer(rebasing: $0[refStart..<(refStart + Int(refLength))]))
            }
            if exists {
                // A ref whose entry was reversed (an undone import) is not in the book, and
                // cannot be taken again (refs are unique for good): refuse, never skip.
                let ref = refString(refStart, refLength)
                if let held = try store.reversedEntry(ref: ref) {
                    row.bad(.ref, ref, "belongs to entry \(held.entry), which entry \(held.reversal) reversed; a ref stays with its entry, so give this row a new ref")
                    arena.removeSubrange(start...)
                    return
                }
                result.skipped += 1
                return  // the ref's bytes stay, for `refLines`
            }
        }
        if contract == EventImport.contractLater, let number = row.text(.contract) {
            // Named before the commit that creates it, in file order: decided once every row is read.
            laterContracts.append((events.count, number, row.name(Column.contract.rawValue)))
        }
        events.append(ImportedEvent(amount: amount, text: start, docLength: docLength, memoLength: memoLength,
                                    refLength: refLength, payeeLength: payeeLength, methodLength: methodLength,
                                    date: date, line: Int32(record.line), project: project,
                                    toProject: toProject, econ: econIndex, kind: kind, overdraft: false,
                                    contract: contract == EventImport.contractLater ? 0 : contract))
    }

    private func readDate(_ row: inout ImportRow) -> Int32 {
        if let packed = row.field(.date, Day.packed(utf8:)) { return packed }
        if let value = row.text(.date) { row.bad(.date, value, Day.problem(value)) } else { row.required(.date) }
        return 0
    }

    private func readKind(_ row: inout ImportRow) -> EntryKind? {
        guard let value = row.text(.kind) else {
            if let kind = options.kind { return kind }  // a file of one kind (--kind pay)
            row.required(.kind)
            return nil
        }
        guard let kind = EntryKind.event(named: value) else {
            row.bad(.kind, value, "not a kind of event (\(EntryKind.events.map(\.rawValue).joined(separator: ", ")))")
            return nil
        }
        return kind
    }

    /// The project by its code or, where the file has only names (项目名称), by a name no
    /// other project shares.
    private func readProject(_ row: inout ImportRow) -> Int32 {
        if let value = row.text(.project) {
            guard let p = projectIndex[value] else { row.bad(.project, value, "no such project"); return -1 }
            return p
        }
        guard let name = row.text(.projectName) else { row.required(.project); return -1 }
        switch projectByName[name] {
        case .none: row.bad(.projectName, name, "no project has this name")
        case .some(.none): row.bad(.projectName, name, "more than one project has this name; give its code (项目编码)")
        case .some(.some(let p)): return p
        }
        return -1
    }

    private func readAmount(_ row: inout ImportRow) -> Int64 {
        if let fen = row.field(.amount, parsePlainAmount) {
            if fen == 0 { row.bad(.amount, row.text(.amount) ?? "", "must be positive") }
            return fen
        }
        guard let value = row.text(.amount) else { row.required(.amount); return 0 }
        do {
            let fen = try Money.parse(value).fen
            if fen <= 0 { row.bad(.amount, value, "must be positive") }
            return fen
        } catch {
            row.bad(.amount, value, "not an amount (\(error.reason))")
            return 0
        }
    }

    private mutating func readEcon(_ row: inout ImportRow, kind: EntryKind?) -> UInt16 {
        // The common case — a well-formed code on a kind that takes one — without a String:
        // the code's digits are its key.
        // A class (3 digits, key below 500,000) passed for authority is checked again for a payment.
        if let kind, kind.econRule.allowed, let key = row.field(.econ, EventImport.econKey), let known = econByKey[key],
           key >= 500_000 || !kind.econRule.required {
            return known
        }
        guard let written = row.text(.econ) else {
            if let kind, kind.econRule.required { row.required(.econ, " for a \(kind.rawValue)") }
            return 0
        }
        let value: String
        switch EventImport.econCode(written) {
        case .success(let code): value = code
        case .failure(let reason): row.bad(.econ, written, reason.description); return 0
        }
        if let kind, !kind.econRule.allowed {
            row.bad(.econ, value, "a \(kind.rawValue) takes no economic code")
        } else if let problem = econProblem(value, kind: kind ?? .appropriate) {
            row.bad(.econ, value, problem)
        } else {
            let index = engine.intern(econ: value)
            if let key = row.field(.econ, EventImport.econKey) { econByKey[key] = index }
            return index
        }
        return 0
    }

    /// Why the book refuses an economic code for a kind (the one code rule, ``BookCodes``).
    private func econProblem(_ value: String, kind: EntryKind) -> String? {
        do { try codes.check(econ: value, for: kind) } catch {
            if case let .invalidValue(_, _, reason) = error { return reason }
            return error.description
        }
        return nil
    }

    /// The code of an economic class as a file writes it: `30201`, or with its name as budget
    /// systems export it (`30201 办公费`, `30201办公费`), the name then checked against the
    /// classification.
    static func econCode(_ written: String) -> Result<String, EconReason> {
        let code = String(written.prefix { $0.isASCII && $0.isNumber })
        let name = written.dropFirst(code.count).trimmingCharacters(in: .whitespaces.union(["\u{3000}", "-", "_"]))
        // Only a code of 3 or 5 digits can carry a name: `3020A` is a mistyped code, refused as written.
        guard !name.isEmpty, code.count == 3 || code.count == 5 else { return .success(written) }
        if let known = EconomicCode.names[code], known != name {
            return .failure(EconReason("the classification names \(code) '\(known)', not '\(name)'"))
        }
        return .success(code)
    }

    struct EconReason: Error, CustomStringConvertible {
        let description: String
        init(_ d: String) { description = d }
    }

    /// A 3- or 5-digit economic code's bytes as one integer (length and digits), or nil.
    static func econKey(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        guard b.count == 3 || b.count == 5 else { return nil }
        var value = b.count
        for c in b {
            guard c >= 48 && c <= 57 else { return nil }
            value = value * 10 + Int(c - 48)
        }
        return value
    }

    private func readReceiver(_ row: inout ImportRow, kind: EntryKind?, project: Int32) -> Int32 {
        guard let value = row.text(.toProject) else {
            if kind == .transfer { row.required(.toProject, " for a transfer (the receiving project)") }
            return -1
        }
        guard kind == .transfer else {
            if let kind { row.bad(.toProject, value, "only a transfer names a receiving project, not a \(kind.rawValue)") }
            return -1
        }
        guard let p = projectIndex[value] else { row.bad(.toProject, value, "no such project"); return -1 }
        if p == project { row.bad(.toProject, value, "a transfer needs two different projects") }
        return p
    }

    /// The contract a row names (issue 14), as an id (0: none). A commit on a number the
    /// book and the file do not know creates the contract (its supplier, procurement type
    /// and SME flag from the row); any other row's contract must exist, on the row's project.
    /// A release without a code takes the contract's.
    private mutating func readContract(_ row: inout ImportRow, kind: EntryKind?, project: Int32, econ: inout UInt16,
                                       date: Int32) -> Int64 {
        guard let number = row.text(.contract) else {
            if let kind, kind.contractRule.required { row.required(.contract, " for a \(kind.rawValue)") }
            return 0
        }
        guard let kind else { return 0 }
        guard kind.contractRule.allowed else {
            row.bad(.contract, number, "a \(kind.rawValue) names no contract")
            return 0
        }
        if let problem = Contract.problem(withNumber: number) { row.bad(.contract, number, problem); return 0 }
        guard project >= 0 else { return 0 }
        let projectID = projectIDs[Int(project)]
        if let known = contracts[number] {
            if let problem = check(known, kind: kind, projectID: projectID, econ: &econ) {
                row.bad(.contract, number, problem)
                return 0
            }
            return known.id
        }
        guard kind == .commit else {
            // A file not in date order may name a contract before the row that commits it.
            if streaming { row.bad(.contract, number, "no such contract"); return 0 }
            return EventImport.contractLater
        }
        guard econ != 0 else { return 0 }  // the missing code is said already
        let code = engine.availability.econCodes[Int(econ)]
        guard code.count == 5, let economic = EconomicCode(code), let day = date == 0 ? nil : Optional(ImportedEvent.day(date)) else {
            if code.count != 5 { row.bad(.econ, code, "a contract is committed on a 款 (5 digits), not a class") }
            return 0
        }
        var procurement: Procurement?
        if let p = row.text(.procurement) {
            guard let value = Procurement(rawValue: p.lowercased()) ?? Procurement.allCases.first(where: { $0.nameZh == p }) else {
                row.bad(.procurement, p, "not a procurement type (goods, works, services)")
                return 0
            }
            procurement = value
        }
        var sme = false
        if let s = row.text(.sme) {
            switch s.lowercased() {
            case "1", "yes", "true", "是", "y": sme = true
            case "0", "no", "false", "否", "n": sme = false
            default: row.bad(.sme, s, "not yes or no (1/0, 是/否)"); return 0
            }
        }
        let supplier = row.text(.supplier)
        if let supplier, let problem = TextRules.problem(supplier, as: .name) { row.bad(.supplier, supplier, problem); return 0 }
        guard row.reasons.isEmpty else { return 0 }
        let id = nextContractID
        nextContractID += 1
        contracts[number] = ImportContract(id: id, project: projectID, econ: code)
        newContracts.append(Contract(id: id, number: number, projectID: projectID, supplier: supplier, econ: economic,
                                     procurement: procurement, sme: sme, signed: day, memo: nil))
        return id
    }

    /// Why a row may not name a known contract, or nil (a release without a code takes the contract's).
    mutating func check(_ known: ImportContract, kind: EntryKind, projectID: Int64, econ: inout UInt16) -> String? {
        guard known.project == projectID else {
            return "belongs to project \(projectCodes[known.project] ?? "#\(known.project)"), not \(projectCodes[projectID] ?? "#\(projectID)")"
        }
        let code = engine.intern(econ: known.econ)
        if econ == 0 && kind == .release { econ = code }
        if econ != code { return "is on economic code \(known.econ); a \(kind.rawValue) on it uses that code" }
        return nil
    }

    /// Rows that named a contract before the commit creating it (file order): each is given
    /// its contract now, or said to be bad and left out of the checking.
    mutating func resolveLaterContracts() {
        guard !laterContracts.isEmpty else { return }
        var bad: [Int] = []
        for (i, number, column) in laterContracts {
            let e = events[i]
            var econ = e.econ
            let problem: String
            if let known = contracts[number] {
                guard let p = check(known, kind: e.kind, projectID: projectIDs[Int(e.project)], econ: &econ) else {
                    events[i].contract = known.id
                    events[i].econ = econ
                    continue
                }
                problem = p
            } else {
                problem = "no such contract"
            }
            result.add(ImportProblem(line: Int(e.line), message: "\(column) '\(number.quotedValue)': \(problem)"))
            bad.append(i)
        }
        for i in bad.reversed() { events.remove(at: i) }
        laterContracts = []
    }

    /// Appends a text column's trimmed bytes to the arena; returns their length (0: absent).
    private mutating func appendText(_ column: Column, _ row: inout ImportRow) -> UInt32 {
        let encoding = row.encoding
        var problem: String?
        let length: UInt32 = row.field(column) { bytes in
            problem = textProblem(bytes, encoding: encoding) ?? TextRules.problem(utf8: bytes, as: column.textField)
            guard problem == nil else { return 0 }
            arena.append(contentsOf: bytes)
            return UInt32(bytes.count)
        } ?? 0
        if let problem { row.reasons.append("\(row.name(column.rawValue)): \(problem)") }
        return length
    }

    func refString(_ start: Int, _ length: UInt32) -> String {
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
}

/// The event file's columns by name.
extension ImportRow {
    func field<T>(_ column: EventImport.Column, _ body: (UnsafeBufferPointer<UInt8>) -> T?) -> T? { field(column.rawValue, body) }
    mutating func text(_ column: EventImport.Column) -> String? { text(column.rawValue) }
    mutating func bad(_ column: EventImport.Column, _ value: String, _ reason: String) { bad(column.rawValue, value, reason) }
    mutating func required(_ column: EventImport.Column, _ why: String = "") { required(column.rawValue, why) }
}
