import ArgumentParser
import FiscalCore
#if canImport(Glibc)
import Glibc
#endif

extension FiscalCommand {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the journal for other tools: CSV, JSON, hledger or beancount.",
            discussion: """
                csv: the events, in the columns `fiscal import` reads: exported, then imported into a new book with the same projects, they give the same reports. Reversed entries with their reversals, and year-end entries, are not events and are left out (stderr says how many).

                json: the projects and every entry with its postings.

                hledger, beancount: every entry as a transaction on accounts budget:ACCOUNT:PROJECT[:ECON] (beancount: Equity:Budget:Account:PROJECT[:ECON]), amounts in CNY, debit positive as fiscal signs them, and each year closed by balance assertions taken from fiscal's trial balance, which `hledger check` and `bean-check` verify.

                Examples:
                  fiscal export --format hledger --year 2023 -o 2023.journal
                  hledger -f 2023.journal check --strict
                  fiscal export --format beancount -o book.beancount
                  bean-check book.beancount
                  fiscal export --format csv --year 2023 > events.csv
                """
        )

        @OptionGroup var book: BookOptions

        @Option(help: ArgumentHelp("csv, json, hledger or beancount.", valueName: "format"))
        var format: ExportFormat

        @Option(help: ArgumentHelp("Only this fiscal year (default: every year of the book).", valueName: "year"))
        var year: Int?

        @Option(name: [.short, .long], help: ArgumentHelp("Write to this file instead of stdout.", valueName: "path"))
        var output: String?

        func run() throws {
            let opened = try book.openReader()
            var sink = try FileSink(path: output)
            let summary = try opened.export(format, year: year, to: &sink)
            try sink.close()
            if summary.reversalsLeftOut > 0 || summary.yearEndLeftOut > 0 {
                var parts: [String] = []
                if summary.reversalsLeftOut > 0 { parts.append("\(summary.reversalsLeftOut) reversed or reversing entries (they cancel out)") }
                if summary.yearEndLeftOut > 0 { parts.append("\(summary.yearEndLeftOut) year-end entries") }
                printError("note: CSV carries events only; left out \(parts.joined(separator: " and ")); --format json has every entry")
            }
        }
    }
}

/// Where an export goes: stdout, or a file; written through C stdio, which buffers.
struct FileSink: TextOutputStream {
    private let file: UnsafeMutablePointer<FILE>
    private let path: String?

    init(path: String?) throws {
        self.path = path
        guard let path else {
            // Its own stream on descriptor 1: nothing else of this command prints.
            guard let out = fdopen(1, "w") else {
                throw CommandFailure(message: "--output 'stdout': " + String(cString: strerror(errno)))
            }
            file = out
            return
        }
        guard let f = fopen(path, "w") else {
            throw CommandFailure(message: "--output '\(path)': " + cannotWrite(path, otherwise: String(cString: strerror(errno))))
        }
        file = f
    }

    mutating func write(_ string: String) {
        var s = string
        s.withUTF8 { _ = fwrite($0.baseAddress, 1, $0.count, file) }
    }

    func close() throws {
        let failed = fflush(file) != 0 || ferror(file) != 0
        if path != nil { fclose(file) }
        if failed { throw CommandFailure(message: "--output '\(path ?? "stdout")': could not be written") }
    }
}
