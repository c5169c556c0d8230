extension SQLiteStore {
    func insertImportBatch(_ b: ImportBatchRecord) throws -> Int64 {
        try db.cached("""
            INSERT INTO import_batch (file, sha256, rows_sha256, rows, posted, skipped, first_entry, last_entry, imported, again)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).run([b.file, b.sha256, b.rowsSHA256, Int64(b.rows), Int64(b.posted), Int64(b.skipped),
                      b.entries?.lowerBound, b.entries?.upperBound, b.imported.description, Int64(b.again ? 1 : 0)])
        let id = db.lastInsertRowID
        for t in b.totals {
            try db.cached("INSERT INTO import_batch_total (batch_id, kind, entries, amount) VALUES (?, ?, ?, ?)")
                .run([id, t.kind.rawValue, Int64(t.entries), t.amount.fen])
        }
        return id
    }

    func importBatches() throws -> [ImportBatchRecord] {
        var batches = try db.cached("""
            SELECT b.id, b.file, b.sha256, b.rows_sha256, b.rows, b.posted, b.skipped, b.first_entry, b.last_entry,
                   b.imported, b.again, u.date AS undone_date, u.reason AS undone_reason
            FROM import_batch b LEFT JOIN import_undo u ON u.batch_id = b.id ORDER BY b.id
            """).rows { row in
            let first = try row.optionalInt("first_entry"), last = try row.optionalInt("last_entry")
            let undoneDate = try row.optionalText("undone_date")
            return ImportBatchRecord(
                id: try row.int("id"), file: try row.text("file"), sha256: try row.text("sha256"),
                rowsSHA256: try row.text("rows_sha256"), rows: Int(try row.int("rows")), posted: Int(try row.int("posted")),
                skipped: Int(try row.int("skipped")), entries: first.flatMap { f in last.map { f...$0 } },
                imported: try row.decode("imported", as: "a date", Day.init), again: try row.int("again") == 1, totals: [],
                undone: undoneDate.map { ($0, (try? row.optionalText("undone_reason")) ?? nil ?? "") })
        }
        let totals = try db.cached("SELECT batch_id, kind, entries, amount FROM import_batch_total").rows {
            (try $0.int("batch_id"), try $0.decode("kind", as: "an event kind", EntryKind.init(rawValue:)),
             Int(try $0.int("entries")), Money(fen: try $0.int("amount")))
        }
        for i in batches.indices {
            batches[i].totals = totals.filter { $0.0 == batches[i].id }.map { ImportTotal(kind: $0.1, entries: $0.2, amount: $0.3) }
                .sorted { (EntryKind.events.firstIndex(of: $0.kind) ?? 99) < (EntryKind.events.firstIndex(of: $1.kind) ?? 99) }
        }
        return batches
    }

    func insertImportUndo(batch: Int64, date: Day, reason: String, entries: ClosedRange<Int64>?) throws {
        try db.cached("INSERT INTO import_undo (batch_id, date, reason, first_entry, last_entry) VALUES (?, ?, ?, ?, ?)")
            .run([batch, date.description, reason, entries?.lowerBound, entries?.upperBound])
    }
}
