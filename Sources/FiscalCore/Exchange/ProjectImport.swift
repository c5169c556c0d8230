extension Book {
    /// Imports projects from a CSV file (`code,name,kind` and optionally `fund,function,unit,
    /// status`, or 编码, 名称, 类型, 资金性质, 功能分类, 单位, 状态), all or nothing. Kinds, funds
    /// and statuses may be written as fiscal writes them (`personnel`, `general`) or in Chinese
    /// (人员经费, 一般公共预算), so `fiscal project list --format csv` reads back in. A project
    /// already in the book with the same fields is skipped; one with different fields is a bad
    /// row. In the result, `posted` counts the projects added.
    public func importProjects(fromFile path: String, options: ImportOptions = ImportOptions(),
                               today: Day) throws(FiscalError) -> ImportResult {
        let source = try TextSource(path: path, encoding: options.encoding)
        return try guarded {
            try store.write {
                var result = ImportResult(file: path, dryRun: options.dryRun)
                let projects = try readProjects(source, &result)
                result.encoding = source.detectedEncoding
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
    }

    private func readProjects(_ source: TextSource, _ result: inout ImportResult) throws -> [Project] {
        let columns = ImportColumns(columns: [
            .init(key: "code", aliases: ["编码", "项目编码", "项目代码"], required: true),
            .init(key: "name", aliases: ["名称", "项目名称"], required: true),
            .init(key: "kind", aliases: ["类型", "项目类型"], required: true),
            .init(key: "fund", aliases: ["资金性质"], required: false),
            .init(key: "function", aliases: ["功能分类", "支出功能分类", "功能分类编码"], required: false),
            .init(key: "unit", aliases: ["单位"], required: false),
            .init(key: "status", aliases: ["状态"], required: false),
        ])
        let reader = CSVReader(source: source)
        var record = CSVRecord()
        guard try reader.next(into: &record) else {
            result.add(ImportProblem(line: 1, message: "the file is empty (it needs a header: code,name,kind)"))
            return []
        }
        let layout: ImportColumns.Layout
        switch columns.layout(of: record, encoding: source.detectedEncoding) {
        case .success(let l): layout = l
        case .failure(let problem): result.add(problem); return []
        }
        var seen: [String: Int] = [:]
        var added: [Project] = []
        while try reader.next(into: &record) {
            if record.isBlank && !record.unclosedQuote { continue }
            result.rows += 1
            var reasons: [String] = []
            func text(_ c: Int) -> String? {
                guard let f = layout.field(c), f < record.count else { return nil }
                return record.field(f) { bytes -> String? in
                    let t = trimmed(bytes)
                    if t.isEmpty { return nil }
                    if let problem = textProblem(t, encoding: source.detectedEncoding) {
                        reasons.append("\(layout.nameOf[c]): \(problem)")
                        return nil
                    }
                    return String(decoding: t, as: UTF8.self)
                }
            }
            func bad(_ c: Int, _ value: String, _ reason: String) {
                reasons.append("\(layout.nameOf[c]) '\(value.quotedValue)': \(reason)")
            }
            if record.unclosedQuote {
                reasons.append("a quoted field is never closed (a \" opened on this line runs to the end of the file)")
            } else if record.count > layout.fieldCount,
                      (layout.fieldCount..<record.count).contains(where: { !record.field($0, { trimmed($0).isEmpty }) }) {
                reasons.append("\(record.count) fields, but the header names \(layout.fieldCount)")
            }
            let code = text(0) ?? ""
            if reasons.isEmpty {
                if code.isEmpty {
                    reasons.append("\(layout.nameOf[0]): required")
                } else if let problem = Project.problem(withCode: code) {
                    bad(0, code, problem)
                } else if let first = seen[code] {
                    bad(0, code, "repeats the project of line \(first)")
                }
            }
            let name = text(1)
            if name == nil && reasons.isEmpty { reasons.append("\(layout.nameOf[1]): required") }
            if let name, let problem = TextRules.problem(name, as: .name) { bad(1, name, problem) }
            var kind = ProjectKind.project
            if let value = text(2) {
                if let k = ProjectKind.allCases.first(where: { $0.rawValue == value.lowercased() || $0.nameZh == value }) {
                    kind = k
                } else {
                    bad(2, value, "must be personnel (人员经费), public (公用经费) or project (项目支出)")
                }
            } else if reasons.isEmpty {
                reasons.append("\(layout.nameOf[2]): required")
            }
            var fund = Fund.general
            if let value = text(3) {
                if let f = Fund.allCases.first(where: { $0.rawValue == value.lowercased() || $0.nameZh == value }) {
                    fund = f
                } else {
                    bad(3, value, "must be general, gov-fund, state-capital, social-insurance or other (or 一般公共预算 …)")
                }
            }
            var function: FunctionCode?
            if let value = text(4) {
                function = FunctionCode(value)
                if function == nil { bad(4, value, "not a function code (3, 5 or 7 digits, e.g. 2040201)") }
            }
            let unit = text(5)
            if let unit, let problem = TextRules.problem(unit, as: .unit) { bad(5, unit, problem) }
            var status = ProjectStatus.active
            if let value = text(6) {
                if let s = ProjectStatus.allCases.first(where: { $0.rawValue == value.lowercased() || $0.nameZh == value }) {
                    status = s
                } else {
                    bad(6, value, "must be active (执行中), completed (已完成) or terminated (已终止)")
                }
            }
            if !code.isEmpty && seen[code] == nil { seen[code] = record.line }
            if reasons.isEmpty, let name {
                let project = Project(code: code, name: name, kind: kind, fund: fund, function: function, unit: unit,
                                      status: status)
                if let existing = try store.project(code: code) {
                    var compared = project
                    if layout.field(6) == nil { compared.status = existing.status }  // no status column
                    let differences = Book.differences(existing, compared)
                    if differences.isEmpty {
                        result.skipped += 1
                    } else {
                        reasons.append("project '\(code)' is already in the book with a different \(differences.joined(separator: ", "))")
                    }
                } else {
                    added.append(project)
                    result.posted += 1
                }
            }
            if !reasons.isEmpty {
                result.add(ImportProblem(line: record.line, message: reasons.joined(separator: "; ")))
            }
        }
        return added
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
