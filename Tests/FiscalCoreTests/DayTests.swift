import Testing

@testable import FiscalCore

@Suite("Day")
struct DayTests {
    @Test(arguments: ["2023-01-01", "2023-12-31", "2023-02-28", "2024-02-29", "2000-02-29", "2023-04-30", "1900-01-01", "9999-12-31"])
    func parsesDaysThatExist(_ text: String) throws {
        let d = try #require(Day(text))
        #expect(d.description == text)
    }

    @Test(arguments: [
        "2023-02-29",  // 2023 is not a leap year
        "1900-02-29",  // divisible by 100, not by 400
        "2100-02-29",
        "2023-02-30", "2024-02-30", "2023-04-31", "2023-06-31", "2023-13-01", "2023-00-10", "2023-01-00", "2023-01-32",
        "2023-1-01", "2023-01-1", "23-01-01", "20230101", "2023/01/01", "2023-01-01x", " 2023-01-01", "2023-01-01 ",
        "２０２３-01-01", "2023-0a-01", "", "1899-12-31", "+023-01-01", "2023--1-01",
    ])
    func refusesDaysThatDoNotExist(_ text: String) {
        #expect(Day(text) == nil, "\(text)")
    }

    @Test func leapYears() {
        #expect(Day.isLeap(2024) && Day.isLeap(2000) && Day.isLeap(1996))
        #expect(!Day.isLeap(2023) && !Day.isLeap(1900) && !Day.isLeap(2100))
        #expect(Day.daysIn(month: 2, year: 2024) == 29)
        #expect(Day.daysIn(month: 2, year: 2023) == 28)
        #expect(day("2023-06-30").daysInYear == 365)
        #expect(day("2024-06-30").daysInYear == 366)
    }

    @Test func ordinalCountsDaysFromFirstJanuary() {
        #expect(day("2023-01-01").ordinal == 1)
        #expect(day("2023-03-01").ordinal == 60)
        #expect(day("2024-03-01").ordinal == 61)
        #expect(day("2023-12-31").ordinal == 365)
        #expect(day("2024-12-31").ordinal == 366)
    }

    @Test func ordersByCalendar() {
        #expect(day("2023-01-31") < day("2023-02-01"))
        #expect(day("2022-12-31") < day("2023-01-01"))
        #expect(!(day("2023-05-05") < day("2023-05-05")))
        #expect(Day(year: 2023, month: 2, day: 29) == nil)
        #expect(Day(year: 2023, month: 2, day: 28) == day("2023-02-28"))
        #expect(Day.endOfMonth(year: 2024, month: 2) == day("2024-02-29"))
        #expect(Day.endOfMonth(year: 2023, month: 11) == day("2023-11-30"))
    }

    @Test func monthsParseAndEndOnTheirLastDay() throws {
        let m = try #require(YearMonth("2024-02"))
        #expect(m.description == "2024-02")
        #expect(m.lastDay == day("2024-02-29"))
        #expect(YearMonth("2023-13") == nil)
        #expect(YearMonth("2023-2") == nil)
        #expect(YearMonth("2023-02-01") == nil)
        #expect(YearMonth("2023-+1") == nil)   // Int("+1") is 1, but "+1" is not a month
        #expect(YearMonth("2023- 1") == nil)
    }
}
