import Testing

@testable import FiscalCore

/// The double entry of DESIGN §2 and the recording rules of §6, on temporary books.
@Suite("Ledger")
struct LedgerTests {
    let t: TempBook
    init() throws { t = try TempBook() }

    // MARK: Every event balances

    /// Each event's postings exactly as DESIGN §2's table gives them (debit positive, 分).
    @Test func everyEventPostsTheDesignedEntryAndBalancesPerProject() throws {
        try t.record(.carryIn(project: "ZX02", amount: fen(12_000_000)), on: "2023-01-01")
        let cases: [(BudgetEvent, [String])] = [
            (.appropriate(project: "JD01", amount: fen(550_000_000), econ: nil),
             ["initial JD01 - 550000000", "available JD01 - -550000000"]),
            (.appropriate(project: "JD01", amount: fen(3_000_000), econ: econ("30217")),
             ["initial JD01 30217 3000000", "available JD01 30217 -3000000"]),
            (.supplement(project: "JD01", amount: fen(12_000_000), econ: nil),
             ["addition JD01 - 12000000", "available JD01 - -12000000"]),
            (.reduce(project: "JD01", amount: fen(5_000_000), econ: nil),
             ["available JD01 - 5000000", "reduction JD01 - -5000000"]),
            (.transfer(from: "JD01", to: "ZX02", amount: fen(30_000_000)),
             ["available JD01 - 30000000", "transfer JD01 - -30000000", "transfer ZX02 - 30000000", "available ZX02 - -30000000"]),
            (.pay(project: "JD01", amount: fen(120_000), econ: econ("30201")),
             ["available JD01 30201 120000", "paid JD01 30201 -120000"]),
            (.refund(project: "JD01", amount: fen(34_567), econ: econ("30201")),
             ["paid JD01 30201 34567", "available JD01 30201 -34567"]),
            (.recall(project: "ZX02", amount: fen(2_000_000)),
             ["available ZX02 - 2000000", "recall ZX02 - -2000000"]),
            (.carryIn(project: "JD01", amount: fen(100)),
             ["carry-in JD01 - 100", "available JD01 - -100"]),
        ]
        for (event, expected) in cases {
            let entry = try t.record(event)
            #expect(entry.kind == event.kind)
            #expect(entry.postings.map(describe) == expected, "\(event.kind)")
            expectBalancedPerProject(entry)
        }
        let reversal = try t.book.reverse(entry: 7, reason: "录入错误", date: day("2023-03-02"))
        expectBalancedPerProject(reversal)
        #expect(try t.book.verify() == [])
        // Resources equal status for the book as a whole, and per project.
        let tb = try t.book.trialBalance(year: 2023)
        #expect(tb.isBalanced)
        for line in tb.projects { #expect(line.resources == line.status, "\(line.code)") }
    }

    private func expectBalancedPerProject(_ entry: JournalEntry, sourceLocation: SourceLocation = #_sourceLocation) {
        var sums: [String: Int64] = [:]
        for p in entry.postings { sums[p.projectCode, default: 0] += p.amount.fen }
        #expect(sums.values.allSatisfy { $0 == 0 }, "entry \(entry.id): \(sums)", sourceLocation: sourceLocation)
        #expect(entry.postings.allSatisfy { $0.amount.fen != 0 }, sourceLocation: sourceLocation)
    }

    @Test func figuresFollowDesignSection3() throws {
        try t.record(.carryIn(project: "JD01", amount: fen(1_000_000)), on: "2023-01-01")
        try t.record(.appropriate(project: "JD01", amount: fen(50_000_000), econ: nil), on: "2023-01-10")
        try t.record(.supplement(project: "JD01", amount: fen(5_000_000), econ: nil), on: "2023-02-01")
        try t.record(.reduce(project: "JD01", amount: fen(2_000_000), econ: nil), on: "2023-02-02")
        try t.record(.transfer(from: "JD01", to: "ZX02", amount: fen(3_000_000)), on: "2023-02-03")
        try t.record(.pay(project: "JD01", amount: fen(10_000_000), econ: econ("30201")), on: "2023-02-04")
        try t.record(.refund(project: "JD01", amount: fen(1_000_000), econ: econ("30201")), on: "2023-02-05")
        try t.record(.recall(project: "JD01", amount: fen(500_000)), on: "2023-02-06")
        let f = try t.book.figures(project: t.book.project(code: "JD01"), year: 2023)
        #expect(f.carryIn == fen(1_000_000))
        #expect(f.initial == fen(50_000_000))
        #expect(f.additions == fen(5_000_000))
        #expect(f.reductions == fen(2_000_000))
        #expect(f.transfers == fen(-3_000_000))
        #expect(f.recalled == fen(500_000))
        #expect(f.budget == fen(50_000_000))        // 500,000 + 50,000 − 20,000 − 30,000 元
        #expect(f.totalBudget == fen(50_500_000))   // + 10,000 carried in − 5,000 recalled
        #expect(f.paid == fen(9_000_000))           // 100,000 paid − 10,000 refunded
        #expect(f.available == fen(41_500_000))     // total budget − paid
        let z = try t.book.figures(project: t.book.project(code: "ZX02"), year: 2023)
        #expect(z.transfers == fen(3_000_000) && z.available == fen(3_000_000))
    }

    // MARK: Availability control

    @Test func refusesAPaymentBeyondTheProject() throws {
        try t.record(.appropriate(project: "JD01", amount: fen(100_000), econ: nil))
        let before = try t.snapshot()
        let error = refusal { try t.record(.pay(project: "JD01", amount: fen(100_001), econ: econ("30201"))) }
        guard case .overdraft(let text)? = error else { Issue.record("expected an overdraft refusal, got \(String(describing: error))"); return }
        #expect(text == "pay 1,000.01 exceeds available 1,000.00 of project JD01 in 2023")
        #expect(try t.snapshot() == before)
        // Exactly what is left can be paid.
        #expect(try t.record(.pay(project: "JD01", amount: fen(100_000), econ: econ("30201"))).overdraft == false)
    }

    @Test func refusesReductionsTransfersAndRecallsBeyondTheProject() throws {
        try t.record(.appropriate(project: "JD01", amount: fen(100_000), econ: nil))
        let before = try t.snapshot()
        let attempts: [(BudgetEvent, String)] = [
            (.reduce(project: "JD01", amount: fen(100_001), econ: nil), "reduce 1,000.01 exceeds available 1,000.00 of project JD01 in 2023"),
            (.transfer(from: "JD01", to: "ZX02", amount: fen(100_001)), "transfer 1,000.01 exceeds available 1,000.00 of project JD01 in 2023"),
            (.recall(project: "JD01", amount: fen(100_001)), "recall 1,000.01 exceeds available 1,000.00 of project JD01 in 2023"),
            (.pay(project: "ZX02", amount: fen(1), econ: econ("30201")), "pay 0.01 exceeds available 0.00 of project ZX02 in 2023"),
        ]
        for (event, message) in attempts {
            guard case .overdraft(let text)? = refusal({ try t.record(event) }) else {
                Issue.record("\(event.kind) was not refused"); continue
            }
            #expect(text == message)
        }
        #expect(try t.snapshot() == before)
    }

    @Test func refusesAnEconomicCodeBeyondItsOwnAuthority() throws {
        try t.record(.appropriate(project: "JD01", amount: fen(1_000_000), econ: nil))             // pool 10,000.00
        try t.record(.appropriate(project: "JD01", amount: fen(200_000), econ: econ("30217")))   // 公务接待费 2,000.00
        let before = try t.snapshot()
        // The project has 12,000.00 in all, but 公务接待费 only its own 2,000.00.
        guard case .overdraft(let text)? = refusal({
            try t.record(.pay(project: "JD01", amount: fen(200_001), econ: econ("30217")))
        }) else { Issue.record("not refused"); return }
        #expect(text == "pay 2,000.01 exceeds available 2,000.00 of project JD01 econ 30217 in 2023")
        // A reduction of the line is controlled the same way.
        guard case .overdraft(let text2)? = refusal({
            try t.record(.reduce(project: "JD01", amount: fen(200_001), econ: econ("30217")))
        }) else { Issue.record("not refused"); return }
        #expect(text2.hasPrefix("reduce 2,000.01 exceeds available 2,000.00 of project JD01 econ 30217 in 2023"))
        #expect(try t.snapshot() == before)
        try t.record(.pay(project: "JD01", amount: fen(200_000), econ: econ("30217")))
        #expect(refusal { try t.record(.pay(project: "JD01", amount: fen(1), econ: econ("30217"))) } != nil)
    }

    @Test func refusesThePoolWhenTheRestIsEarmarked() throws {
        try t.record(.appropriate(project: "JD01", amount: fen(1_000_000), econ: nil))
        try t.record(.appropriate(project: "JD01", amount: fen(200_000), econ: econ("30217")))
        let before = try t.snapshot()
        guard case .overdraft(let text)? = refusal({
            try t.record(.pay(project: "JD01", amount: fen(1_000_001), econ: econ("30201")))
        }) else { Issue.record("not refused"); return }
        #expect(text == "pay 10,000.01 exceeds available 10,000.00 of project JD01 in 2023 (2,000.00 more is earmarked for specific economic codes)")
        #expect(try t.snapshot() == before)
        try t.record(.pay(project: "JD01", amount: fen(1_000_000), econ: econ("30201")))
        // What is left belongs to 30217 alone.
        #expect(refusal { try t.record(.pay(project: "JD01", amount: fen(1), econ: econ("30201"))) } != nil)
        #expect(refusal { try t.record(.pay(project: "JD01", amount: fen(1), econ: econ("302"))) } != nil)
        try t.record(.pay(project: "JD01", amount: fen(200_000), econ: econ("30217")))
        #expect(try t.book.verify() == [])
    }

    @Test func allowOverdraftRecordsAndMarksTheEntry() throws {
        try t.record(.appropriate(project: "JD01", amount: fen(100_000), econ: nil))
        let entry = try t.record(.pay(project: "JD01", amount: fen(150_000), econ: econ("30201")), allowOverdraft: true)
        #expect(entry.overdraft)
        #expect(try t.book.journal(JournalFilter(entryID: entry.id)).first?.overdraft == true)
        #expect(try t.book.journal(JournalFilter(entryID: 1)).first?.overdraft == false)
        let line = try #require(try t.book.trialBalance(year: 2023).projects.first { $0.code == "JD01" })
        #expect(line.available == fen(-50_000))
        // Below zero, but on purpose: verify accepts it because the overrun is recorded.
        #expect(try t.book.verify() == [])
        // Without the flag nothing more can be spent.
        #expect(refusal { try t.record(.pay(project: "JD01", amount: fen(1), econ: econ("30201"))) } != nil)
        // A payment within what is available is not marked, flag or not.
        try t.record(.supplement(project: "JD01", amount: fen(100_000), econ: nil))
        #expect(try t.record(.pay(project: "JD01", amount: fen(1), econ: econ("30201")), allowOverdraft: true).overdraft == false)
    }

    @Test func aNegativeAvailableWithoutARecordedOverdraftIsAViolation() throws {
        try t.record(.appropriate(project: "JD01", amount: fen(100_000), econ: nil))
        let raw = try t.raw()
        try raw.execute("""
            INSERT INTO entry (date, year, kind) VALUES ('2023-04-01', 2023, 'pay');
            INSERT INTO posting (entry_id, account, project_id, econ, amount) VALUES (2, 'available', 1, '30201', 150000);
            INSERT INTO posting (entry_id, account, project_id, econ, amount) VALUES (2, 'paid', 1, '30201', -150000);
            """)
        #expect(try t.book.verify() == [Violation(check: "chain", detail: "entry 2 has no hash"),
                                        Violation(check: "negative available",
                                                  detail: "project JD01 in 2023 has -500.00 available, below zero, with no overdraft recorded")])
    }

    // MARK: Refusals write nothing

    @Test func refusesDuplicateReference() throws {
        try t.record(.appropriate(project: "JD01", amount: fen(100_000), econ: nil), ref: "BANK-001")
        let before = try t.snapshot()
        let error = refusal { try t.record(.supplement(project: "JD01", amount: fen(1), econ: nil), ref: "BANK-001") }
        guard case .duplicateRef("BANK-001")? = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(error?.description == "ref 'BANK-001': an entry with this external reference already exists")
        #expect(try t.snapshot() == before)
        try t.record(.supplement(project: "JD01", amount: fen(1), econ: nil), ref: "BANK-002")
    }

    @Test func refusesUnknownProjectsAndNonsense() throws {
        try t.record(.appropriate(project: "JD01", amount: fen(100_000), econ: nil))
        let before = try t.snapshot()
        guard case .unknownProject("NOPE")? = refusal({ try t.record(.pay(project: "NOPE", amount: fen(1), econ: econ("30201"))) }) else {
            Issue.record("unknown project not refused"); return
        }
        guard case .unknownProject("NOPE")? = refusal({ try t.record(.transfer(from: "JD01", to: "NOPE", amount: fen(1))) }) else {
            Issue.record("transfer to an unknown project not refused"); return
        }
        guard case .invalidValue(field: "amount", _, _)? = refusal({ try t.record(.pay(project: "JD01", amount: fen(0), econ: econ("30201"))) }) else {
            Issue.record("zero amount not refused"); return
        }
        guard case .invalidValue(field: "amount", _, _)? = refusal({ try t.record(.supplement(project: "JD01", amount: fen(-1), econ: nil)) }) else {
            Issue.record("negative amount not refused"); return
        }
        guard case .invalidValue(field: "to", _, _)? = refusal({ try t.record(.transfer(from: "JD01", to: "JD01", amount: fen(1))) }) else {
            Issue.record("transfer to itself not refused"); return
        }
        #expect(try t.snapshot() == before)
    }

    @Test func refusesDuplicateProjectCode() throws {
        let error = refusal { try t.book.addProject(Project(code: "JD01", name: "另一个", kind: .project, fund: .general)) }
        guard case .duplicateProject("JD01")? = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(try t.book.projects().map(\.code) == ["JD01", "ZX02"])
        #expect(try t.book.project(code: "JD01").name == "项目JD01")
    }

    @Test func refusesAClosedYearAndYearsNotInTheBook() throws {
        try t.record(.appropriate(project: "JD01", amount: fen(100_000), econ: nil))
        try t.raw().execute("INSERT INTO year_event (year, action, date) VALUES (2023, 'close', '2023-12-31'); UPDATE fiscal_year SET status = 'closed' WHERE year = 2023")
        let before = try t.snapshot()
        let error = refusal { try t.record(.pay(project: "JD01", amount: fen(1), econ: econ("30201")), on: "2023-06-30") }
        guard case .closedYear(year: 2023, what: "2023-06-30")? = error else { Issue.record("got \(String(describing: error))"); return }
        #expect(error?.description == "date '2023-06-30': year 2023 is closed")
        guard case .closedYear(year: 2023, _)? = refusal({ try t.book.reverse(entry: 1, reason: "x", date: day("2023-12-31")) }) else {
            Issue.record("reversal into a closed year not refused"); return
        }
        #expect(try t.snapshot() == before)

        // Two years ahead is not in the book; the next year is not open until opened on purpose.
        guard case .yearNotOpen(year: 2025, what: "2025-01-01", latest: 2023)? = refusal({
            try t.record(.appropriate(project: "JD01", amount: fen(1), econ: nil), on: "2025-01-01")
        }) else { Issue.record("2025 not refused"); return }
        guard case .yearNotOpen(year: 2022, what: "2022-12-31", _)? = refusal({
            try t.record(.appropriate(project: "JD01", amount: fen(1), econ: nil), on: "2022-12-31")
        }) else { Issue.record("2022 not refused"); return }
        guard case .yearNotOpen(year: 2024, _, latest: 2023)? = refusal({
            try t.record(.appropriate(project: "JD01", amount: fen(1), econ: nil), on: "2024-01-01")
        }) else { Issue.record("2024 opened without asking"); return }
        #expect(try t.book.years().map(\.year) == [2023])
        try t.book.openYear(2024, date: day("2023-12-01"))
        try t.record(.appropriate(project: "JD01", amount: fen(1), econ: nil), on: "2024-01-01")
        #expect(try t.book.years().map(\.year) == [2023, 2024])
        #expect(try t.book.years().map(\.closed) == [true, false])
    }

    // MARK: Reversal

    @Test func reversalExactlyNegatesAndHappensOnce() throws {
        try t.record(.appropriate(project: "JD01", amount: fen(100_000), econ: nil))
        try t.record(.appropriate(project: "JD01", amount: fen(20_000), econ: econ("30217")))
        let paid = try t.record(.pay(project: "JD01", amount: fen(12_345), econ: econ("30217")), on: "2023-03-15", ref: "R-9")
        let reversal = try t.book.reverse(entry: paid.id, reason: "金额录入错误", date: day("2023-03-16"))
        #expect(reversal.kind == .reversal)
        #expect(reversal.reverses == paid.id)
        #expect(reversal.memo == "金额录入错误")
        #expect(reversal.ref == nil)
        #expect(reversal.date == day("2023-03-16"))
        #expect(reversal.postings.map(describe) == ["available JD01 30217 -12345", "paid JD01 30217 12345"])
        #expect(try t.book.journal(JournalFilter(entryID: paid.id)).first?.reversedBy == reversal.id)
        // The project is back where it was before the payment.
        let f = try t.book.figures(project: t.book.project(code: "JD01"), year: 2023)
        #expect(f.paid == .zero && f.available == fen(120_000))
        #expect(try t.book.verify() == [])

        let before = try t.snapshot()
        let twice = refusal { try t.book.reverse(entry: paid.id, reason: "again", date: day("2023-03-17")) }
        guard case .alreadyReversed(entry: paid.id, by: reversal.id)? = twice else { Issue.record("got \(String(describing: twice))"); return }
        #expect(twice?.description == "entry '3': already reversed by entry 4")
        guard case .refused(let text)? = refusal({ try t.book.reverse(entry: reversal.id, reason: "undo the undo", date: day("2023-03-17")) }) else {
            Issue.record("reversing a reversal not refused"); return
        }
        #expect(text == "entry '4': is itself a reversal; record the original event again instead")
        guard case .unknownEntry(99)? = refusal({ try t.book.reverse(entry: 99, reason: "x", date: day("2023-03-17")) }) else {
            Issue.record("unknown entry not refused"); return
        }
        guard case .invalidValue(field: "reason", _, _)? = refusal({ try t.book.reverse(entry: 1, reason: "  ", date: day("2023-03-17")) }) else {
            Issue.record("empty reason not refused"); return
        }
        guard case .invalidValue(field: "date", value: "2024-01-05", _)? = refusal({ try t.book.reverse(entry: 1, reason: "x", date: day("2024-01-05")) }) else {
            Issue.record("reversal in another year not refused"); return
        }
        #expect(try t.snapshot() == before)
    }

    @Test func reversalIsUnderAvailabilityControl() throws {
        try t.record(.appropriate(project: "JD01", amount: fen(100_000), econ: nil))
        try t.record(.pay(project: "JD01", amount: fen(20_000), econ: econ("30201")))
        let before = try t.snapshot()
        // Undoing the appropriation would leave the 200.00 already paid without authority.
        guard case .overdraft(let text)? = refusal({ try t.book.reverse(entry: 1, reason: "批复撤销", date: day("2023-03-02")) }) else {
            Issue.record("not refused"); return
        }
        // The message names the entry, the amount and what is left (the verb's wording is free).
        #expect(text.contains("entry 1"), "\(text)")
        #expect(text.contains("1,000.00 exceeds available 800.00 of project JD01 in 2023"), "\(text)")
        #expect(try t.snapshot() == before)
        let forced = try t.book.reverse(entry: 1, reason: "批复撤销", date: day("2023-03-02"), allowOverdraft: true)
        #expect(forced.overdraft)
        #expect(try t.book.verify() == [])
    }
}
