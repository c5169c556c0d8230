/// Which codes a book accepts: the official tables with the book's local codes added. The one
/// home of the code rule — a recording command, the import and `project add` all ask here.
///
///     let codes = BookCodes(local: try store.localCodes())
///     try codes.check(econ: "30299x", for: .pay)   // econ '30299x': no such code; did you mean 30299 其他商品和服务支出?
public struct BookCodes: Sendable {
    public var economic: CodeTable
    public var function: CodeTable

    public init(local: [LocalCode] = []) {
        economic = CodeTable.economic.adding(local.filter { $0.scheme == .econ }.map(\.entry))
        function = CodeTable.function.adding(local.filter { $0.scheme == .function }.map(\.entry))
    }

    /// The official tables only (no book at hand: checking an argument's shape).
    public static let official = BookCodes()

    /// Checks an economic code for an event kind: a payment or refund needs a 款 the book
    /// knows; authority may also name a known 类.
    public func check(econ text: String, for kind: EntryKind) throws(FiscalError) {
        let needsItem = kind.econRule.required
        if let entry = economic[text] {
            guard needsItem && entry.level == .class else { return }
            let examples = economic.entries.filter { $0.level == .item && $0.code.hasPrefix(text) }.prefix(3)
            throw .invalidValue(field: "econ", value: text, reason: "a \(kind.rawValue) needs a 款 (5 digits), not the class \(text) \(entry.name)"
                                + (examples.isEmpty ? "" : "; e.g. " + examples.map { "\($0.code) \($0.name)" }.joined(separator: ", ")))
        }
        throw unknown(econ: text, levels: needsItem ? [.item] : [.class, .item])
    }

    /// The refusal of an economic code the book does not know, with the nearest it does.
    public func unknown(econ text: String, item: Bool) -> FiscalError {
        unknown(econ: text, levels: item ? [.item] : [.class, .item])
    }

    func unknown(econ text: String, levels: Set<CodeTable.Level>) -> FiscalError {
        let near = economic.nearest(text, levels: levels)
        let hint = near.isEmpty ? " (`fiscal codes econ` lists them)"
            : "; did you mean " + near.map { "\($0.code) \($0.name)" }.joined(separator: " or ") + "?"
        return .invalidValue(field: "econ", value: text, reason: "no such code" + hint)
    }

    /// Checks a function code: its shape and its class (201–234) strictly; a 款 or 项 our
    /// table lacks is accepted, and the returned note says so (the table is incomplete).
    public func check(function text: String) throws(FiscalError) -> String? {
        guard FunctionCode(text) != nil, let classNumber = Int(text.prefix(3)), (201...234).contains(classNumber) else {
            let near = function.nearest(text, levels: [.class, .item, .subitem])
            throw .invalidValue(field: "function", value: text, reason: "not a function code (类 201–234: 3, 5 or 7 digits, e.g. 2040201)"
                                + (near.isEmpty ? "" : "; did you mean " + near.map { "\($0.code) \($0.name)" }.joined(separator: " or ") + "?"))
        }
        if function[text] != nil { return nil }
        let parent = function[String(text.prefix(text.count == 7 ? 5 : 3))] ?? function[String(text.prefix(3))]
        return "function \(text) is not in fiscal's reference table (incomplete below the classes); kept as given"
            + (parent.map { ", under \($0.code) \($0.name)" } ?? "")
    }
}

/// A code a book adds to an official table (`fiscal codes add`), kept in the book.
public struct LocalCode: Sendable, Equatable {
    public enum Scheme: String, Sendable, CaseIterable { case econ, function }
    public var scheme: Scheme
    public var code: String
    public var name: String

    public init(scheme: Scheme, code: String, name: String) {
        self.scheme = scheme
        self.code = code
        self.name = name
    }

    var level: CodeTable.Level { code.count == 3 ? .class : code.count == 5 ? .item : .subitem }
    var entry: CodeTable.Entry { CodeTable.Entry(code: code, name: name, level: level, local: true) }
}
