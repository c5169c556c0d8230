import Foundation
import Testing

@testable import FiscalCore

/// Commitments (issue 14): contracts take authority before cash moves, through the one
/// posting engine, and carry across the year end.
@Suite struct CommitmentTests {
    private func book() throws -> TempBook {
        let t = try TempBook()
        try t.record(.appropriate(project: "JD01", amount: fen(100_000), econ: nil), on: "2023-01-05")
        try t.record(.appropriate(project: "ZX02", amount: fen(50_000), econ: nil), on: "2023-01-05")
        return t
    }

    @discardableResult
    private func commit(_ t: TempBook, _ amount: Int64, contract: String = "HT-1", project: String = "JD01",
                        econ code: String = "31002", on date: String = "2023-03-01",
                        terms: ContractTerms = ContractTerms(supplier: "甲公司", procurement: .goods, sme: true),
                        allowOverdraft: Bool = false) throws(FiscalError) -> JournalEntry {
        try t.book.record(.commit(project: project, amount: fen(amount), econ: econ(code)),
                          RecordOptions(date: day(date), allowOverdraft: allowOverdraft, contract: contract, terms: terms))
    }

    @discardableResult
    private func pay(_ t: TempBook, _ amount: Int64, contract: String? = "HT-1", project: String = "JD01",
                     econ code: String = "31002", on date: String = "2023-06-01") throws(FiscalError) -> JournalEntry {
        try t.book.record(.pay(project: project, amount: fen(amount), econ: econ(code)),
                          RecordOptions(date: day(date), contract: contract))
    }

    private func balance(_ t: TempBook, _ number: String = "HT-1") throws -> ContractBalance {
        try #require(try t.book.contractBalances().first { $0.contract.number == number })
    }

    @Test func aCommitTakesAvailableAndPaymentsLiquidateIt() throws {
        let t = try book()
        let entry = try commit(t, 60_000)
        #expect(entry.postings.map(describe) == ["available JD01 31002 60000", "committed JD01 31002 -60000"])
        #expect(entry.postings.allSatisfy { $0.contract == "HT-1" })
        var f = try t.book.figures(project: try t.book.project(code: "JD01"), year: 2023)
        #expect(f.available == fen(40_000) && f.committed == fen(60_000))
        let paid = try pay(t, 25_000)
        #expect(paid.postings.map(describe) == ["committed JD01 31002 25000", "paid JD01 31002 -25000"])
        f = try t.book.figures(project: try t.book.project(code: "JD01"), year: 2023)
        #expect(f.available == fen(40_000) && f.committed == fen(35_000) && f.paid == fen(25_000))
        let b = try balance(t)
        #expect((b.committed, b.paid, b.released, b.open) == (fen(60_000), fen(25_000), .zero, fen(35_000)))
        #expect(b.contract.supplier == "甲公司" && b.contract.procurement == .goods && b.contract.sme)
        #expect(b.contract.signed == day("2023-03-01"))
        #expect(try t.book.verify().isEmpty)
    }

    @Test func aCommitMeetsAvailabilityControlLikeAPayment() throws {
        let t = try book()
        let before = try t.snapshot()
        let error = refusal { try commit(t, 100_001) }
        #expect(error?.isOverdraft == true)
        #expect(try t.snapshot() == before)
        #expect(try t.book.contractBalances().isEmpty)  // the refused commit created no contract
    }

    @Test func paymentsBeyondTheOpenBalanceOrOnAnotherProjectAreRefused() throws {
        let t = try book()
        try commit(t, 30_000)
        let before = try t.snapshot()
        #expect(refusal { try pay(t, 30_001) }?.description == "pay 300.01 exceeds the open balance 300.00 of contract HT-1 in 2023")
        #expect(refusal { try pay(t, 1, project: "ZX02") }?.description == "contract 'HT-1': belongs to project JD01, not ZX02")
        #expect(refusal { try pay(t, 1, contract: "HT-9") }?.description == "contract 'HT-9': no such contract")
        #expect(refusal { try pay(t, 1, econ: "30201") }?.description.hasPrefix("econ '30201': contract HT-1 is on 31002") == true)
        // A later commit on the same number adds to it, on its project only.
        #expect(refusal { try commit(t, 1, project: "ZX02") }?.description == "contract 'HT-1': belongs to project JD01, not ZX02")
        #expect(try t.snapshot() == before)
        try commit(t, 5_000, terms: ContractTerms())
        #expect(try balance(t).committed == fen(35_000))
    }

    @Test func releaseGivesTheOpenBalanceBack() throws {
        let t = try book()
        try commit(t, 30_000)
        try pay(t, 10_000)
        let part = try t.book.release(contract: "HT-1", amount: fen(5_000), RecordOptions(date: day("2023-07-01"), memo: "节余"))
        #expect(part.postings.map(describe) == ["committed JD01 31002 5000", "available JD01 31002 -5000"])
        #expect(refusal { try t.book.release(contract: "HT-1", amount: fen(15_001), RecordOptions(date: day("2023-07-02"))) } != nil)
        try t.book.release(contract: "HT-1", amount: nil, RecordOptions(date: day("2023-07-03")))
        let b = try balance(t)
        #expect((b.released, b.open) == (fen(20_000), .zero))
        #expect(refusal { try t.book.release(contract: "HT-1", amount: nil, RecordOptions(date: day("2023-07-04"))) }?.description
                == "contract HT-1 has nothing open in 2023 to release")
        #expect(try t.book.figures(project: try t.book.project(code: "JD01"), year: 2023).available == fen(90_000))
    }

    @Test func reversalsUndoCommitmentsButNeverPastWhatIsPaid() throws {
        let t = try book()
        let c = try commit(t, 30_000)
        let p = try pay(t, 10_000)
        // Reversing the commit would leave the contract paid beyond what was committed.
        #expect(refusal { try t.book.reverse(entry: c.id, reason: "错录", date: day("2023-08-01")) } != nil)
        let undone = try t.book.reverse(entry: p.id, reason: "退票", date: day("2023-08-01"))
        #expect(undone.postings.allSatisfy { $0.contract == "HT-1" })
        #expect(try balance(t).paid == .zero && balance(t).open == fen(30_000))
        try t.book.reverse(entry: c.id, reason: "错录", date: day("2023-08-02"))
        #expect(try balance(t).committed == .zero)
        #expect(try t.book.verify().isEmpty)
    }

    @Test func closeCarriesOpenCommitmentsWhateverTheStatusAndReopenUndoesIt() throws {
        let t = try book()
        try commit(t, 30_000)
        try pay(t, 10_000)
        _ = try t.book.setStatus(code: "JD01", to: .completed, date: day("2023-12-01"), reason: nil)
        let plan = try t.book.planClose(year: 2023)
        let line = try #require(plan.lines.first { $0.project.code == "JD01" })
        #expect(line.commitments.map { "\($0.contract.number) \($0.amount.fen)" } == ["HT-1 20000"])
        #expect(line.surplus == fen(70_000))  // the free balance of a completed project
        #expect(line.carriedForward == fen(20_000))  // the contract's 尾款, carried all the same
        let before = try t.book.settlementReport(SettlementSpec(year: 2023))
        let open = try #require(before.rows.first { $0.project?.code == "JD01" })
        #expect(open.identityHolds && open.yearEnd == fen(90_000))
        try t.book.close(year: 2023, today: day("2024-01-10"))
        let settled = try t.book.settlementReport(SettlementSpec(year: 2023))
        let row = try #require(settled.rows.first { $0.project?.code == "JD01" })
        #expect((row.contractCarried, row.otherCarried, row.figures.surplus) == (fen(20_000), .zero, fen(70_000)))
        #expect(row.identityHolds)
        // 2024: the commitment is back (beside the surplus's carry-in, to be recalled), and pays out.
        var f = try t.book.figures(project: try t.book.project(code: "JD01"), year: 2024)
        #expect((f.carryIn, f.committed, f.available) == (fen(90_000), fen(20_000), fen(70_000)))
        try pay(t, 20_000, on: "2024-02-01")
        f = try t.book.figures(project: try t.book.project(code: "JD01"), year: 2024)
        #expect(f.committed == .zero && f.paid == fen(20_000))
        #expect(try t.book.verify().isEmpty)
        // A reopen would take back a commitment 2024 has paid: refused, nothing written.
        #expect(refusal { try t.book.reopen(year: 2023, reason: "补记", today: day("2024-02-02")) } != nil)
        #expect(try balance(t).open == .zero && balance(t).paid == fen(30_000))
    }

    @Test func theProcurementReportSumsByTypeAndSME() throws {
        let t = try book()
        try commit(t, 30_000)
        try commit(t, 10_000, contract: "HT-2", terms: ContractTerms(procurement: .services))
        try commit(t, 5_000, contract: "HT-3", terms: ContractTerms())  // not procurement
        try pay(t, 12_000, contract: "HT-1")
        let r = try t.book.procurementReport(ProcurementSpec(year: 2023))
        let goods = try #require(r.rows.first { $0.type == .goods })
        let services = try #require(r.rows.first { $0.type == .services })
        #expect((goods.contracted, goods.paid, goods.sme) == (fen(30_000), fen(12_000), fen(30_000)))
        #expect((services.contracted, services.sme) == (fen(10_000), .zero))
        #expect((r.total.contracted, r.total.sme) == (fen(40_000), fen(30_000)))
        #expect(r.total.smeShare?.percentHundredths == 7_500)
        #expect(r.rows.first { $0.type == .works }!.smeShare == nil)
    }

    @Test func committedMoneyIsNotLagging() throws {
        let t = try book()
        try commit(t, 90_000, on: "2023-02-01")
        let report = try t.book.progressReport(ProgressSpec(month: YearMonth(year: 2023, month: 6)!))
        let jd = try #require(report.rows.first { $0.key == "JD01" })
        let zx = try #require(report.rows.first { $0.key == "ZX02" })
        #expect(jd.executionRate?.percentHundredths == 0 && jd.commitmentRate?.percentHundredths == 9_000)
        #expect(!jd.lagging)
        #expect(zx.lagging)  // nothing paid, nothing committed
        #expect(jd.figures.available == fen(10_000))
    }

    @Test func anImportPostsCommitmentsPaymentsAndReleasesAsTheCommandsDo() throws {
        let t = try book()
        let csv = """
            date,kind,project,amount,econ,contract,supplier,procurement,sme
            2023-03-01,commit,JD01,300,31002,HT-1,甲公司,goods,yes
            2023-04-01,pay,JD01,100,31002,HT-1,,,
            2023-05-01,release,JD01,50,,HT-1,,,
            2023-05-02,pay,ZX02,10,30201,,,,
            """
        let result = try t.importCSV(csv)
        #expect(result.isAccepted, "\(result.problems)")
        let b = try balance(t)
        #expect((b.committed, b.paid, b.released, b.open) == (fen(30_000), fen(10_000), fen(5_000), fen(15_000)))
        #expect(b.contract.procurement == .goods && b.contract.sme && b.contract.supplier == "甲公司")
        #expect(try t.book.verify().isEmpty)
        // Bad rows: nothing written.
        let before = try t.snapshot()
        let bad = try t.importCSV("""
            date,kind,project,amount,econ,contract
            2023-06-01,pay,JD01,200,31002,HT-1
            2023-06-02,pay,ZX02,1,31002,HT-1
            2023-06-03,pay,JD01,1,31002,HT-404
            2023-06-04,commit,JD01,1,31002,
            2023-06-05,commit,JD01,1,310,HT-5
            """)
        let problems = bad.problems.map(\.description)
        for expected in ["line 2: pay 200.00 exceeds the open balance 150.00 of contract HT-1 in 2023",
                         "line 3: contract 'HT-1': belongs to project JD01, not ZX02",
                         "line 4: contract 'HT-404': no such contract",
                         "line 5: contract: required for a commit"] {
            #expect(problems.contains(expected), "\(problems)")
        }
        #expect(problems.contains { $0.hasPrefix("line 6: ") && $0.contains("310") }, "\(problems)")
        #expect(bad.badRows == 5)
        #expect(try t.snapshot() == before)
        #expect(try t.book.contractBalances().count == 1)
    }

    @Test func contractsAreInTheChainAndVerifyNamesWhatWasChanged() throws {
        let t = try book()
        try commit(t, 30_000)
        try pay(t, 10_000)
        #expect(try t.book.verify().isEmpty)
        // The contract row: its own chain.
        try t.raw().execute("DROP TRIGGER contract_no_update; UPDATE contract SET sme = 0 WHERE id = 1")
        #expect(try t.book.verify().map(\.description).contains(
            "chain: contract 1 does not match its hash: it or the row before it was changed after it was written"))
        // A posting moved to another contract: its entry no longer matches, and the contract is overpaid.
        try t.raw().execute("""
            INSERT INTO contract (id, number, project_id, econ, signed) VALUES (2, 'HT-X', 1, '31002', '2023-03-01');
            DROP TRIGGER posting_no_update; UPDATE posting SET contract_id = 2 WHERE entry_id = 4
            """)
        let found = try t.book.verify().map(\.description)
        #expect(found.contains("chain: entry 4 does not match its hash: it or the row before it was changed after it was written"), "\(found)")
        #expect(found.contains("contract overpaid: contract HT-X in 2023: committed − paid − released = -100.00, below zero"), "\(found)")
    }

    @Test func aFileNotInDateOrderMayNameAContractBeforeTheCommitThatCreatesIt() throws {
        let t = try book()
        let result = try t.importCSV("""
            date,kind,project,amount,econ,contract,procurement
            2023-05-01,pay,JD01,100,31002,HT-7,
            2023-05-02,release,JD01,50,,HT-7,
            2023-04-01,commit,JD01,300,31002,HT-7,works
            2023-05-03,pay,JD01,1,31002,HT-8,
            """)
        #expect(result.problems.map(\.description) == ["line 5: contract 'HT-8': no such contract"])
        #expect(try t.book.contractBalances().isEmpty)  // refused whole: not even HT-7
        let good = try t.importCSV("""
            date,kind,project,amount,econ,contract,procurement
            2023-05-01,pay,JD01,100,31002,HT-7,
            2023-05-02,release,JD01,50,,HT-7,
            2023-04-01,commit,JD01,300,31002,HT-7,works
            """)
        #expect(good.isAccepted, "\(good.problems)")
        let b = try balance(t, "HT-7")
        #expect((b.committed, b.paid, b.released, b.contract.procurement) == (fen(30_000), fen(10_000), fen(5_000), .works))
        #expect(try t.book.verify().isEmpty)
    }

    @Test func aWorkbookCarriesCommitmentsAsACSVDoes() throws {
        let t = try TempBook(projects: [("JD01", .project)])
        try t.record(.appropriate(project: "JD01", amount: fen(50_000_000), econ: nil), on: "2023-01-05")
        let result = try t.book.importEvents(fromFile: XLSXImportTests.fixtures.appendingPathComponent("contracts.xlsx").path)
        #expect(result.isAccepted && result.posted == 3, "\(result.problems)")
        let b = try balance(t, "HT-2023-001")
        #expect((b.committed, b.paid, b.released, b.open) == (fen(30_000_000), fen(12_000_000), fen(1_000_000), fen(17_000_000)))
        #expect(b.contract.supplier == "某设备公司" && b.contract.procurement == .goods && b.contract.sme)
        #expect(try t.book.verify().isEmpty)
    }
}
