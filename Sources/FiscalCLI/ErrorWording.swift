import FiscalCore

/// How the core's refusals read on the command line: the core names fields and values; the
/// CLI adds the flag or command that helps, where one does.
enum ErrorWording {
    static let overdraftHint = " (--allow-overdraft records it anyway)"

    static func line(for error: FiscalError) -> String {
        switch error {
        case .overdraft: error.description + overdraftHint
        case let .noBook(path): "no book at \(path) (create one with `fiscal init --name NAME`, or pass --db)"
        case let .yearNotOpen(year, _, latest) where year == latest + 1: error.description + " (`fiscal year open \(year)`)"
        case .repeatedCarryIn: error.description + " (--again records it once more)"
        case .alreadyImported: error.description + " (--again imports it once more)"
        case .yearNotEnded: error.description + ", or preview with --dry-run"
        case let .yearAlreadyClosed(year): error.description + " (`fiscal reopen --year \(year) --reason …` first)"
        default: error.description
        }
    }

    /// One bad row of an import, as the officer reads it.
    static func line(for problem: ImportProblem) -> String {
        let kindHint = problem.message.contains("missing column kind") ? " (a file of one kind: --kind pay)" : ""
        let encodingHint = problem.message.contains("not valid UTF-8 text") ? " (save the file as UTF-8, or pass --encoding gb18030)"
            : problem.message.contains("not valid GB18030 text") ? " (pass --encoding utf-8 if the file is UTF-8)" : ""
        return problem.description + (problem.isOverdraft ? overdraftHint : "") + kindHint + encodingHint
    }
}
