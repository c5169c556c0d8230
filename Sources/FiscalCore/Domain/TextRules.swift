/// What text the book takes (issue 12): the one home of the rule, for every command and the
/// import alike. Text that could deceive a reader is refused at the door:
///
/// - control characters (C0 U+0000–U+001F, DEL U+007F, C1 U+0080–U+009F): an ANSI escape in a
///   memo would drive the terminal of whoever lists it. A memo (and a reason) alone may hold line
///   breaks (LF, CR: a CSV saved on Windows) and tabs: a memo can have lines. The table
///   renderer still shows them escaped.
/// - invisible and bidirectional format marks (U+200B–U+200F, U+202A–U+202E, U+2060–U+206F,
///   U+FEFF, and U+00AD, U+061C, U+180E, U+FFF9–U+FFFB, the tags U+E0000–U+E007F): U+202E
///   makes the code `10DJ` display as `JD01`; U+061C (the Arabic letter mark) and U+2067 are
///   bidirectional marks as much as U+200F.
/// - more characters than a field's limit (a 50 MB memo is not a memo).
///
/// A project code is further limited to letters and digits of ASCII and `-`, `_`, `.`, so that
/// what a person reads is what the book matches.
public enum TextField: String, Sendable {
    case code, name, doc, memo, ref, reason, unit

    /// The most characters (extended grapheme clusters) the field may hold.
    public var limit: Int {
        switch self {
        case .code: 64
        case .name, .unit: 200
        case .doc, .ref: 100
        case .memo, .reason: 1_000
        }
    }

    var allowsLineBreaks: Bool { self == .memo || self == .reason }
}

public enum TextRules {
    /// Refuses `text` for `field` with an error that names the field.
    public static func check(_ text: String?, _ field: TextField, name: String? = nil) throws(FiscalError) {
        guard let text, let reason = problem(text, as: field) else { return }
        throw .invalidValue(field: name ?? field.rawValue, value: text, reason: reason)
    }

    /// Why `text` cannot be stored in `field`, or nil when it can. The reason names what is
    /// wrong by code point, since the character itself may be invisible.
    public static func problem(_ text: String, as field: TextField) -> String? {
        for scalar in text.unicodeScalars {
            if let reason = problem(scalar, as: field) { return reason }
        }
        if text.count > field.limit { return "longer than \(field.limit) characters" }
        if field == .code, let bad = text.unicodeScalars.first(where: { !isCodeScalar($0) }) {
            return "'\(bad)' is not allowed in a project code (letters A–Z a–z, digits, '-', '_', '.')"
        }
        return nil
    }

    /// The same check on UTF-8 bytes, as the import holds them (valid UTF-8), scanning the
    /// bytes: a million memos are read without making a `String` of each. Only a hit, a
    /// project code, or bytes past the limit (a character is at least one byte) go the slow way.
    public static func problem(utf8 bytes: UnsafeBufferPointer<UInt8>, as field: TextField) -> String? {
        if field == .code || bytes.count > field.limit { return problem(String(decoding: bytes, as: UTF8.self), as: field) }
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x20 || b == 0x7F {
                if !(field.allowsLineBreaks && (b == 0x0A || b == 0x0D || b == 0x09)) { break }
            } else if b == 0xC2, i + 1 < n, (0x80...0x9F).contains(bytes[i + 1]) || bytes[i + 1] == 0xAD {
                break  // C1 controls, U+00AD
            } else if b == 0xD8, i + 1 < n, bytes[i + 1] == 0x9C {
                break  // U+061C
            } else if b == 0xE1, i + 2 < n, bytes[i + 1] == 0xA0, bytes[i + 2] == 0x8E {
                break  // U+180E
            } else if b == 0xE2, i + 2 < n, (bytes[i + 1] == 0x80 && ((0x8B...0x8F).contains(bytes[i + 2]) || (0xAA...0xAE).contains(bytes[i + 2])))
                        || (bytes[i + 1] == 0x81 && (0xA0...0xAF).contains(bytes[i + 2])) {
                break  // U+200B–U+200F, U+202A–U+202E, U+2060–U+206F
            } else if b == 0xEF, i + 2 < n, (bytes[i + 1] == 0xBB && bytes[i + 2] == 0xBF) || (bytes[i + 1] == 0xBF && (0xB9...0xBB).contains(bytes[i + 2])) {
                break  // U+FEFF, U+FFF9–U+FFFB
            } else if b == 0xF3, i + 1 < n, bytes[i + 1] == 0xA0 {
                break  // U+E0000–U+E007F (tags) and their neighbours: the slow path decides
            }
            i += 1
        }
        return i == n ? nil : problem(String(decoding: bytes, as: UTF8.self), as: field)
    }

    static func problem(_ scalar: Unicode.Scalar, as field: TextField) -> String? {
        let v = scalar.value
        if field.allowsLineBreaks && (v == 0x0A || v == 0x0D || v == 0x09) { return nil }
        if v < 0x20 || (0x7F...0x9F).contains(v) {
            return "contains the control character \(codePoint(v)), which a terminal would act on"
        }
        if (0x200B...0x200F).contains(v) || (0x202A...0x202E).contains(v) || (0x2060...0x206F).contains(v) || v == 0xFEFF
            || v == 0x00AD || v == 0x061C || v == 0x180E || (0xFFF9...0xFFFB).contains(v) || (0xE0000...0xE007F).contains(v) {
            return "contains the invisible format mark \(codePoint(v)), which changes how the text reads"
        }
        return nil
    }

    static func isCodeScalar(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2D, 0x5F, 0x2E: true
        default: false
        }
    }

    /// `U+202E`.
    static func codePoint(_ v: UInt32) -> String {
        let hex = String(v, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// Text as a terminal should show it: every control character and format mark that reached
    /// the book (from an older fiscal, or behind its back) made visible as `\u{1B}`, so it
    /// cannot move the cursor, recolour the screen or reverse the line.
    public static func escapedForTerminal(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { problem($0, as: .code) != nil }) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if problem(scalar, as: .code) != nil {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
