import ArgumentParser
import FiscalCore

extension FiscalCommand {
    struct ProjectAdd: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add a project (a budget line).",
            discussion: """
                Kinds: personnel (人员经费) and public (公用经费) are basic expenditure (基本支出);
                project is project expenditure (项目支出).
                Funds: general (一般公共预算), gov-fund (政府性基金预算), state-capital (国有资本经营预算),
                social-insurance (社会保险基金预算), other (非财政拨款).

                Example:
                  fiscal project add JD01 --name 禁毒专项 --kind project --fund general --function 2040299
                """
        )

        @OptionGroup var book: BookOptions

        @Argument(help: "The project's code, unique in the book (no spaces).")
        var code: String

        @Option(help: ArgumentHelp("The project's name as the budget documents write it.", valueName: "name"))
        var name: String

        @Option(help: ArgumentHelp("personnel, public or project.", valueName: "kind"))
        var kind: ProjectKind

        @Option(help: ArgumentHelp("general, gov-fund, state-capital, social-insurance or other.", valueName: "fund"))
        var fund: Fund = .general

        @Option(help: ArgumentHelp("Function code (支出功能分类), 3, 5 or 7 digits.", valueName: "code"))
        var function: String?

        @Option(help: ArgumentHelp("The unit (单位) within the department.", valueName: "unit"))
        var unit: String?

        func validate() throws { _ = try function.map { try ArgumentCheck.function($0) } }

        func run() throws {
            let project = Project(code: code, name: name, kind: kind, fund: fund,
                                  function: try function.map { try ArgumentCheck.function($0) }, unit: unit.nonEmpty)
            let opened = try book.openBook()
            let added = try opened.addProject(project)
            print("added project \(added.code) \(added.name) (\(added.kind.rawValue), \(added.fund.rawValue))")
            if let function = added.function, let note = try opened.codes().check(function: function.code) {
                print("note: \(note)")
            }
        }
    }
}
