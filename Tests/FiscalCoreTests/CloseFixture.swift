import Foundation
@testable import FiscalCore

/// A small department's book for the year-end tests: a temp file, projects added by code,
/// events recorded in 元.
struct CloseFixture {
    let book: Book
    let path: String

    init(year: Int = 2023, today: String = "2023-01-01") throws {
        path = FileManager.default.temporaryDirectory
            .appendingPathComponent("fiscal-close-\(UUID().uuidString).db").path
        book = try Book.create(at: path, name: "测试局", year: year, today: Day(today)!)
    }

    @discardableResult
    func project(_ code: String, kind: ProjectKind = .project, fund: Fund = .general,
                 status: ProjectStatus = .active) throws -> Project {
        try book.addProject(Project(code: code, name: "项目\(code)", kind: kind, fund: fund, status: status))
    }

    static func yuan(_ text: String) -> Money { try! Money.parse(text) }

    @discardableResult
    func record(_ date: String, _ event: BudgetEvent, overdraft: Bool = false) throws -> JournalEntry {
        try book.record(event, RecordOptions(date: Day(date)!, allowOverdraft: overdraft))
    }

    func appropriate(_ code: String, _ amount: String, on date: String, econ: String? = nil) throws {
        try record(date, .appropriate(project: code, amount: Self.yuan(amount), econ: econ.flatMap(EconomicCode.init)))
    }

    func pay(_ code: String, _ amount: String, on date: String, econ: String = "30201") throws {
        try record(date, .pay(project: code, amount: Self.yuan(amount), econ: EconomicCode(econ)!))
    }

    func figures(_ code: String, _ year: Int) throws -> BudgetFigures {
        try book.figures(project: try book.project(code: code), year: year)
    }

    @discardableResult
    func close(_ year: Int, today: String? = nil, carry: [String] = [], surplus: [String] = []) throws -> CloseResult {
        try book.close(year: year, overrides: CloseOverrides(carry: carry, surplus: surplus),
                       today: Day(today ?? "\(year + 1)-01-10")!)
    }
}
