import Foundation

/// The visible text of a web page: paragraphs and headings in order, tables as rows of cells
/// (see ``ReportDocument``); scripts, styles and the head left out; whitespace collapsed as a
/// browser collapses it; character references decoded. Tolerant of HTML as it is found —
/// unclosed `<p>` and `<td>`, upper-case tags, comments — since a published page is rarely
/// well-formed XML.
struct HTMLText {
    private var blocks: [ReportDocument.Block] = []
    private var paragraph = ""
    /// Open tables, innermost last: their finished rows, the open row, the open cell.
    private var tables: [(rows: [[String]], row: [String]?, cell: String?)] = []
    private var hidden = 0

    static let hiddenTags: Set<String> = ["script", "style", "head", "template", "noscript", "title"]
    static let blockTags: Set<String> = ["p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section", "article",
                                         "header", "footer", "main", "nav", "aside", "blockquote", "pre", "dt", "dd", "dl",
                                         "caption", "figure", "figcaption", "br", "hr", "body", "html", "form", "address"]

    static func read(path: String, field: String) throws(FiscalError) -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .invalidValue(field: field, value: path, reason: "cannot be read")
        }
        var text = String(decoding: data, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return ReportDocument.layout(blocks(text))
    }

    static func blocks(_ html: String) -> [ReportDocument.Block] {
        var reader = HTMLText()
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            reader.text(rest[..<open])
            rest = rest[open...]
            if rest.hasPrefix("<!--") {
                rest = rest.range(of: "-->").map { rest[$0.upperBound...] } ?? ""
                continue
            }
            guard let close = rest.firstIndex(of: ">") else { break }
            reader.tag(rest[rest.index(after: rest.startIndex)..<close])
            rest = rest[rest.index(after: close)...]
        }
        reader.text(rest)
        reader.flush(keepEmpty: false)
        return reader.blocks
    }

    private mutating func tag(_ inside: Substring) {
        let closing = inside.hasPrefix("/")
        let name = (closing ? inside.dropFirst() : inside).prefix { $0.isLetter || $0.isNumber }.lowercased()
        if HTMLText.hiddenTags.contains(name) {
            if closing { hidden = max(0, hidden - 1) } else if !inside.hasSuffix("/") { hidden += 1 }
            return
        }
        guard hidden == 0 else { return }
        switch name {
        case "table": closing ? endTable() : startTable()
        case "tr": endCell(); endRow(); if !closing { setRow([]) }
        case "td", "th": endCell(); if !closing { setCell("") }
        default:
            guard HTMLText.blockTags.contains(name) else { return }
            if tables.last?.cell != nil { appendToCell(" ") } else { flush(keepEmpty: name == "p" && closing) }
        }
    }

    private mutating func text(_ raw: Substring) {
        guard hidden == 0, !raw.isEmpty else { return }
        let decoded = HTMLText.decode(String(raw))
        if tables.last?.cell != nil { appendToCell(decoded) }
        else if tables.isEmpty || !decoded.allSatisfy(\.isWhitespace) { paragraph += decoded }
    }

    private mutating func flush(keepEmpty: Bool) {
        let text = HTMLText.collapse(paragraph)
        paragraph = ""
        if !text.isEmpty || keepEmpty { blocks.append(.paragraph(text)) }
    }

    private mutating func startTable() {
        if tables.isEmpty { flush(keepEmpty: false) }
        tables.append(([], nil, nil))
    }

    private mutating func endTable() {
        guard !tables.isEmpty else { return }
        endCell()
        endRow()
        let rows = tables.removeLast().rows
        if tables.last?.cell != nil {
            appendToCell(" " + rows.map { $0.joined(separator: " ") }.joined(separator: " "))
        } else if tables.isEmpty {
            blocks.append(.table(rows))
        }
    }

    private mutating func setRow(_ row: [String]) { if !tables.isEmpty { tables[tables.count - 1].row = row } }
    private mutating func setCell(_ cell: String) {
        guard !tables.isEmpty else { return }
        if tables[tables.count - 1].row == nil { tables[tables.count - 1].row = [] }
        tables[tables.count - 1].cell = cell
    }
    private mutating func appendToCell(_ text: String) { tables[tables.count - 1].cell! += text }

    private mutating func endCell() {
        guard let cell = tables.last?.cell else { return }
        tables[tables.count - 1].row!.append(HTMLText.collapse(cell))
        tables[tables.count - 1].cell = nil
    }

    private mutating func endRow() {
        guard let row = tables.last?.row else { return }
        if !row.isEmpty { tables[tables.count - 1].rows.append(row) }
        tables[tables.count - 1].row = nil
    }

    /// Whitespace runs as one space, trimmed (what a browser shows).
    static func collapse(_ s: String) -> String {
        s.split(whereSeparator: { $0.isWhitespace && $0 != "\u{3000}" }).joined(separator: " ")
    }

    /// `&amp;`, `&nbsp;`, `&#20013;`, `&#x4E2D;` and the other common named references.
    static func decode(_ s: String) -> String {
        guard s.contains("&") else { return s }
        var out = ""
        var rest = Substring(s)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            rest = rest[amp...]
            guard let semi = rest.prefix(12).firstIndex(of: ";") else { out += "&"; rest = rest.dropFirst(); continue }
            let name = rest[rest.index(after: rest.startIndex)..<semi]
            if let scalar = reference(name) {
                out.unicodeScalars.append(scalar)
                rest = rest[rest.index(after: semi)...]
            } else {
                out += "&"
                rest = rest.dropFirst()
            }
        }
        return out + rest
    }

    private static let named: [Substring: Unicode.Scalar] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "ensp": " ", "emsp": " ",
        "mdash": "—", "ndash": "–", "ldquo": "“", "rdquo": "”", "lsquo": "‘", "rsquo": "’", "hellip": "…", "middot": "·",
        "times": "×", "divide": "÷", "yen": "¥", "permil": "‰",
    ]

    private static func reference(_ name: Substring) -> Unicode.Scalar? {
        if name.hasPrefix("#x") || name.hasPrefix("#X") { return UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init) }
        if name.hasPrefix("#") { return UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init) }
        return named[name]
    }
}
