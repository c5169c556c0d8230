/// 试算平衡表: each account's balance for a year, resources against status, and per project
/// what is still available. Built from the maintained totals, so its cost does not grow
/// with the number of postings.
public struct TrialBalance: Sendable {
    public struct AccountLine: Sendable {
        public var account: Account
        /// Debit positive, as stored.
        public var balance: Money
    }

    public struct ProjectLine: Sendable {
        public var code: String
        public var name: String
        /// Σ resource accounts (debit), Σ status accounts (credit, shown positive).
        public var resources: Money
        public var status: Money
        public var available: Money
        public var paid: Money
    }

    public var year: Int
    public var accounts: [AccountLine]
    public var projects: [ProjectLine]
    public var resources: Money
    public var status: Money
    public var isBalanced: Bool { resources == status }
}

extension Book {
    public func trialBalance(year: Int) throws(FiscalError) -> TrialBalance {
        TrialBalance(snapshot: try snapshot(year: year))
    }
}

extension TrialBalance {
    /// The trial balance as a pure function of the year's totals.
    public init(snapshot: YearSnapshot) {
        let year = snapshot.year
        let totals = snapshot.totals
        let projects = snapshot.projects
        var byAccount: [Account: Money] = [:]
        var byProject: [Int64: [Account: Money]] = [:]
        for t in totals {
            byAccount[t.account, default: .zero] += t.amount
            byProject[t.projectID, default: [:]][t.account, default: .zero] += t.amount
        }
        func resources(_ balances: [Account: Money]) -> Money {
            balances.filter { $0.key.isResource }.values.reduce(.zero, +)
        }
        func status(_ balances: [Account: Money]) -> Money {
            -balances.filter { !$0.key.isResource }.values.reduce(.zero, +)
        }
        let lines = projects.compactMap { p -> TrialBalance.ProjectLine? in
            guard let b = byProject[p.id] else { return nil }
            return .init(code: p.code, name: p.name, resources: resources(b), status: status(b),
                         available: -(b[.available] ?? .zero), paid: -(b[.paid] ?? .zero))
        }
        self.init(
            year: year,
            accounts: Account.allCases.map { .init(account: $0, balance: byAccount[$0] ?? .zero) },
            projects: lines, resources: resources(byAccount), status: status(byAccount))
    }
}
