import Testing
@testable import FiscalCore

/// A 项目支出绩效自评表 whose cells ran together on copying (issue 11). Text written for these
/// tests, in the layout such a copy has.
@Suite("Reading a self-evaluation form whose cells ran together")
struct ReaderFlatFormsTests {
    static let form = """
        项目支出绩效自评表(2023年)项目名称社区服务经费主管部门区民政局自评得分95项目资金(万元)年初预算数全年预算数(A)全年执行数(B)执行率(B/A)120.5120.5120.5100%一级指标二级指标三级指标分值指标值(A)实际值(B)得分项目决策(20分)目标明确性5一目标清晰5服务人数103000人3000人9指标2:完成时间52023年12月完成2023年12月完成5
        指标1:服务成本420万元20万元4满意度指标(10分)群众满意度10≥90%95%9
        """

    static func claims() -> [Claim] { ReportReader(year: 2023).read(form) }

    @Test func theFundsRowOfEqualAmountsAndItsRate() {
        let funds = Self.claims().filter { !$0.metric.isEmpty }
        #expect(funds.map { "\($0.metric) \($0.scope) \($0.value.text)" } == [
            "budget.initial project:社区服务经费 120.5万元", "budget.current project:社区服务经费 120.5万元",
            "paid project:社区服务经费 120.5万元", "rate.execution project:社区服务经费 100%",
        ])
    }

    @Test func scoresWeightsAndTargetsSplitWhereTheTextProvesIt() {
        let cells = Self.claims().filter { $0.metric.isEmpty }.map(\.value.text)
        #expect(cells == [
            "95分", "20分", "5分", "5分",
            "10分", "3000人", "3000人", "9分",          // 103000人3000人9: weight 10, target, actual, score
            "5分", "5分",                                 // 52023年12月完成: weight 5 before the date
            "4分", "20万元", "20万元", "4分", "10分",     // 420万元20万元4
            "10分", "90%", "95%", "9分",                  // weight, target ≥90%, actual, score
        ])
    }

    @Test func equalCellsDecodeOnlyWhenOneReadingFits() {
        #expect(ReaderFlatForms.equalCells("64.864.864.8100") == ["64.8", "64.8", "64.8"])
        #expect(ReaderFlatForms.equalCells("5050100") == ["50", "50"])
        #expect(ReaderFlatForms.equalCells("60.550.298") == nil)        // unequal cells: not decoded
        #expect(ReaderFlatForms.equalCells("64.864.864.899") == nil)    // equal amounts must give 100%
    }

    @Test func proseWithTheWordsIsNotAForm() {
        let prose = "绩效指标分为一级指标、二级指标和三级指标，项目得分95分，预算执行率100%。"
        #expect(ReaderFlatForms.read(ReaderText.lines(prose), year: 2023).lines.isEmpty)
    }
}
