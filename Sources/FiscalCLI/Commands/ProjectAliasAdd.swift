import ArgumentParser
import FiscalCore

extension FiscalCommand {
    struct ProjectAliasAdd: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add names a report uses for a project.",
            discussion: """
                All names or none: a name that is another project's name or alias
                is refused; one the project already has (as alias or as its own
                name) is left as it is. Names compare as the reader compares
                labels: quotes, brackets and spaces aside.

                Example:
                  fiscal project alias add XM01 禁毒专项 “禁毒专项经费”
                """
        )

        @OptionGroup var book: BookOptions

        @Argument(help: "The project's code.")
        var code: String

        @Argument(help: "One or more names, as the report writes them.")
        var aliases: [String]

        func run() throws {
            let (added, already) = try book.openBook().addAliases(aliases, toProject: code, date: try book.todayDay())
            if !added.isEmpty { print("project \(code): added alias\(added.count == 1 ? "" : "es") \(added.joined(separator: ", "))") }
            if !already.isEmpty { print("project \(code): already named \(already.joined(separator: ", ")); unchanged") }
        }
    }
}
