import FiscalCore

/// The seal at the foot of a report an office sends out (DESIGN §9): a note under the table
/// (terminal, Markdown) and `"seal"` in JSON, so every copy anchors the book as it was.
extension RenderedReport {
    func sealed(_ seal: FiscalCore.Seal?, lang: Language) -> RenderedReport {
        guard let seal else { return self }
        var report = self
        if !report.tables.isEmpty { report.tables[report.tables.count - 1].notes.append(SealLine.footer(seal, lang: lang)) }
        if case .object(var fields) = report.json {
            fields.append(("seal", .object([
                ("token", .string(seal.token)), ("as_of", .string(seal.asOf.description)),
                ("entry", .number(String(seal.entryID))), ("sha256", .string(seal.hex)), ("short", .string(seal.short)),
            ])))
            report.json = .object(fields)
        }
        return report
    }
}
