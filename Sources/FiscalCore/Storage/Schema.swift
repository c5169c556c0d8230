/// The schema, embedded at build time from the top-level `schema.sql` (this target's
/// `schema.sql` is a link to it), so the binary creates exactly the file that is reviewed.
public enum Schema {
    public static var sql: String { String(decoding: PackageResources.schema_sql, as: UTF8.self) }

    /// The version `schema.sql` sets with `PRAGMA user_version`.
    public static let version = 6

    /// The oldest version a reader reads as it is, without the migration only a writer may
    /// run (v1 differs from v2 only in how a CHECK is written).
    static let oldestReadable = 1

    /// A step from one version to the next: replacements in the stored SQL of tables (for
    /// changes SQLite's ALTER TABLE cannot make, such as a CHECK constraint), then plain SQL.
    /// A table's text is replaced only where it holds the old text exactly, so a migrated
    /// book ends with the very text `schema.sql` declares.
    struct Migration {
        var tableEdits: [(table: String, old: String, new: String)] = []
        /// The step adds the hash chain: every history row gets its hash, in id order.
        var fillsChain = false
        /// Triggers the step adds, created from their text in `schema.sql` (one home).
        var triggers: [String] = []
        var sql: String = ""
    }

    /// Steps from an older book to the next version: `migrations[v]` takes version v to v+1.
    /// Later versions append here; an applied step is never edited.
    static let migrations: [Int: Migration] = [
        // v2: the entry kind is checked with ORs instead of a slow IN list (same values).
        1: Migration(tableEdits: [(
            table: "entry",
            old: """
                kind       TEXT NOT NULL CHECK (kind IN ('appropriate', 'supplement', 'reduce', 'transfer', 'pay',
                                   'refund', 'recall', 'carry-in', 'close', 'open', 'reversal')),
                """,
            new: """
                kind       TEXT NOT NULL CHECK (kind = 'appropriate' OR kind = 'supplement' OR kind = 'reduce'
                                   OR kind = 'transfer' OR kind = 'pay' OR kind = 'refund' OR kind = 'recall'
                                   OR kind = 'carry-in' OR kind = 'close' OR kind = 'open' OR kind = 'reversal'),
                """)]),
        // v3: the hash chain (a `hash` column on every history table, filled in) and guards on
        // every history table, against INSERT OR REPLACE too (issue 12).
        2: Migration(tableEdits: [
            (table: "book", old: "first_year BETWEEN 1900 AND 9999)\n)",
             new: "first_year BETWEEN 1900 AND 9999),\n    hash        BLOB\n)"),
            (table: "year_event", old: "    reason  TEXT\n)", new: "    reason  TEXT,\n    hash    BLOB\n)"),
            (table: "project", old: "'terminated'))\n)", new: "'terminated')),\n    hash           BLOB\n)"),
            (table: "project_event", old: "    reason      TEXT\n)", new: "    reason      TEXT,\n    hash        BLOB\n)"),
            (table: "entry", old: "(overdraft IN (0, 1))\n)", new: "(overdraft IN (0, 1)),\n    hash       BLOB\n)"),
        ], fillsChain: true, triggers: [
            "book_no_update", "book_no_delete", "book_no_replace", "entry_no_replace", "posting_no_replace",
            "year_event_no_replace", "fiscal_year_no_delete", "fiscal_year_no_replace", "fiscal_year_status",
            "project_no_update", "project_no_delete", "project_no_replace",
            "project_event_no_update", "project_event_no_delete", "project_event_no_replace",
        ]),
        // v4: local codes and import batches (issue 13) — new tables only, the text between the
        // step's markers in schema.sql.
        3: Migration(sql: section("step 4")),
        // v5: commitments, entry details, project aliases, import profiles and consolidation
        // (issues 11, 14, 15, 16): four entry kinds, then new tables and columns.
        4: Migration(tableEdits: [(
            table: "entry",
            old: "OR kind = 'carry-in' OR kind = 'close' OR kind = 'open' OR kind = 'reversal'),",
            new: """
                OR kind = 'carry-in' OR kind = 'close' OR kind = 'open' OR kind = 'reversal'
                                   OR kind = 'commit' OR kind = 'release' OR kind = 'consolidate' OR kind = 'eliminate'),
                """)], sql: section("step 5")),
        // v6: a consolidated book's totals per unit (issue 16) — a new table only.
        5: Migration(sql: section("step 6")),
    ]

    /// The text of schema.sql between `-- [NAME begins…]` and `-- [NAME ends]`: a step that only
    /// adds objects runs exactly what a new book runs.
    static func section(_ name: String) -> String {
        let text = sql
        guard let start = text.range(of: "-- [\(name) begins"), let end = text.range(of: "-- [\(name) ends]") else { return "" }
        return String(text[start.lowerBound..<end.upperBound])
    }
}

extension Schema {
    /// One object of a schema as `sqlite_schema` holds it.
    struct Object: Hashable, Sendable {
        var type: String
        var name: String
        var table: String
        var sql: String?
    }

    /// What `schema.sql` declares, read back from a database made from it in memory: the very
    /// text a new book stores, which `verify` compares a book against.
    static func declaredObjects() throws -> [Object] {
        let reference = try Database(path: ":memory:")
        try reference.execute(sql)
        return try SQLiteStore(db: reference).schemaObjects()
    }
}
