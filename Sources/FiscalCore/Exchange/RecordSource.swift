/// Where an import's records come from, one at a time, header first: a CSV file today; a
/// spreadsheet's sheet implements the same protocol. The import checks and posts records
/// without knowing the format they came in.
protocol RecordSource: AnyObject {
    /// The file, as messages name it.
    var path: String { get }
    /// The text encoding the source found (or was told).
    var encoding: TextEncoding { get }
    /// How far the source is, for a progress bar, in its own units (bytes of a CSV file).
    var position: (done: Int, total: Int) { get }
    /// Reads the next record into `record`; false at the end.
    func next(into record: inout CSVRecord) throws(FiscalError) -> Bool
    /// The same records again from the start, for an import's second pass.
    func restarted() throws(FiscalError) -> any RecordSource
}

/// A CSV file as a record source (RFC 4180, UTF-8 or GB18030; see ``TextSource``).
final class CSVRecordSource: RecordSource {
    let path: String
    private let requested: TextEncoding?
    private let text: TextSource
    private let reader: CSVReader

    init(path: String, encoding: TextEncoding?) throws(FiscalError) {
        self.path = path
        requested = encoding
        text = try TextSource(path: path, encoding: encoding)
        reader = CSVReader(source: text)
    }

    var encoding: TextEncoding { text.detectedEncoding }
    var position: (done: Int, total: Int) { (text.bytesRead, text.fileSize) }

    func next(into record: inout CSVRecord) throws(FiscalError) -> Bool { try reader.next(into: &record) }

    func restarted() throws(FiscalError) -> any RecordSource { try CSVRecordSource(path: path, encoding: requested) }
}
