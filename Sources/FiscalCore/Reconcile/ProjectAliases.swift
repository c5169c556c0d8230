/// Another name a report uses for a project of the book (禁毒专项 for 2023年禁毒工作经费), as the
/// officer confirmed it: kept in the book (table project_alias), so next year's report is read
/// with it too. The reader takes an alias before any other match, category terms included.
public struct ProjectAlias: Sendable, Equatable {
    public var alias: String
    public var code: String
    public var name: String
    /// The day it was added, YYYY-MM-DD.
    public var added: String
}

extension Book {
    /// Every alias, by project code.
    public func projectAliases() throws(FiscalError) -> [ProjectAlias] { try guarded { try store.projectAliases() } }

    /// The aliases as the report reader takes them: the label as written → the project's name.
    public func aliasMap() throws(FiscalError) -> [String: String] {
        Dictionary(try projectAliases().map { ($0.alias, $0.name) }, uniquingKeysWith: { first, _ in first })
    }

    /// Adds names for project `code`, all or none. Names compare as the reader compares labels
    /// (quotes, brackets, spaces and variant characters aside): a name already an alias of the
    /// same project, or the project's own name, is left as it is (`already`); one that is another
    /// project's name or alias is refused, since a label must name one project only.
    public func addAliases(_ aliases: [String], toProject code: String, date: Day)
        throws(FiscalError) -> (added: [String], already: [String]) {
        guard !aliases.isEmpty else { throw .invalidValue(field: "alias", value: "", reason: "give at least one name") }
        var cleaned: [String] = []
        for raw in aliases {
            let alias = String(raw.trimmingWhitespace())
            try TextRules.check(alias, .name, name: "alias")
            guard ReaderText.key(alias).count >= 2 else {
                throw .invalidValue(field: "alias", value: raw, reason: "too short to name a project (two characters at least)")
            }
            cleaned.append(alias)
        }
        return try guarded {
            try store.write {
                guard let project = try store.project(code: code) else { throw FiscalError.unknownProject(code) }
                let projects = try store.projects()
                let existing = try store.projectAliases()
                var added: [String] = [], already: [String] = [], seen: Set<String> = []
                for alias in cleaned {
                    let key = ReaderText.key(alias)
                    guard seen.insert(key).inserted else { continue }
                    if let other = projects.first(where: { ReaderText.key($0.name) == key }) {
                        guard other.code == project.code else {
                            throw FiscalError.invalidValue(field: "alias", value: alias, reason: "is the name of project \(other.code)")
                        }
                        already.append(alias)
                        continue
                    }
                    if let earlier = existing.first(where: { ReaderText.key($0.alias) == key }) {
                        guard earlier.code == project.code else {
                            throw FiscalError.invalidValue(field: "alias", value: alias,
                                                           reason: "is already an alias of project \(earlier.code) (remove it there first)")
                        }
                        already.append(alias)
                        continue
                    }
                    try store.insertProjectAlias(alias, project: project.id, date: date)
                    added.append(alias)
                }
                return (added, already)
            }
        }
    }

    /// Removes aliases, all or none; each must be an alias of the book (compared as labels are).
    public func removeAliases(_ aliases: [String]) throws(FiscalError) -> [ProjectAlias] {
        guard !aliases.isEmpty else { throw .invalidValue(field: "alias", value: "", reason: "give at least one name") }
        return try guarded {
            try store.write {
                let existing = try store.projectAliases()
                var removed: [ProjectAlias] = []
                for raw in aliases {
                    let key = ReaderText.key(raw)
                    guard let found = existing.first(where: { ReaderText.key($0.alias) == key }) else {
                        throw FiscalError.invalidValue(field: "alias", value: raw, reason: "is not an alias in this book")
                    }
                    if removed.contains(found) { continue }
                    try store.deleteProjectAlias(found.alias)
                    removed.append(found)
                }
                return removed
            }
        }
    }
}
