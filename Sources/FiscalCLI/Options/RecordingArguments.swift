import ArgumentParser
import FiscalCore

/// The project and amount every single-project recording command takes, in that order.
struct ProjectAmount: ParsableArguments {
    @Argument(help: "The project's code.", completion: BookCompletion.projects)
    var project: String

    @Argument(help: "The amount: 元 (1234.56, 1,234.56) or 万元 (550万).")
    var amount: String

    func validate() throws { _ = try money() }

    func money() throws(ValidationError) -> Money { try ArgumentCheck.amount(amount) }
}

/// `--econ` where authority may be granted to one economic code only (appropriate, supplement, reduce).
struct AuthorityCode: ParsableArguments {
    @Option(help: ArgumentHelp("Authority for one economic code only (e.g. 30217 公务接待费).", valueName: "code"), completion: BookCompletion.econ)
    var econ: String?

    func validate() throws { _ = try code() }

    func code() throws(ValidationError) -> EconomicCode? {
        guard let econ else { return nil }
        return try ArgumentCheck.econ(econ)
    }
}

/// `--econ` where every amount must say what kind of cost it is (pay, refund).
struct CostCode: ParsableArguments {
    @Option(help: ArgumentHelp("The economic code of the cost (e.g. 30201 办公费).", valueName: "code"), completion: BookCompletion.econ)
    var econ: String

    func validate() throws { _ = try code() }

    func code() throws(ValidationError) -> EconomicCode { try ArgumentCheck.econ(econ, item: true) }
}

/// 收款人 and 支付方式 of a payment or refund: kept on the entry, shown in the journal, carried
/// by the export (schema 5b).
struct EntryDetails: ParsableArguments {
    @Option(help: ArgumentHelp("Who was paid (收款人).", valueName: "name"))
    var payee: String?

    @Option(help: ArgumentHelp("How it was paid (支付方式), e.g. 国库集中支付 or 公务卡.", valueName: "text"))
    var method: String?
}

/// `--year` of a whole-year report: this year if the book has it, else the book's latest.
struct YearOption: ParsableArguments {
    @Option(help: ArgumentHelp("The fiscal year (default: this year if in the book, else the latest).", valueName: "year"))
    var year: Int?

    func resolve(_ book: Book, today: Day) throws -> Int {
        if let year { return year }
        let years = try book.years().map(\.year)
        return years.contains(today.year) ? today.year : (years.last ?? today.year)
    }
}
