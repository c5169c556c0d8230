import CSQLite
import Foundation

/// The book files this process has open, by inode, so that the last reader to close one can
/// take away the empty `-wal` and `-shm` files SQLite leaves (issue 12). A read-only
/// connection to a WAL book makes them when they are missing (it needs the WAL index) but
/// may not remove them: SQLite's last connection removes them only after a checkpoint, which
/// a read-only connection cannot run. They are removed here only when
///
/// - no connection of this process is open to the file, and none of them wrote (a writer's
///   own close removes them when it can);
/// - the `-wal` is empty: a WAL with frames holds committed transactions not yet in the book;
/// - no other process has the book open: every SQLite connection to a WAL book holds a
///   shared lock on the database file while it is open, so the write lock SQLite itself
///   takes to remove them is granted only to the last one. It is taken on the bytes SQLite
///   locks (PENDING, RESERVED and the SHARED range) and held while the files go.
final class OpenBookFiles: @unchecked Sendable {
    struct FileID: Hashable { let device: UInt64; let inode: UInt64 }

    static let shared = OpenBookFiles()
    private let lock = NSLock()
    private var files: [FileID: (count: Int, wrote: Bool)] = [:]

    /// Called before a connection opens `path`; nil when the file cannot be stat'ed (SQLite
    /// will say why it cannot open it).
    func opening(_ path: String, writer: Bool) -> FileID? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        let id = FileID(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
        lock.lock()
        defer { lock.unlock() }
        let now = files[id] ?? (0, false)
        files[id] = (now.count + 1, now.wrote || writer)
        return id
    }

    func closed(_ id: FileID, path: String) {
        lock.lock()
        defer { lock.unlock() }
        guard let now = files[id] else { return }
        if now.count > 1 { files[id] = (now.count - 1, now.wrote); return }
        files[id] = nil
        if !now.wrote { OpenBookFiles.removeEmptySidecars(of: path) }
    }

    /// SQLite's lock bytes (os_unix.c): PENDING at 1 GiB, RESERVED after it, then 510 SHARED.
    private static let lockStart: off_t = 0x4000_0000, lockLength: off_t = 512

    private static func removeEmptySidecars(of path: String) {
        let wal = path + "-wal", shm = path + "-shm"
        func size(_ file: String) -> Int64? {
            var info = stat()
            return stat(file, &info) == 0 ? Int64(info.st_size) : nil
        }
        guard size(wal) != nil || size(shm) != nil, (size(wal) ?? 0) == 0 else { return }
        let fd = open(path, O_RDWR | O_CLOEXEC)
        guard fd >= 0 else { return }  // not writable by this user: left as SQLite left them
        defer { close(fd) }
        var request = flock()
        request.l_type = Int16(F_WRLCK)
        request.l_whence = Int16(SEEK_SET)
        request.l_start = lockStart
        request.l_len = lockLength
        guard fcntl(fd, F_SETLK, &request) == 0 else { return }  // another process has the book open
        if (size(wal) ?? 0) == 0 {
            unlink(wal)
            unlink(shm)
        }
        request.l_type = Int16(F_UNLCK)
        _ = fcntl(fd, F_SETLK, &request)
    }
}
