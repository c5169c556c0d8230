#if canImport(Glibc)
import Glibc
#endif
/// Entries by id for `verify`'s scan: booked year, month and whether a posting named them.
/// Ids are dense in a book fiscal wrote, so they index arrays; a book whose ids are sparse
/// (edited by hand) falls back to a dictionary.
struct EntryTable {
    struct Slot { var year: Int64; var month: Int64; var kind: Int = 0 }
    private var slots: [Slot?] = []
    private var seen: [Bool] = []
    private var sparse: [Int64: (slot: Slot, seen: Bool)] = [:]

    private func dense(_ id: Int64) -> Int? { id >= 0 && id < Int64(slots.count) ? Int(id) : nil }

    mutating func add(id: Int64, year: Int64, month: Int64, kind: Int) {
        let slot = Slot(year: year, month: month, kind: kind)
        if id >= 0 && id < 4 * Int64(slots.count) + 4_096 {
            while slots.count <= Int(id) { slots.append(nil); seen.append(false) }
            slots[Int(id)] = slot
        } else {
            sparse[id] = (slot, false)
        }
    }

    subscript(id: Int64) -> Slot? {
        if let i = dense(id), let slot = slots[i] { return slot }
        return sparse[id]?.slot
    }

    func contains(_ id: Int64) -> Bool { self[id] != nil }

    /// Marks an entry as having postings; false when it was marked already (or is unknown).
    mutating func markSeen(_ id: Int64) -> Bool {
        if let i = dense(id), slots[i] != nil {
            defer { seen[i] = true }
            return !seen[i]
        }
        guard let s = sparse[id] else { return false }
        sparse[id] = (s.slot, true)
        return !s.seen
    }

    /// Entries no posting named, in id order.
    func unseen() -> [Int64] {
        var ids = slots.indices.filter { slots[$0] != nil && !seen[$0] }.map { Int64($0) }
        ids += sparse.filter { !$0.value.seen }.keys
        return ids.sorted()
    }
}

/// A set of ids, held as flags when they are dense (a book's projects): one look-up per
/// posting without hashing.
struct IDSet {
    private var flags: [Bool] = []
    private var sparse: Set<Int64> = []

    init(_ ids: some Sequence<Int64>) {
        for id in ids {
            if id >= 0 && id < 1_000_000 {
                if flags.count <= Int(id) { flags += Array(repeating: false, count: Int(id) + 1 - flags.count) }
                flags[Int(id)] = true
            } else {
                sparse.insert(id)
            }
        }
    }

    func contains(_ id: Int64) -> Bool {
        id >= 0 && id < Int64(flags.count) ? flags[Int(id)] : sparse.contains(id)
    }
}

/// Short texts (accounts, economic codes) numbered as first met, compared as bytes.
struct TextTable {
    private(set) var texts: [String]
    /// The first texts' bytes, compared without hashing or walking a String's UTF-8 view.
    private var common: [[UInt8]]
    /// Texts of up to 7 bytes (every economic code) by their bytes packed in one word: no
    /// array is made per look-up, and two million postings look one up each.
    private var short: [UInt64: Int] = [:]
    private var long: [[UInt8]: Int] = [:]

    init(first: [String]) {
        texts = []
        common = first.prefix(24).map { Array($0.utf8) }
        for t in first { var copy = t; _ = copy.withUTF8 { add($0) } }
    }

    mutating func index(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        // The common texts first, without hashing: they are few and short.
        for i in common.indices where common[i].count == bytes.count {
            let same = common[i].withUnsafeBufferPointer { c in
                c.isEmpty || memcmp(c.baseAddress!, bytes.baseAddress!, c.count) == 0
            }
            if same { return i }
        }
        if let word = TextTable.packed(bytes) { return short[word] ?? add(bytes) }
        return long[Array(bytes)] ?? add(bytes)
    }

    mutating func index(_ text: String) -> Int {
        var copy = text
        return copy.withUTF8 { index($0) }
    }

    private mutating func add(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        if let n = TextTable.packed(bytes).flatMap({ short[$0] }) ?? long[Array(bytes)] { return n }
        texts.append(String(decoding: bytes, as: UTF8.self))
        if let word = TextTable.packed(bytes) { short[word] = texts.count - 1 } else { long[Array(bytes)] = texts.count - 1 }
        return texts.count - 1
    }

    /// The length in the top byte, the bytes below it: distinct texts, distinct words.
    private static func packed(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        guard bytes.count <= 7 else { return nil }
        var word = UInt64(bytes.count) << 56
        for (i, b) in bytes.enumerated() { word |= UInt64(b) << (8 * UInt64(i)) }
        return word
    }
}

/// Amounts and counts by key, in one open-addressed table with a multiplicative hash: the
/// scan adds every posting to one, and `Dictionary`'s SipHash over five fields was a tenth
/// of `verify`.
struct TallyTable<Key: TallyKey> {
    struct Tally {
        var amount: Int64 = 0
        var postings: Int64 = 0
        /// A stored total with this key was found (whatever it held).
        var kept = false
    }
    /// A key with its tally, side by side: one cache line per look-up. An empty slot has no
    /// postings (every key added has at least one).
    private struct Slot {
        var key: Key
        var tally: Tally
    }
    private var slots: [Slot?]
    private(set) var count = 0

    /// Room for `capacity` keys before the table grows.
    init(capacity: Int = 0) {
        var size = 1024
        while size < 2 * capacity { size <<= 1 }
        slots = Array(repeating: nil, count: size)
    }

    /// Adds a posting's amount; wrapping, so a forged amount cannot crash `verify` (the year
    /// ceiling check names it).
    mutating func add(_ key: Key, _ amount: Int64) {
        if 2 * (count + 1) > slots.count { grow() }
        let i = slot(key)
        if slots[i] == nil {
            slots[i] = Slot(key: key, tally: Tally(amount: amount, postings: 1))
            count += 1
        } else {
            slots[i]!.tally.amount &+= amount
            slots[i]!.tally.postings += 1
        }
    }

    /// Marks `key` as kept by a stored total: whether the total equals the postings' tally,
    /// nil when no posting has the key.
    mutating func keep(_ key: Key, amount: Int64, postings: Int64) -> Bool? {
        let i = slot(key)
        guard slots[i] != nil else { return nil }
        slots[i]!.tally.kept = true
        return slots[i]!.tally.amount == amount && slots[i]!.tally.postings == postings
    }

    /// The keys of postings no stored total kept.
    var unkeptKeys: [Key] { slots.compactMap { $0.flatMap { $0.tally.kept ? nil : $0.key } } }

    /// Where `key` is, or the empty slot where it would go.
    private func slot(_ key: Key) -> Int {
        let mask = slots.count - 1
        // Fibonacci hashing: the product's top bits, as many as the table has slots.
        var i = Int(truncatingIfNeeded: (key.mixed &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - slots.count.trailingZeroBitCount))
        while let s = slots[i], s.key != key { i = (i + 1) & mask }
        return i
    }

    private mutating func grow() {
        let old = slots.compactMap { $0 }
        slots = Array(repeating: nil, count: slots.count * 2)
        for s in old { slots[slot(s.key)] = s }
    }
}

/// A key of a ``TallyTable``: its fields folded into one word (collisions are resolved by
/// comparing keys, so the fold need only spread them).
protocol TallyKey: Equatable {
    var mixed: UInt64 { get }
}
