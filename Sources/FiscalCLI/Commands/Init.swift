import ArgumentParser
import FiscalCore

extension FiscalCommand {
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a new book (账套) for a department.",
            discussion: """
                Refuses to overwrite an existing file.

                Example:
                  fiscal init --name 衡阳市公安局 --year 2023 --db hengyang.db
                """
        )

        @OptionGroup var book: BookOptions

        @Option(help: ArgumentHelp("The department's name (部门名称).", valueName: "name"))
        var name: String

        @Option(help: ArgumentHelp("The first fiscal year of the book (default: this year).", valueName: "year"))
        var year: Int?

        func validate() throws {
            // The book's years are 1900–9999 (schema.sql); anything else is a typo, not a book.
            if let year, !(1900...9999).contains(year) { throw ValidationError("--year \(year): not a fiscal year (1900–9999)") }
        }

        func run() throws {
            let today = try book.todayDay()
            let created = try Book.create(at: book.path, name: name, year: year ?? today.year, today: today)
            print("created book '\(try created.name())' at \(book.path), fiscal year \(year ?? today.year) open")
        }
    }
}
