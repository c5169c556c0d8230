import Foundation
import Testing

@testable import FiscalCore

/// An .xlsx sheet is read through the import's record-source protocol: the same rows as CSV
/// make the same book. Fixtures: `scripts/make-office-fixtures.py`.
@Suite struct XLSXImportTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/office")

    /// The rows of `events.xlsx`, as CSV (import.test's events.csv).
    static let eventsCSV = """
        date,kind,project,amount,econ,doc,ref,memo,to_project
        2023-01-05,appropriate,JD01,1000000,,预指〔2023〕1号,A1,年初预算,
        2023-01-05,appropriate,RY01,50万,,,A2,,
        2023-02-10,pay,JD01,"12,345.67",30201,记-0210,P1,"办公用品, 打印纸",
        2023-03-01,transfer,JD01,20000,,,T1,,RY01
        2023-02-20,pay,RY01,8000,30101,,P2,,

        """

    @Test func anXLSXAndTheSameRowsAsCSVMakeTheSameBook() throws {
        let projects: [(String, ProjectKind)] = [("JD01", .project), ("RY01", .personnel)]
        let fromCSV = try TempBook(projects: projects)
        let fromXLSX = try TempBook(projects: projects)
        let csv = try fromCSV.importCSV(XLSXImportTests.eventsCSV)
        let xlsx = try fromXLSX.book.importEvents(fromFile: XLSXImportTests.fixtures.appendingPathComponent("events.xlsx").path)
        #expect(csv.isAccepted && xlsx.isAccepted, "\(csv.problems) \(xlsx.problems)")
        #expect(xlsx.sheet == "Sheet1" && xlsx.posted == 5)
        #expect(try fromCSV.snapshot() == fromXLSX.snapshot())
    }

    @Test func aBadRowIsNamedBySheetAndRow() throws {
        let t = try TempBook(projects: [("JD01", .project)])
        let result = try t.book.importEvents(fromFile: XLSXImportTests.fixtures.appendingPathComponent("payments.xlsx").path,
                                             options: ImportOptions(sheet: "有误", kind: .pay))
        #expect(result.problems.map(\.description).first?.hasPrefix("sheet '有误' row 2: ") == true)
        #expect(result.problems.map(\.line) == [2, 3])
    }

    @Test func numbersAreReadFromTheirDecimalTextAsExcelShowsThem() {
        #expect(ExcelNumber.plain("1234.56") == "1234.56")
        #expect(ExcelNumber.plain("12345.599999999999") == "12345.6")
        #expect(ExcelNumber.plain("0.30000000000000004") == "0.3")
        #expect(ExcelNumber.plain("2E4") == "20000")
        #expect(ExcelNumber.plain("1.5E-2") == "0.015")
        #expect(ExcelNumber.plain("-3") == "-3")
        #expect(ExcelNumber.plain("99999999999999.995") == "100000000000000")
        #expect(ExcelNumber.plain("abc") == nil)
    }

    @Test func serialNumbersAreDaysOfThe1900System() {
        #expect(ExcelNumber.serialDate("44931") == "2023-01-05")
        #expect(ExcelNumber.serialDate("45265.75") == "2023-12-05")
        #expect(ExcelNumber.serialDate("61") == "1900-03-01")
        #expect(ExcelNumber.serialDate("60") == nil)
        #expect(ExcelNumber.isDateFormat("yyyy\"年\"m\"月\"d\"日\""))
        #expect(!ExcelNumber.isDateFormat("#,##0.00;[Red]-#,##0.00"))
        #expect(!ExcelNumber.isDateFormat("\"day\" 0"))
    }
}
