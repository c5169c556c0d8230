/// A seal (封存码, DESIGN §9): the head of the entry chain at a moment — the last entry's id
/// and hash — with the date the seal vouches for. Reports print it; `verify --seal` proves
/// the book still extends it. What it cannot prove: entries appended after it, which is why
/// those dated on or before its date are listed as late.
///
///     S1.2023-06-30.1234.3f2a91c0…(64 hex digits)
public struct Seal: Sendable, Equatable {
    public var asOf: Day
    /// The last entry when sealed (0: a book with no entries, sealed at its book row).
    public var entryID: Int64
    public var hash: [UInt8]

    public init(asOf: Day, entryID: Int64, hash: [UInt8]) {
        self.asOf = asOf; self.entryID = entryID; self.hash = hash
    }

    public var hex: String { hash.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined() }

    /// The whole seal as one token, what `verify --seal` takes.
    public var token: String { "S1.\(asOf).\(entryID).\(hex)" }

    /// The first 12 hex digits in groups of four, upper case: what a person compares by eye
    /// on a printed report (`3F2A-91C0-77D1`).
    public var short: String {
        let digits = Array(hex.prefix(12).uppercased())
        return stride(from: 0, to: digits.count, by: 4).map { String(digits[$0..<min($0 + 4, digits.count)]) }.joined(separator: "-")
    }

    /// Reads a token; nil when it is not one.
    public init?(token: String) {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "S1", let day = Day(String(parts[1])), let id = Int64(parts[2]), id >= 0,
              parts[3].count == 64 else { return nil }
        var bytes: [UInt8] = []
        var chars = parts[3].makeIterator()
        while let hi = chars.next(), let lo = chars.next() {
            guard let byte = UInt8(String([hi, lo]), radix: 16) else { return nil }
            bytes.append(byte)
        }
        self.init(asOf: day, entryID: id, hash: bytes)
    }
}

/// What `verify --seal` found.
public struct SealCheck: Sendable {
    /// Nil when the book extends the seal; else why not, naming the first entry that differs.
    public var broken: String?
    /// Entries appended after the seal but dated on or before its date.
    public var late: [(id: Int64, date: String)]
}

extension Book {
    /// The seal of the book as it is now, vouching for what is dated through `asOf`.
    public func seal(asOf: Day) throws(FiscalError) -> Seal {
        try guarded {
            try store.read {
                let head = try chainHead()
                return Seal(asOf: asOf, entryID: head.entryID, hash: head.hash)
            }
        }
    }

    /// The last entry's id and hash (0 and the book row's hash in a book without entries),
    /// inside the caller's read transaction.
    func chainHead() throws -> (entryID: Int64, hash: [UInt8]) {
        guard let last = try store.lastEntry() else { return (0, try store.bookHash()) }
        return (last.id, last.hash ?? [])
    }

    /// Whether the book still extends `seal`: the sealed entry is there with the sealed hash,
    /// and every entry up to it still matches the chain.
    public func check(_ seal: Seal) throws(FiscalError) -> SealCheck {
        try guarded {
            try store.read {
                var broken: String?
                let rewritten = try store.firstRewrittenEntry()
                if seal.entryID == 0 {
                    if try store.bookHash() != seal.hash { broken = "the book row differs from the sealed book" }
                } else if let sealed = try store.entryHash(id: seal.entryID) {
                    if let first = rewritten, first <= seal.entryID {
                        broken = "entry \(first) was changed after the seal (or an entry before it was removed)"
                    } else if sealed.hash != seal.hash {
                        broken = "entry \(seal.entryID) differs from the seal: the entries up to it were rewritten and rehashed"
                    }
                } else {
                    broken = "entry \(seal.entryID), the last one sealed, is no longer in the book"
                }
                return SealCheck(broken: broken, late: try store.entriesAfter(id: seal.entryID, datedThrough: seal.asOf.description))
            }
        }
    }
}
