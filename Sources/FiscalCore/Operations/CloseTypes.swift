/// Why a project's leftover goes where it goes at year end (DESIGN §5). The raw value is what
/// the closing and opening entries' memos cite, so the journal says which rule applied.
public enum CloseRule: String, CaseIterable, Sendable {
    /// Basic expenditure (人员经费, 公用经费): always carried forward, never aged.
    case basic
    /// A project still running: carried forward.
    case active
    /// A completed project: surplus.
    case completed
    /// A terminated project: surplus.
    case terminated
    /// Carry-in unused for two years (see `ClosePlan.agedCarryIn`): surplus, to be recalled.
    case agedCarryIn = "aged-carry-in"
    /// `--carry CODE` on the command line: carried forward whatever the rules say.
    case overrideCarry = "override-carry"
    /// `--surplus CODE` on the command line: surplus whatever the rules say.
    case overrideSurplus = "override-surplus"

    /// The status account the leftover is closed into.
    public var destination: Account {
        switch self {
        case .basic, .active, .overrideCarry: .carriedForward
        case .completed, .terminated, .agedCarryIn, .overrideSurplus: .surplus
        }
    }

    public var isOverride: Bool { self == .overrideCarry || self == .overrideSurplus }

    public var reasonZh: String {
        switch self {
        case .basic: "基本支出，结转下年"
        case .active: "项目执行中，结转下年"
        case .completed: "项目已完成，转为结余"
        case .terminated: "项目已终止，转为结余"
        case .agedCarryIn: "结转资金连续两年未使用，转为结余，待收回"
        case .overrideCarry: "经办人指定结转"
        case .overrideSurplus: "经办人指定结余"
        }
    }

    public var reasonEn: String {
        switch self {
        case .basic: "basic expenditure: carried forward"
        case .active: "project active: carried forward"
        case .completed: "project completed: surplus"
        case .terminated: "project terminated: surplus"
        case .agedCarryIn: "carry-in unused for two years: surplus, to be recalled"
        case .overrideCarry: "officer's choice: carried forward"
        case .overrideSurplus: "officer's choice: surplus"
        }
    }
}

/// One piece of a project's leftover with its classification: one closing entry (Dr available
/// / Cr `rule.destination`) and one opening entry (Dr carry-in / Cr available) each.
public struct ClosePart: Sendable {
    public var rule: CloseRule
    public var amount: Money
    /// The amount split by economic code: authority earmarked for a code (e.g. 公务接待费)
    /// stays earmarked in the next year; `nil` is the unearmarked pool.
    public var pieces: [(econ: EconomicCode?, amount: Money)]
}

/// An open commitment the close carries into the next year (issue 14): always 结转,
/// whatever the project's status — the contract still has to be paid (合同约定尾款).
public struct CommitmentCarry: Sendable {
    public var contract: Contract
    public var amount: Money
}

/// What the close does with one project's leftover.
public struct CloseLine: Sendable {
    public var project: Project
    /// The project's figures for the year before the close.
    public var figures: BudgetFigures
    /// What is left: the project's available authority at the end of the year.
    public var leftover: Money { figures.available }
    /// The part of the leftover that is carry-in unused for two years (0 for basic expenditure),
    /// whether or not an override changed its classification.
    public var agedCarryIn: Money
    public var parts: [ClosePart]
    /// The project's open commitments, by contract number: each carried forward on its own.
    public var commitments: [CommitmentCarry] = []

    /// What is carried on contracts (合同尾款).
    public var contractCarried: Money { commitments.reduce(.zero) { $0 + $1.amount } }
    /// Everything carried forward: the leftover's carried part and the open commitments.
    public var carriedForward: Money {
        parts.filter { $0.rule.destination == .carriedForward }.reduce(contractCarried) { $0 + $1.amount }
    }
    public var surplus: Money { parts.filter { $0.rule.destination == .surplus }.reduce(.zero) { $0 + $1.amount } }
    /// Surplus flagged to be recalled (收回) by finance: the aged carry-in part.
    public var toRecall: Money { parts.filter { $0.rule == .agedCarryIn }.reduce(.zero) { $0 + $1.amount } }
}

/// Projects whose classification the officer sets on the command line; overrides win over
/// every rule and are named in the entries' memos.
public struct CloseOverrides: Sendable {
    public var carry: [String]
    public var surplus: [String]
    public init(carry: [String] = [], surplus: [String] = []) { self.carry = carry; self.surplus = surplus }
}

/// The plan of a year-end close: every project with figures in the year, what is left and
/// where it goes. `Book.planClose` computes it; `Book.close` applies exactly this.
///
/// The rules, in order (DESIGN §5):
/// 1. an override (`--carry` / `--surplus`) decides the whole leftover;
/// 2. basic expenditure carries forward;
/// 3. a completed or terminated project's leftover is surplus;
/// 4. an active project's leftover carries forward, except its **aged carry-in**, which is
///    surplus to be recalled.
///
/// **Aged carry-in.** Payments and recalls use the oldest authority first (结转资金优先使用).
/// Authority carried into year Y−1 (granted in Y−2 or earlier) that was still unused at the
/// close of Y−1 came into Y as part of Y's carry-in; whatever of it is still unused at the
/// close of Y has been carried over for two years and becomes surplus to be recalled:
///
///     old(Y−1) = min(leftover(Y−1), max(0, carry_in(Y−1) − paid(Y−1) − recalled(Y−1)))
///     aged(Y)  = min(leftover(Y), max(0, min(old(Y−1), carry_in(Y)) − paid(Y) − recalled(Y)))
///
/// E.g. 100 granted in 2021: 30 paid in 2021, 20 in 2022, 30 in 2023. At the close of 2022
/// nothing is aged (the 70 carried into 2022 was first carried, not yet twice); old(2022) = 50,
/// and at the close of 2023 aged = 50 − 30 = 20: those 20 were granted in 2021 and never used.
/// A book that starts in Y has no Y−1, so nothing in Y's carry-in is aged.
///
/// A leftover is split by economic code as well: positive earmarked lines first (by code),
/// then the pool; the pieces are handed to the parts in order (the carried-forward part
/// first), so earmarks stay with the money that keeps running.
public struct ClosePlan: Sendable {
    public var year: Int
    public var lines: [CloseLine]
    public var overrides: CloseOverrides

    public var closingDate: Day { Day(year: year, month: 12, day: 31)! }
    public var openingDate: Day { Day(year: year + 1, month: 1, day: 1)! }

    public var leftover: Money { lines.reduce(.zero) { $0 + $1.leftover } }
    public var carriedForward: Money { lines.reduce(.zero) { $0 + $1.carriedForward } }
    public var surplus: Money { lines.reduce(.zero) { $0 + $1.surplus } }
    public var toRecall: Money { lines.reduce(.zero) { $0 + $1.toRecall } }
    public var contractCarried: Money { lines.reduce(.zero) { $0 + $1.contractCarried } }
    public var parts: Int { lines.reduce(0) { $0 + $1.parts.count + $1.commitments.count } }
}

/// What `Book.close` wrote.
public struct CloseResult: Sendable {
    public var plan: ClosePlan
    public var closingEntries: [Int64]
    public var openingEntries: [Int64]
    /// Whether the close opened the next year in the book (rather than finding it open).
    public var openedNextYear: Bool
}

/// What `Book.reopen` wrote.
public struct ReopenResult: Sendable {
    public var year: Int
    public var reason: String
    /// The reversals posted, as (reversal, original) pairs.
    public var closingReversals: [(reversal: Int64, original: Int64)]
    public var openingReversals: [(reversal: Int64, original: Int64)]
    /// Projects whose available authority in the next year went below zero (only with
    /// `allowOverdraft`), with what is available after the reopen.
    public var overdrawn: [(project: String, available: Money)]
}
