import Foundation
import Testing
@testable import FiscalCore

/// `fiscal project alias`: the names a report uses for the book's projects, kept in the book and
/// read by `reconcile` before any other match (issue 11, pattern 0).
@Suite("Project aliases kept in the book")
struct ProjectAliasTests {
    /// Two projects named as a budget system names them: 550万元 budgeted, and 799.23万元 budgeted and spent.
    func fixture() throws -> CloseFixture {
        let f = try CloseFixture()
        _ = try f.book.addProject(Project(code: "XM01", name: "2023年禁毒工作经费", kind: .project, fund: .general))
        _ = try f.book.addProject(Project(code: "XM13", name: "在押人员给养经费", kind: .project, fund: .general))
        try f.appropriate("XM01", "5500000.00", on: "2023-01-05")
        try f.appropriate("XM13", "7992300.00", on: "2023-01-05")
        try f.pay("XM13", "7992300.00", on: "2023-06-30")
        return f
    }

    func claim(_ label: String, wan: Int64) -> Claim {
        Claim(label: label, metric: ClaimMetric.budgetCurrent, scope: "project:" + label,
              value: StatedValue(hundredths: wan, decimals: 2, unit: .wan), line: 1)
    }

    @Test func addedAliasesAreListedAndReadByTheReader() throws {
        let f = try fixture()
        let day = Day("2024-01-15")!
        let first = try f.book.addAliases(["看守所给养费", " 给养费 "], toProject: "XM13", date: day)
        #expect(first.added == ["看守所给养费", "给养费"] && first.already.isEmpty)
        // Again, and the project's own name: left as they are.
        let again = try f.book.addAliases(["“看守所给养费”", "在押人员给养经费"], toProject: "XM13", date: day)
        #expect(again.added.isEmpty && again.already == ["“看守所给养费”", "在押人员给养经费"])
        #expect(try f.book.projectAliases() == [
            ProjectAlias(alias: "看守所给养费", code: "XM13", name: "在押人员给养经费", added: "2024-01-15"),
            ProjectAlias(alias: "给养费", code: "XM13", name: "在押人员给养经费", added: "2024-01-15"),
        ])
        let reader = ReportReader(projectNames: try f.book.projectNames(), aliases: try f.book.aliasMap(), year: 2023)
        let claims = reader.read("三、项目支出情况\n看守所给养费支出799.23万元。")
        #expect(claims.map(\.scope) == ["project:在押人员给养经费"])
        let result = try #require(try f.book.reconcile(claims, year: 2023).results.first)
        #expect(result.verdict == .match)
    }

    @Test func aNameOfAnotherProjectIsRefusedAndNothingIsWritten() throws {
        let f = try fixture()
        let day = Day("2024-01-15")!
        _ = try f.book.addAliases(["禁毒专项"], toProject: "XM01", date: day)
        // The batch's first name is fine, the second is XM01's name: none is added.
        #expect(throws: FiscalError.self) { try f.book.addAliases(["看守所给养费", "2023年禁毒工作经费"], toProject: "XM13", date: day) }
        #expect(throws: FiscalError.self) { try f.book.addAliases(["禁毒专项"], toProject: "XM13", date: day) }
        #expect(throws: FiscalError.self) { try f.book.addAliases(["禁"], toProject: "XM13", date: day) }
        #expect(throws: FiscalError.self) { try f.book.addAliases(["给养\u{202E}费"], toProject: "XM13", date: day) }
        #expect(throws: FiscalError.self) { try f.book.addAliases(["给养费"], toProject: "XX99", date: day) }
        #expect(try f.book.projectAliases().map(\.alias) == ["禁毒专项"])
        // Removing: all or none, compared as labels are.
        #expect(throws: FiscalError.self) { try f.book.removeAliases(["“禁毒专项”", "不存在"]) }
        #expect(try f.book.projectAliases().count == 1)
        #expect(try f.book.removeAliases(["“禁毒专项”"]).map(\.code) == ["XM01"])
        #expect(try f.book.projectAliases().isEmpty)
    }

    @Test func aLabelNoProjectMatchesProposesTheCloseNameOnly() throws {
        let f = try fixture()
        let results = try f.book.reconcile([claim("看守所给养费", wan: 79_923), claim("反恐专项", wan: 20_000)], year: 2023).results
        #expect(results.map(\.verdict) == [.notInLedger, .notInLedger])
        #expect(results[0].suggestion == ProjectSuggestion(label: "看守所给养费", code: "XM13", name: "在押人员给养经费"))
        // Nothing of 反恐 in either name: no project is proposed, whatever the amounts.
        #expect(results[1].suggestion == nil)
    }
}
