import Foundation

/// A published report in the form it is published in — a Word file (.docx), a web page
/// (.html) or a PDF — as the text the report reader reads. The form is told by the file's
/// content, never its name. Paragraphs come in document order, one a line; a table is laid
/// out as reports converted from Word give it (and as the example report is): each cell on a
/// line of its own after a tab, each row ended by a blank line.
///
///     表1-1 …                 ← a paragraph
///     \t序号                   ← a row of two cells
///     \t主要职责
///
public enum ReportDocument {
    enum Form { case docx, html, pdf }

    /// The form of the file at `path`, or nil for plain text.
    static func form(path: String) -> Form? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 1024)) ?? Data()
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .docx }
        if head.starts(with: Array("%PDF-".utf8)) { return .pdf }
        var text = String(decoding: head, as: UTF8.self).lowercased()
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let start = text.drop { $0.isWhitespace }
        if start.hasPrefix("<!doctype html") || start.hasPrefix("<html") || (start.hasPrefix("<") && text.contains("<body")) {
            return .html
        }
        return nil
    }

    /// The text of a .docx, .html or .pdf report; nil when the file is plain text (read it as
    /// text). `field` names the option in messages (`--report`).
    public static func text(path: String, field: String) throws(FiscalError) -> String? {
        switch form(path: path) {
        case nil: return nil
        case .docx: return try DOCXText.read(path: path, field: field)
        case .html: return try HTMLText.read(path: path, field: field)
        case .pdf: return try pdfText(path: path, field: field)
        }
    }

    /// Lines of a document: paragraphs and tables in order, tables in the text layout above.
    static func layout(_ blocks: [Block]) -> String {
        var lines: [String] = []
        for block in blocks {
            switch block {
            case .paragraph(let text): lines.append(text)
            case .table(let rows):
                for row in rows {
                    lines += row.map { "\t" + $0 }
                    lines.append("")
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    enum Block {
        case paragraph(String)
        /// Rows of cells; a cell's paragraphs joined by a space.
        case table([[String]])
    }

    /// A PDF's text through poppler's `pdftotext -layout`, which keeps a table's columns apart.
    static func pdfText(path: String, field: String) throws(FiscalError) -> String {
        let search = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        guard let tool = search.map({ "\($0)/pdftotext" }).first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw .invalidValue(field: field, value: path,
                                reason: "a PDF; reading it needs pdftotext from poppler-utils (apt-get install poppler-utils), or give the report as .txt, .docx or .html")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["-layout", "-enc", "UTF-8", path, "-"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch {
            throw .invalidValue(field: field, value: path, reason: "pdftotext could not run (\(error.localizedDescription))")
        }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw .invalidValue(field: field, value: path, reason: "pdftotext could not read it (exit \(process.terminationStatus))")
        }
        // Form feeds between pages become line breaks.
        return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\u{0C}", with: "\n")
    }
}
