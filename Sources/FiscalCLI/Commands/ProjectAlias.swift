import ArgumentParser

extension FiscalCommand {
    struct ProjectAliasCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "alias",
            abstract: "Other names reports use for a project (禁毒专项 for 2023年禁毒工作经费), kept in the book.",
            discussion: """
                `fiscal reconcile` matches a report's labels to the book's projects
                by name. A budget system's names are rarely a report's prose, so a
                label it cannot place is shown as 账内无数, with the nearest project
                and the `fiscal project alias add` line that would place it. An
                alias is taken before any other match, for every report read from
                this book after it, next year's too.

                Examples:
                  fiscal project alias add XM01 禁毒专项 禁毒经费
                  fiscal project alias list
                  fiscal project alias remove 禁毒经费
                """,
            subcommands: [ProjectAliasAdd.self, ProjectAliasList.self, ProjectAliasRemove.self]
        )
    }
}
