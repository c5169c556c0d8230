import ArgumentParser
import FiscalCore

/// What every recording command does once its arguments are read: open the book, post the
/// event under availability control, print what was posted.
func record(_ bookOptions: BookOptions, _ entry: EntryOptions, again: Bool = false, counterpartUnit: String? = nil,
            _ event: () throws -> BudgetEvent) throws {
    let today = try bookOptions.todayDay()
    var options = try entry.recordOptions(today: today)
    options.again = again
    options.counterpartUnit = counterpartUnit
    let event = try event()
    let book = try bookOptions.openBook()
    let posted = try book.record(event, options)
    print(EntryView.posted(posted), terminator: "")
    for code in event.projectCodes {
        let left = try book.leftAvailable(project: code, year: posted.date.year, econ: event.econ)
        var line = "left available: \(code) \(left.project.formatted(grouping: true)) in \(posted.date.year)"
        if let econ = event.econ, let own = left.line {
            line += "; \(econ.code) \(econ.name ?? "") own authority \(own.formatted(grouping: true))"
        }
        print(line)
    }
}
