import FiscalCore

/// What `consolidate` built: the units and the seals they were taken at, what was written,
/// the eliminated transfers and the unmatched ones.
enum ConsolidationView {
    static func text(_ r: ConsolidationResult, target: String, year: Int) -> String {
        var out = "\(r.rebuilt ? "rebuilt" : "built") \(target): \(year), \(r.units.count) unit\(r.units.count == 1 ? "" : "s"), "
            + "\(r.projects) projects, \(r.entries) entries, \(r.postings) postings; year \(year) \(r.closed ? "closed in every unit" : "open")\n"
        for u in r.units {
            out += "unit \(u.name): \(u.path) (\(u.bookName)) at seal \(u.seal.short), entry \(u.seal.entryID)\n"
        }
        for m in r.matched {
            out += "eliminated: \(m.payer.described) ↔ \(m.receiver.described)\n"
        }
        for u in r.unmatched {
            out += "unmatched: \(u.transfer.described): \(u.reason)\n"
        }
        return out
    }

    private static func transfer(_ t: UnitTransfer) -> JSONValue {
        .object([("unit", .string(t.unit)), ("counterpart", .string(t.counterpart)), ("side", .string(t.side.rawValue)),
                 ("entry", .number(String(t.entryID))), ("date", .string(t.date.description)), ("amount", .money(t.amount)),
                 ("project", .string(t.projectCode))])
    }

    static func json(_ r: ConsolidationResult, target: String, year: Int) -> JSONValue {
        .object([
            ("book", .string(target)), ("year", .int(year)), ("rebuilt", .bool(r.rebuilt)), ("closed", .bool(r.closed)),
            ("projects", .int(r.projects)), ("entries", .int(r.entries)), ("postings", .int(r.postings)),
            ("units", .array(r.units.map {
                .object([("name", .string($0.name)), ("path", .string($0.path)), ("book_name", .string($0.bookName)),
                         ("seal", .string($0.seal.token))])
            })),
            ("eliminated", .array(r.matched.map { .object([("payer", transfer($0.payer)), ("receiver", transfer($0.receiver))]) })),
            ("unmatched", .array(r.unmatched.map { .object([("transfer", transfer($0.transfer)), ("reason", .string($0.reason))]) })),
        ])
    }
}
