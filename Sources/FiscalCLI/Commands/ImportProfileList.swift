import ArgumentParser
import FiscalCore

extension FiscalCommand {
    struct ImportProfileList: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the saved column mappings.",
            discussion: """
                Example:
                  fiscal import profile list --format json
                """
        )

        @OptionGroup var book: BookOptions
        @OptionGroup var output: ListFormatOptions

        func run() throws {
            try ImportProfileView.list(book.openReader().importProfiles(), lang: output.lang).print(for: output)
        }
    }
}
