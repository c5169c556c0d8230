import ArgumentParser
import FiscalCore

extension FiscalCommand {
    struct Seal: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the book's seal: the head of its hash chain, to keep or send with a report.",
            discussion: """
                One line: the seal token (what `fiscal verify --seal` takes), the last entry it
                covers, and a short form to compare by eye. Later, `fiscal verify --seal TOKEN`
                proves the book still extends it, and lists entries appended after it but dated
                on or before its date.

                Example:
                  fiscal seal --as-of 2023-06-30
                """
        )

        @OptionGroup var book: BookOptions

        @Option(name: .customLong("as-of"), help: ArgumentHelp("The date the seal vouches for (default: today).", valueName: "date"), transform: DateArgument.day)
        var asOf: Day?

        func run() throws {
            let day = try asOf ?? book.todayDay()
            let seal = try book.openReader().seal(asOf: day)
            print(SealLine.text(seal))
        }
    }
}

/// How a seal reads on a line of its own and at the foot of a report.
enum SealLine {
    static func text(_ seal: FiscalCore.Seal) -> String {
        "seal \(seal.token)  (as of \(seal.asOf), entry \(seal.entryID); check \(seal.short))"
    }

    /// `封存码 3F2A-91C0-77D1：截至 2023-06-30，第 1234 笔；S1.…` under a report; in English
    /// `seal 3F2A-91C0-77D1: as of 2023-06-30, entry 1234; S1.…`.
    static func footer(_ seal: FiscalCore.Seal, lang: Language = .zh) -> String {
        lang == .zh ? "封存码 \(seal.short)：截至 \(seal.asOf)，第 \(seal.entryID) 笔；\(seal.token)"
                    : "seal \(seal.short): as of \(seal.asOf), entry \(seal.entryID); \(seal.token)"
    }
}
