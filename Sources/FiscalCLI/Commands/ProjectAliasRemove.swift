import ArgumentParser
import FiscalCore

extension FiscalCommand {
    struct ProjectAliasRemove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove",
            abstract: "Remove aliases confirmed by mistake.",
            discussion: """
                An alias says how a report's label is read, not what was spent:
                removing one changes no figure of the book, only how the next
                report is matched. All names or none.

                Example:
                  fiscal project alias remove 禁毒经费
                """
        )

        @OptionGroup var book: BookOptions

        @Argument(help: "One or more aliases to remove.")
        var aliases: [String]

        func run() throws {
            for a in try book.openBook().removeAliases(aliases) {
                print("project \(a.code): removed alias \(a.alias)")
            }
        }
    }
}
