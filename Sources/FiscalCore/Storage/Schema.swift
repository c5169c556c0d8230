/// The schema, embedded at build time from the top-level `schema.sql` (this target's
/// `schema.sql` is a link to it), so the binary creates exactly the file that is reviewed.
public enum Schema {
    public static var sql: String { String(decoding: PackageResources.schema_sql, as: UTF8.self) }

    /// The version `schema.sql` sets with `PRAGMA user_version`.
    public static let version = 3

    /// A step from one version to the next: replacements in the stored SQL of tables (for
    /// changes SQLite's ALTER TABLE cannot make, such as a CHECK constraint), then plain SQL.
    /// A table's text is replaced only where it holds the old text exactly, so a migrated
    /// book ends with the very text `schema.sql` declares.
    struct Migration {
        var tableEdits: [(table: String, old: String, new: String)] = []
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
        // v3: local codes and import batches — new tables only, the text between the step's
        // markers in schema.sql.
        2: Migration(sql: section("step 3")),
    ]

    /// The text of schema.sql between `-- [NAME begins…]` and `-- [NAME ends]`: a step that only
    /// adds objects runs exactly what a new book runs.
    static func section(_ name: String) -> String {
        let text = sql
        guard let start = text.range(of: "-- [\(name) begins"), let end = text.range(of: "-- [\(name) ends]") else { return "" }
        return String(text[start.lowerBound..<end.upperBound])
    }
}
