import ArgumentParser
import FiscalCore

extension FiscalCommand {
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check every invariant of the book; exit 1 naming each violation.",
            discussion: """
                Checks SQLite's integrity and foreign keys; that every entry balances per project;
                that resources equal status per project and year; that closed years have nothing
                available; that no project is below zero without a recorded overdraft; that every
                reversal exactly undoes its entry; and that the maintained monthly totals equal
                the postings.

                Example:
                  fiscal verify --db hengyang.db
                """
        )

        @OptionGroup var book: BookOptions

        func run() throws {
            let opened = try book.openReader()
            let violations = try opened.verify()
            if violations.isEmpty {
                let years = try opened.years().map { "\($0.year)\($0.closed ? " (closed)" : "")" }
                print("ok: the book balances; years \(years.joined(separator: ", "))")
                return
            }
            for v in violations { print("violation: \(v)") }
            throw CommandFailure(message: "\(violations.count) violation\(violations.count == 1 ? "" : "s") found")
        }
    }
}
