import ArgumentParser
import FiscalCore

extension FiscalCommand {
    struct ProjectAliasList: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the book's project aliases.",
            discussion: """
                Examples:
                  fiscal project alias list
                  fiscal project alias list --project XM01 --format csv
                """
        )

        @OptionGroup var book: BookOptions
        @OptionGroup var output: ListFormatOptions

        @Option(help: ArgumentHelp("Only this project's aliases.", valueName: "code"))
        var project: String?

        func run() throws {
            let opened = try book.openReader()
            var aliases = try opened.projectAliases()
            if let project {
                _ = try opened.project(code: project)
                aliases = aliases.filter { $0.code == project }
            }
            try ProjectAliasView.list(aliases, lang: output.lang).print(for: output)
        }
    }
}
