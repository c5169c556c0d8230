extension Book {
    /// Imports projects from a CSV file (`code,name,kind` and optionally `fund,function,unit,
    /// status`, or 编码, 名称, 类型, 资金性质, 功能分类, 单位, 状态), all or nothing. Kinds, funds
    /// and statuses may be written as fiscal writes them (`personnel`, `general`) or in Chinese
    /// (人员经费, 一般公共预算), so `fiscal project list --format csv` reads back in. A project
    /// already in the book with the same fields is skipped; one with different fields is a bad
    /// row. In the result, `posted` counts the projects added.
    public func importProjects(fromFile path: String, options: ImportOptions = ImportOptions(),
                               today: Day) throws(FiscalError) -> ImportResult {
        let source = try openRecordSource(path: path, options: options)
        var result = try guarded {
            try store.write {
                var result = ImportResult(file: path, dryRun: options.dryRun)
                let projects = try readProjects(source, &result)
                result.encoding = source.encoding
                guard result.isAccepted else { result.posted = 0; return result }
                if !options.dryRun {
                    for project in projects {
                        let id = try store.insertProject(Project(code: project.code, name: project.name, kind: project.kind,
                                                                 fund: project.fund, function: project.function,
                                                                 unit: project.unit))
                        if project.status != .active {
                            try store.setProjectStatus(id: id, status: project.status, date: today, reason: "imported from \(path)")
                        }
                    }
                }
                return result
            }
        }
        result.describeSource(source)
        return result
    }

    private static let projectColumns = ImportColumns(columns: [
        .init(key: "code", aliases: ["编码", "项目编码", "项目代码"], required: true),
        .init(key: "name", aliases: ["名称", "项目名称"], required: true),
        .init(key: "kind", aliases: ["类型", "项目类型"], required: true),
        .init(key: "fund", aliases: ["资金性质"], required: false),
        .init(key: "function", aliases: ["功能分类", "支出功能分类", "功能分类编码"], required: false),
        .init(key: "unit", aliases: ["单位"], required: false),
        .init(key: "status", aliases: ["状态"], required: false),
    ])

    private func readProjects(_ source: any RecordSource, _ result: inout ImportResult) throws -> [Project] {
        var record = CSVRecord()
        guard let layout = try Book.projectColumns.readHeader(source, into: &record, result: &result,
                                                               example: "code,name,kind") else { return [] }
        var seen: [String: Int] = [:]
        var added: [Project] = []
        // Project names are unique in a book, as `project add` holds: against the book's
        // projects and the file's earlier rows.
        var names: [String: String] = [:]
        for project in try store.projects() {
            let name = String(project.name.trimmingWhitespace())
            names[name] = names[name] ?? project.code
        }
        var namesSeen: [String: Int] = [:]
        while try source.next(into: &record) {
            if record.isBlank && !record.unclosedQuote { continue }
            result.rows += 1
            var row = ImportRow(record: record, layout: layout, encoding: source.encoding)
            let project = Book.readProject(&row, seen: seen)
            if !project.code.isEmpty && seen[project.code] == nil { seen[project.code] = record.line }
            if row.reasons.isEmpty {
                if let existing = try store.project(code: project.code) {
                    var compared = project
                    if layout.field(6) == nil { compared.status = existing.status }  // no status column
                    let differences = Book.differences(existing, compared)
                    if differences.isEmpty {
                        result.skipped += 1
                    } else {
                        row.reasons.append("project '\(project.code)' is already in the book with a different \(differences.joined(separator: ", "))")
                    }
                } else {
                    let name = String(project.name.trimmingWhitespace())
                    if let code = names[name] {
                        row.bad(1, project.name, "project \(code) already has this name")
                    } else if let first = namesSeen[name] {
                        row.bad(1, project.name, "repeats the name of line \(first)")
                    } else {
                        namesSeen[name] = record.line
                        added.append(project)
                        result.posted += 1
                    }
                }
            }
            if !row.reasons.isEmpty {
                result.add(ImportProblem(line: record.line, message: row.reasons.joined(separator: "; ")))
            }
        }
        return added
    }

    /// One row as a project; what is wrong with it goes into the row's reasons.
    private static func readProject(_ row: inout ImportRow, seen: [String: Int]) -> Project {
        let broken = row.isBroken
        let code = row.text(0) ?? ""
        if !broken {
            if code.isEmpty { row.required(0) }
            else if let problem = Project.problem(withCode: code) { row.bad(0, code, problem) }
            else if let first = seen[code] { row.bad(0, code, "repeats the project of line \(first)") }
        }
        let name = row.text(1)
        if name == nil && row.reasons.isEmpty { row.required(1) }
        if let name, let problem = TextRules.problem(name, as: .name) { row.bad(1, name, problem) }
        var kind = ProjectKind.project
        if let value = row.text(2) {
            if let k = ProjectKind.allCases.first(where: { $0.rawValue == value.lowercased() || $0.nameZh == value }) { kind = k }
            else { row.bad(2, value, "must be personnel (人员经费), public (公用经费) or project (项目支出)") }
        } else if row.reasons.isEmpty {
            row.required(2)
        }
        var fund = Fund.general
        if let value = row.text(3) {
            if let f = Fund.allCases.first(where: { $0.rawValue == value.lowercased() || $0.nameZh == value }) { fund = f }
            else { row.bad(3, value, "must be general, gov-fund, state-capital, social-insurance or other (or 一般公共预算 …)") }
        }
        var function: FunctionCode?
        if let value = row.text(4) {
            do {
                _ = try BookCodes.official.check(function: value)
                function = FunctionCode(value)
            } catch {
                if case let .invalidValue(_, _, reason) = error { row.bad(4, value, reason) } else { row.bad(4, value, error.description) }
            }
        }
        let unit = row.text(5)
        if let unit, let problem = TextRules.problem(unit, as: .unit) { row.bad(5, unit, problem) }
        var status = ProjectStatus.active
        if let value = row.text(6) {
            if let s = ProjectStatus.allCases.first(where: { $0.rawValue == value.lowercased() || $0.nameZh == value }) { status = s }
            else { row.bad(6, value, "must be active (执行中), completed (已完成) or terminated (已终止)") }
        }
        return Project(code: code, name: name ?? "", kind: kind, fund: fund, function: function, unit: unit, status: status)
    }

    /// The fields in which a project in the file differs from the book's, as
    /// `name ('book' here, 'file' in the file)`.
    static func differences(_ book: Project, _ file: Project) -> [String] {
        var out: [String] = []
        func compare(_ field: String, _ a: String?, _ b: String?) {
            if a != b { out.append("\(field) ('\(a ?? "")' in the book, '\(b ?? "")' in the file)") }
        }
        compare("name", book.name, file.name)
        compare("kind", book.kind.rawValue, file.kind.rawValue)
        compare("fund", book.fund.rawValue, file.fund.rawValue)
        compare("function", book.function?.code, file.function?.code)
        compare("unit", book.unit, file.unit)
        compare("status", book.status.rawValue, file.status.rawValue)
        return out
    }
}
