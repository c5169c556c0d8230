extension Book {
    public func addProject(_ project: Project) throws(FiscalError) -> Project {
        let code = project.code
        if let problem = Project.problem(withCode: code) { throw .invalidValue(field: "code", value: code, reason: problem) }
        guard !project.name.trimmingWhitespace().isEmpty else {
            throw .invalidValue(field: "name", value: project.name, reason: "must not be empty")
        }
        try TextRules.check(project.name, .name)
        try TextRules.check(project.unit, .unit)
        if let function = project.function { _ = try codes().check(function: function.code) }
        return try guarded {
            try store.write {
                if try store.project(code: code) != nil { throw FiscalError.duplicateProject(code) }
                let name = project.name.trimmingWhitespace()
                if let same = try store.projects().first(where: { $0.name.trimmingWhitespace() == name }) {
                    throw FiscalError.invalidValue(field: "name", value: project.name,
                                                   reason: "project \(same.code) already has this name")
                }
                var saved = project
                saved.id = try store.insertProject(project)
                return saved
            }
        }
    }

    public func projects() throws(FiscalError) -> [Project] { try guarded { try store.projects() } }

    public func project(code: String) throws(FiscalError) -> Project {
        guard let project = try guarded({ try store.project(code: code) }) else { throw .unknownProject(code) }
        return project
    }

    /// Marks a project completed or terminated (which decides carry-forward or surplus at close),
    /// keeping the change in the project's history.
    public func setStatus(code: String, to status: ProjectStatus, date: Day, reason: String?) throws(FiscalError) -> Project {
        try TextRules.check(reason, .reason)
        var project = try self.project(code: code)
        try guarded { try store.write { try store.setProjectStatus(id: project.id, status: status, date: date, reason: reason) } }
        project.status = status
        return project
    }
}
