extension SQLiteStore {
    func projectAliases() throws -> [ProjectAlias] {
        try db.cached("""
            SELECT a.alias, p.code, p.name, a.added FROM project_alias a JOIN project p ON p.id = a.project_id
            ORDER BY p.code, a.alias
            """).rows {
            ProjectAlias(alias: try $0.text("alias"), code: try $0.text("code"), name: try $0.text("name"), added: try $0.text("added"))
        }
    }

    func insertProjectAlias(_ alias: String, project: Int64, date: Day) throws {
        try db.cached("INSERT INTO project_alias (alias, project_id, added) VALUES (?, ?, ?)").run([alias, project, date.description])
    }

    func deleteProjectAlias(_ alias: String) throws {
        try db.cached("DELETE FROM project_alias WHERE alias = ?").run([alias])
    }
}
