import Testing

@testable import FiscalCore

/// 得分 from 执行率 and 分值: the common rule and its override, exact to a hundredth of a point.
@Suite struct SelfEvaluationTests {
    func score(_ paid: Int64, _ budget: Int64, weight: Int64 = 10, fullAt: Int64 = 10_000) -> Int64 {
        var spec = SelfEvaluationSpec(year: 2023)
        spec.weight = weight
        spec.fullAtHundredths = fullAt
        return SelfEvaluation.score(Ratio(paid, budget)!, spec)
    }

    @Test func theScoreIsTheRateTimesTheWeightCappedAtTheWeight() {
        #expect(score(9_255, 10_000) == 926)        // 92.55% of 10 → 9.255 → 9.26
        #expect(score(1, 3) == 333)                 // 33.33…% of 10 → 3.33
        #expect(score(12_000, 10_000) == 1_000)     // over-spent: at most 10
        #expect(score(0, 10_000) == 0)
    }

    @Test func fromTheFullAtRateTheWholeWeightIsGiven() {
        #expect(score(9_500, 10_000, weight: 20, fullAt: 9_500) == 2_000)
        #expect(score(9_499, 10_000, weight: 20, fullAt: 9_500) == 1_900)  // 94.99% of 20 = 18.998 → 19.00
    }
}
