/// What an import's rows say, whatever the order of the file's columns and rows: each good
/// row's canonical bytes (date, kind, project, amount in 分, econ, doc, memo, ref, receiver —
/// values, never column positions) hashed with SHA-256, the digests summed lane by lane (a
/// multiset hash), so a file re-saved with its columns or rows in another order is known
/// again by ``hex``.
struct RowFingerprint {
    private var lanes: [UInt64] = [0, 0, 0, 0]
    private var count: UInt64 = 0
    /// The row's fields, each followed by 0x1F (no field holds it), built in place: a million
    /// rows make no array or string each.
    private var bytes: [UInt8] = []

    mutating func begin() { bytes.removeAll(keepingCapacity: true) }

    mutating func field(_ value: some Collection<UInt8>) {
        bytes.append(contentsOf: value)
        bytes.append(0x1F)
    }

    mutating func field(_ text: String) {
        var text = text
        text.withUTF8 { field($0) }
    }

    /// An integer in decimal, as `String(value)` writes it.
    mutating func field(_ value: Int64) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var digits: (UInt64, Int) = (value.magnitude, 0)
        let start = bytes.count
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(digits.0 % 10))
            digits = (digits.0 / 10, digits.1 + 1)
        } while digits.0 > 0
        bytes[start...].reverse()
        bytes.append(0x1F)
    }

    mutating func end() {
        var digest = (UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        withUnsafeMutableBytes(of: &digest) { out in
            bytes.withUnsafeBytes { SHA256Digest.hash($0, into: out.baseAddress!.assumingMemoryBound(to: UInt8.self)) }
        }
        for (lane, word) in [digest.0, digest.1, digest.2, digest.3].enumerated() { lanes[lane] &+= UInt64(bigEndian: word) }
        count += 1
    }

    var hex: String {
        let hasher = StreamingSHA256()
        var text = Array("fiscal rows v1 \(count)".utf8)
        for lane in lanes { text += Array(String(lane, radix: 16).utf8) + [0x20] }
        hasher.update(text)
        return StreamingSHA256.hex(hasher.finish())
    }
}

extension EventImport {
    /// Adds a good row to the fingerprint of the file's rows.
    mutating func fingerprint(date: Int32, kind: EntryKind, project: Int32, amount: Int64, econ: UInt16,
                              text: (start: Int, doc: UInt32, memo: UInt32, ref: UInt32), toProject: Int32,
                              details: (payee: UInt32, method: UInt32) = (0, 0), contract: String? = nil) {
        let memo = text.start + Int(text.doc), ref = memo + Int(text.memo)
        rows.begin()
        rows.field(Int64(date))
        rows.field(kind.rawValue)
        if project < 0 { rows.field(EmptyCollection()) } else { rows.field(projectCodes[projectIDs[Int(project)]]!) }
        rows.field(amount)
        rows.field(econ == 0 ? "" : engine.availability.econCodes[Int(econ)])
        rows.field(arena[text.start..<memo])
        rows.field(arena[memo..<ref])
        rows.field(arena[ref..<(ref + Int(text.ref))])
        if toProject < 0 { rows.field(EmptyCollection()) } else { rows.field(projectCodes[projectIDs[Int(toProject)]]!) }
        // Payee, method and contract only where a row has them: rows without keep their fingerprint.
        if details.payee > 0 || details.method > 0 {
            let payee = ref + Int(text.ref), method = payee + Int(details.payee)
            rows.field(arena[payee..<method])
            rows.field(arena[method..<(method + Int(details.method))])
        }
        if let contract { rows.field(contract) }
        rows.end()
    }
}
