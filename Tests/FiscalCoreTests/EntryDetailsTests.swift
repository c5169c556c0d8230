import Foundation
import Testing

@testable import FiscalCore

/// 收款人 and 支付方式 on entries, and saved column mappings (issue 15).
struct EntryDetailsTests {
    private func pay(_ t: TempBook, payee: String?, method: String?, on date: String = "2023-03-01") throws -> JournalEntry {
        var options = RecordOptions(date: day(date))
        options.payee = payee
        options.paymentMethod = method
        return try t.book.record(.pay(project: "JD01", amount: Money(fen: 12_345), econ: EconomicCode("30201")!), options)
    }

    private func funded() throws -> TempBook {
        let t = try TempBook()
        try t.record(.appropriate(project: "JD01", amount: Money(fen: 100_000_000), econ: nil), on: "2023-01-10")
        return t
    }

    private func storedHash(_ t: TempBook, _ id: Int64) throws -> [UInt8]? {
        try t.raw().prepare("SELECT hash FROM entry WHERE id = ?").first([id]) { try $0.optionalBlob("hash") } ?? nil
    }

    @Test func anEntryWithoutDetailsHashesAsBeforeThem() throws {
        let t = try funded()
        let plain = try pay(t, payee: nil, method: nil)
        let store = SQLiteStore(db: try t.raw())
        // The version-1 record of an entry as it was before schema 5: no trailing fields.
        let previous = try storedHash(t, plain.id - 1)!
        var record = ChainRecord.entry(id: plain.id, date: "2023-03-01", year: 2023, kind: "pay", doc: nil, memo: nil, ref: nil,
                                       reverses: nil, overdraft: false, postings: 2)
        for p in try store.postings(entryID: plain.id) {
            record.posting(account: p.account.rawValue, project: try store.projectHash(id: p.projectID), econ: p.econ?.code, amount: p.amount.fen)
        }
        #expect(record.hash(after: previous) == (try storedHash(t, plain.id)))
        // With a payee the same entry hashes differently, and verify recomputes it.
        let detailed = try pay(t, payee: "衡阳市文具公司", method: "国库集中支付", on: "2023-03-02")
        #expect(detailed.payee == "衡阳市文具公司" && detailed.paymentMethod == "国库集中支付")
        #expect(try t.book.verify().isEmpty)
    }

    @Test func theAuditorsScriptHashesDetailsTheSameWay() throws {
        let t = try funded()
        _ = try pay(t, payee: "衡阳市文具公司", method: nil)
        _ = try pay(t, payee: nil, method: "公务卡", on: "2023-03-02")
        _ = try pay(t, payee: nil, method: nil, on: "2023-03-03")
        let (status, output) = try runChainCheck(t.path)
        let seal = try t.book.seal(asOf: day("2023-03-31"))
        #expect(status == 0)
        #expect(output == "ok: every chain matches; head \(seal.hex)\n")
    }

    @Test func aChangedOrAddedPayeeIsFoundByVerify() throws {
        let t = try funded()
        let withPayee = try pay(t, payee: "张三", method: nil)
        let without = try pay(t, payee: nil, method: nil, on: "2023-03-02")
        try t.raw().execute("""
            DROP TRIGGER entry_no_update;
            UPDATE entry SET payee = '李四' WHERE id = \(withPayee.id);
            UPDATE entry SET payment_method = '现金' WHERE id = \(without.id);
            """)
        let chain = try t.book.verify().filter { $0.check == "chain" }.map(\.detail)
        #expect(chain.contains("entry \(withPayee.id) does not match its hash: it or the row before it was changed after it was written"))
        #expect(chain.contains("entry \(without.id) does not match its hash: it or the row before it was changed after it was written"))
    }

    @Test func importAndRecordingGiveTheSameEntry() throws {
        let a = try funded(), b = try funded()
        _ = try pay(a, payee: "衡阳市文具公司", method: "公务卡")
        let result = try b.book.importEvents(fromFile: try file(b, "支付.csv", """
            支付日期,项目编码,经济分类,支付金额,收款人,支付方式
            2023-03-01,JD01,30201,123.45,衡阳市文具公司,公务卡

            """), options: ImportOptions(kind: .pay))
        #expect(result.isAccepted && result.posted == 1)
        #expect(try storedHash(a, 2) == storedHash(b, 2))
        #expect(try b.book.journal(JournalFilter(entryID: 2)).first?.payee == "衡阳市文具公司")
        #expect(try b.book.verify().isEmpty)
    }

    @Test func aPayeeBelongsToAPaymentOrARefund() throws {
        let t = try funded()
        var options = RecordOptions(date: day("2023-03-01"))
        options.payee = "某公司"
        #expect(refusal { try t.book.record(.supplement(project: "JD01", amount: Money(fen: 100), econ: nil), options) }
                == "payee '某公司': only a payment or a refund has a payee")
        options.payee = "x\u{202E}y"
        #expect(throws: FiscalError.self) {
            try t.book.record(.pay(project: "JD01", amount: Money(fen: 100), econ: EconomicCode("30201")!), options)
        }
    }

    @Test func unknownColumnsAreIgnoredWithANote() throws {
        let t = try funded()
        let result = try t.book.importEvents(fromFile: try file(t, "e.csv", """
            date,kind,project,amount,econ,资金性质,备用
            2023-03-01,pay,JD01,1.00,30201,一般公共预算,

            """))
        #expect(result.isAccepted)
        #expect(result.notes == ["ignored columns 资金性质, 备用 (the book has no place for them)"])
    }

    @Test func profilesAreSavedListedUsedAndRemoved() throws {
        let t = try funded()
        let profile = ImportProfile(name: "银行", mapping: [.init(header: "付款日", column: "date"), .init(header: "指标", column: "project"),
                                                           .init(header: "付款额", column: "amount"), .init(header: "科目", column: "econ"),
                                                           .init(header: "户名", column: "payee")],
                                    kind: .pay, added: day("2023-03-01"))
        try t.book.addImportProfile(profile)
        #expect(try t.book.importProfiles() == [profile])
        #expect(throws: FiscalError.self) { try t.book.addImportProfile(profile) }
        let text = "付款日,指标,付款额,科目,户名\n2023-03-05,JD01,50.00,30201,王五\n"
        let result = try t.book.importEvents(fromFile: try file(t, "bank.csv", text), options: ImportOptions(profile: "银行"))
        #expect(result.isAccepted && result.posted == 1)
        #expect(try t.book.journal(JournalFilter(from: day("2023-03-05"))).first?.payee == "王五")
        let wrong = try t.book.importEvents(fromFile: try file(t, "other.csv", "date,kind,project,amount\n"),
                                            options: ImportOptions(profile: "银行"))
        #expect(wrong.problems.first?.description.hasPrefix("line 1: header: profile '银行': the file has no column '付款日'") == true)
        try t.book.removeImportProfile(name: "银行")
        #expect(try t.book.importProfiles().isEmpty)
        #expect(refusal { try t.book.removeImportProfile(name: "银行") }
                == "profile '银行': no such import profile (the book has none: fiscal import profile add NAME --map HEADER=column,…)")
    }

    private func refusal(_ body: () throws -> Any) -> String? {
        do { _ = try body(); return nil } catch { return "\(error)" }
    }

    private func file(_ t: TempBook, _ name: String, _ text: String) throws -> String {
        let path = t.directory.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}
