import ArgumentParser
import FiscalCore
import Foundation

extension FiscalCommand {
    struct Consolidate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build (or rebuild) a department's consolidated book (部门汇总) from its units' books.",
            discussion: """
                Each unit book is opened read-only and taken at its seal (the head of its hash
                chain, as `fiscal seal` prints it). The consolidated book holds every unit's
                projects, qualified by unit (一分局/JD01, project unit 一分局), one entry per unit
                and month with that unit's monthly totals, its contracts, and the year closed when
                every unit closed it. Transfers between two of the units (`pay --to-unit` in one
                book, `appropriate`/`supplement --from-unit` in the other) are eliminated, so
                nothing is counted twice; a transfer without its other side is listed, not
                eliminated. The book is built beside --into and moved over it at the end: all or
                nothing. It takes no recording; every report and `verify` read it.

                A unit is NAME=PATH, or PATH (the unit is then named after the file, without .db).

                Examples:
                  fiscal consolidate --into 市公安局汇总.db --year 2023 --name 市公安局（汇总） 本级=benji.db 一分局=fj1.db
                  fiscal consolidate --into dept.db --year 2023 --name 教育局（汇总） units/*.db
                """
        )

        @Option(help: ArgumentHelp("The consolidated book to build or rebuild.", valueName: "path"))
        var into: String

        @Option(help: ArgumentHelp("The year to consolidate.", valueName: "year"))
        var year: Int

        @Option(help: ArgumentHelp("The consolidated book's name, e.g. 市公安局（汇总）.", valueName: "name"))
        var name: String

        @Option(help: ArgumentHelp("Today's date, e.g. 2023-06-01 or 2023/6/1 (default: $FISCAL_TODAY, else the system date): the date of the units' seals.", valueName: "date"),
                transform: DateArgument.day)
        var today: Day?

        @Option(help: ArgumentHelp("Output format: table or json.", valueName: "format"))
        var format: ConsolidateFormat = .table

        @Argument(help: ArgumentHelp("The unit books: NAME=PATH, or PATH.", valueName: "unit"))
        var units: [String] = []

        func validate() throws {
            if units.isEmpty { throw ValidationError("name at least one unit book (NAME=PATH or PATH)") }
        }

        func run() throws {
            var options = BookOptions()
            options.today = today
            let sources = units.map { arg -> ConsolidationSource in
                if let eq = arg.firstIndex(of: "="), eq != arg.startIndex {
                    return ConsolidationSource(name: String(arg[..<eq]), path: String(arg[arg.index(after: eq)...]))
                }
                let file = URL(fileURLWithPath: arg).lastPathComponent
                return ConsolidationSource(name: file.hasSuffix(".db") ? String(file.dropLast(3)) : file, path: arg)
            }
            let result = try Book.consolidate(ConsolidationSpec(target: into, name: name, year: year, sources: sources,
                                                                today: try options.todayDay()))
            switch format {
            case .table: print(ConsolidationView.text(result, target: into, year: year), terminator: "")
            case .json: print(ConsolidationView.json(result, target: into, year: year).rendered())
            }
        }
    }
}

enum ConsolidateFormat: String, ExpressibleByArgument, CaseIterable { case table, json }
