/// What an import's rows say, whatever the order of the file's columns and rows: each good
/// row's canonical bytes (date, kind, project, amount in 分, econ, doc, memo, ref, receiver —
/// values, never column positions) hashed with SHA-256, the digests summed lane by lane (a
/// multiset hash), so a file re-saved with its columns or rows in another order is known
/// again by ``hex``.
struct RowFingerprint {
    private var lanes: [UInt64] = [0, 0, 0, 0]
    private var count: UInt64 = 0
    private var bytes: [UInt8] = []

    mutating func add(_ fields: [ArraySlice<UInt8>]) {
        bytes.removeAll(keepingCapacity: true)
        for field in fields {
            bytes.append(contentsOf: field)
            bytes.append(0x1F)  // unit separator: no field holds it
        }
        let hasher = StreamingSHA256()
        hasher.update(bytes)
        let digest = hasher.finish()
        for lane in 0..<4 {
            var value: UInt64 = 0
            for k in 0..<8 { value = value << 8 | UInt64(digest[lane * 8 + k]) }
            lanes[lane] &+= value
        }
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
        func code(_ p: Int32) -> ArraySlice<UInt8> { p < 0 ? [] : ArraySlice(projectCodes[projectIDs[Int(p)]]!.utf8) }
        let econCode = econ == 0 ? "" : engine.availability.econCodes[Int(econ)]
        let memo = text.start + Int(text.doc), ref = memo + Int(text.memo)
        var fields = [ArraySlice(String(date).utf8), ArraySlice(kind.rawValue.utf8), code(project),
                      ArraySlice(String(amount).utf8), ArraySlice(econCode.utf8), arena[text.start..<memo],
                      arena[memo..<ref], arena[ref..<(ref + Int(text.ref))], code(toProject)]
        // Payee, method and contract only where a row has them: rows without keep their fingerprint.
        if details.payee > 0 || details.method > 0 {
            let payee = ref + Int(text.ref), method = payee + Int(details.payee)
            fields += [arena[payee..<method], arena[method..<(method + Int(details.method))]]
        }
        if let contract { fields.append(ArraySlice(contract.utf8)) }
        rows.add(fields)
    }
}
