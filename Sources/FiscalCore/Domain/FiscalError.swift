/// Everything the core refuses, each naming the field and the value. The CLI prints the
/// description after `error: ` and exits 1.
public enum FiscalError: Error, CustomStringConvertible, Sendable {
    case invalidValue(field: String, value: String, reason: String)
    case noBook(path: String)
    case bookExists(path: String)
    case newerSchema(path: String, found: Int, supported: Int)
    case notABook(path: String, reason: String)
    case unknownProject(String)
    case duplicateProject(String)
    case duplicateRef(String)
    case unknownEntry(Int64)
    case alreadyReversed(entry: Int64, by: Int64)
    case closedYear(year: Int, what: String)
    case unknownYear(Int)
    case repeatedCarryIn(project: String, year: Int, amount: Money, entry: Int64)
    /// An entry dated in a year the book has not opened (`latest`: the book's latest year).
    case yearNotOpen(year: Int, what: String, latest: Int)
    case overdraft(String)
    case yearNotEnded(year: Int, today: Day, closingDate: Day)
    case yearAlreadyClosed(Int)
    case refused(String)
    /// The content of an import is in the book already (`how`: its bytes, or its rows).
    case alreadyImported(file: String, how: String, batch: Int64, earlierFile: String, on: String)
    /// Another fiscal command holds the book for longer than a writer waits.
    case busy
    /// A writing command on a book in a read-only file or directory.
    case readOnly
    /// SQLite finds the file damaged (SQLITE_CORRUPT, SQLITE_NOTADB) or its header is wrong.
    case damaged(reason: String)
    case storage(SQLiteError)
    /// A recording command on a consolidated book (部门汇总, issue 16).
    case consolidatedBook(path: String)

    /// Busy and damage from SQLite's result code; nil for any other failure.
    init?(_ error: SQLiteError) {
        switch error.primaryCode {
        case 5, 6: self = .busy  // SQLITE_BUSY, SQLITE_LOCKED
        case 8: self = .readOnly  // SQLITE_READONLY
        case 11, 26: self = .damaged(reason: error.message)  // SQLITE_CORRUPT, SQLITE_NOTADB
        default: return nil
        }
    }

    /// The description with what `--verbose` adds: SQLite's result code and the statement.
    public var verboseDescription: String {
        if case let .storage(error) = self { return description + " [" + error.description + "]" }
        return description
    }

    /// Refused by availability control, which a recorded overdraft may override.
    public var isOverdraft: Bool { if case .overdraft = self { true } else { false } }

    public var description: String {
        switch self {
        case let .invalidValue(field, value, reason):
            "\(field) '\(TextRules.escapedForTerminal(value.count > 60 ? String(value.prefix(60)) + "…" : value))': \(reason)"
        case let .noBook(path): "no book at \(path)"
        case let .bookExists(path): "a file already exists at \(path); it is not overwritten"
        case let .newerSchema(path, found, supported):
            "the book at \(path) has schema version \(found), newer than this fiscal (\(supported)); upgrade fiscal"
        case let .notABook(path, reason): "\(path) is not a fiscal book: \(reason)"
        case let .unknownProject(code): "project '\(code)': no such project"
        case let .duplicateProject(code): "project '\(code)': a project with this code already exists"
        case let .duplicateRef(ref): "ref '\(ref)': an entry with this external reference already exists"
        case let .unknownEntry(id): "entry '\(id)': no such entry"
        case let .alreadyReversed(entry, by): "entry '\(entry)': already reversed by entry \(by)"
        case let .closedYear(year, what): "date '\(what)': year \(year) is closed"
        case let .unknownYear(year): "year '\(year)': not in this book"
        case let .repeatedCarryIn(project, year, amount, entry):
            "carry-in \(amount.formatted(grouping: true)) of project \(project) in \(year): recorded already as entry \(entry)"
        case let .yearNotOpen(year, what, latest):
            year == latest + 1 ? "date '\(what)': year \(year) is not open yet; open it first"
                               : "date '\(what)': year \(year) is not in this book (its latest year is \(latest))"
        case let .overdraft(text): text
        case let .yearNotEnded(year, today, closingDate):
            "year \(year) has not ended (today is \(today)): entries may still come in \(year); close it on or after \(closingDate)"
        case let .yearAlreadyClosed(year): "year \(year) is already closed"
        case let .refused(text): text
        case let .alreadyImported(file, how, batch, earlier, on):
            "file '\(file)': \(how) imported already as batch \(batch) (\(earlier), \(on)); nothing was imported"
        case .readOnly: "the book is read-only here (its file or directory cannot be written): reading commands still work"
        case .busy: "the book is busy: another fiscal command is writing; try again"
        case let .damaged(reason): "the book is damaged (\(reason)): run fiscal verify; restore from a backup"
        case let .storage(error): "the book could not be read or written: \(error.message)"
        case let .consolidatedBook(path):
            "\(path) is a consolidated book (部门汇总): it takes no recording; record in the unit's own book, then run fiscal consolidate again"
        }
    }
}
