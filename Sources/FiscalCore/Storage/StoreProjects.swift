extension SQLiteStore {
    private static let projectColumns = "id, code, name, kind, fund, function_code, unit, status"

    private func project(from row: Row) throws -> Project {
        Project(id: try row.int("id"), code: try row.text("code"), name: try row.text("name"),
                kind: try row.decode("kind", as: "a project kind", ProjectKind.init(rawValue:)),
                fund: try row.decode("fund", as: "a fund", Fund.init(rawValue:)),
                function: try row.optionalDecode("function_code", as: "a function code", FunctionCode.init),
                unit: try row.optionalText("unit"),
                status: try row.decode("status", as: "a project status", ProjectStatus.init(rawValue:)))
    }

    func insertProject(_ p: Project) throws -> Int64 {
        let id = try nextID("project")
        let hash = ChainRecord.project(id: id, code: p.code, name: p.name, kind: p.kind.rawValue, fund: p.fund.rawValue,
                                       function: p.function?.code, unit: p.unit).hash(after: try chainHead("project"))
        try db.cached("INSERT INTO project (id, code, name, kind, fund, function_code, unit, status, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .run([id, p.code, p.name, p.kind.rawValue, p.fund.rawValue, p.function?.code, p.unit, p.status.rawValue, hash])
        return id
    }

    func project(code: String) throws -> Project? {
        try db.cached("SELECT \(SQLiteStore.projectColumns) FROM project WHERE code = ?").first([code]) { try project(from: $0) }
    }

    func projects() throws -> [Project] {
        try db.cached("SELECT \(SQLiteStore.projectColumns) FROM project ORDER BY code").rows { try project(from: $0) }
    }

    func setProjectStatus(id: Int64, status: ProjectStatus, date: Day, reason: String?) throws {
        // The event first: schema.sql lets the status follow only the last recorded event.
        let eventID = try nextID("project_event")
        let hash = ChainRecord.projectEvent(id: eventID, project: id, status: status.rawValue, date: date.description, reason: reason)
            .hash(after: try chainHead("project_event"))
        try db.cached("INSERT INTO project_event (id, project_id, status, date, reason, hash) VALUES (?, ?, ?, ?, ?, ?)")
            .run([eventID, id, status.rawValue, date.description, reason, hash])
        try db.cached("UPDATE project SET status = ? WHERE id = ?").run([status.rawValue, id])
    }
}
