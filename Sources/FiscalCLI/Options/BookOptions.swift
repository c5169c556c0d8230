import ArgumentParser
import FiscalCore
import Foundation

/// Where the book is and what day it is: every command that reads or writes the book.
struct BookOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The book file (default: $FISCAL_DB, else ./fiscal.db).", valueName: "path"))
    var db: String?

    @Option(name: .long, help: ArgumentHelp("Today's date, e.g. 2023-06-01 or 2023/6/1 (default: $FISCAL_TODAY, else the system date).", valueName: "date"), transform: DateArgument.day)
    var today: Day?

    var path: String {
        db ?? ProcessInfo.processInfo.environment["FISCAL_DB"] ?? "fiscal.db"
    }

    /// The report day: fixed by flag or environment so that every output is reproducible.
    func todayDay() throws -> Day {
        if let today { return today }
        if let env = ProcessInfo.processInfo.environment["FISCAL_TODAY"], !env.isEmpty {
            // Not an argument, so not a usage error: a refused command, exit 1.
            guard let day = Day(env) else { throw CommandFailure(message: "FISCAL_TODAY '\(env)': \(Day.problem(env))") }
            return day
        }
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone.current, from: Date())
        return Day(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    /// The book for a command that writes: it waits for another writer, then says it is busy.
    func openBook() throws -> Book { try Book.open(at: path, access: .write) }

    /// The book for a command that reads but opens for writing to bring an older book up to
    /// date first (status, listings): a consolidated book, which takes no writing, is read as it is.
    func openToList() throws -> Book {
        do {
            return try openBook()
        } catch FiscalError.consolidatedBook {
            return try openReader()
        }
    }

    /// The book for a command that only reads: opened read-only, never written; while an
    /// import holds the book it waits, saying so on a terminal.
    func openReader() throws -> Book {
        try Book.open(at: path, access: .read, onWait: {
            if isatty(2) != 0 { printError("waiting for an import to finish…") }
        })
    }
}

/// The date, document number, memo and reference every recording command takes.
struct EntryOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The entry's date, e.g. 2023-06-01 or 2023/6/1 (default: today).", valueName: "date"), transform: DateArgument.day)
    var date: Day?

    @Option(help: ArgumentHelp("Document number (文号 / 凭证号).", valueName: "text"))
    var doc: String?

    @Option(help: ArgumentHelp("A memo (摘要).", valueName: "text"))
    var memo: String?

    @Option(help: ArgumentHelp("An external reference, unique in the book (importing twice posts once).", valueName: "text"))
    var ref: String?

    @Flag(help: "Record even if it takes available authority below zero; the entry is marked as an overdraft.")
    var allowOverdraft = false

    func recordOptions(today: Day) throws -> RecordOptions {
        RecordOptions(date: date ?? today,
                      doc: doc.nonEmpty, memo: memo.nonEmpty, ref: ref.nonEmpty, allowOverdraft: allowOverdraft)
    }
}

extension Optional where Wrapped == String {
    var nonEmpty: String? { self.flatMap { $0.isEmpty ? nil : $0 } }
}
