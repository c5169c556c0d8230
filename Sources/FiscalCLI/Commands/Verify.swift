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
                reversal exactly undoes its entry; that the maintained monthly totals equal
                the postings; that the schema is exactly schema.sql's (every guard in place); and
                that every row of history matches its hash chain. A book of an older schema
                version is checked through an upgraded copy (the file is not written) and
                verify says which version it is. With --seal, that the book
                still extends a seal; entries appended after it but dated within it are listed.

                On a consolidated book (fiscal consolidate), also each unit book at its recorded
                path (or, with --units, the file of that name in DIR): that it still extends the
                seal it was taken at and gives the same totals. A unit changed since is named, and
                the command exits 1; a unit book not found is said so and not checked.

                Examples:
                  fiscal verify --db hengyang.db
                  fiscal verify --db 市公安局汇总.db --units /srv/units
                """
        )

        @OptionGroup var book: BookOptions

        @Option(help: ArgumentHelp("A seal from `fiscal seal` or a report: prove the book still extends it.", valueName: "seal"))
        var seal: String?

        @Option(help: ArgumentHelp("On a consolidated book: look for the unit books in this directory (by file name) instead of at their recorded paths.", valueName: "dir"))
        var units: String?

        func validate() throws {
            if let seal, FiscalCore.Seal(token: seal) == nil {
                throw ValidationError("--seal '\(seal)' is not a seal (S1.DATE.ENTRY.HASH, as `fiscal seal` prints it)")
            }
        }

        func run() throws {
            let opened = try book.openReader()
            if units != nil, try !opened.isConsolidated() {
                throw CommandFailure(message: "--units: \(book.path) is not a consolidated book")
            }
            // A consolidated book's unit books are checked beside its own ledger, at once.
            let (found, unitChecks) = try opened.verifyWithUnits(unitsDirectory: units)
            var violations = found.map(\.description)
            // An older book is read through an upgraded copy: what differs from schema.sql is
            // its version, which any recording command upgrades, not damage.
            if let older = opened.olderVersion { print("schema version \(older): run any recording command to upgrade") }
            if let unitChecks {
                for u in unitChecks {
                    switch u.state {
                    case .unchanged:
                        print("unit \(u.unit.name): \(u.path) extends its seal \(u.unit.seal.short) and gives the same totals")
                    case .missing:
                        print("unit \(u.unit.name): no book at \(u.path); not checked\(units == nil ? " (--units DIR looks elsewhere)" : "")")
                    case let .changed(reasons):
                        violations.append("unit: \(u.unit.name) (\(u.path)) changed after consolidation: \(reasons.joined(separator: "; "))")
                    }
                }
            }
            if let seal = seal.flatMap(FiscalCore.Seal.init(token:)) {
                let check = try opened.check(seal)
                for late in check.late {
                    print("late entry: entry \(late.id) dated \(late.date) was appended after the seal of \(seal.asOf)")
                }
                if let broken = check.broken {
                    for v in violations { print("violation: \(v)") }
                    throw CommandFailure(message: "the book does not extend the seal \(seal.short): \(broken)")
                }
                print("ok: the book extends the seal \(seal.short) (as of \(seal.asOf), entry \(seal.entryID))")
            }
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
