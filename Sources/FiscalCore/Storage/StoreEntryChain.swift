/// The entry chain checked in one pass over entries and postings, on the bytes SQLite hands
/// out: a million entries are hashed without a `String` or an array per row (`verify` has
/// issue 8's budget of 1.5 × `integrity_check`).
extension SQLiteStore {
    /// Each entry whose stored hash is missing (nil) or differs (its id), in id order. With
    /// `recomputed`, each entry follows the hash recomputed for the one before it (where a
    /// rewrite begins); else the stored one (so every changed entry is named on its own).
    func entryChainBreaks(recomputed: Bool, _ found: (_ id: Int64, _ hasHash: Bool) throws -> Bool) throws {
        let hashes = try projectHashes()
        let contracts = try contractHashes()
        var previous = try bookHash()
        let statement = try db.prepare("""
            SELECT e.id, e.date, e.year, e.kind, e.doc, e.memo, e.ref, e.reverses, e.overdraft, e.hash,
                   p.account, p.project_id, p.econ, p.amount, e.payee, e.payment_method, p.contract_id, \(try counterpartColumn("e"))
            FROM entry e LEFT JOIN posting p ON p.entry_id = e.id ORDER BY e.id, p.id
            """)
        let c = try ["id", "date", "year", "kind", "doc", "memo", "ref", "reverses", "overdraft", "hash",
                     "account", "project_id", "econ", "amount", "payee", "payment_method", "contract_id", "counterpart_unit"]
            .map { name throws(SQLiteError) in try statement.column(name) }
        var record = ChainRecord(table: "entry")
        var legs = ChainRecord(table: "entry")  // only its bytes after the head are used
        let legsStart = legs.bytes.count
        var count = 0
        var current: Int64?
        var stored: [UInt8]?
        var out = [UInt8](repeating: 0, count: SHA256Digest.size)
        var stop = false
        var details = ChainRecord(table: "entry")  // its payee and method (schema 5b), after the legs
        let detailsStart = details.bytes.count
        func finish() throws {
            guard current != nil else { return }
            record.int(Int64(count))
            record.append(encoded: Array(legs.bytes[legsStart...]))
            if details.bytes.count > detailsStart { record.append(encoded: Array(details.bytes[detailsStart...])) }
            out.withUnsafeMutableBufferPointer { record.link(after: previous, into: $0.baseAddress!) }
            if stored != out { stop = try found(current!, stored != nil) }
            previous = recomputed ? out : (stored ?? [])
        }
        try statement.forEach { row in
            guard !stop else { return }
            let id = try row.int(c[0])
            if id != current {
                try finish()
                current = id
                count = 0
                record.start("entry")
                record.int(id)
                try row.withBytes(c[1]) { record.text(utf8: $0) }
                record.int(try row.int(c[2]))
                try row.withBytes(c[3]) { record.text(utf8: $0) }
                try row.withBytes(c[4]) { record.text(utf8: $0) }
                try row.withBytes(c[5]) { record.text(utf8: $0) }
                try row.withBytes(c[6]) { record.text(utf8: $0) }
                record.int(try row.optionalInt(c[7]))
                record.int(try row.int(c[8]))
                stored = row.withBlob(c[9]) { $0.map { Array($0) } }
                legs.start("entry")
                details.start("entry")
                row.withBytes(c[14]) { payee in row.withBytes(c[15]) { details.details(payee: payee, paymentMethod: $0) } }
                try row.withBytes(c[17]) { details.entryTrailer(counterpartUnit: $0) }
            }
            guard let project = try row.optionalInt(c[11]) else { return }  // an entry without postings
            count += 1
            try row.withBytes(c[10]) { legs.text(utf8: $0) }
            legs.blob(hashes[project] ?? nil)
            try row.withBytes(c[12]) { legs.text(utf8: $0) }
            legs.int(try row.int(c[13]))
            if let contract = try row.optionalInt(c[16]) { legs.blob(contracts[contract] ?? nil) }
        }
        if !stop { try finish() }
    }
}
