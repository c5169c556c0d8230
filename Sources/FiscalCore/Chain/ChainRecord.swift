/// The canonical bytes of one row of history, version 1 (README, "Trust"), and the chain over
/// them: `hash = SHA-256(previous hash ‖ canonical bytes)`. The one encoder every path uses:
/// a command, the import, the migration that fills in an older book, and `verify`.
///
/// A record is a sequence of fields, each a tag byte and its value:
///
///     I  integer: 8 bytes, big-endian two's complement
///     T  text: 4-byte big-endian length, then the UTF-8 bytes
///     B  bytes (a hash): 4-byte big-endian length, then the bytes
///     N  null
///
/// Every record begins `I 1` (the encoding's version) and `T table`, then the row's fields in
/// the order below. The first row of each chain follows the book row's hash; the book row
/// follows 32 zero bytes.
///
///     book           id, name, first_year
///     project        id, code, name, kind, fund, function_code, unit   (status: see project_event)
///     project_event  id, project_id, status, date, reason
///     year_event     id, year, action, date, reason                   (fiscal_year.status follows these)
///     entry          id, date, year, kind, doc, memo, ref, reverses, overdraft, number of postings,
///                    then per posting in id order: account, B(hash of its project), econ, amount,
///                    and B(hash of its contract) only when the posting names one (schema v5)
///                    then only where not null (schema 5): T "payee" and the payee,
///                    T "payment_method" and the method — so every older entry keeps its hash
///                    then, only when not null (issue 16): T "counterpart_unit", T the unit
///     contract       id, number, project_id, supplier, econ, procurement, sme, signed, memo
struct ChainRecord {
    static let version: Int64 = 1
    static let genesis = [UInt8](repeating: 0, count: SHA256Digest.size)

    /// The previous hash's 32 bytes, then the record: hashed as they lie, with no copy. The
    /// buffer only grows; `count` bytes of it are the record. Fields are stored through raw
    /// pointers, not appended byte by byte: a million entries hash ten fields each, twice
    /// over (the import, `verify`).
    private var storage = [UInt8](repeating: 0, count: 256)
    private(set) var count = 0

    /// The record's bytes, the previous hash's place first.
    var bytes: ArraySlice<UInt8> { storage[..<count] }

    init(table: StaticString) {
        start(table)
    }

    /// Starts a new record in the same buffer (the import reuses one for every entry).
    mutating func start(_ table: StaticString) {
        count = SHA256Digest.size
        storage.withUnsafeMutableBytes { $0.baseAddress!.initializeMemory(as: UInt8.self, repeating: 0, count: SHA256Digest.size) }
        int(ChainRecord.version)
        text(table)
    }

    /// Room for `n` more bytes.
    private mutating func reserve(_ n: Int) {
        if count + n > storage.count { storage += [UInt8](repeating: 0, count: max(storage.count, n)) }
    }

    private mutating func null() {
        reserve(1)
        storage[count] = 0x4E
        count += 1
    }

    mutating func int(_ v: Int64) {
        reserve(9)
        storage.withUnsafeMutableBytes { p in
            p[count] = 0x49
            p.storeBytes(of: UInt64(bitPattern: v).bigEndian, toByteOffset: count + 1, as: UInt64.self)
        }
        count += 9
    }

    mutating func int(_ v: Int64?) { if let v { int(v) } else { null() } }

    mutating func text(_ s: String?) {
        guard var s else { null(); return }
        s.withUTF8 { utf8 in tagged(0x54, utf8) }
    }

    mutating func text(_ s: StaticString) {
        tagged(0x54, UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    mutating func text(utf8: UnsafeBufferPointer<UInt8>?) {
        guard let utf8 else { null(); return }
        tagged(0x54, utf8)
    }

    mutating func blob(_ b: [UInt8]?) {
        guard let b else { null(); return }
        b.withUnsafeBufferPointer { tagged(0x42, $0) }
    }

    /// A tag, a 4-byte big-endian length, the bytes.
    private mutating func tagged(_ tag: UInt8, _ value: UnsafeBufferPointer<UInt8>) {
        reserve(5 + value.count)
        storage.withUnsafeMutableBytes { p in
            p[count] = tag
            p.storeBytes(of: UInt32(value.count).bigEndian, toByteOffset: count + 1, as: UInt32.self)
            if let base = value.baseAddress, value.count > 0 {
                (p.baseAddress! + count + 5).copyMemory(from: base, byteCount: value.count)
            }
        }
        count += 5 + value.count
    }

    /// SHA-256(previous ‖ these bytes).
    func hash(after previous: [UInt8]) -> [UInt8] {
        var copy = self
        var out = [UInt8](repeating: 0, count: SHA256Digest.size)
        out.withUnsafeMutableBufferPointer { copy.link(after: previous, into: $0.baseAddress!) }
        return out
    }

    /// SHA-256(previous ‖ these bytes) into `out` (32 bytes), without allocating.
    mutating func link(after previous: [UInt8], into out: UnsafeMutablePointer<UInt8>) {
        let count = count
        storage.withUnsafeMutableBytes { buffer in
            for i in 0..<min(previous.count, SHA256Digest.size) { buffer[i] = previous[i] }
            SHA256Digest.hash(UnsafeRawBufferPointer(rebasing: buffer[..<count]), into: out)
        }
    }

    // MARK: The records

    static func book(id: Int64, name: String, firstYear: Int64) -> ChainRecord {
        var r = ChainRecord(table: "book")
        r.int(id); r.text(name); r.int(firstYear)
        return r
    }

    static func project(id: Int64, code: String, name: String, kind: String, fund: String,
                        function: String?, unit: String?) -> ChainRecord {
        var r = ChainRecord(table: "project")
        r.int(id); r.text(code); r.text(name); r.text(kind); r.text(fund); r.text(function); r.text(unit)
        return r
    }

    static func projectEvent(id: Int64, project: Int64, status: String, date: String, reason: String?) -> ChainRecord {
        var r = ChainRecord(table: "project_event")
        r.int(id); r.int(project); r.text(status); r.text(date); r.text(reason)
        return r
    }

    static func yearEvent(id: Int64, year: Int64, action: String, date: String, reason: String?) -> ChainRecord {
        var r = ChainRecord(table: "year_event")
        r.int(id); r.int(year); r.text(action); r.text(date); r.text(reason)
        return r
    }

    static func contract(id: Int64, number: String, project: Int64, supplier: String?, econ: String, procurement: String?,
                         sme: Bool, signed: String, memo: String?) -> ChainRecord {
        var r = ChainRecord(table: "contract")
        r.int(id); r.text(number); r.int(project); r.text(supplier); r.text(econ); r.text(procurement)
        r.int(sme ? 1 : 0); r.text(signed); r.text(memo)
        return r
    }

    /// An entry's head; its postings follow through ``posting(account:project:econ:amount:)``.
    static func entry(id: Int64, date: String, year: Int64, kind: String, doc: String?, memo: String?, ref: String?,
                      reverses: Int64?, overdraft: Bool, postings: Int) -> ChainRecord {
        var r = ChainRecord(table: "entry")
        r.int(id); r.text(date); r.int(year); r.text(kind); r.text(doc); r.text(memo); r.text(ref)
        r.int(reverses); r.int(overdraft ? 1 : 0); r.int(Int64(postings))
        return r
    }

    /// An imported entry's head, from the bytes the import holds (no reversal, no copies).
    mutating func startImportedEntry(id: Int64, date: UnsafeBufferPointer<UInt8>, year: Int64, kind: StaticString,
                                     doc: UnsafeBufferPointer<UInt8>?, memo: UnsafeBufferPointer<UInt8>?,
                                     ref: UnsafeBufferPointer<UInt8>?, overdraft: Bool, postings: Int) {
        start("entry")
        int(id); text(utf8: date); int(year); text(kind); text(utf8: doc); text(utf8: memo); text(utf8: ref)
        int(nil); int(overdraft ? 1 : 0); int(Int64(postings))
    }

    mutating func posting(account: StaticString, project: [UInt8]?, econ: UnsafeBufferPointer<UInt8>?, amount: Int64) {
        text(account); blob(project); text(utf8: econ); int(amount)
    }

    /// An entry's details after its postings (schema 5b), each as its name and its text and
    /// only where present: an entry without them hashes exactly as before they existed.
    mutating func details(payee: String?, paymentMethod: String?) {
        if let payee { text("payee"); text(payee) }
        if let paymentMethod { text("payment_method"); text(paymentMethod) }
    }

    /// ``details(payee:paymentMethod:)`` from bytes (the import's arena, SQLite's row).
    mutating func details(payee: UnsafeBufferPointer<UInt8>?, paymentMethod: UnsafeBufferPointer<UInt8>?) {
        if let payee { text("payee"); text(utf8: payee) }
        if let paymentMethod { text("payment_method"); text(utf8: paymentMethod) }
    }

    /// The optional fields an entry gained in schema v5, each appended as its name and value
    /// only when set: an entry without them hashes exactly as before.
    mutating func entryTrailer(counterpartUnit: String?) {
        if let counterpartUnit { text("counterpart_unit"); text(counterpartUnit) }
    }

    mutating func entryTrailer(counterpartUnit: UnsafeBufferPointer<UInt8>?) {
        if let counterpartUnit { text("counterpart_unit"); text(utf8: counterpartUnit) }
    }

    /// Bytes already encoded as fields (an entry's postings, gathered before their count).
    mutating func append(encoded: ArraySlice<UInt8>) {
        reserve(encoded.count)
        encoded.withUnsafeBytes { source in
            storage.withUnsafeMutableBytes { p in
                if let base = source.baseAddress, source.count > 0 { (p.baseAddress! + count).copyMemory(from: base, byteCount: source.count) }
            }
        }
        count += encoded.count
    }

    mutating func posting(account: String, project: [UInt8]?, econ: String?, amount: Int64, contract: [UInt8]?? = nil) {
        text(account); blob(project); text(econ); int(amount)
        if let contract { blob(contract) }  // only a posting that names a contract: older hashes stay valid
    }
}
