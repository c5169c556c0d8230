extension Book {
    /// The plan of closing `year`, without writing anything. Refuses what `close` refuses,
    /// except that the year need not have ended yet (a plan is a preview).
    public func planClose(year: Int, overrides: CloseOverrides = CloseOverrides()) throws(FiscalError) -> ClosePlan {
        try guarded { try store.read { try makeClosePlan(year: year, overrides: overrides) } }
    }

    /// Closes `year` in one transaction (DESIGN §5): a closing entry per part of the plan
    /// (Dr available / Cr carried-forward or surplus, dated 31 December), the year locked,
    /// the next year opened with a carry-in entry per part (dated 1 January), and both
    /// recorded in the years' history. Refused: a year not in the book or already closed, a
    /// year whose previous year is still open, a year not ended by `today`, a project with
    /// negative available authority, and overrides naming unknown projects, projects with
    /// nothing left, or one project twice.
    @discardableResult
    public func close(year: Int, overrides: CloseOverrides = CloseOverrides(), today: Day) throws(FiscalError) -> CloseResult {
        try guarded {
            try store.write {
                let plan = try makeClosePlan(year: year, overrides: overrides)
                guard today >= plan.closingDate else {
                    throw FiscalError.yearNotEnded(year: year, today: today, closingDate: plan.closingDate)
                }
                var engine = try PostingEngine(store: store)
                var closing: [Int64] = []
                for line in plan.lines {
                    for part in line.parts {
                        let memo = "\(year)年终结转结余：\(part.rule.reasonZh) (rule: \(part.rule.rawValue))"
                        let postings = part.pieces.flatMap { piece in
                            [Posting(.available, project: line.project.id, econ: piece.econ, piece.amount),
                             Posting(part.rule.destination, project: line.project.id, econ: piece.econ, -piece.amount)]
                        }
                        closing.append(try post(EntryDraft(date: plan.closingDate, kind: .close, memo: memo, postings: postings),
                                                engine: &engine))
                    }
                    for carry in line.commitments {
                        let c = carry.contract
                        let memo = "\(year)年终结转：合同 \(c.number) 尾款，结转下年 (rule: contract)"
                        let postings = [Posting(.committed, project: line.project.id, econ: c.econ, carry.amount, contract: c.id),
                                        Posting(.carriedForward, project: line.project.id, -carry.amount, contract: c.id)]
                        closing.append(try post(EntryDraft(date: plan.closingDate, kind: .close, memo: memo, postings: postings),
                                                engine: &engine))
                    }
                }
                try store.insertYearEvent(year, action: "close", date: today, reason: closeSummary(plan))
                try store.setYearStatus(year, closed: true)  // after its event: schema.sql's guard

                let next = year + 1
                var openedNextYear = false
                switch try store.yearStatus(next) {
                case .open?: break
                case nil:
                    try store.insertYear(next, date: today, reason: "opened by the close of \(year)")
                    openedNextYear = true
                default:
                    throw FiscalError.closedYear(year: next, what: plan.openingDate.description)
                }
                // The years changed under the first engine: the next year's entries get a new one.
                engine = try PostingEngine(store: store)
                var opening: [Int64] = []
                for line in plan.lines {
                    for part in line.parts {
                        let what = part.rule.destination == .surplus ? "结余" : "结转"
                        let memo = "\(year)年末\(what)转入：\(part.rule.reasonZh) (rule: \(part.rule.rawValue))"
                        let postings = part.pieces.flatMap { piece in
                            [Posting(.carryIn, project: line.project.id, econ: piece.econ, piece.amount),
                             Posting(.available, project: line.project.id, econ: piece.econ, -piece.amount)]
                        }
                        opening.append(try post(EntryDraft(date: plan.openingDate, kind: .open, memo: memo, postings: postings),
                                                engine: &engine))
                    }
                    for carry in line.commitments {
                        let c = carry.contract
                        let memo = "\(year)年末结转转入：合同 \(c.number) 尾款 (rule: contract)"
                        let postings = [Posting(.carryIn, project: line.project.id, carry.amount, contract: c.id),
                                        Posting(.committed, project: line.project.id, econ: c.econ, -carry.amount, contract: c.id)]
                        opening.append(try post(EntryDraft(date: plan.openingDate, kind: .open, memo: memo, postings: postings),
                                                engine: &engine))
                    }
                }
                return CloseResult(plan: plan, closingEntries: closing, openingEntries: opening, openedNextYear: openedNextYear)
            }
        }
    }

    private func closeSummary(_ plan: ClosePlan) -> String {
        var text = "年终结算：结转 \(plan.carriedForward) 元\(plan.contractCarried.isZero ? "" : "（其中合同尾款 \(plan.contractCarried) 元）")，结余 \(plan.surplus) 元（待收回 \(plan.toRecall) 元）"
        let o = plan.overrides
        if !o.carry.isEmpty || !o.surplus.isEmpty {
            if !o.carry.isEmpty { text += "；指定结转 " + o.carry.joined(separator: "、") }
            if !o.surplus.isEmpty { text += "；指定结余 " + o.surplus.joined(separator: "、") }
        }
        return text
    }
}
