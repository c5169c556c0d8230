import FiscalCore

/// What the user reads when the core refuses a command: one line in the project's words. The
/// core's errors name fields and values ("date '2025-01-01': …", "pay … exceeds available …");
/// this is where they meet the command line: where a flag or another command would get the
/// user through, the line says which.
enum ErrorView {
    static func line(_ error: FiscalError) -> String {
        switch error {
        case let .overdraft(text):
            return withHint(text, "--allow-overdraft records it anyway")
        case let .noBook(path):
            return withHint("no book at \(path)", "create one with `fiscal init --name NAME`, or pass --db")
        default:
            return error.description
        }
    }

    /// `text (hint)`, unless the text already gives the hint.
    static func withHint(_ text: String, _ hint: String) -> String {
        text.hasSuffix("(\(hint))") ? text : "\(text) (\(hint))"
    }
}
