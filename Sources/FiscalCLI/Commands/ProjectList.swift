import ArgumentParser
import FiscalCore

extension FiscalCommand {
    struct ProjectList: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the projects of the book.",
            discussion: """
                Example:
                  fiscal project list --format csv
                """
        )

        @OptionGroup var book: BookOptions
        @OptionGroup var output: ListFormatOptions

        func run() throws {
            ProjectView.list(try book.openReader().projects(), lang: output.lang).print(for: output)
        }
    }
}
