import Foundation
import Testing
@testable import FiscalCore

private func m(_ text: String) -> Money { CloseFixture.yuan(text) }

/// A department with basic expenditure, an active, a completed and a terminated project,
/// each with something left at the end of 2023.
private func department() throws -> CloseFixture {
    let f = try CloseFixture()
    try f.project("JB01", kind: .personnel)
    try f.project("JB02", kind: .public)
    try f.project("ZX01")
    try f.project("ZX02", status: .completed)
    try f.project("ZX03", status: .terminated)
    try f.project("ZX04")
    for (code, amount) in [("JB01", "1000.00"), ("JB02", "500.00"), ("ZX01", "300.00"), ("ZX02", "200.00"),
                           ("ZX03", "100.00"), ("ZX04", "50.00")] {
        try f.appropriate(code, amount, on: "2023-01-05")
    }
    try f.pay("JB01", "900.00", on: "2023-06-30", econ: "30101")
    try f.pay("JB02", "480.50", on: "2023-07-31")
    try f.pay("ZX01", "100.00", on: "2023-08-31")
    try f.pay("ZX02", "150.00", on: "2023-09-30")
    try f.pay("ZX03", "10.00", on: "2023-10-31")
    try f.pay("ZX04", "50.00", on: "2023-11-30")  // fully spent: nothing to close
    return f
}

@Suite struct CloseTests {
    @Test func theRulesDecideCarryForwardAndSurplus() throws {
        let f = try department()
        let plan = try f.book.planClose(year: 2023)
        let byCode = Dictionary(uniqueKeysWithValues: plan.lines.map { ($0.project.code, $0) })
        #expect(byCode["JB01"]!.parts.map(\.rule) == [.basic])
        #expect(byCode["JB01"]!.carriedForward == m("100.00"))
        #expect(byCode["JB02"]!.carriedForward == m("19.50"))
        #expect(byCode["ZX01"]!.parts.map(\.rule) == [.active])
        #expect(byCode["ZX01"]!.carriedForward == m("200.00"))
        #expect(byCode["ZX02"]!.parts.map(\.rule) == [.completed])
        #expect(byCode["ZX02"]!.surplus == m("50.00"))
        #expect(byCode["ZX03"]!.parts.map(\.rule) == [.terminated])
        #expect(byCode["ZX03"]!.surplus == m("90.00"))
        #expect(byCode["ZX04"]!.parts.isEmpty)
        #expect(plan.carriedForward == m("319.50"))
        #expect(plan.surplus == m("140.00"))
        // Basic expenditure is listed first.
        #expect(plan.lines.prefix(2).map(\.project.code) == ["JB01", "JB02"])
    }

    @Test func aDryRunWritesNothing() throws {
        let f = try department()
        let before = try f.book.journal(JournalFilter()).count
        _ = try f.book.planClose(year: 2023)
        #expect(try f.book.journal(JournalFilter()).count == before)
        #expect(try f.book.years().map(\.closed) == [false])
    }

    @Test func closingLocksTheYearAndOpensTheNextWithTheCarryIn() throws {
        let f = try department()
        let result = try f.close(2023)
        #expect(result.closingEntries.count == 5)
        #expect(result.openingEntries.count == 5)
        #expect(result.openedNextYear)
        #expect(try f.book.years().map { "\($0.year)\($0.closed ? "c" : "o")" } == ["2023c", "2024o"])

        // Every project ends 2023 with nothing available, its leftover in 结转 or 结余.
        for code in ["JB01", "JB02", "ZX01", "ZX02", "ZX03", "ZX04"] {
            #expect(try f.figures(code, 2023).available == .zero)
        }
        #expect(try f.figures("ZX01", 2023).carriedForward == m("200.00"))
        #expect(try f.figures("ZX02", 2023).surplus == m("50.00"))
        // 2024 opens with every leftover as carry-in, carried forward and surplus alike.
        #expect(try f.figures("JB01", 2024).carryIn == m("100.00"))
        #expect(try f.figures("ZX02", 2024).carryIn == m("50.00"))
        #expect(try f.figures("ZX02", 2024).available == m("50.00"))
        #expect(try f.figures("ZX04", 2024) == BudgetFigures())

        let closing = try f.book.journal(JournalFilter(year: 2023)).filter { $0.kind == .close }
        #expect(closing.allSatisfy { $0.date == Day("2023-12-31")! })
        let sums = closing.map { $0.postings.reduce(Money.zero) { $0 + $1.amount } }
        #expect(sums.allSatisfy { $0.isZero })
        let zx03 = closing.first { $0.postings.first?.projectCode == "ZX03" }
        #expect(zx03?.memo?.contains("rule: terminated") == true)
        let opening = try f.book.journal(JournalFilter(year: 2024)).filter { $0.kind == .open }
        #expect(opening.count == 5)
        #expect(opening.allSatisfy { $0.date == Day("2024-01-01")! })
        #expect(try f.book.yearHistory(2023).map(\.action) == ["open", "close"])
        #expect(try f.book.verify().isEmpty)
    }

    @Test func theClosingEntriesAddUpToExactlyTheLeftover() throws {
        let f = try department()
        let plan = try f.book.planClose(year: 2023)
        try f.close(2023)
        let closing = try f.book.journal(JournalFilter(year: 2023)).filter { $0.kind == .close }
        let debited = closing.flatMap(\.postings).filter { $0.account == .available }.reduce(Money.zero) { $0 + $1.amount }
        #expect(debited == plan.leftover)
        #expect(debited == m("459.50"))
    }

    @Test func nothingPostsIntoAClosedYear() throws {
        let f = try department()
        try f.close(2023)
        #expect(throws: FiscalError.self) { try f.pay("ZX01", "1.00", on: "2023-12-30") }
        #expect(throws: FiscalError.self) { try f.appropriate("ZX01", "1.00", on: "2023-06-01") }
        let someEntry = try f.book.journal(JournalFilter(year: 2023)).first!.id
        #expect(throws: FiscalError.self) { try f.book.reverse(entry: someEntry, reason: "x", date: Day("2023-12-31")!) }
        // Nor raw SQL: the schema's triggers refuse entries and postings in a closed year.
        #expect(throws: SQLiteError.self) {
            try (f.book.store as! SQLiteStore).db.execute("INSERT INTO entry (date, year, kind) VALUES ('2023-12-31', 2023, 'pay')")
        }
        #expect(throws: SQLiteError.self) {
            try (f.book.store as! SQLiteStore).db.execute("INSERT INTO posting (entry_id, account, project_id, amount) VALUES (\(someEntry), 'paid', 1, 100)")
        }
        // The next year takes entries as usual.
        try f.pay("ZX01", "1.00", on: "2024-01-15")
        #expect(try f.book.verify().isEmpty)
    }

    @Test func closingIsRefusedWhenTheYearCannotBeClosed() throws {
        let f = try department()
        // Not ended yet: entries may still come.
        #expect(throws: FiscalError.self) { try f.close(2023, today: "2023-12-30") }
        #expect(try f.book.years().map(\.closed) == [false])
        // Not in the book.
        #expect(throws: FiscalError.self) { try f.close(2022) }
        try f.close(2023)
        // Already closed.
        #expect(throws: FiscalError.self) { try f.close(2023) }
        // 2025 while 2024 is open.
        try f.pay("ZX01", "1.00", on: "2024-02-01")
        try f.book.openYear(2025, date: day("2024-12-01"))
        try f.appropriate("ZX01", "10.00", on: "2025-01-02")
        #expect(throws: FiscalError.self) { try f.close(2025, today: "2026-01-05") }
    }

    @Test func aProjectBelowZeroMustBeCoveredBeforeTheClose() throws {
        let f = try department()
        try f.record("2023-12-01", .pay(project: "ZX01", amount: m("250.00"), econ: EconomicCode("30201")!), overdraft: true)
        #expect(try f.figures("ZX01", 2023).available == m("-50.00"))
        do {
            try f.close(2023)
            Issue.record("a close with a project below zero went through")
        } catch {
            #expect("\(error)".contains("ZX01"))
        }
        try f.record("2023-12-20", .supplement(project: "ZX01", amount: m("50.00"), econ: nil))
        try f.close(2023)
        #expect(try f.book.verify().isEmpty)
    }

    @Test func overridesWinAndAreNamedInTheEntries() throws {
        let f = try department()
        let result = try f.close(2023, carry: ["ZX02"], surplus: ["JB02", "ZX01"])
        let byCode = Dictionary(uniqueKeysWithValues: result.plan.lines.map { ($0.project.code, $0) })
        #expect(byCode["ZX02"]!.parts.map(\.rule) == [.overrideCarry])
        #expect(byCode["JB02"]!.parts.map(\.rule) == [.overrideSurplus])
        #expect(byCode["ZX01"]!.surplus == m("200.00"))
        #expect(try f.figures("ZX02", 2023).carriedForward == m("50.00"))
        #expect(try f.figures("JB02", 2023).surplus == m("19.50"))
        let memos = try f.book.journal(JournalFilter(year: 2023)).filter { $0.kind == .close }.compactMap(\.memo)
        #expect(memos.filter { $0.contains("override-carry") }.count == 1)
        #expect(memos.filter { $0.contains("override-surplus") }.count == 2)
        #expect(try f.book.yearHistory(2023).last!.reason!.contains("指定结转 ZX02"))
    }

    @Test func badOverridesAreRefused() throws {
        let f = try department()
        #expect(throws: FiscalError.self) { try f.book.planClose(year: 2023, overrides: CloseOverrides(carry: ["NOPE"])) }
        #expect(throws: FiscalError.self) { try f.book.planClose(year: 2023, overrides: CloseOverrides(carry: ["ZX04"])) }
        #expect(throws: FiscalError.self) {
            try f.book.planClose(year: 2023, overrides: CloseOverrides(carry: ["ZX01"], surplus: ["ZX01"]))
        }
    }

    @Test func earmarkedAuthorityStaysEarmarkedInTheNextYear() throws {
        let f = try CloseFixture()
        try f.project("JB02", kind: .public)
        try f.appropriate("JB02", "1000.00", on: "2023-01-05")
        try f.appropriate("JB02", "100.00", on: "2023-01-05", econ: "30217")
        try f.pay("JB02", "40.00", on: "2023-05-10", econ: "30217")
        try f.pay("JB02", "900.00", on: "2023-05-10")
        try f.close(2023)
        let carried = try f.book.journal(JournalFilter(year: 2024)).filter { $0.kind == .open }.flatMap(\.postings)
            .filter { $0.account == .carryIn }
        #expect(carried.map(\.econ) == ["30217", nil])
        #expect(carried.map(\.amount) == [m("60.00"), m("100.00")])
        // The 60 carried into 2024 is 公务接待费 authority again: nothing else may spend it.
        try f.pay("JB02", "60.00", on: "2024-02-01", econ: "30217")
        #expect(throws: FiscalError.self) { try f.pay("JB02", "150.00", on: "2024-02-02") }
    }

    /// 100 granted in 2021: 30 paid in 2021, 20 in 2022, 30 in 2023. The 20 never used were
    /// carried into 2022 and again into 2023: at the close of 2023 they are surplus to recall.
    @Test func carryInUnusedForTwoYearsIsSurplusToBeRecalled() throws {
        let f = try CloseFixture(year: 2021, today: "2021-01-01")
        try f.project("ZX01")
        try f.project("JB01", kind: .personnel)
        try f.appropriate("ZX01", "100.00", on: "2021-01-05")
        try f.appropriate("JB01", "100.00", on: "2021-01-05")
        try f.pay("ZX01", "30.00", on: "2021-06-01")
        let y2021 = try f.close(2021)
        #expect(y2021.plan.toRecall == .zero)
        #expect(try f.figures("ZX01", 2022).carryIn == m("70.00"))

        try f.appropriate("ZX01", "50.00", on: "2022-01-05")
        try f.pay("ZX01", "20.00", on: "2022-06-01")
        let y2022 = try f.close(2022)
        // Carried once, not yet twice: all 100 left carries forward.
        #expect(y2022.plan.lines.first { $0.project.code == "ZX01" }!.parts.map(\.rule) == [.active])
        #expect(y2022.plan.carriedForward == m("200.00"))

        try f.pay("ZX01", "30.00", on: "2023-06-01")
        let plan = try f.book.planClose(year: 2023)
        let zx01 = plan.lines.first { $0.project.code == "ZX01" }!
        #expect(zx01.leftover == m("70.00"))
        #expect(zx01.agedCarryIn == m("20.00"))
        #expect(zx01.parts.map(\.rule) == [.active, .agedCarryIn])
        #expect(zx01.carriedForward == m("50.00"))
        #expect(zx01.surplus == m("20.00"))
        #expect(zx01.toRecall == m("20.00"))
        // Basic expenditure always carries forward, however old.
        let jb01 = plan.lines.first { $0.project.code == "JB01" }!
        #expect(jb01.parts.map(\.rule) == [.basic])
        #expect(jb01.carriedForward == m("100.00"))

        try f.close(2023)
        let memos = try f.book.journal(JournalFilter(year: 2023)).filter { $0.kind == .close }.compactMap(\.memo)
        #expect(memos.contains { $0.contains("待收回") && $0.contains("aged-carry-in") })
        #expect(try f.figures("ZX01", 2023).surplus == m("20.00"))
        #expect(try f.book.verify().isEmpty)
    }

    @Test func agedCarryInFollowsOldestFirst() {
        var before = BudgetFigures()
        before.carryIn = m("70.00"); before.initial = m("50.00"); before.paid = m("20.00"); before.carriedForward = m("100.00")
        var now = BudgetFigures()
        now.carryIn = m("100.00"); now.paid = m("30.00"); now.available = m("70.00")
        #expect(Book.agedCarryIn(now: now, before: before) == m("20.00"))
        #expect(Book.agedCarryIn(now: now, before: nil) == .zero)
        // Spending more than the old money leaves nothing aged.
        now.paid = m("60.00"); now.available = m("40.00")
        #expect(Book.agedCarryIn(now: now, before: before) == .zero)
        // A recall takes the old money first, too.
        now.paid = m("30.00"); now.recalled = m("20.00"); now.available = m("50.00")
        #expect(Book.agedCarryIn(now: now, before: before) == .zero)
    }
}

@Suite struct ReopenTests {
    @Test func reopenAppendsReversalsAndUnlocksTheYear() throws {
        let f = try department()
        let closed = try f.close(2023)
        let entriesBefore = try f.book.journal(JournalFilter()).count
        let result = try f.book.reopen(year: 2023, reason: "补记12月支出", today: Day("2024-01-20")!)
        #expect(result.closingReversals.map(\.original) == closed.closingEntries)
        #expect(result.openingReversals.map(\.original) == closed.openingEntries)
        #expect(try f.book.journal(JournalFilter()).count == entriesBefore + 10)
        #expect(try f.book.years().map(\.closed) == [false, false])
        #expect(try f.figures("ZX01", 2023).available == m("200.00"))
        #expect(try f.figures("ZX01", 2023).carriedForward == .zero)
        #expect(try f.figures("ZX01", 2024).carryIn == .zero)
        let history = try f.book.yearHistory(2023)
        #expect(history.map(\.action) == ["open", "close", "reopen"])
        #expect(history.last!.reason == "补记12月支出")
        #expect(history.last!.date == "2024-01-20")
        #expect(try f.book.verify().isEmpty)

        // The year takes entries again, and closes again with new entries.
        try f.pay("ZX01", "20.00", on: "2023-12-28")
        let again = try f.close(2023)
        #expect(!again.openedNextYear)
        #expect(try f.figures("ZX01", 2023).carriedForward == m("180.00"))
        #expect(try f.figures("ZX01", 2024).carryIn == m("180.00"))
        #expect(try f.book.verify().isEmpty)
    }

    @Test func reopenThenCloseGivesTheSameSettlement() throws {
        let f = try department()
        try f.close(2023, surplus: ["ZX01"])
        let first = try f.book.settlementReport(SettlementSpec(year: 2023))
        let firstNext = try f.book.settlementReport(SettlementSpec(year: 2024))
        try f.book.reopen(year: 2023, reason: "复核", today: Day("2024-01-20")!)
        try f.close(2023, surplus: ["ZX01"])
        let second = try f.book.settlementReport(SettlementSpec(year: 2023))
        let secondNext = try f.book.settlementReport(SettlementSpec(year: 2024))
        #expect(first.rows.map(\.figures) == second.rows.map(\.figures))
        #expect(first.total.figures == second.total.figures)
        #expect(firstNext.total.figures == secondNext.total.figures)
        #expect(try f.book.verify().isEmpty)
    }

    @Test func onlyTheLatestClosedYearReopens() throws {
        let f = try department()
        #expect(throws: FiscalError.self) { try f.book.reopen(year: 2023, reason: "x", today: Day("2024-01-20")!) }
        try f.close(2023)
        try f.appropriate("ZX01", "10.00", on: "2024-01-05")
        try f.pay("ZX01", "1.00", on: "2024-03-01")
        try f.close(2024, today: "2025-01-05")
        #expect(throws: FiscalError.self) { try f.book.reopen(year: 2023, reason: "x", today: Day("2025-01-20")!) }
        #expect(throws: FiscalError.self) { try f.book.reopen(year: 2024, reason: "  ", today: Day("2025-01-20")!) }
        #expect(throws: FiscalError.self) { try f.book.reopen(year: 2030, reason: "x", today: Day("2025-01-20")!) }
        try f.book.reopen(year: 2024, reason: "x", today: Day("2025-01-20")!)
        try f.book.reopen(year: 2023, reason: "y", today: Day("2025-01-20")!)
        #expect(try f.book.years().map(\.closed) == [false, false, false])
        #expect(try f.book.verify().isEmpty)
    }

    @Test func reopenIsRefusedWhenTheNextYearSpentTheCarryIn() throws {
        let f = try department()
        try f.close(2023)
        try f.appropriate("ZX01", "500.00", on: "2024-01-05")
        try f.pay("ZX01", "150.00", on: "2024-02-01")  // 2024's own authority still covers the 200 carried in
        try f.pay("JB01", "100.00", on: "2024-02-01")  // all of the 100 carried in
        do {
            try f.book.reopen(year: 2023, reason: "x", today: Day("2024-03-01")!)
            Issue.record("reopen went through although 2024 spent the carry-in")
        } catch {
            #expect("\(error)".contains("JB01"))
            #expect(!"\(error)".contains("ZX01"))
        }
        #expect(try f.book.years().map(\.closed) == [true, false])
        let result = try f.book.reopen(year: 2023, reason: "x", today: Day("2024-03-01")!, allowOverdraft: true)
        #expect(result.overdrawn.map(\.project) == ["JB01"])
        #expect(result.overdrawn.map(\.available) == [m("-100.00")])
        #expect(try f.book.verify().isEmpty)
    }
}
