/// One CSV record as bytes: its fields' UTF-8 bytes laid end to end, and where each ends.
/// Reused from record to record, so reading a million rows allocates nothing per row.
struct CSVRecord {
    /// The 1-based line of the file the record starts on (a quoted field may span lines).
    var line = 0
    /// Set when a quoted field was still open at the end of the file: the field then holds
    /// everything to the end, and the record is reported as broken.
    var unclosedQuote = false
    var bytes: [UInt8] = []
    var ends: [Int] = []

    var count: Int { ends.count }

    /// Field `i`'s bytes, valid until the record is read over.
    func field<T>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
        let start = i == 0 ? 0 : ends[i - 1]
        return try bytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[start..<ends[i]])) }
    }

    func string(_ i: Int) -> String {
        field(i) { String(decoding: $0, as: UTF8.self) }
    }


    /// A line with no text in any field (what spreadsheets leave between blocks: `,,,,`).
    var isBlank: Bool { bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 } }

    mutating func clear() {
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        unclosedQuote = false
    }
}

/// Reads RFC 4180 CSV from a `TextSource` one record at a time: fields separated by commas,
/// records by LF or CRLF, a field in double quotes may hold commas, line breaks and doubled
/// quotes (`"a ""b"", c"`). Spaces around a field are kept; the importer trims them. A file
/// whose lines end in CR alone (Excel's "CSV (Macintosh)") is read as if they ended in LF:
/// it has no LF in its first block, and read as one line it was one header of every row.
final class CSVReader {
    private let source: TextSource
    private var buffer: [UInt8] = []
    private var position = 0
    private var exhausted = false
    private var line = 1
    /// nil until the first block is read.
    private var crLines: Bool?

    init(source: TextSource) {
        self.source = source
    }


    /// Reads the next record into `record`; false at the end of the file.
    func next(into record: inout CSVRecord) throws(FiscalError) -> Bool {
        while true {
            record.clear()
            record.line = line
            switch scan(into: &record, final: exhausted) {
            case .record(let end, let lines):
                position = end
                line += lines
                return true
            case .needMore:
                if position > 0 {
                    buffer.removeSubrange(0..<position)
                    position = 0
                }
                let read = buffer.count
                if try !source.read(into: &buffer) { exhausted = true }
                if crLines == nil && buffer.count > read {
                    crLines = !buffer.contains(UInt8(ascii: "\n")) && buffer.contains(UInt8(ascii: "\r"))
                }
                if crLines == true {
                    for i in read..<buffer.count where buffer[i] == UInt8(ascii: "\r") { buffer[i] = UInt8(ascii: "\n") }
                }
            case .end:
                return false
            }
        }
    }

    private enum Scan { case record(end: Int, lines: Int), needMore, end }

    /// Scans one record from `position`. Without `final`, a record that reaches the end of the
    /// buffer is incomplete (more may follow); with it, the end of the buffer ends the record.
    private func scan(into record: inout CSVRecord, final: Bool) -> Scan {
        buffer.withUnsafeBufferPointer { buf -> Scan in
            let n = buf.count
            var i = position
            if i >= n { return final ? .end : .needMore }
            var lines = 0
            while true {
                // One field starts at i.
                if i < n && buf[i] == UInt8(ascii: "\"") {
                    i += 1
                    while true {
                        guard let q = indexOfQuote(buf, from: i) else {
                            guard final else { return .needMore }
                            lines += countNewlines(buf, i, n)
                            record.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buf[i..<n]))
                            record.ends.append(record.bytes.count)
                            record.unclosedQuote = true
                            return .record(end: n, lines: lines + 1)
                        }
                        lines += countNewlines(buf, i, q)
                        record.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buf[i..<q]))
                        if q + 1 < n && buf[q + 1] == UInt8(ascii: "\"") {
                            record.bytes.append(UInt8(ascii: "\""))
                            i = q + 2
                            continue
                        }
                        if q + 1 >= n && !final { return .needMore }
                        i = q + 1
                        break
                    }
                    // After the closing quote, anything up to the separator is kept as text.
                    let start = i
                    while i < n && buf[i] != UInt8(ascii: ",") && buf[i] != UInt8(ascii: "\n") { i += 1 }
                    if i >= n && !final { return .needMore }
                    var end = i
                    if end > start && buf[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                    record.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buf[start..<end]))
                } else {
                    let start = i
                    while i < n && buf[i] != UInt8(ascii: ",") && buf[i] != UInt8(ascii: "\n") { i += 1 }
                    if i >= n && !final { return .needMore }
                    var end = i
                    if end > start && buf[end - 1] == UInt8(ascii: "\r") && (i >= n || buf[i] == UInt8(ascii: "\n")) { end -= 1 }
                    record.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buf[start..<end]))
                }
                record.ends.append(record.bytes.count)
                if i >= n { return .record(end: n, lines: lines + 1) }
                if buf[i] == UInt8(ascii: "\n") { return .record(end: i + 1, lines: lines + 1) }
                i += 1  // a comma: the next field
            }
        }
    }

    private func indexOfQuote(_ buf: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        var i = from
        while i < buf.count {
            if buf[i] == UInt8(ascii: "\"") { return i }
            i += 1
        }
        return nil
    }

    private func countNewlines(_ buf: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Int {
        var count = 0
        for i in from..<to where buf[i] == UInt8(ascii: "\n") { count += 1 }
        return count
    }
}
