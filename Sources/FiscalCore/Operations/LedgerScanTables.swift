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

/// Short texts (accounts, economic codes) numbered as first met, compared as bytes.
struct TextTable {
    private(set) var texts: [String]
    /// The first texts' bytes, compared without hashing or walking a String's UTF-8 view.
    private var common: [[UInt8]]
    private var numbers: [[UInt8]: Int] = [:]

    init(first: [String]) {
        texts = first
        common = first.prefix(24).map { Array($0.utf8) }
        for (i, t) in first.enumerated() { numbers[Array(t.utf8)] = i }
    }

    mutating func index(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        // The common texts first, without hashing: they are few and short.
        for i in common.indices where common[i].count == bytes.count {
            let same = common[i].withUnsafeBufferPointer { c in
                c.isEmpty || memcmp(c.baseAddress!, bytes.baseAddress!, c.count) == 0
            }
            if same { return i }
        }
        let key = Array(bytes)
        if let n = numbers[key] { return n }
        texts.append(String(decoding: bytes, as: UTF8.self))
        numbers[key] = texts.count - 1
        return texts.count - 1
    }

    mutating func index(_ text: String) -> Int {
        var copy = text
        return copy.withUTF8 { index($0) }
    }
}

/// Economic codes numbered for `verify`'s scan: a code of digits (what a book holds) is its own
/// number, with no table and no hashing of bytes; anything else is numbered as first met.
struct EconTable {
    private var others = TextTable(first: [""])

    /// 0 for none or empty; a code of one to six digits `(length << 24) | value`; any other
    /// text `1 << 40 | n`.
    mutating func index(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        if bytes.isEmpty { return 0 }
        if bytes.count <= 6 {
            var value = 0
            for c in bytes {
                guard c >= 48 && c <= 57 else { return 1 << 40 | others.index(bytes) }
                value = value * 10 + Int(c - 48)
            }
            return bytes.count << 24 | value
        }
        return 1 << 40 | others.index(bytes)
    }

    func text(_ index: Int) -> String {
        if index == 0 { return "" }
        if index >= 1 << 40 { return others.texts[index & 0xFF_FFFF_FFFF] }
        let length = index >> 24, value = index & 0xFF_FFFF
        let digits = String(value)
        return String(repeating: "0", count: max(0, length - digits.count)) + digits
    }
}
