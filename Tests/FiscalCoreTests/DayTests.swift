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
        "23-01-01", "2023-01-01x", "2023-0a-01", "", "1899-12-31", "+023-01-01", "2023--1-01",
        "2023/6-1", "2023-6/1", "2023年6-1", "2023年6月1日日", "2023月6年1日", "2023-6-1日",
        "2023-006-01", "02023-06-01", "2023060", "202306011", "2023-6", "2023年6月", "2023.6.1.", "2023 6 1",
        "2023/2/30", "2023年2月29日", "２０２３－０２－３０",
    ])
    func refusesDaysThatDoNotExist(_ text: String) {
        #expect(Day(text) == nil, "\(text)")
    }

    @Test(arguments: [
        ("2023-06-01", "2023-06-01"), ("2023-6-1", "2023-06-01"), ("2023/6/1", "2023-06-01"), ("2023/06/01", "2023-06-01"),
        ("2023.6.1", "2023-06-01"), ("20230601", "2023-06-01"), ("2023年6月1日", "2023-06-01"), ("2023年06月01日", "2023-06-01"),
        ("２０２３年６月１日", "2023-06-01"), ("２０２３－０６－０１", "2023-06-01"), ("2023／6／1", "2023-06-01"),
        (" 2023-06-01 ", "2023-06-01"), ("2024/2/29", "2024-02-29"), ("2023-12-31", "2023-12-31"),
    ])
    func readsTheWrittenForms(_ text: String, _ day: String) throws {
        #expect(try #require(Day(text)).description == day)
    }

    @Test func saysWhyADateIsRefused() {
        #expect(Day.problem("2023/2/30") == "no such day (2023-02 has 28 days, not 30)")
        #expect(Day.problem("2023年13月1日") == "not a date; write 2023-06-01, 2023/6/1, 2023.6.1, 20230601 or 2023年6月1日")
        #expect(Day.problem("June 1") == "not a date; write 2023-06-01, 2023/6/1, 2023.6.1, 20230601 or 2023年6月1日")
    }

    @Test(arguments: [("2023-06", "2023-06"), ("2023/6", "2023-06"), ("2023.6", "2023-06"), ("202306", "2023-06"),
                      ("2023年6月", "2023-06"), ("2023年6", "2023-06"), ("２０２３年１２月", "2023-12")])
    func readsMonths(_ text: String, _ month: String) throws {
        #expect(try #require(YearMonth(text)).description == month)
    }

    @Test(arguments: ["2023-13", "2023-6-1", "2023/06-", "23-06", "2023年6月1日", "2023-0", ""])
    func refusesWhatIsNotAMonth(_ text: String) {
        #expect(YearMonth(text) == nil, "\(text)")
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
        #expect(YearMonth("2023-2") == YearMonth(year: 2023, month: 2))
        #expect(YearMonth("2023-02-01") == nil)
        #expect(YearMonth("2023-+1") == nil)   // Int("+1") is 1, but "+1" is not a month
        #expect(YearMonth("2023- 1") == nil)
    }
}
