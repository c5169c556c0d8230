import CSQLite

/// Saved column mappings of the import (schema 5d): configuration, not history, so a row is
/// added and removed as a whole and carries no hash.
extension SQLiteStore {
    func importProfiles() throws -> [ImportProfile] {
        try db.cached("SELECT name, mapping, kind, added FROM import_profile ORDER BY name").rows { row in
            ImportProfile(name: try row.text("name"), mapping: ImportProfile.mapping(stored: try row.text("mapping")),
                          kind: try row.optionalDecode("kind", as: "an entry kind", EntryKind.init(rawValue:)),
                          added: try row.decode("added", as: "a date", Day.init))
        }
    }

    func insertImportProfile(_ profile: ImportProfile) throws {
        try db.cached("INSERT INTO import_profile (name, mapping, kind, added) VALUES (?, ?, ?, ?)")
            .run([profile.name, profile.storedMapping, profile.kind?.rawValue, profile.added.description])
    }

    func deleteImportProfile(name: String) throws -> Bool {
        try db.cached("DELETE FROM import_profile WHERE name = ?").run([name])
        return sqlite3_changes(db.handle) > 0
    }
}
