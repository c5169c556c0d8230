import ArgumentParser
import FiscalCore

extension FiscalCommand {
    struct ProjectStatusCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status",
            abstract: "Set a project's status: active, completed or terminated.",
            discussion: """
                At year end, a completed or terminated project's leftover becomes surplus (结余);
                an active project's carries forward (结转). The change is kept in the project's history.

                Example:
                  fiscal project status ZX07 completed --reason "项目已验收"
                """
        )

        @OptionGroup var book: BookOptions

        @Argument(help: "The project's code.", completion: BookCompletion.projects)
        var code: String

        @Argument(help: "active, completed or terminated.")
        var status: ProjectStatus

        @Option(help: ArgumentHelp("Why (kept in the project's history).", valueName: "text"))
        var reason: String?

        func run() throws {
            let project = try book.openBook().setStatus(code: code, to: status, date: try book.todayDay(), reason: reason)
            print("project \(project.code) is now \(project.status.rawValue)")
        }
    }
}
