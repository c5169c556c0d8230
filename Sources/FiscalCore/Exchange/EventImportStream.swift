#if canImport(Glibc)
import Glibc
#endif
/// A good file already in date order — what a treasury payment list or a ledger export is —
/// is imported in one pass, a chunk of rows at a time: read, checked against availability in
/// that order, written, forgotten. Memory then stays the same whatever the file's size: the
/// chunk, the availability state and a fixed-size filter of the refs seen (a ref it may have
/// seen is looked up in the book, where the earlier chunks already are). The pass runs under
/// a savepoint. Met with a row dated before the one above it, or with a bad row, it is
/// rolled back and the file is read again the other way — every row held, sorted by date,
/// checked, and every bad row listed — so a refused file still leaves nothing written.
extension EventImport {
    static let chunkRows = 1 << 16

    /// The import in one pass, or nil when the file turned out not to be in date order (and
    /// nothing is left of the attempt).
    mutating func performStreaming() throws -> ImportResult? {
        streaming = true
        try store.savepoint("import_stream")
        firstImportID = try store.nextEntryID()
        var lastDate: Int32 = 0
        var inOrder = true
        // Where no ref is in the book yet, reading never asks it about a row's ref, and the
        // writing can go to the other core (ImportPipeline.swift).
        if !bookHasRefs {
            writer = try BulkWriter(store: store, projectIDs: projectIDs)
            chain = try ImportChain(store: store, projectIDs: projectIDs)
            pipeline = ImportPipeline(writer: writer!)
        }
        defer { try? pipeline?.waitIdle() }
        try read { run in
            // The chunk must continue the date order of everything before it, and be good.
            for i in run.events.indices where run.events[i].date < (i == 0 ? lastDate : run.events[i - 1].date) {
                inOrder = false
                return false
            }
            lastDate = run.events.last?.date ?? lastDate
            guard run.result.isAccepted else { return false }
            for i in run.events.indices { try run.checkEvent(i) }
            guard run.result.isAccepted else { return false }
            if let pipeline = run.pipeline {
                // The chain is hashed here, on this core, while the other writes the chunk before.
                let econs = EconomicCodeBytes(run.engine.availability.econCodes)
                try run.writeNewContracts()
                let order = run.events.indices.map(Int32.init)
                let (firstID, hashes) = run.chain!.hash(run.events, order: order, arena: run.arena, econs: econs)
                run.sum(order)
                try pipeline.waitIdle()
                guard try run.pendingRefsAreNew() else { return false }
                try pipeline.submit(run.events, arena: run.arena, econs: econs, firstID: firstID, hashes: hashes)
                run.events = []
                run.arena = []
                run.events.reserveCapacity(EventImport.chunkRows)
            } else {
                try run.write(run.events.indices.map(Int32.init), reportingProgress: false)
            }
            if let progress = run.progress, run.source.position.done > 0 {
                // Rows so far, against the rows the whole file will hold at this density.
                let posted = run.result.posted
                let expected = max(posted, posted * run.source.position.total / run.source.position.done)
                progress(ImportProgress(phase: .posting, done: posted, total: expected))
            }
            run.events.removeAll(keepingCapacity: true)
            run.arena.removeAll(keepingCapacity: true)
            run.chunkRefs.removeAll()
            run.pendingRefs.removeAll(keepingCapacity: true)
            return true
        }
        try pipeline?.waitIdle()
        guard inOrder && result.isAccepted else {
            try store.rollbackTo("import_stream")
            writer = nil
            chain = nil
            sums = nil
            return nil
        }
        result.encoding = source.encoding
        try finishWriting()
        try store.release("import_stream")
        progress?(ImportProgress(phase: .posting, done: result.posted, total: result.posted))
        return result
    }

    /// Whether a ref was seen earlier in the file, while streaming: in this chunk (its bytes
    /// are at hand), or in an earlier one (then it is in the book, posted by this import).
    /// Returns the earlier line where it knows it, 0 where only the book does.
    mutating func streamedRepeat(hash: Int, start: Int, length: UInt32, line: Int32) throws -> Int32? {
        let end = start + Int(length)
        if let seen = chunkRefs.replace(hash: hash, with: (start, length, line)), seen.length == length,
           arena.withUnsafeBufferPointer({ memcmp($0.baseAddress! + seen.start, $0.baseAddress! + start, Int(length)) == 0 }) {
            return seen.line
        }
        if refFilter.mayContain(hash) {
            if pipeline != nil {
                // Asking the book now would wait for the writer on the other core: the ref is
                // asked about just before the chunk is handed over, when the wait is due anyway.
                pendingRefs.append((start, length, line))
                refFilter.insert(hash)
                return nil
            }
            let id = try arena.withUnsafeBufferPointer { try store.entryID(ref: UnsafeBufferPointer(rebasing: $0[start..<end])) }
            if let id, id >= firstImportID { return 0 }
        }
        refFilter.insert(hash)
        return nil
    }
}

extension EventImport {
    /// Whether none of the refs the filter could not clear in this chunk is in the book from an
    /// earlier chunk. A repeat fails the streamed pass; the pass over the whole file that
    /// follows names both lines.
    mutating func pendingRefsAreNew() throws -> Bool {
        for ref in pendingRefs {
            let id = try arena.withUnsafeBufferPointer {
                try store.entryID(ref: UnsafeBufferPointer(rebasing: $0[ref.start..<(ref.start + Int(ref.length))]))
            }
            if let id, id >= firstImportID {
                result.add(ImportProblem(line: Int(ref.line), message: "ref: repeats the ref of an earlier line"))
                return false
            }
        }
        return true
    }
}

/// A Bloom filter of ref hashes, 16 MiB whatever the file's size: "maybe seen" sends a ref to
/// the book's unique index; "not seen" is certain. All four bits of a ref lie in one 64-bit
/// word, so a look-up costs one cache miss. A wasted look-up is dear while streaming — it waits
/// for the writer on the other core — so four bits, not two: at a million refs about one
/// look-up in a million is wasted (two bits wasted one in 3,000: a stall in every chunk, and
/// the two cores took turns instead of working together); at ten million one in 130.
/// The refs of the chunk being read, by their hash (already a SipHash of the bytes): open
/// addressing on it, where a `Dictionary` hashed it again for every row.
struct ChunkRefs {
    typealias Ref = (start: Int, length: UInt32, line: Int32)
    /// A hash with its ref, side by side: one cache line per look-up.
    private struct Slot {
        var hash = 0
        var start = 0
        var length: UInt32 = 0
        var line: Int32 = 0  // 0: an empty slot (lines start at 1)
    }
    private var slots: [Slot]
    private(set) var count = 0

    init(capacity: Int) {
        var size = 16
        while size < 2 * capacity { size <<= 1 }  // half full at most, for short probes
        slots = Array(repeating: Slot(), count: size)
    }

    /// Records `ref` under `hash` and returns what was recorded under it before, if anything.
    mutating func replace(hash: Int, with ref: Ref) -> Ref? {
        let mask = slots.count - 1
        var i = hash & mask
        while slots[i].line != 0 && slots[i].hash != hash { i = (i + 1) & mask }
        let before = slots[i]
        if before.line == 0 {
            precondition(count + 1 < slots.count, "a chunk holds at most its capacity of refs")
            count += 1
        }
        slots[i] = Slot(hash: hash, start: ref.start, length: ref.length, line: ref.line)
        return before.line == 0 ? nil : (before.start, before.length, before.line)
    }

    mutating func removeAll() {
        guard count > 0 else { return }
        for i in slots.indices { slots[i].line = 0 }
        count = 0
    }
}

struct RefFilter {
    private var words: [UInt64] = []
    private static let wordCount = 1 << 21

    private static func position(_ hash: Int) -> (word: Int, mask: UInt64) {
        let h = UInt64(bitPattern: Int64(hash))
        let bits: UInt64 = 1 << ((h >> 21) & 63) | 1 << ((h >> 27) & 63) | 1 << ((h >> 33) & 63) | 1 << ((h >> 39) & 63)
        return (Int(h & UInt64(wordCount - 1)), bits)
    }

    func mayContain(_ hash: Int) -> Bool {
        guard !words.isEmpty else { return false }
        let (word, mask) = RefFilter.position(hash)
        return words[word] & mask == mask
    }

    mutating func insert(_ hash: Int) {
        if words.isEmpty { words = Array(repeating: 0, count: RefFilter.wordCount) }
        let (word, mask) = RefFilter.position(hash)
        words[word] |= mask
    }
}
