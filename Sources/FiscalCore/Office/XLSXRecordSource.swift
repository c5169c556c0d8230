/// A worksheet as a record source: the import reads its rows as it reads a CSV file's records,
/// through the same checks and messages. Each record's line is the sheet's row number, so a
/// bad row is named as Excel shows it. Title rows above the header — a merged banner, a single
/// cell such as `单位：元` — are skipped: the header is the first row with two or more cells
/// that is not part of a merged range.
final class XLSXRecordSource: RecordSource {
    let path: String
    let sheet: XLSXSheet
    private var index: Int

    init(path: String, sheet: String?) throws(FiscalError) {
        self.path = path
        self.sheet = try XLSXSheet.read(path: path, sheet: sheet)
        index = XLSXRecordSource.headerIndex(self.sheet)
    }

    private init(path: String, parsed: XLSXSheet) {
        self.path = path
        sheet = parsed
        index = XLSXRecordSource.headerIndex(parsed)
    }

    private static func headerIndex(_ sheet: XLSXSheet) -> Int {
        sheet.rows.firstIndex { row in
            !sheet.mergedRows.contains(row.number) && row.cells.filter { !$0.isEmpty }.count >= 2
        } ?? sheet.rows.count
    }

    var encoding: TextEncoding { .utf8 }
    var position: (done: Int, total: Int) { (index, sheet.rows.count) }

    func next(into record: inout CSVRecord) throws(FiscalError) -> Bool {
        guard index < sheet.rows.count else { return false }
        let row = sheet.rows[index]
        index += 1
        record.clear()
        record.line = row.number
        for cell in row.cells {
            record.bytes.append(contentsOf: cell.utf8)
            record.ends.append(record.bytes.count)
        }
        return true
    }

    func restarted() throws(FiscalError) -> any RecordSource { XLSXRecordSource(path: path, parsed: sheet) }
}

/// The record source for an import file, by its content: a zip archive is an .xlsx workbook
/// (its first sheet, or `sheet`), anything else CSV text.
func openRecordSource(path: String, options: ImportOptions) throws(FiscalError) -> any RecordSource {
    if OfficePackage.isZip(path: path) { return try XLSXRecordSource(path: path, sheet: options.sheet) }
    if let sheet = options.sheet {
        throw .invalidValue(field: "sheet", value: sheet, reason: "\(path) is not a workbook (.xlsx); only a workbook has sheets")
    }
    return try CSVRecordSource(path: path, encoding: options.encoding)
}
