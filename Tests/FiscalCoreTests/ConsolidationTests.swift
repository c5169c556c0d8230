import Foundation
import Testing

@testable import FiscalCore

/// 部门汇总 (issue 16): a department's consolidated book built from its units' books.
@Suite struct ConsolidationTests {
    /// 本级 passes 300,000.00 down to 一分局, which spends 120,000.00 of it; each also has
    /// money of its own.
    private func units() throws -> (benji: TempBook, fj: TempBook, dir: URL) {
        let benji = try TempBook(name: "本级", projects: [("RY01", .personnel), ("BZ01", .project)])
        try benji.record(.appropriate(project: "RY01", amount: fen(100_000_000), econ: nil), on: "2023-01-05")
        try benji.record(.appropriate(project: "BZ01", amount: fen(50_000_000), econ: nil), on: "2023-01-05")
        try benji.record(.pay(project: "RY01", amount: fen(8_000_000), econ: econ("30101")), on: "2023-01-20")
        var out = RecordOptions(date: day("2023-03-01"), doc: "补-01")
        out.counterpartUnit = "一分局"
        try benji.book.record(.pay(project: "BZ01", amount: fen(30_000_000), econ: econ("30299")), out)
        let fj = try TempBook(name: "一分局", projects: [("RY01", .personnel), ("XM01", .project)])
        try fj.record(.appropriate(project: "RY01", amount: fen(40_000_000), econ: nil), on: "2023-01-05")
        var receipt = RecordOptions(date: day("2023-03-05"), doc: "补-01")
        receipt.counterpartUnit = "本级"
        try fj.book.record(.supplement(project: "XM01", amount: fen(30_000_000), econ: nil), receipt)
        try fj.record(.pay(project: "XM01", amount: fen(12_000_000), econ: econ("30201")), on: "2023-03-20")
        return (benji, fj, benji.directory)
    }

    private func consolidate(_ u: (benji: TempBook, fj: TempBook, dir: URL), into name: String = "dept.db")
        throws -> (ConsolidationResult, String) {
        let target = u.dir.appendingPathComponent(name).path
        let result = try Book.consolidate(ConsolidationSpec(
            target: target, name: "市公安局（汇总）", year: 2023,
            sources: [ConsolidationSource(name: "本级", path: u.benji.path), ConsolidationSource(name: "一分局", path: u.fj.path)],
            today: day("2023-12-31")))
        return (result, target)
    }

    @Test func theConsolidatedBookIsTheSumOfItsUnitsLessTheTransfer() throws {
        let u = try units()
        let (result, target) = try consolidate(u)
        #expect(result.units.map(\.name) == ["本级", "一分局"])
        #expect(result.matched.count == 1 && result.unmatched.isEmpty)
        let dept = try Book.open(at: target, access: .read)
        #expect(try dept.verify() == [])
        let report = try dept.settlementReport(SettlementSpec(year: 2023))
        // Budgets 1,500,000 + 400,000 + 300,000 received, less the 300,000 passed down once.
        #expect(report.total.figures.budget == fen(190_000_000))
        // Paid: 80,000 + 120,000 out of the department; the 300,000 passed down is not.
        #expect(report.total.figures.paid == fen(20_000_000))
        let bz = report.rows.first { $0.project?.code == "本级/BZ01" }!
        #expect(bz.figures.transfers == fen(-30_000_000) && bz.figures.paid.isZero && bz.figures.available == fen(20_000_000))
        let xm = report.rows.first { $0.project?.code == "一分局/XM01" }!
        #expect(xm.figures.additions.isZero && xm.figures.transfers == fen(30_000_000) && xm.figures.available == fen(18_000_000))
        #expect(report.eliminations.count == 4)
        let byUnit = try dept.settlementReport(SettlementSpec(year: 2023, byUnit: true))
        #expect(byUnit.rows.map { "\($0.unit ?? "?") \($0.figures.budget.fen) \($0.figures.paid.fen)" }
            == ["一分局 70000000 12000000", "本级 120000000 8000000"])
    }

    /// The year is closed in the consolidated book when, and only when, every unit closed it;
    /// its carried-forward money is the units' own, less nothing (eliminations move no
    /// available), and nothing is left available.
    @Test func theYearClosesWhenEveryUnitClosedIt() throws {
        let u = try units()
        _ = try u.benji.book.close(year: 2023, today: day("2024-01-10"))
        let (open, _) = try consolidate(u)
        #expect(!open.closed)
        _ = try u.fj.book.close(year: 2023, today: day("2024-01-10"))
        let (closed, target) = try consolidate(u)
        #expect(closed.closed)
        let dept = try Book.open(at: target, access: .read)
        #expect(try dept.verify() == [])
        #expect(try dept.years().map(\.closed) == [true])
        let report = try dept.settlementReport(SettlementSpec(year: 2023))
        #expect(report.closed && report.total.figures.available.isZero)
        // 1,500,000 + 400,000 of budget, 200,000 paid out of the department: 1,700,000 left.
        #expect(report.total.figures.carriedForward + report.total.figures.surplus == fen(170_000_000))
    }

    /// The report by unit on a consolidated book reads its totals per unit (unit_total), and
    /// gives, month by month, exactly what classifying every project's totals by unit gives.
    @Test(arguments: [1, 3, 12]) func theReportByUnitReadsTheTotalsPerUnitAndAgreesWithTheProjects(month: Int) throws {
        let u = try units()
        let (_, target) = try consolidate(u)
        let dept = try Book.open(at: target, access: .read)
        var spec = ProgressSpec(month: YearMonth(year: 2023, month: month)!)
        spec.grouping = .unit
        let byUnit = try dept.snapshot(year: 2023, throughMonth: month, detail: .units)
        #expect(byUnit.unitTotals != nil && byUnit.totals.isEmpty)
        let fromUnits = try dept.progressReport(spec)
        let fromProjects = ProgressReport(spec: spec, snapshot: try dept.snapshot(year: 2023, throughMonth: month))
        func lines(_ r: ProgressReport) -> [String] {
            r.groups.flatMap { g in [g.subtotal] + g.rows }.map { l in
                "\(l.key) \(l.figures.totalBudget.fen) \(l.figures.transfers.fen) \(l.figures.paid.fen) \(l.figures.paidInMonth.fen) \(l.figures.available.fen)"
            } + ["total \(r.total.figures.totalBudget.fen) \(r.total.figures.paid.fen)"]
        }
        #expect(lines(fromUnits) == lines(fromProjects))
        // 一分局's project money arrives in March.
        #expect(fromUnits.rows.map(\.key) == (month < 3 ? ["一分局", "本级", "本级"] : ["一分局", "本级", "一分局", "本级"]))
    }

    /// A unit with no transfer to eliminate has, in the consolidated report by unit, exactly
    /// the figures of its own book's report by kind.
    @Test func aUnitsRowsByUnitAreItsOwnReport() throws {
        let u = try units()
        let target = u.dir.appendingPathComponent("benji-only.db").path
        _ = try Book.consolidate(ConsolidationSpec(target: target, name: "本级（汇总）", year: 2023,
                                                   sources: [ConsolidationSource(name: "本级", path: u.benji.path)],
                                                   today: day("2023-12-31")))
        var spec = ProgressSpec(month: YearMonth(year: 2023, month: 12)!)
        spec.grouping = .unit
        let dept = try Book.open(at: target, access: .read).progressReport(spec)
        spec.grouping = .kind
        let own = try u.benji.book.progressReport(spec)
        func figures(_ l: ProgressLine) -> [Int64] {
            [l.figures.totalBudget.fen, l.figures.paid.fen, l.figures.paidInMonth.fen, l.figures.available.fen]
        }
        #expect(dept.groups.map { figures($0.subtotal) } == own.groups.map { figures($0.subtotal) })
        #expect(figures(dept.total) == figures(own.total))
    }

    /// A book consolidated before schema v6 keeps no totals per unit: its report by unit reads
    /// every project's totals, with the same figures, and `verify` has nothing to compare.
    @Test func aBookWithoutTotalsPerUnitReportsFromItsProjects() throws {
        let u = try units()
        let (_, target) = try consolidate(u)
        var spec = ProgressSpec(month: YearMonth(year: 2023, month: 12)!)
        spec.grouping = .unit
        let kept = try Book.open(at: target, access: .read).progressReport(spec)
        try Database(path: target, create: false).execute("DELETE FROM unit_total")
        let dept = try Book.open(at: target, access: .read)
        #expect(try dept.snapshot(year: 2023, detail: .units).unitTotals == nil)
        let fromProjects = try dept.progressReport(spec)
        #expect(fromProjects.rows.map { "\($0.key) \($0.figures.totalBudget.fen) \($0.figures.paid.fen)" }
            == kept.rows.map { "\($0.key) \($0.figures.totalBudget.fen) \($0.figures.paid.fen)" })
        #expect(try dept.verify() == [])
    }

    /// The totals per unit are proved by `verify` against the maintained totals: one changed
    /// behind fiscal's back is named, and so is one in a book that is not consolidated.
    @Test func aChangedTotalPerUnitIsNamed() throws {
        let u = try units()
        let (_, target) = try consolidate(u)
        try Database(path: target, create: false).execute(
            "UPDATE unit_total SET amount = amount + 1 WHERE unit = '本级' AND account = 'paid' AND month = 1")
        let found = try Book.open(at: target, access: .read).verify()
        #expect(found.map(\.check) == ["unit totals ≠ totals"])
        #expect(found.first?.detail.contains("unit 本级 personnel paid month 1") == true)
        try u.fj.raw().execute("INSERT INTO unit_total VALUES (2023, '一分局', 'project', 'paid', 3, -5)")
        #expect(try u.fj.book.verify().map(\.check) == ["unit totals ≠ totals"])
    }

    @Test func aConsolidatedBookTakesNoRecording() throws {
        let u = try units()
        let (_, target) = try consolidate(u)
        #expect(refusal { try Book.open(at: target, access: .write) }?.description.contains("is a consolidated book") == true)
        #expect(try Book.open(at: target, access: .read).isConsolidated())
    }

    @Test func eachUnitIsTakenAtItsSealAndTheSealIsChained() throws {
        let u = try units()
        let (result, target) = try consolidate(u)
        #expect(result.units[0].seal == (try u.benji.book.seal(asOf: day("2023-12-31"))))
        let dept = try Book.open(at: target, access: .read)
        #expect(try dept.verifyUnits().map(\.state) == [.unchanged, .unchanged])
        // The recorded seal changed behind fiscal's back no longer matches its chained entries.
        try Database(path: target, create: false).execute("UPDATE consolidated_unit SET entries = 1 WHERE name = '本级'")
        let states = try Book.open(at: target, access: .read).verifyUnits().map(\.state)
        guard case let .changed(reasons) = states[0] else { Issue.record("not named: \(states)"); return }
        #expect(reasons.contains { $0.contains("consolidated book was altered") })
    }

    @Test func aUnitChangedAfterConsolidationIsNamed() throws {
        let u = try units()
        let (_, target) = try consolidate(u)
        try u.fj.record(.pay(project: "RY01", amount: fen(1_000_000), econ: econ("30101")), on: "2023-05-01")
        let found = try Book.open(at: target, access: .read).verifyUnits()
        #expect(found[0].state == .unchanged)
        guard case let .changed(reasons) = found[1].state else { Issue.record("一分局 not named"); return }
        #expect(found[1].unit.name == "一分局" && found[1].entriesSince == 1)
        #expect(reasons.contains { $0.contains("totals of 2023 differ") })
    }

    /// What the consolidated book holds of a unit is compared with the unit's own totals:
    /// a consolidated figure changed behind fiscal's back (posting and total alike) is named
    /// against the unit it belongs to, and the other unit still checks out.
    @Test func aChangedConsolidatedFigureIsNamedAgainstItsUnit() throws {
        let u = try units()
        let (_, target) = try consolidate(u)
        try Database(path: target, create: false).execute("""
            DROP TRIGGER posting_no_update;
            UPDATE posting SET amount = amount + 100 WHERE account = 'paid' AND project_id = (SELECT id FROM project WHERE code = '一分局/XM01');
            UPDATE posting SET amount = amount - 100 WHERE account = 'available' AND project_id = (SELECT id FROM project WHERE code = '一分局/XM01')
              AND entry_id IN (SELECT id FROM entry WHERE kind = 'consolidate');
            UPDATE monthly_total SET amount = amount + 100 WHERE account = 'paid' AND project_id = (SELECT id FROM project WHERE code = '一分局/XM01');
            UPDATE monthly_total SET amount = amount - 100 WHERE account = 'available' AND month = 3
              AND project_id = (SELECT id FROM project WHERE code = '一分局/XM01') AND econ = '30201';
            """)
        let found = try Book.open(at: target, access: .read).verifyUnits()
        #expect(found[0].state == .unchanged)
        guard case let .changed(reasons) = found[1].state else { Issue.record("一分局 not named: \(found[1].state)"); return }
        #expect(reasons.contains { $0.contains("totals of 2023 differ") && $0.contains("一分局/XM01") })
    }

    @Test func aRewrittenUnitNoLongerExtendsItsSeal() throws {
        let u = try units()
        let (_, target) = try consolidate(u)
        try u.benji.raw().execute("DROP TRIGGER entry_no_update; UPDATE entry SET memo = '改' WHERE id = 2")
        let found = try Book.open(at: target, access: .read).verifyUnits()
        guard case let .changed(reasons) = found[0].state else { Issue.record("本级 not named"); return }
        #expect(reasons.contains { $0.contains("no longer extends its seal") })
    }

    @Test func aRebuildReplacesTheBookWholeAndAFailureLeavesItAsItWas() throws {
        let u = try units()
        let (_, target) = try consolidate(u)
        try u.fj.record(.pay(project: "RY01", amount: fen(1_000_000), econ: econ("30101")), on: "2023-05-01")
        let (again, _) = try consolidate(u)
        #expect(again.rebuilt)
        #expect(try Book.open(at: target, access: .read).verifyUnits().map(\.state) == [.unchanged, .unchanged])
        let before = try Data(contentsOf: URL(fileURLWithPath: target))
        let missing = refusal {
            try Book.consolidate(ConsolidationSpec(target: target, name: "x", year: 2023,
                                                   sources: [ConsolidationSource(name: "本级", path: u.benji.path),
                                                             ConsolidationSource(name: "二分局", path: "/nonexistent/fj2.db")],
                                                   today: day("2023-12-31")))
        }
        #expect(missing != nil)
        #expect(try Data(contentsOf: URL(fileURLWithPath: target)) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: u.dir.path).filter { $0.contains("consolidating") }
        #expect(leftovers.isEmpty)
    }

    @Test func anOrdinaryBookIsNeverOverwritten() throws {
        let u = try units()
        let error = refusal {
            try Book.consolidate(ConsolidationSpec(target: u.fj.path, name: "x", year: 2023,
                                                   sources: [ConsolidationSource(name: "本级", path: u.benji.path)],
                                                   today: day("2023-12-31")))
        }
        #expect(error?.description.contains("not a consolidated one") == true)
        #expect(try u.fj.book.verify() == [])
    }

    @Test func theCounterpartUnitEntersTheHashOnlyWhenSet() throws {
        let u = try units()
        #expect(try u.benji.book.verify() == [])
        // Changing the counterpart behind fiscal's back breaks the entry's hash.
        try u.benji.raw().execute("DROP TRIGGER entry_no_update; UPDATE entry SET counterpart_unit = '二分局' WHERE id = 4")
        #expect(try u.benji.book.verify().contains { $0.detail == "entry 4 does not match its hash: it or the row before it was changed after it was written" })
        // An entry without it hashes exactly as version 1 of the encoding says.
        let plain = ChainRecord.entry(id: 1, date: "2023-01-05", year: 2023, kind: "appropriate", doc: nil, memo: nil, ref: nil,
                                      reverses: nil, overdraft: false, postings: 0)
        var trailed = plain
        trailed.entryTrailer(counterpartUnit: String?.none)
        #expect(trailed.bytes == plain.bytes)
    }

    /// Contracts (issue 14) are copied as rows, their numbers qualified by unit, and a tagged
    /// posting's money keeps its contract in the consolidate entry.
    @Test func contractsAndContractTagsAreCarried() throws {
        let u = try units()
        try u.benji.raw().execute("""
            INSERT INTO contract (id, number, project_id, supplier, econ, signed) VALUES (1, 'HT-1', 2, '某公司', '30299', '2023-02-01');
            DROP TRIGGER posting_no_update; UPDATE posting SET contract_id = 1 WHERE entry_id = 4
            """)
        let (_, target) = try consolidate(u)
        let db = try Database.reader(path: target)
        let rows = try db.prepare("""
            SELECT c.number, pr.code, p.account, sum(p.amount) AS amount FROM posting p
            JOIN contract c ON c.id = p.contract_id JOIN project pr ON pr.id = c.project_id
            JOIN entry e ON e.id = p.entry_id WHERE e.kind = 'consolidate' GROUP BY 1, 2, 3 ORDER BY 3
            """).rows { "\(try $0.text("number")) \(try $0.text("code")) \(try $0.text("account")) \(try $0.int("amount"))" }
        #expect(rows == ["本级/HT-1 本级/BZ01 available 30000000", "本级/HT-1 本级/BZ01 paid -30000000"])
        #expect(try Book.open(at: target, access: .read).verify() == [])
    }

    /// scripts/chain-check recomputes the optional counterpart_unit field as fiscal writes it,
    /// in a unit book and in a consolidated book (whose consolidate entries carry their unit).
    @Test func theAuditorsScriptAgreesOnUnitsAndTheConsolidatedBook() throws {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts/chain-check").path
        let u = try units()
        let (_, target) = try consolidate(u)
        for (path, head) in [(u.benji.path, try u.benji.book.seal(asOf: day("2023-12-31")).hex),
                             (target, try Book.open(at: target, access: .read).seal(asOf: day("2023-12-31")).hex)] {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = ["python3", script, path]
            let out = Pipe()
            p.standardOutput = out
            try p.run()
            p.waitUntilExit()
            #expect(String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                == "ok: every chain matches; head \(head)\n")
        }
    }

    @Test func onlyAPaymentOrAReceiptNamesAnotherUnit() throws {
        let t = try TempBook()
        var options = RecordOptions(date: day("2023-02-01"))
        options.counterpartUnit = "一分局"
        let error = refusal { try t.book.record(.reduce(project: "JD01", amount: fen(100), econ: nil), options) }
        #expect(error?.description.hasPrefix("counterpart unit '一分局'") == true)
    }
}

/// Matching the two sides of transfers between units.
@Suite struct TransferMatchingTests {
    private func t(_ unit: String, _ other: String, _ side: UnitTransferSide, _ id: Int64, _ date: String, _ amount: Int64,
                   doc: String? = nil) -> UnitTransfer {
        UnitTransfer(unit: unit, counterpart: other, side: side, entryID: id, date: day(date), amount: fen(amount), doc: doc,
                     projectCode: "P", account: side == .payer ? .paid : .addition)
    }

    @Test func aPaymentMatchesTheReceiptOfTheSameAmountBetweenTheSameUnits() {
        let (matched, unmatched) = TransferMatching.match([
            t("A", "B", .payer, 1, "2023-03-01", 500), t("B", "A", .receiver, 7, "2023-03-04", 500),
            t("A", "C", .payer, 2, "2023-03-02", 500),
        ], units: ["A", "B", "C"])
        #expect(matched.map { [$0.payer.entryID, $0.receiver.entryID] } == [[1, 7]])
        #expect(unmatched.map(\.transfer.entryID) == [2])
        #expect(unmatched[0].reason == "C records no receipt of this amount from A")
    }

    @Test func theSameDocumentIsPreferredThenTheEarliest() {
        let (matched, _) = TransferMatching.match([
            t("A", "B", .payer, 1, "2023-03-01", 500, doc: "补-2"),
            t("B", "A", .receiver, 7, "2023-03-04", 500, doc: "补-1"), t("B", "A", .receiver, 8, "2023-03-05", 500, doc: "补-2"),
            t("A", "B", .payer, 2, "2023-03-09", 500),
        ], units: ["A", "B"])
        #expect(matched.map { [$0.payer.entryID, $0.receiver.entryID] } == [[1, 8], [2, 7]])
    }

    @Test func aSideWhoseOtherUnitIsNotConsolidatedIsUnmatched() {
        let (matched, unmatched) = TransferMatching.match([
            t("B", "Z", .receiver, 3, "2023-03-01", 500), t("A", "B", .payer, 1, "2023-03-01", 400),
        ], units: ["A", "B"])
        #expect(matched.isEmpty)
        #expect(unmatched.map(\.reason).sorted() == ["B records no receipt of this amount from A", "unit Z is not in this consolidation"])
    }
}
