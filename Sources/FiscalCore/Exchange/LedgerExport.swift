/// The forms `fiscal export` writes the journal in.
///
/// - `csv`: events in the columns `fiscal import` reads, so a book can be exported and
///   imported again. Only plain events fit: reversed entries with their reversals (which cancel
///   out) and year-end entries are left out and counted.
/// - `json`: the book's projects and every entry with its postings.
/// - `hledger`, `beancount`: a journal for plain-text accounting tools, every entry a
///   transaction, with projects and economic codes as sub-accounts
///   (`budget:available:JD01:30201`, `Equity:Budget:Available:JD01:30201`), amounts in CNY
///   signed as fiscal signs them (debit positive), and at the end of each year a balance
///   assertion per account from fiscal's own trial balance, so that `hledger check` and
///   `bean-check` prove the tools reach the same balances.
public enum ExportFormat: String, CaseIterable, Sendable {
    case csv, json, hledger, beancount
}

/// What an export wrote.
public struct ExportSummary: Sendable {
    public var format: ExportFormat
    public var years: [Int]
    /// Entries written.
    public var entries = 0
    /// Entries a CSV export left out: reversed entries and their reversals.
    public var reversalsLeftOut = 0
    /// Entries a CSV export left out: year-end closing and opening entries.
    public var yearEndLeftOut = 0
}

extension Book {
    /// Writes the journal of `year` (every year when nil) to `out` in `format`, one entry at a
    /// time: the book is never held in memory whole.
    public func export(_ format: ExportFormat, year: Int? = nil, to out: inout some TextOutputStream) throws(FiscalError) -> ExportSummary {
        try guarded {
            try store.read {
                let bookYears = try store.years().map(\.year)
                if let year, !bookYears.contains(year) { throw FiscalError.unknownYear(year) }
                let years = year.map { [$0] } ?? bookYears
                var summary = ExportSummary(format: format, years: years)
                var writer = LedgerWriter(format: format, bookName: try store.bookName(), projects: try store.projects(),
                                          contracts: try store.contracts())
                writer.withDetails = try store.hasEntryDetails(year: year)
                writer.begin(years: years, accounts: try store.postedAccounts(year: year), to: &out)
                var cumulative: [Account: Money] = [:]
                var nextYear = years.makeIterator()
                var closingYear = nextYear.next()
                func closeYears(before date: Day?) throws {
                    while let y = closingYear, date == nil || y < date!.year {
                        for t in try store.monthlyTotals(year: y) { cumulative[t.account, default: .zero] += t.amount }
                        writer.endOfYear(y, balances: cumulative, to: &out)
                        closingYear = nextYear.next()
                    }
                }
                try store.forEachEntry(JournalFilter(year: year)) { entry in
                    try closeYears(before: entry.date)
                    switch writer.write(entry, to: &out) {
                    case .written: summary.entries += 1
                    case .reversal: summary.reversalsLeftOut += 1
                    case .yearEnd: summary.yearEndLeftOut += 1
                    }
                }
                try closeYears(before: nil)
                writer.end(to: &out)
                return summary
            }
        }
    }
}

/// Writes one export, entry by entry.
struct LedgerWriter {
    enum Outcome { case written, reversal, yearEnd }

    let format: ExportFormat
    let bookName: String
    let projects: [Project]
    /// The book's contracts (issue 14) by number: a CSV export then has the columns that
    /// recreate them on import (contract, supplier, procurement, sme), JSON lists them.
    let contracts: [Contract]
    private let contractByNumber: [String: Contract]
    /// Each project's name as an account component in this format (see `component`).
    private(set) var component: [String: String] = [:]
    private var firstEntry = true
    /// Whether an exported entry has a payee or payment method: the CSV then has their columns.
    var withDetails = false
    /// The contracts a CSV export has already written a commit for: only a contract's first
    /// commit carries its terms.
    private var contractsDescribed: Set<String> = []

    init(format: ExportFormat, bookName: String, projects: [Project], contracts: [Contract] = []) {
        self.format = format
        self.bookName = bookName
        self.projects = projects
        self.contracts = contracts
        contractByNumber = Dictionary(uniqueKeysWithValues: contracts.map { ($0.number, $0) })
        var taken: Set<String> = []
        for p in projects {
            var name = format == .beancount ? LedgerWriter.beancountComponent(p.code) : LedgerWriter.hledgerComponent(p.code)
            if taken.contains(name) {
                var n = 2
                while taken.contains("\(name)-\(n)") { n += 1 }
                name = "\(name)-\(n)"
            }
            taken.insert(name)
            component[p.code] = name
        }
    }

    // MARK: Account names

    /// A project code as an hledger account name component: `:` would start a sub-account.
    static func hledgerComponent(_ code: String) -> String {
        String(code.map { $0 == ":" || $0 == ";" ? "_" : $0 })
    }

    /// A project code as a beancount account component: it must start with a capital letter or
    /// a digit, and hold only letters, digits and dashes (other characters become `-`).
    static func beancountComponent(_ code: String) -> String {
        var chars = code.map { c -> Character in
            c.isASCII ? (c.isLetter || c.isNumber || c == "-" ? c : "-") : c
        }
        if let first = chars.first, first.isASCII {
            if first.isLowercase { chars[0] = Character(first.uppercased()) }
            else if !(first.isUppercase || first.isNumber) { chars.insert("X", at: 0) }
        }
        return chars.isEmpty ? "X" : String(chars)
    }

    static func beancountAccount(_ account: Account) -> String {
        switch account {
        case .carryIn: "Carry-In"; case .initial: "Initial"; case .addition: "Addition"; case .reduction: "Reduction"
        case .transfer: "Transfer"; case .recall: "Recall"; case .available: "Available"; case .paid: "Paid"
        case .carriedForward: "Carried-Forward"; case .surplus: "Surplus"; case .committed: "Committed"
        }
    }

    /// The account of a posting: `budget:paid:JD01:30201` / `Equity:Budget:Paid:JD01:30201`.
    func accountName(_ account: Account, project: String?, econ: String?) -> String {
        var name = format == .beancount ? "Equity:Budget:" + LedgerWriter.beancountAccount(account) : "budget:" + account.rawValue
        if let project { name += ":" + (component[project] ?? project) }
        if let econ { name += ":" + econ }
        return name
    }

    // MARK: Writing

    /// `"key": [` and one object per line, indented, as the JSON export lays out its lists.
    static func jsonArray<T>(_ key: String, _ items: [T], to out: inout some TextOutputStream, _ element: (T) -> String) {
        out.write("  \"\(key)\": [")
        for (i, item) in items.enumerated() { out.write((i == 0 ? "\n    " : ",\n    ") + element(item)) }
        out.write(items.isEmpty ? "],\n" : "\n  ],\n")
    }

    mutating func begin(years: [Int], accounts: [(account: Account, project: String, econ: String?)],
                        to out: inout some TextOutputStream) {
        let span = years.isEmpty ? "no years" : years.count == 1 ? "\(years[0])" : "\(years.first!)–\(years.last!)"
        switch format {
        case .csv:
            out.write("date,kind,project,amount,econ,doc,ref,memo,to_project" + (withDetails ? ",payee,payment_method" : "")
                      + (contracts.isEmpty ? "" : ",contract,supplier,procurement,sme") + "\n")
        case .json:
            out.write("{\n  \"book\": \(json(bookName)),\n  \"years\": [\(years.map(String.init).joined(separator: ", "))],\n")
            LedgerWriter.jsonArray("projects", projects, to: &out) { p in
                "{\"code\": \(json(p.code)), \"name\": \(json(p.name)), \"kind\": \(json(p.kind.rawValue)), "
                    + "\"fund\": \(json(p.fund.rawValue)), \"function\": \(json(p.function?.code)), "
                    + "\"unit\": \(json(p.unit)), \"status\": \(json(p.status.rawValue))}"
            }
            if !contracts.isEmpty {
                let code = Dictionary(uniqueKeysWithValues: projects.map { ($0.id, $0.code) })
                LedgerWriter.jsonArray("contracts", contracts, to: &out) { c in
                    "{\"number\": \(json(c.number)), \"project\": \(json(code[c.projectID])), \"supplier\": \(json(c.supplier)), "
                        + "\"econ\": \(json(c.econ.code)), \"procurement\": \(json(c.procurement?.rawValue)), "
                        + "\"sme\": \(c.sme), \"signed\": \"\(c.signed)\", \"memo\": \(json(c.memo))}"
                }
            }
            out.write("  \"entries\": [")
        case .hledger:
            out.write("; \(bookName): fiscal journal, \(span)\n")
            out.write("; Accounts are budget:ACCOUNT:PROJECT[:ECONOMIC CODE]; amounts are yuan (CNY), debit positive.\n")
            out.write("; Each year ends with balance assertions (=*) from fiscal's trial balance.\n\n")
            out.write("commodity 1000.00 CNY\n\n")
            for name in declaredAccounts(accounts) { out.write("account \(name)\n") }
            out.write("\n")
        case .beancount:
            out.write("; \(bookName): fiscal journal, \(span)\n")
            out.write("; Accounts are Equity:Budget:ACCOUNT:PROJECT[:ECONOMIC CODE]; amounts are yuan (CNY), debit positive.\n")
            out.write("; Each year ends with balance assertions from fiscal's trial balance.\n\n")
            out.write("option \"title\" \(beancountString(bookName))\n")
            out.write("option \"operating_currency\" \"CNY\"\n\n")
            if let first = years.first {
                out.write("\(first)-01-01 commodity CNY\n")
                for name in declaredAccounts(accounts) { out.write("\(first)-01-01 open \(name) CNY\n") }
                out.write("\n")
            }
        }
    }

    /// Every account posted to, with its parents up to the fiscal account (the level the
    /// year-end assertions check), sorted.
    private func declaredAccounts(_ accounts: [(account: Account, project: String, econ: String?)]) -> [String] {
        var names: Set<String> = []
        for a in Account.allCases { names.insert(accountName(a, project: nil, econ: nil)) }
        for a in accounts {
            names.insert(accountName(a.account, project: a.project, econ: nil))
            if a.econ != nil { names.insert(accountName(a.account, project: a.project, econ: a.econ)) }
        }
        return names.sorted()
    }

    mutating func write(_ entry: JournalEntry, to out: inout some TextOutputStream) -> Outcome {
        switch format {
        case .csv: return writeCSV(entry, to: &out)
        case .json: writeJSON(entry, to: &out)
        case .hledger: writeHledger(entry, to: &out)
        case .beancount: writeBeancount(entry, to: &out)
        }
        return .written
    }

    /// After the last entry of a year: assertions that each fiscal account (with every
    /// project and code below it) has the balance fiscal's trial balance gives, cumulated
    /// over the exported years as the tools cumulate them.
    func endOfYear(_ year: Int, balances: [Account: Money], to out: inout some TextOutputStream) {
        switch format {
        case .csv, .json: return
        case .hledger:
            out.write("\(year)-12-31 * fiscal trial balance \(year)\n")
            for a in Account.allCases {
                out.write("    \(accountName(a, project: nil, econ: nil))  0 CNY =* \((balances[a] ?? .zero).plain) CNY\n")
            }
            out.write("\n")
        case .beancount:
            for a in Account.allCases {
                // `~ 0.00`: exact; beancount otherwise lets a balance be off by 0.01.
                out.write("\(year + 1)-01-01 balance \(accountName(a, project: nil, econ: nil))  \((balances[a] ?? .zero).plain) ~ 0.00 CNY\n")
            }
            out.write("\n")
        }
    }

    func end(to out: inout some TextOutputStream) {
        if format == .json { out.write(firstEntry ? "]\n}\n" : "\n  ]\n}\n") }
    }

    // MARK: Formats

    private mutating func writeCSV(_ e: JournalEntry, to out: inout some TextOutputStream) -> Outcome {
        if e.kind == .close || e.kind == .open { return .yearEnd }
        if e.kind == .reversal || e.reversedBy != nil { return .reversal }
        guard let first = e.postings.first else { return .written }
        var project = first.projectCode
        var toProject = ""
        var amount = first.amount
        if e.kind == .transfer {
            let from = e.postings.first { $0.account == .available && $0.amount.isPositive }
            let to = e.postings.first { $0.account == .available && !$0.amount.isPositive }
            project = from?.projectCode ?? project
            toProject = to?.projectCode ?? ""
            amount = from?.amount ?? amount
        }
        if amount.fen < 0 { amount = -amount }
        var fields = [e.date.description, e.kind.rawValue, project, amount.plain, first.econ ?? "", e.doc ?? "",
                      e.ref ?? "", e.memo ?? "", toProject] + (withDetails ? [e.payee ?? "", e.paymentMethod ?? ""] : [])
        if !contracts.isEmpty {
            if let number = first.contract, let c = contractByNumber[number] {
                // The first commit of a contract says what it is; the import creates it from that row.
                let describe = e.kind == .commit && contractsDescribed.insert(number).inserted
                fields += [number, describe ? c.supplier ?? "" : "", describe ? c.procurement?.rawValue ?? "" : "",
                           describe && c.sme ? "yes" : ""]
            } else {
                fields += ["", "", "", ""]
            }
        }
        out.write(fields.map(csvField).joined(separator: ",") + "\n")
        return .written
    }

    private mutating func writeJSON(_ e: JournalEntry, to out: inout some TextOutputStream) {
        out.write(firstEntry ? "\n" : ",\n")
        firstEntry = false
        var text = "    {\"id\": \(e.id), \"date\": \"\(e.date)\", \"kind\": \(json(e.kind.rawValue)), "
        text += "\"doc\": \(json(e.doc)), \"memo\": \(json(e.memo)), \"ref\": \(json(e.ref)), "
        text += "\"reverses\": \(e.reverses.map(String.init) ?? "null"), \"reversed_by\": \(e.reversedBy.map(String.init) ?? "null"), "
        text += "\"overdraft\": \(e.overdraft), \"payee\": \(json(e.payee)), \"payment_method\": \(json(e.paymentMethod)), "
        text += "\"postings\": ["
        text += e.postings.map { p in
            "{\"account\": \(json(p.account.rawValue)), \"project\": \(json(p.projectCode)), \"econ\": \(json(p.econ)), \"amount\": \"\(p.amount.plain)\""
                + (p.contract.map { ", \"contract\": \(json($0))" } ?? "") + "}"
        }.joined(separator: ", ")
        out.write(text + "]}")
    }

    private func writeHledger(_ e: JournalEntry, to out: inout some TextOutputStream) {
        var head = "\(e.date) \(e.overdraft ? "!" : "*")"
        var tags = ["entry:\(e.id)", "kind:\(e.kind.rawValue)"]
        if let doc = e.doc {
            if doc.contains(")") || doc.contains(where: \.isNewline) { tags.append("doc:" + tagValue(doc)) } else { head += " (\(doc))" }
        }
        // hledger's payee is the description before its first `|`: the entry's payee, else its kind.
        var description = e.memo.map { "\(e.kind.rawValue) | \($0)" } ?? e.kind.rawValue
        if let payee = e.payee { description = oneLine(payee).replacingOccurrences(of: "|", with: "｜") + " | " + description }
        head += " " + oneLine(description).replacingSemicolons
        if let ref = e.ref { tags.append("ref:" + tagValue(ref)) }
        if let method = e.paymentMethod { tags.append("method:" + tagValue(method)) }
        if let r = e.reverses { tags.append("reverses:\(r)") }
        if e.overdraft { tags.append("overdraft:") }
        out.write(head + "  ; " + tags.joined(separator: ", ") + "\n")
        for p in e.postings {
            var line = "    \(accountName(p.account, project: p.projectCode, econ: p.econ))  \(p.amount.plain) CNY"
            var postingTags: [String] = []
            if component[p.projectCode] != p.projectCode { postingTags.append("project:" + tagValue(p.projectCode)) }
            if let contract = p.contract { postingTags.append("contract:" + tagValue(contract)) }
            if !postingTags.isEmpty { line += "  ; " + postingTags.joined(separator: ", ") }
            out.write(line + "\n")
        }
        out.write("\n")
    }

    private func writeBeancount(_ e: JournalEntry, to out: inout some TextOutputStream) {
        let narration = e.memo.map { "\(e.kind.rawValue) | \($0)" } ?? e.kind.rawValue
        // beancount's payee is the first of two strings.
        let payee = e.payee.map { beancountString($0) + " " } ?? ""
        out.write("\(e.date) \(e.overdraft ? "!" : "*") \(payee)\(beancountString(narration))\n")
        out.write("  entry: \(e.id)\n  kind: \"\(e.kind.rawValue)\"\n")
        if let method = e.paymentMethod { out.write("  method: \(beancountString(method))\n") }
        if let doc = e.doc { out.write("  doc: \(beancountString(doc))\n") }
        if let ref = e.ref { out.write("  ref: \(beancountString(ref))\n") }
        if let r = e.reverses { out.write("  reverses: \(r)\n") }
        for p in e.postings {
            out.write("  \(accountName(p.account, project: p.projectCode, econ: p.econ))  \(p.amount.plain) CNY\n")
            if component[p.projectCode] != p.projectCode { out.write("    project: \(beancountString(p.projectCode))\n") }
            if let contract = p.contract { out.write("    contract: \(beancountString(contract))\n") }
        }
        out.write("\n")
    }

    // MARK: Text

    private func oneLine(_ s: String) -> String {
        String(s.map { $0.isNewline || $0 == "\t" ? " " : $0 })
    }

    /// An hledger tag value ends at a comma or the end of the line.
    private func tagValue(_ s: String) -> String {
        String(oneLine(s).map { $0 == "," ? "，" : $0 })
    }

    private func beancountString(_ s: String) -> String {
        var out = "\""
        for c in oneLine(s) {
            if c == "\"" || c == "\\" { out.append("\\") }
            out.append(c)
        }
        return out + "\""
    }

    private func csvField(_ s: String) -> String { TextEscaping.csvField(s) }

    private func json(_ s: String?) -> String { s.map(TextEscaping.json) ?? "null" }
}

private extension String {
    /// hledger reads `;` in a description as the start of a comment.
    var replacingSemicolons: String { String(map { $0 == ";" ? "；" : $0 }) }
}
