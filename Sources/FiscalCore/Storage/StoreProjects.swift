extension Store {
    private static let projectColumns = "id, code, name, kind, fund, function_code, unit, status"

    private func project(from row: Row) -> Project {
        Project(id: row.int(0), code: row.text(1), name: row.text(2),
                kind: ProjectKind(rawValue: row.text(3)) ?? .project,
                fund: Fund(rawValue: row.text(4)) ?? .other,
                function: row.optionalText(5).flatMap(FunctionCode.init),
                unit: row.optionalText(6),
                status: ProjectStatus(rawValue: row.text(7)) ?? .active)
    }

    func insertProject(_ p: Project) throws -> Int64 {
        try db.cached("INSERT INTO project (code, name, kind, fund, function_code, unit, status) VALUES (?, ?, ?, ?, ?, ?, ?)")
            .run([p.code, p.name, p.kind.rawValue, p.fund.rawValue, p.function?.code, p.unit, p.status.rawValue])
        return db.lastInsertRowID
    }

    public func project(code: String) throws -> Project? {
        try db.cached("SELECT \(Store.projectColumns) FROM project WHERE code = ?").first([code]) { project(from: $0) }
    }

    public func projects() throws -> [Project] {
        try db.cached("SELECT \(Store.projectColumns) FROM project ORDER BY code").rows { project(from: $0) }
    }

    func setProjectStatus(id: Int64, status: ProjectStatus, date: Day, reason: String?) throws {
        try db.cached("UPDATE project SET status = ? WHERE id = ?").run([status.rawValue, id])
        try db.cached("INSERT INTO project_event (project_id, status, date, reason) VALUES (?, ?, ?, ?)")
            .run([id, status.rawValue, date.description, reason])
    }
}
