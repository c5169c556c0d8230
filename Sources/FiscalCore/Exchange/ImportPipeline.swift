import Dispatch

/// A streamed import on both cores: while SQLite writes one chunk of admitted rows on a
/// thread of its own, the import reads and checks the next. The connection is never used by
/// both at once: before the import touches the book itself (a ref that may repeat an earlier
/// chunk's, a year's availability to seed, the end) it waits for the writer to be idle, and
/// the writer takes one chunk at a time.
final class ImportPipeline: @unchecked Sendable {
    private let writer: BulkWriter
    private let queue = DispatchQueue(label: "fiscal.import.writer")
    private let group = DispatchGroup()
    private var failure: (any Error)?

    init(writer: BulkWriter) { self.writer = writer }

    /// Hands a checked chunk to the writer, once the chunk before it is written.
    func submit(_ events: [ImportedEvent], arena: [UInt8], econs: EconomicCodeBytes, firstID: Int64, hashes: [UInt8]) throws {
        try waitIdle()
        let order = (0..<Int32(events.count)).map { $0 }
        group.enter()
        queue.async {
            do {
                try self.writer.write(events, order: order, arena: arena, econs: econs, firstID: firstID, hashes: hashes)
            } catch {
                self.failure = error
            }
            self.group.leave()
        }
    }

    /// Waits until the writer has nothing in hand; rethrows what it failed with.
    func waitIdle() throws {
        group.wait()
        if let failure {
            self.failure = nil
            throw failure
        }
    }
}
