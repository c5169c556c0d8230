#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The text encodings an imported file may be in: UTF-8 (with or without a byte order mark),
/// or GB18030, what Excel on a Chinese Windows saves as "CSV (逗号分隔)".
public enum TextEncoding: String, CaseIterable, Sendable {
    case utf8 = "utf-8"
    case gb18030

    /// What an error message calls a file that is not valid in this encoding.
    var label: String { self == .utf8 ? "UTF-8" : "GB18030" }
}

/// A file read in chunks and handed on as UTF-8 bytes, so that a file of any size is read in
/// bounded memory and parsed as bytes.
///
/// Unless the encoding is given, it is detected: a UTF-8 byte order mark says UTF-8 (and is
/// dropped); otherwise the first chunk that holds a non-ASCII byte decides: valid UTF-8 from
/// there on means UTF-8, anything else GB18030. Until then every byte is ASCII, which both
/// encodings read alike. GB18030 is turned into UTF-8 by the C library's iconv. A byte
/// sequence that is not valid in the file's encoding is passed on as an invalid UTF-8 byte
/// (0xFF), so that the field holding it is reported with its line number.
final class TextSource {
    static let chunkSize = 1 << 20

    private let file: UnsafeMutablePointer<FILE>
    let path: String
    let fileSize: Int
    /// Source bytes read so far: the progress of the read.
    private(set) var bytesRead = 0
    /// The encoding in use; nil while every byte so far was ASCII and none was given.
    private(set) var encoding: TextEncoding?
    private var atStart = true
    private var finished = false
    private var raw: [UInt8]
    /// Bytes of an incomplete GB18030 sequence at the end of the last chunk.
    private var pending: [UInt8] = []
    private var converter: GB18030Converter?

    init(path: String, encoding: TextEncoding?) throws(FiscalError) {
        guard let file = fopen(path, "rb") else {
            throw .invalidValue(field: "file", value: path, reason: String(cString: strerror(errno)))
        }
        var info = stat()
        if fstat(fileno(file), &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            fclose(file)
            throw .invalidValue(field: "file", value: path, reason: "is a directory")
        }
        self.file = file
        self.path = path
        self.fileSize = Int(info.st_size)
        self.encoding = encoding
        raw = [UInt8](repeating: 0, count: TextSource.chunkSize)
        if encoding == .gb18030 { converter = try GB18030Converter() }
    }

    deinit { fclose(file) }

    /// Appends the next chunk of UTF-8 text to `out`; false once the file is exhausted.
    func read(into out: inout [UInt8]) throws(FiscalError) -> Bool {
        if finished { return false }
        let count = raw.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
        if count == 0 {
            if ferror(file) != 0 {
                throw .invalidValue(field: "file", value: path, reason: String(cString: strerror(errno)))
            }
            finished = true
            if !pending.isEmpty { out.append(0xFF); pending = [] }  // a truncated last character
            return false
        }
        bytesRead += count
        var start = 0
        if atStart {
            atStart = false
            if count >= 3 && raw[0] == 0xEF && raw[1] == 0xBB && raw[2] == 0xBF {
                if encoding == nil { encoding = .utf8 }
                start = 3
            } else if count >= 2 && ((raw[0] == 0xFF && raw[1] == 0xFE) || (raw[0] == 0xFE && raw[1] == 0xFF)) {
                throw .invalidValue(field: "file", value: path,
                                    reason: "is UTF-16 text; save it as CSV in UTF-8 or GB18030")
            }
        }
        try raw.withUnsafeBufferPointer { (all) throws(FiscalError) in
            let chunk = UnsafeBufferPointer(rebasing: all[start..<count])
            if encoding == nil, let first = chunk.firstIndex(where: { $0 >= 0x80 }) {
                let rest = UnsafeBufferPointer(rebasing: chunk[first...])
                encoding = isValidUTF8(rest, allowTruncatedEnd: true) ? .utf8 : .gb18030
                if encoding == .gb18030 { converter = try GB18030Converter() }
            }
            if let converter {
                pending.append(contentsOf: chunk)
                pending = converter.convert(pending, into: &out)
            } else {
                out.append(contentsOf: chunk)
            }
        }
        return true
    }

    /// The encoding the file turned out to be in (UTF-8 for a file that is all ASCII).
    var detectedEncoding: TextEncoding { encoding ?? .utf8 }
}

/// GB18030 → UTF-8 through iconv, a chunk at a time.
private final class GB18030Converter {
    private let descriptor: iconv_t

    init() throws(FiscalError) {
        let cd = iconv_open("UTF-8", "GB18030")
        if cd == iconv_t(bitPattern: -1) {
            throw .refused("this system cannot decode GB18030 (iconv has no GB18030 converter)")
        }
        descriptor = cd!
    }

    deinit { iconv_close(descriptor) }

    /// Converts what it can of `input` onto the end of `out`, and returns the bytes of an
    /// incomplete character at the end, to be prefixed to the next chunk. An invalid sequence
    /// becomes one 0xFF byte (never valid UTF-8) and its first byte is skipped.
    func convert(_ input: [UInt8], into out: inout [UInt8]) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
        var leftover: [UInt8] = []
        var input = input
        input.withUnsafeMutableBufferPointer { inBuf in
            var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuf.baseAddress!).assumingMemoryBound(to: CChar.self)
            var inLeft = inBuf.count
            while inLeft > 0 {
                var produced = 0
                var stop = false
                var invalid = false
                output.withUnsafeMutableBufferPointer { outBuf in
                    var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuf.baseAddress!).assumingMemoryBound(to: CChar.self)
                    var outLeft = outBuf.count
                    let rc = iconv(descriptor, &inPtr, &inLeft, &outPtr, &outLeft)
                    produced = outBuf.count - outLeft
                    if rc == -1 {
                        switch errno {
                        case EINVAL: stop = true        // incomplete sequence at the end
                        case EILSEQ: invalid = true
                        default: break                  // E2BIG: output full, go round again
                        }
                    }
                }
                out.append(contentsOf: output[0..<produced])
                if stop {
                    leftover = Array(UnsafeBufferPointer(start: UnsafeRawPointer(inPtr!).assumingMemoryBound(to: UInt8.self), count: inLeft))
                    break
                }
                if invalid {
                    out.append(0xFF)
                    inPtr = inPtr! + 1
                    inLeft -= 1
                }
            }
        }
        return leftover
    }
}

/// Whether `bytes` are well-formed UTF-8. With `allowTruncatedEnd`, a sequence cut off by the
/// end of the buffer (a chunk boundary) still counts as valid.
func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>, allowTruncatedEnd: Bool = false) -> Bool {
    var i = 0
    let n = bytes.count
    while i < n {
        let b = bytes[i]
        if b < 0x80 { i += 1; continue }
        let length: Int
        var low: UInt8 = 0x80, high: UInt8 = 0xBF
        switch b {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: return false
        }
        for k in 1..<length {
            if i + k >= n { return allowTruncatedEnd }
            let c = bytes[i + k]
            if k == 1 ? (c < low || c > high) : (c < 0x80 || c > 0xBF) { return false }
        }
        i += length
    }
    return true
}
