/// Per contract and year, committed − paid − released = open ≥ 0, and nothing left open in a
/// closed year (the close carries it); every posting naming a contract is on the contract's
/// own project (issue 14). Summed on the ledger scan's way: as queries, each read every posting.
struct CommitmentTally {
    private struct ContractYear: Hashable { var contract: Int64; var year: Int64 }
    private var open: [ContractYear: (number: String, sum: Int64)] = [:]
    private var misplaced: [(entry: Int64, number: String)] = []

    /// A posting naming an existing contract; `committed` is its amount when it is on the
    /// `committed` account, `year` its entry's (nil for a posting of no entry).
    mutating func add(entry: Int64, project: Int64, contract: Int64, of parent: (project: Int64, number: String),
                      year: Int64?, committed: Int64?) {
        if project != parent.project { misplaced.append((entry, parent.number)) }
        guard let year, let committed else { return }
        open[ContractYear(contract: contract, year: year), default: (parent.number, 0)].sum &+= committed
    }

    func violations(closedYears: Set<Int64>) -> [Violation] {
        let rows = open.map { (number: $0.value.number, year: $0.key.year, sum: $0.value.sum) }.sorted { ($0.number, $0.year) < ($1.number, $1.year) }
        let overpaid = rows.filter { $0.sum > 0 }.map {
            Violation(check: "contract overpaid",
                      detail: "contract \($0.number) in \($0.year): committed − paid − released = \(Money(fen: -$0.sum)), below zero")
        }
        let leftOpen = rows.filter { $0.sum != 0 && closedYears.contains($0.year) }.map {
            Violation(check: "open commitment after close",
                      detail: "contract \($0.number) in closed year \($0.year) still has \(Money(fen: -$0.sum)) open")
        }
        let elsewhere = misplaced.enumerated().sorted { ($0.element.entry, $0.offset) < ($1.element.entry, $1.offset) }.map {
            Violation(check: "contract of another project",
                      detail: "entry \($0.element.entry) posts contract \($0.element.number) on a project not its own")
        }
        return overpaid + leftOpen + elsewhere
    }
}

/// Each import batch's entries by kind, counted and summed on the ledger scan's way (an
/// event's amount is its debits; a transfer debits two projects), against what the batch
/// recorded (`import_batch_total`, which no trigger guards and no hash covers).
struct BatchTally {
    private let batches: [ImportBatchRecord]
    private let transfer: Int
    /// By batch (its place in `batches`) and entry kind (its number in the scan's kinds).
    private var actual: [[(entries: Int, amount: Int64)]]

    init(_ batches: [ImportBatchRecord], transfer: Int) {
        self.batches = batches.filter { $0.entries != nil }.sorted { $0.entries!.lowerBound < $1.entries!.lowerBound }
        self.transfer = transfer
        actual = Array(repeating: [], count: self.batches.count)
    }

    mutating func add(entry: Int64, kind: Int, debits: Int64) {
        guard !batches.isEmpty else { return }
        // The last batch starting at or before the entry (binary search: batches are few, entries many).
        var lo = 0, hi = batches.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if batches[mid].entries!.lowerBound <= entry { lo = mid + 1 } else { hi = mid }
        }
        guard lo > 0, batches[lo - 1].entries!.contains(entry) else { return }
        let amount = kind == transfer ? debits / 2 : debits
        if actual[lo - 1].count <= kind { actual[lo - 1] += Array(repeating: (0, 0), count: kind + 1 - actual[lo - 1].count) }
        actual[lo - 1][kind].entries += 1
        actual[lo - 1][kind].amount &+= amount
    }

    func mismatches(kinds: [String]) -> [Violation] {
        zip(batches, actual).sorted { $0.0.id < $1.0.id }.compactMap { batch, tally in
            let recorded = Dictionary(batch.totals.map { ($0.kind.rawValue, ($0.entries, $0.amount.fen)) }, uniquingKeysWith: { a, _ in a })
            let found = Dictionary(tally.enumerated().filter { $0.element.entries > 0 }.map { (kinds[$0.offset], $0.element) },
                                   uniquingKeysWith: { a, _ in a })
            let same = recorded.count == found.count && recorded.allSatisfy { k, v in found[k].map { $0 == v } ?? false }
            return same ? nil : Violation(check: "import batch", detail: "batch \(batch.id): its totals by kind differ from the entries it posted")
        }
    }
}
