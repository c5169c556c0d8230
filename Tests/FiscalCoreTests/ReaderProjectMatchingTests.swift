import Foundation
import Testing
@testable import FiscalCore

/// The example report's 15 projects as a 预算管理一体化 system would name them (issue 11): years in
/// front, 经费/专项/工作 added or dropped, punctuation changed. Every amount is the report's.
private let systemNames: [String: String] = [
    "禁毒专项": "2023年禁毒工作经费",
    "公安强戒人员生活补助": "强戒人员生活补助经费",
    "强戒人员教育矫治费、诊断评估费、传染病查治费": "强戒人员教育矫治费诊断评估费传染病查治费",
    "强戒人员生理脱毒医疗费": "2023年强戒人员生理脱毒医疗经费",
    "强戒所所政管理及维修经费": "强戒所所政管理及维修",
    "拘留所被监管人员生活补贴": "拘留所被监管人员生活补贴资金",
    "纪检派驻机构专项经费": "纪检派驻机构经费",
    "驻滇驻粤两站工作经费": "驻滇驻粤两站经费",
    "人民警察法定节假日加班补助": "2023年人民警察法定节假日加班补助",
    "人民警察法定执勤岗位津贴": "人民警察执勤岗位津贴",
    "辅警工作经费": "辅警经费",
    "收治中心运行经费": "收治中心运行",
    "看守所给养费": "看守所给养经费",
    "扫黑专项经费": "扫黑除恶专项经费",
    "反恐专项经费": "2023年反恐工作经费",
]

@Suite("Matching a report's project labels to a book's own project names")
struct ReaderProjectMatchingTests {
    @Test func budgetSystemNamesStillMatchTheReportsWording() {
        let matcher = ReaderProjectMatcher(Array(systemNames.values))
        var matched = 0
        for (label, name) in systemNames {
            let found = matcher.exact(label) ?? matcher.containing(label)
            // A label may stay unmatched (then it is not in the ledger), never match another project.
            #expect(found == nil || found == name, "\(label) matched \(found ?? "-") instead of \(name)")
            if found == name { matched += 1 }
        }
        #expect(matched >= 14, "only \(matched) of 15 matched")
    }

    @Test func theExampleReportReadsTheSystemNames() throws {
        let text = try #require(ReaderExampleReport.text)
        let claims = ReportReader(projectNames: Array(systemNames.values)).read(text)
        let projects = Set(claims.compactMap { c in
            c.scope.split(separator: ",").first { $0.hasPrefix("project:") }.map { String($0.dropFirst(8)) }
        })
        // 扫黑专项经费 is too far from 扫黑除恶专项经费 to be guessed: it stays the report's label, which
        // the reconciliation reports as not in the ledger, with the nearest names.
        #expect(projects.intersection(systemNames.values).count == 14)
        #expect(projects.subtracting(systemNames.values) == ["扫黑专项经费"])
    }

    @Test func aLabelNamingNoProjectIsNotInTheLedgerNeverAMismatchAgainstZero() throws {
        let temp = try TempBook(projects: [("JD01", .project), ("ZX02", .project)])
        let claim = Claim(label: "扫黑专项经费", metric: ClaimMetric.paid, scope: "project:扫黑专项经费",
                          value: StatedValue(hundredths: 5_000, decimals: 0, unit: .wan), line: 1)
        let result = try #require(try temp.book.reconcile([claim], year: 2023).results.first)
        #expect(result.verdict == .notInLedger)
        #expect(result.note?.contains("nearest: 项目JD01, 项目ZX02") == true)
    }

    @Test func aCategoryTermIsNeverTakenByAProjectOfTheSameName() {
        let text = "基本支出1,208.33万元，其中：人员经费1,036.90万元、公用经费171.43万元。"
        let claims = ReportReader(projectNames: ["人员经费", "公用经费"]).read(text)
        #expect(claims.map(\.scope) == ["kind:basic", "kind:personnel", "kind:public"])
    }

    @Test func anAliasTheOfficerConfirmedWins() {
        let claims = ReportReader(projectNames: ["XM07"], aliases: ["打击整治专项": "XM07"])
            .read("三、项目支出情况\n打击整治专项支出50万元。")
        #expect(claims.map(\.scope) == ["project:XM07"])
    }

    @Test func unrelatedNamesDoNotMatch() {
        let matcher = ReaderProjectMatcher(["禁毒工作经费", "辅警经费"])
        #expect(matcher.containing("反恐专项") == nil)
        #expect(matcher.nearest("反恐专项", count: 1).count == 1)
    }

    @Test func theAmountChoosesOnlyBetweenCloseNames() throws {
        let f = try CloseFixture()
        for code in ["A1", "A2", "B1"] { _ = try f.book.addProject(Project(code: code, name: code == "B1" ? "看守所给养费" : "扫黑除恶专项经费（\(code)）", kind: .project, fund: .general)) }
        try f.appropriate("A1", "500000.00", on: "2023-01-05")
        try f.appropriate("A2", "800000.00", on: "2023-01-05")
        try f.appropriate("B1", "300000.00", on: "2023-01-05")
        func verdict(_ wan: Int64) throws -> ClaimResult {
            let claim = Claim(label: "扫黑专项经费", metric: ClaimMetric.budgetCurrent, scope: "project:扫黑专项经费",
                              value: StatedValue(hundredths: wan * 100, decimals: 0, unit: .wan), line: 1)
            return try #require(try f.book.reconcile([claim], year: 2023).results.first)
        }
        // Two close names (扫黑除恶…A1, A2): 80万元 fits only A2.
        let chosen = try verdict(80)
        #expect(chosen.verdict == .match && chosen.claim.scope == "project:扫黑除恶专项经费（A2）")
        // 30万元 is 看守所给养费's figure, but that name is not close: not in the ledger, not a match.
        #expect(try verdict(30).verdict == .notInLedger)
    }

    @Test func theMapFileTheOfficerWrites() throws {
        let aliases = try ProjectAliasFile.read("label,project\n禁毒专项\tJD2023-01 # 2023年禁毒工作经费\n辅警工作经费,FJ-003\n\n")
        #expect(aliases == ["禁毒专项": "JD2023-01", "辅警工作经费": "FJ-003"])
        #expect(throws: FiscalError.self) { try ProjectAliasFile.read("禁毒专项,A\n禁毒专项,B\n") }
        #expect(throws: FiscalError.self) { try ProjectAliasFile.read("只有标签\n") }
    }
}
