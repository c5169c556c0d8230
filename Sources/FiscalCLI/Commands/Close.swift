import ArgumentParser
import FiscalCore

extension FiscalCommand {
    struct Close: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Close a fiscal year (年终结转结余): plan, then carry forward or surplus, lock, open the next year.",
            discussion: """
                Prints the plan per project: what is left, whether it carries forward (结转)
                or becomes surplus (结余), and why. Then, in one transaction, posts a closing
                entry per part (Dr available / Cr carried-forward or surplus, dated 31
                December, the rule in the memo), locks the year, and opens the next year
                with carry-in entries dated 1 January. --dry-run prints the plan and writes
                nothing.

                Rules: basic expenditure carries forward; an active project carries forward;
                a completed or terminated project's leftover is surplus; carry-in unused for
                two years (carried into the previous year and into this one, still unused)
                is surplus to be recalled. --carry and --surplus override the rules for the
                projects named.

                Refused: a year already closed, a year whose previous year is open, a year
                that has not ended by today, a project with available below zero.

                Examples:
                  fiscal close --year 2023 --dry-run
                  fiscal close --year 2023 --surplus ZX07 --carry ZX09
                """
        )

        @OptionGroup var book: BookOptions
        @OptionGroup var output: OutputOptions

        @Option(help: ArgumentHelp("The fiscal year to close.", valueName: "year"))
        var year: Int

        @Option(parsing: .upToNextOption, help: ArgumentHelp("Carry these projects' leftover forward, whatever the rules say (codes, space- or comma-separated).", valueName: "code"))
        var carry: [String] = []

        @Option(parsing: .upToNextOption, help: ArgumentHelp("Make these projects' leftover surplus, whatever the rules say (codes, space- or comma-separated).", valueName: "code"))
        var surplus: [String] = []

        @Flag(help: "Print the plan and write nothing.")
        var dryRun = false

        func run() throws {
            let today = try book.todayDay()
            let overrides = CloseOverrides(carry: splitCodes(carry), surplus: splitCodes(surplus))
            let style = MoneyStyle(output)
            if dryRun {
                // The plan only reads: the book is opened read-only, as every reader opens it.
                let plan = try book.openReader().planClose(year: year, overrides: overrides)
                try ClosePlanView(plan: plan, result: nil, style: style).rendered.print(for: output)
            } else {
                let result = try book.openBook().close(year: year, overrides: overrides, today: today)
                try ClosePlanView(plan: result.plan, result: result, style: style).rendered.print(for: output)
            }
        }
    }
}

/// Project codes given as `A B` or `A,B` (codes never contain commas).
func splitCodes(_ values: [String]) -> [String] {
    values.flatMap { $0.split(separator: ",").map { String($0.trimmingCharacters(in: .whitespaces)) } }.filter { !$0.isEmpty }
}
