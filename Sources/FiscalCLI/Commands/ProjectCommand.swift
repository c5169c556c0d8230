import ArgumentParser

extension FiscalCommand {
    struct ProjectCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "project",
            abstract: "Add, list and show projects (项目), and set their status.",
            subcommands: [ProjectAdd.self, ProjectList.self, ProjectShow.self, ProjectStatusCommand.self, ProjectImport.self,
                          ProjectAliasCommand.self]
        )
    }
}
