/// A report's text as a finance office has it: UTF-8 (with or without BOM) or GB18030,
/// detected the way imports detect it; or a .docx, .html or .pdf, told by its content and
/// read as text by ``ReportDocument``.
public enum ReportFile {
    public static func read(path: String, field: String) throws(FiscalError) -> String {
        if let text = try ReportDocument.text(path: path, field: field) { return text }
        let source = try TextSource(path: path, encoding: nil)
        var bytes: [UInt8] = []
        while try source.read(into: &bytes) {}
        // An undecodable byte arrives as 0xFF, which is never UTF-8.
        if let bad = bytes.firstIndex(of: 0xFF) {
            let line = bytes[..<bad].filter { $0 == 0x0A }.count + 1
            throw .invalidValue(field: field, value: path,
                                reason: "line \(line) is not valid \(source.detectedEncoding.label) text")
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
