import ArgumentParser
import FiscalCore

/// What every recording command does once its arguments are read: open the book, post the
/// event under availability control, print what was posted.
func record(_ bookOptions: BookOptions, _ entry: EntryOptions, again: Bool = false, details: EntryDetails? = nil,
            contract: String? = nil, terms: ContractTerms = ContractTerms(), counterpartUnit: String? = nil,
            _ event: () throws -> BudgetEvent) throws {
    let today = try bookOptions.todayDay()
    var options = try entry.recordOptions(today: today)
    options.again = again
    options.payee = details?.payee.nonEmpty
    options.paymentMethod = details?.method.nonEmpty
    options.contract = contract
    options.terms = terms
    options.counterpartUnit = counterpartUnit
    let event = try event()
    let book = try bookOptions.openBook()
    let posted = try book.record(event, options)
    print(EntryView.posted(posted), terminator: "")
    if let contract { try printContractOpen(book, contract, year: posted.date.year) }
    for code in event.projectCodes {
        let left = try book.leftAvailable(project: code, year: posted.date.year, econ: event.econ)
        var line = "left available: \(code) \(left.project.formatted(grouping: true)) in \(posted.date.year)"
        if let econ = event.econ, let own = left.line {
            line += "; \(econ.code) \(econ.name ?? "") own authority \(own.formatted(grouping: true))"
        }
        print(line)
    }
}

/// `open on contract HT-001: 1,200.00 in 2023` after an entry that names a contract.
func printContractOpen(_ book: Book, _ number: String, year: Int) throws {
    guard let balance = try book.contractBalances().first(where: { $0.contract.number == number }) else { return }
    print("open on contract \(number): \(balance.open.formatted(grouping: true)) (committed \(balance.committed.formatted(grouping: true)), paid \(balance.paid.formatted(grouping: true)), released \(balance.released.formatted(grouping: true)))")
}
