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
            let projects = try book.openReader().projects()
            switch output.format {
            case .json:
                print(JSONValue.object([("projects", .array(projects.map(ProjectView.json)))]).rendered())
            case .csv:
                print(CSVRenderer().render(ProjectView.table(projects, lang: .en)), terminator: "")
            case .markdown:
                print(MarkdownRenderer().render(ProjectView.table(projects, lang: output.lang)), terminator: "")
            case .table:
                print(TableRenderer().render(ProjectView.table(projects, lang: output.lang)), terminator: "")
            }
        }
    }
}
