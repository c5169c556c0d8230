/// One side of a transfer between units of one department, as a unit book records it: the
/// payer's `pay --to-unit B`, or the receiver's `appropriate`/`supplement --from-unit A`.
public struct UnitTransfer: Sendable, Equatable {
    /// The unit whose book records it, and the other unit it names.
    public var unit: String
    public var counterpart: String
    public var side: UnitTransferSide
    public var entryID: Int64
    public var date: Day
    public var amount: Money
    public var doc: String?
    /// The unit's project, the account the receiver's authority came in on (initial or
    /// addition) and the economic code: what an elimination posts against.
    public var projectCode: String
    public var account: Account
    public var econ: String?

    public init(unit: String, counterpart: String, side: UnitTransferSide, entryID: Int64, date: Day, amount: Money,
                doc: String? = nil, projectCode: String, account: Account, econ: String? = nil) {
        self.unit = unit; self.counterpart = counterpart; self.side = side; self.entryID = entryID; self.date = date
        self.amount = amount; self.doc = doc; self.projectCode = projectCode; self.account = account; self.econ = econ
    }

    /// "本级 entry 12 (2023-03-01, 300,000.00 to 一分局)".
    public var described: String {
        "\(unit) entry \(entryID) (\(date), \(amount.formatted(grouping: true)) \(side == .payer ? "to" : "from") \(counterpart))"
    }
}

/// A payer's transfer and the receiver's receipt of it.
public struct MatchedTransfer: Sendable, Equatable {
    public var payer: UnitTransfer
    public var receiver: UnitTransfer
}

/// A transfer with no other side, and why.
public struct UnmatchedTransfer: Sendable, Equatable {
    public var transfer: UnitTransfer
    public var reason: String
}

/// Pairs the payers' transfers with the receivers' receipts: same two units (each naming the
/// other), same amount; a receipt with the same document number first, else the earliest.
/// Everything left over is unmatched, with the reason — never eliminated on a guess.
public enum TransferMatching {
    public static func match(_ transfers: [UnitTransfer], units: Set<String>)
        -> (matched: [MatchedTransfer], unmatched: [UnmatchedTransfer]) {
        let ordered = transfers.sorted { ($0.date, $0.unit, $0.entryID) < ($1.date, $1.unit, $1.entryID) }
        var receipts = ordered.filter { $0.side == .receiver }
        var taken = [Bool](repeating: false, count: receipts.count)
        var matched: [MatchedTransfer] = []
        var unmatched: [UnmatchedTransfer] = []
        for payer in ordered where payer.side == .payer {
            guard units.contains(payer.counterpart) else {
                unmatched.append(UnmatchedTransfer(transfer: payer, reason: "unit \(payer.counterpart) is not in this consolidation"))
                continue
            }
            let fits = receipts.indices.filter { i in
                !taken[i] && receipts[i].unit == payer.counterpart && receipts[i].counterpart == payer.unit
                    && receipts[i].amount == payer.amount
            }
            let pick = fits.first { payer.doc != nil && receipts[$0].doc == payer.doc } ?? fits.first
            guard let i = pick else {
                unmatched.append(UnmatchedTransfer(transfer: payer, reason: "\(payer.counterpart) records no receipt of this amount from \(payer.unit)"))
                continue
            }
            taken[i] = true
            matched.append(MatchedTransfer(payer: payer, receiver: receipts[i]))
        }
        for (i, receipt) in receipts.enumerated() where !taken[i] {
            unmatched.append(UnmatchedTransfer(transfer: receipt, reason: units.contains(receipt.counterpart)
                ? "\(receipt.counterpart) records no payment of this amount to \(receipt.unit)"
                : "unit \(receipt.counterpart) is not in this consolidation"))
        }
        receipts.removeAll()
        return (matched, unmatched)
    }
}
