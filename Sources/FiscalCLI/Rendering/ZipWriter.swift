import Foundation
import ZIPFoundation

/// Writes a zip container (an .xlsx) from its parts, to a temporary file beside `path` that
/// then replaces it, so a failed write leaves no half a workbook. Entries carry a fixed date,
/// so the same report makes the same bytes.
enum ZipWriter {
    static func write(_ parts: [(name: String, xml: String)], to path: String) throws {
        let target = URL(fileURLWithPath: path)
        let temp = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).\(getpid()).tmp")
        try? FileManager.default.removeItem(at: temp)
        do {
            let archive = try Archive(url: temp, accessMode: .create)
            let date = Date(timeIntervalSince1970: 315_532_800)  // 1980-01-01, zip's first day
            for (name, xml) in parts {
                let data = Data(xml.utf8)
                try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
                                     compressionMethod: .deflate) { position, size in
                    data.subdata(in: Int(position)..<(Int(position) + size))
                }
            }
            // rename(2) replaces an existing file in one step; Foundation's replaceItemAt fails
            // on Linux for a file that exists ("The file doesn't exist"), so a second run
            // with the same -o could not write its workbook.
            if rename(temp.path, target.path) != 0 {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(errno))])
            }
        } catch {
            try? FileManager.default.removeItem(at: temp)
            throw CommandFailure(message: "-o '\(path)': " + cannotWrite(path, otherwise: error.localizedDescription))
        }
    }
}
