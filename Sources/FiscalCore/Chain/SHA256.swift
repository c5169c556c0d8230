import CCrypto

/// SHA-256 from the system's OpenSSL libcrypto, in one piece (the chain); an import's file
/// and rows are hashed piece by piece through EVP in Exchange/StreamingSHA256.swift.
enum SHA256Digest {
    static let size = 32

    /// SHA-256 fetched from the provider once. OpenSSL 3's one-shot `SHA256()` and a legacy
    /// `EVP_sha256()` look the algorithm up by name on every call (a lock and a hash table):
    /// at a million entries that was a tenth of an import.
    nonisolated(unsafe) static let algorithm: OpaquePointer? = EVP_MD_fetch(nil, "SHA256", nil)

    /// The digest of `bytes`, written into `out` (32 bytes).
    static func hash(_ bytes: UnsafeRawBufferPointer, into out: UnsafeMutablePointer<UInt8>) {
        var length: UInt32 = 0
        _ = EVP_Digest(bytes.baseAddress, bytes.count, out, &length, algorithm, nil)
    }

    static func hash(_ bytes: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: size)
        bytes.withUnsafeBytes { raw in out.withUnsafeMutableBufferPointer { hash(raw, into: $0.baseAddress!) } }
        return out
    }
}
