import Foundation
import Testing

@testable import FiscalCore

/// Input that deceives is refused at every door (issue 12), and what reached a book anyway is
/// shown escaped.
@Suite struct TextRulesTests {
    @Test(arguments: ["\u{202E}10DJ", "JD\u{200B}01", "JD 01", "JD,01", "JD\u{1B}[31m", "禁毒01", "JD\u{7F}", "\u{FEFF}JD01"])
    func aDeceivingProjectCodeIsRefused(code: String) throws {
        let t = try TempBook()
        let error = refusal { try t.book.addProject(Project(code: code, name: "伪装", kind: .project, fund: .general)) }
        #expect(error != nil, "\(code.debugDescription)")
        // The message shows the offending characters escaped, never raw.
        #expect(error.map { !$0.description.unicodeScalars.contains { TextRules.problem($0, as: .code) != nil } } ?? false)
    }

    @Test func codesOfTheDocumentedSetAreTaken() throws {
        let t = try TempBook()
        for code in ["A-1", "zx.03", "XM_2023", "2040201"] {
            _ = try t.book.addProject(Project(code: code, name: "项目\(code)", kind: .project, fund: .general))
        }
    }

    @Test func controlCharactersAndMarksAreRefusedInEveryTextField() throws {
        let t = try TempBook()
        let date = day("2023-03-01")
        let pay = BudgetEvent.appropriate(project: "JD01", amount: fen(100), econ: nil)
        #expect(refusal { try t.book.record(pay, RecordOptions(date: date, memo: "\u{1B}[2J清屏")) }?.description
            == "memo '\\u{1B}[2J清屏': contains the control character U+001B, which a terminal would act on")
        #expect(refusal { try t.book.record(pay, RecordOptions(date: date, doc: "预指\u{202E}1号")) }?.description
            == "doc '预指\\u{202E}1号': contains the invisible format mark U+202E, which changes how the text reads")
        #expect(refusal { try t.book.record(pay, RecordOptions(date: date, ref: "R\u{0}1")) } != nil)
        #expect(refusal { try t.book.record(pay, RecordOptions(date: date, memo: String(repeating: "长", count: 1_001))) }?
            .description.hasSuffix("longer than 1000 characters") == true)
        #expect(refusal { try t.book.record(pay, RecordOptions(date: date, doc: String(repeating: "x", count: 101))) } != nil)
        #expect(refusal { try t.book.addProject(Project(code: "N1", name: String(repeating: "名", count: 201), kind: .project, fund: .general)) } != nil)
        #expect(refusal { try t.book.addProject(Project(code: "N2", name: "名\u{85}", kind: .project, fund: .general)) } != nil)
        #expect(try t.book.journal(JournalFilter()).isEmpty)
        // A memo may have lines and tabs.
        try t.book.record(pay, RecordOptions(date: date, memo: "第一行\n\t第二行"))
    }

    @Test func theImportRefusesTheSameText() throws {
        let t = try TempBook()
        let url = t.directory.appendingPathComponent("events.csv")
        try "date,kind,project,amount,memo,doc\n2023-02-01,appropriate,JD01,100,\"a\u{1B}]0;owned\u{7}\",\n2023-02-02,appropriate,JD01,100,,文\u{2066}号\n"
            .write(to: url, atomically: true, encoding: .utf8)
        let result = try t.book.importEvents(fromFile: url.path)
        #expect(result.badRows == 2)
        #expect(try t.book.journal(JournalFilter()).isEmpty)
        let projects = t.directory.appendingPathComponent("projects.csv")
        try "code,name,kind\n\u{202E}10DJ,禁毒,project\nOK1,名\u{200F},project\n".write(to: projects, atomically: true, encoding: .utf8)
        let imported = try t.book.importProjects(fromFile: projects.path, today: day("2023-01-02"))
        #expect(imported.badRows == 2)
        #expect(try t.book.projects().count == 2)
    }

    @Test func terminalTextIsEscaped() {
        #expect(TextRules.escapedForTerminal("ok 中文") == "ok 中文")
        #expect(TextRules.escapedForTerminal("a\u{1B}[31mb\u{202E}c\n") == "a\\u{1B}[31mb\\u{202E}c\\u{A}")
    }
}
