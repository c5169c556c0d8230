/// The hash chain of an import's entries (DESIGN §9): ids and hashes, computed in file order
/// where the import checks rows, so that a streamed import hashes one chunk while the other
/// core writes the one before (ImportPipeline.swift). The writer stores what this computed.
struct ImportChain {
    private(set) var nextID: Int64
    private var previous: [UInt8]
    private let projectHashes: [Int64: [UInt8]]
    private let projectIDs: [Int64]
    /// Contracts' hashes by id; the import adds the ones it creates before it hashes their rows.
    var contractHashes: [Int64: [UInt8]]

    init(store: any Store, projectIDs: [Int64]) throws {
        nextID = try store.nextEntryID()
        previous = try store.chainHead("entry")
        projectHashes = try store.projectHashes()
        contractHashes = try store.contractHashes()
        self.projectIDs = projectIDs
    }

    /// The ids and hashes of admitted rows (`order` indexes `events`): the first id, and 32
    /// bytes per row in that order.
    mutating func hash(_ events: [ImportedEvent], order: [Int32], arena: [UInt8],
                       econs: EconomicCodeBytes) -> (firstID: Int64, hashes: [UInt8]) {
        let firstID = nextID
        var hashes = [UInt8](repeating: 0, count: order.count * SHA256Digest.size)
        var date = [UInt8](repeating: 0, count: 10)
        var record = ChainRecord(table: "entry")
        arena.withUnsafeBufferPointer { text in
            hashes.withUnsafeMutableBufferPointer { out in
                for (n, i) in order.enumerated() {
                    let e = events[Int(i)]
                    let (doc, memo, ref, payee, method) = e.texts(in: text)
                    let legs = e.legs
                    date.withUnsafeMutableBufferPointer { d in
                        writeDate(e.date, into: d)
                        record.startImportedEntry(id: nextID, date: UnsafeBufferPointer(d), year: Int64(e.year),
                                                  kind: e.kind.staticName, doc: doc, memo: memo, ref: ref,
                                                  overdraft: e.overdraft, postings: legs.count)
                    }
                    for leg in legs {
                        let p = EventImport.legPosting(leg, e, projectIDs: projectIDs)
                        record.posting(account: p.account.staticName, project: projectHashes[p.project],
                                       econ: econs[p.econ], amount: p.amount)
                        if p.contract != 0 { record.blob(contractHashes[p.contract] ?? nil) }
                    }
                    if payee != nil || method != nil { record.details(payee: payee, paymentMethod: method) }
                    let slot = out.baseAddress! + n * SHA256Digest.size
                    record.link(after: previous, into: slot)
                    // In place: a new array per entry was a million allocations on the hot path.
                    // (The head read from the book may be any length in a forged book.)
                    if previous.count == SHA256Digest.size {
                        previous.withUnsafeMutableBufferPointer { $0.baseAddress!.update(from: slot, count: SHA256Digest.size) }
                    } else {
                        previous = Array(UnsafeBufferPointer(start: slot, count: SHA256Digest.size))
                    }
                    nextID += 1
                }
            }
        }
        return (firstID, hashes)
    }
}

/// The posting engine's economic codes as bytes of one buffer, by index (0: none), so a
/// posting or a hash takes a code without making a string.
final class EconomicCodeBytes: @unchecked Sendable {
    private let bytes: UnsafeMutableBufferPointer<UInt8>
    private var ranges: [Range<Int>] = []

    init(_ codes: [String]) {
        let all = codes.flatMap { Array($0.utf8) }
        bytes = .allocate(capacity: max(1, all.count))
        _ = bytes.initialize(from: all)
        for code in codes {
            let start = ranges.last?.upperBound ?? 0
            ranges.append(start..<(start + code.utf8.count))
        }
    }

    deinit { bytes.deallocate() }

    subscript(index: UInt16) -> UnsafeBufferPointer<UInt8>? {
        index == 0 ? nil : UnsafeBufferPointer(rebasing: bytes[ranges[Int(index)]])
    }
}

extension ImportedEvent {
    /// The legs the row posts: its kind's, or a payment's against its contract.
    var legs: [EntryKind.Leg] { kind.legs(againstContract: contract != 0) }

    /// The row's doc, memo, ref, payee and payment method in the import's text arena (nil
    /// where absent).
    func texts(in arena: UnsafeBufferPointer<UInt8>)
        -> (doc: UnsafeBufferPointer<UInt8>?, memo: UnsafeBufferPointer<UInt8>?, ref: UnsafeBufferPointer<UInt8>?,
            payee: UnsafeBufferPointer<UInt8>?, method: UnsafeBufferPointer<UInt8>?) {
        var at = text
        func slice(_ length: UInt32) -> UnsafeBufferPointer<UInt8>? {
            defer { at += Int(length) }
            return length == 0 ? nil : UnsafeBufferPointer(rebasing: arena[at..<(at + Int(length))])
        }
        let doc = slice(docLength), memo = slice(memoLength), ref = slice(refLength)
        let payee = slice(payeeLength), method = slice(methodLength)
        return (doc, memo, ref, payee, method)
    }
}
