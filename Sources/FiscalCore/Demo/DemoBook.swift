import Foundation

extension Book {
    /// Builds the demo book (DemoData) at `path`, replacing an existing file only when `force`.
    public static func createDemo(at path: String, force: Bool, today: Day) throws(FiscalError) -> Book {
        if FileManager.default.fileExists(atPath: path) {
            guard force else { throw .bookExists(path: path) }
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let book = try Book.create(at: path, name: DemoData.department, year: DemoData.year, today: today)
        try guarded { try book.store.write { try book.recordDemoYear() } }
        return book
    }

    private func recordDemoYear() throws {
        func wan(_ text: String) throws -> Money { try Money.parse(text + "万") }
        func day(_ text: String) -> Day { Day(text)! }
        var events: [(date: Day, order: Int, event: BudgetEvent, options: RecordOptions)] = []
        func add(_ date: Day, _ event: BudgetEvent, doc: String? = nil, memo: String? = nil) {
            events.append((date, events.count, event, RecordOptions(date: date, doc: doc, memo: memo)))
        }

        for (code, name) in DemoData.functionCodes {
            try addLocalCode(LocalCode(scheme: .function, code: code, name: name), date: day("2023-01-01"))
        }
        for p in DemoData.projects {
            _ = try addProject(Project(code: p.code, name: p.name, kind: p.kind, fund: .general,
                                       function: FunctionCode(p.function), unit: p.unit))
            let budgetDoc = "衡财预〔2023〕1号"
            if try wan(p.initial).isPositive {
                add(day("2023-01-10"), .appropriate(project: p.code, amount: try wan(p.initial), econ: nil), doc: budgetDoc, memo: "年初预算批复")
            }
            for line in p.lines {
                add(day("2023-01-10"), .appropriate(project: p.code, amount: try wan(line.amount), econ: EconomicCode(line.econ)),
                    doc: budgetDoc, memo: "三公经费预算")
            }
            if let a = p.addition {
                add(day(a.date), .supplement(project: p.code, amount: try wan(a.amount), econ: nil),
                    doc: "衡财预〔2023〕\(Int(a.date.dropFirst(5).prefix(2))! * 7)号", memo: "年中追加")
            }
            for payment in p.payments {
                let econ = EconomicCode(payment.econ)!
                for (month, amount) in try schedule(try wan(payment.amount), p.profile) {
                    add(Day(year: 2023, month: month, day: 25)!, .pay(project: p.code, amount: amount, econ: econ),
                        doc: "记-\(month < 10 ? "0" : "")\(month)", memo: econ.name.map { "支付\($0)" })
                }
            }
        }
        // Corrections, both netting to zero: a payment keyed wrong and reversed, a refund.
        add(day("2023-03-20"), .pay(project: "XM01", amount: Money(fen: 1_234_500), econ: EconomicCode("30299")!),
            doc: "记-03-误", memo: "误录金额")
        add(day("2023-04-18"), .pay(project: "JB02", amount: Money(fen: 1_500_000), econ: EconomicCode("30211")!),
            doc: "记-04-差旅", memo: "预借差旅费")
        add(day("2023-05-08"), .refund(project: "JB02", amount: Money(fen: 1_500_000), econ: EconomicCode("30211")!),
            doc: "记-05-退", memo: "差旅费退回")

        for e in events.sorted(by: { ($0.date, $0.order) < ($1.date, $1.order) }) {
            let posted = try record(e.event, e.options)
            if e.options.memo == "误录金额" {
                try reverse(entry: posted.id, reason: "金额录入错误，冲销", date: day("2023-03-22"))
            }
        }
    }

    /// Splits an amount over months by the profile's weights, exactly: each month gets its
    /// share rounded down to the 分 and the last month takes the remainder.
    private func schedule(_ total: Money, _ profile: DemoData.Profile) throws -> [(Int, Money)] {
        if case let .fixed(amounts) = profile {
            return try amounts.sorted { $0.key < $1.key }.map { ($0.key, try Money.parse($0.value + "万")) }
        }
        let weights = profile.weights
        let sum = Int64(weights.reduce(0, +))
        var left = total
        let last = weights.lastIndex { $0 > 0 }!
        return weights.enumerated().compactMap { i, w in
            guard w > 0 else { return nil }
            let share = i == last ? left : Money(fen: total.fen * Int64(w) / sum)
            left -= share
            return (i + 1, share)
        }
    }
}
