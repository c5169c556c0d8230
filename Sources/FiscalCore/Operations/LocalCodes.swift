extension Book {
    /// The codes this book accepts: the official tables with its local codes.
    public func codes() throws(FiscalError) -> BookCodes {
        try guarded { BookCodes(local: try store.localCodes()) }
    }

    /// Adds a code the official table lacks, with its name, to this book (`fiscal codes add`).
    /// Refused when the table has it already, when its shape is wrong, or when a 款's class (or
    /// a 项's 款) is unknown.
    @discardableResult
    public func addLocalCode(_ code: LocalCode, date: Day) throws(FiscalError) -> LocalCode {
        var code = code
        code.name = String(code.name.trimmingWhitespace())
        guard !code.name.isEmpty else { throw .invalidValue(field: "name", value: code.name, reason: "must not be empty") }
        let field = code.scheme.rawValue
        let lengths = code.scheme == .econ ? [3, 5] : [3, 5, 7]
        guard lengths.contains(code.code.count), code.code.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw .invalidValue(field: field, value: code.code,
                                reason: "a code is \(lengths.map(String.init).joined(separator: ", ")) digits")
        }
        return try guarded {
            try store.write {
                let codes = BookCodes(local: try store.localCodes())
                let table = code.scheme == .econ ? codes.economic : codes.function
                if let known = table[code.code] {
                    throw FiscalError.invalidValue(field: field, value: code.code,
                                                   reason: "already \(known.local ? "a local" : "an official") code: \(known.name)")
                }
                if code.scheme == .function { _ = try codes.check(function: code.code) }
                if code.code.count > 3 {
                    let parent = String(code.code.prefix(code.code.count - 2))
                    guard code.scheme == .function || table[parent] != nil else {
                        throw FiscalError.invalidValue(field: field, value: code.code,
                                                       reason: "its class \(parent) is not known; add the class first")
                    }
                }
                try store.insertLocalCode(code, date: date)
                return code
            }
        }
    }
}
