/// The schema, embedded at build time from the top-level `schema.sql` (this target's
/// `schema.sql` is a link to it), so the binary creates exactly the file that is reviewed.
public enum Schema {
    public static var sql: String { String(decoding: PackageResources.schema_sql, as: UTF8.self) }

    /// The version `schema.sql` sets with `PRAGMA user_version`.
    public static let version = 1

    /// Steps from an older book to the next version: `migrations[v]` takes version v to v+1.
    /// Version 1 is the first; later versions append here, never edit an applied step.
    static let migrations: [Int: String] = [:]
}
