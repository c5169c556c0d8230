import ArgumentParser
import FiscalCore
import Foundation

/// Where the book is and what day it is: every command that reads or writes the book.
struct BookOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The book file (default: $FISCAL_DB, else ./fiscal.db).", valueName: "path"))
    var db: String?

    @Option(name: .long, help: ArgumentHelp("Today's date, YYYY-MM-DD (default: $FISCAL_TODAY, else the system date).", valueName: "date"))
    var today: String?

    func validate() throws {
        if let today, Day(today) == nil {
            throw ValidationError("--today '\(today)' is not a date (YYYY-MM-DD)")
        }
    }

    var path: String {
        db ?? ProcessInfo.processInfo.environment["FISCAL_DB"] ?? "fiscal.db"
    }

    /// The report day: fixed by flag or environment so that every output is reproducible.
    func todayDay() throws -> Day {
        if let today { return Day(today)! }
        if let env = ProcessInfo.processInfo.environment["FISCAL_TODAY"], !env.isEmpty {
            guard let day = Day(env) else {
                throw FiscalError.invalidValue(field: "FISCAL_TODAY", value: env, reason: "not a date (YYYY-MM-DD)")
            }
            return day
        }
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone.current, from: Date())
        return Day(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    /// The book for a command that writes: it waits for another writer, then says it is busy.
    func openBook() throws -> Book { try Book.open(at: path, access: .write) }

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
    @Option(help: ArgumentHelp("The entry's date, YYYY-MM-DD (default: today).", valueName: "date"))
    var date: String?

    @Option(help: ArgumentHelp("Document number (文号 / 凭证号).", valueName: "text"))
    var doc: String?

    @Option(help: ArgumentHelp("A memo (摘要).", valueName: "text"))
    var memo: String?

    @Option(help: ArgumentHelp("An external reference, unique in the book (importing twice posts once).", valueName: "text"))
    var ref: String?

    @Flag(help: "Record even if it takes available authority below zero; the entry is marked as an overdraft.")
    var allowOverdraft = false

    func recordOptions(today: Day) throws -> RecordOptions {
        RecordOptions(date: try date.map { try parseDay($0, field: "--date") } ?? today,
                      doc: doc.nonEmpty, memo: memo.nonEmpty, ref: ref.nonEmpty, allowOverdraft: allowOverdraft)
    }
}

extension Optional where Wrapped == String {
    var nonEmpty: String? { self.flatMap { $0.isEmpty ? nil : $0 } }
}

/// Values parsed in `run()` rather than by the argument parser, so that a bad one is a
/// one-line `error:` naming the field (exit 1), like every other refused input.
func parseDay(_ text: String, field: String) throws -> Day {
    guard let day = Day(text) else {
        throw FiscalError.invalidValue(field: field, value: text, reason: "not a date (YYYY-MM-DD)")
    }
    return day
}

func parseAmount(_ text: String, field: String = "amount") throws -> Money {
    let money: Money
    do { money = try Money.parse(text) } catch {
        throw FiscalError.invalidValue(field: field, value: text, reason: "not an amount: \(error.reason)")
    }
    guard money.isPositive else { throw FiscalError.invalidValue(field: field, value: text, reason: "must be positive") }
    return money
}

func parseEcon(_ text: String, field: String = "--econ") throws -> EconomicCode {
    guard let code = EconomicCode(text) else {
        throw FiscalError.invalidValue(field: field, value: text, reason: "not an economic code (3 or 5 digits, e.g. 302 or 30217)")
    }
    return code
}

func parseFunction(_ text: String, field: String = "--function") throws -> FunctionCode {
    guard let code = FunctionCode(text) else {
        throw FiscalError.invalidValue(field: field, value: text, reason: "not a function code (3, 5 or 7 digits, e.g. 2040201)")
    }
    return code
}
