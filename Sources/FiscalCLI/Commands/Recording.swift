import ArgumentParser
import FiscalCore

/// What every recording command does once its arguments are read: open the book, post the
/// event under availability control, print what was posted.
func record(_ bookOptions: BookOptions, _ entry: EntryOptions, again: Bool = false,
            _ event: () throws -> BudgetEvent) throws {
    let today = try bookOptions.todayDay()
    var options = try entry.recordOptions(today: today)
    options.again = again
    let event = try event()
    let book = try bookOptions.openBook()
    let posted = try book.record(event, options)
    print(EntryView.posted(posted), terminator: "")
}
