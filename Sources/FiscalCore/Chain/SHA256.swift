import CCrypto

/// SHA-256 from the system's OpenSSL libcrypto, in one piece (the chain); an import's file
/// and rows are hashed piece by piece through EVP in Exchange/StreamingSHA256.swift.
enum SHA256Digest {
    static let size = 32

    /// The digest of `bytes`, written into `out` (32 bytes).
    static func hash(_ bytes: UnsafeRawBufferPointer, into out: UnsafeMutablePointer<UInt8>) {
        _ = SHA256(bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), bytes.count, out)
    }

    static func hash(_ bytes: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: size)
        bytes.withUnsafeBytes { raw in out.withUnsafeMutableBufferPointer { hash(raw, into: $0.baseAddress!) } }
        return out
    }
}
