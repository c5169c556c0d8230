#if canImport(Glibc)
import Glibc
#endif

/// A one-line progress bar on stderr, redrawn in place, for long work such as importing a
/// million rows. Shown only when stderr is a terminal, so that scripts, pipes and golden
/// tests never see it; redrawn only when the whole percent changes.
///
///     posting  [##############----------------]  47%  470000/1000000
final class ProgressBar {
    private var lastKey = ""
    private var drawn = false
    let width = 30

    /// A bar when stderr is a terminal, else nil.
    static func onTerminal() -> ProgressBar? {
        isatty(2) == 1 ? ProgressBar() : nil
    }

    func update(_ label: String, done: Int, total: Int, count: Bool) {
        guard total > 0 else { return }
        let percent = min(100, done * 100 / total)
        let key = "\(label) \(percent)"
        guard key != lastKey else { return }
        lastKey = key
        let filled = width * percent / 100
        var line = "\r" + label.padding(8) + " [" + String(repeating: "#", count: filled)
            + String(repeating: "-", count: width - filled) + "] " + String(percent).leftPadded(3) + "%"
        if count { line += "  \(done)/\(total)" }
        var err = StandardError()
        err.write(line + "\u{1B}[K")
        drawn = true
    }

    /// Clears the bar, so that what is printed next starts on a clean line.
    func finish() {
        guard drawn else { return }
        var err = StandardError()
        err.write("\r\u{1B}[K")
        drawn = false
    }
}

private extension String {
    func padding(_ n: Int) -> String { count >= n ? self : self + String(repeating: " ", count: n - count) }
    func leftPadded(_ n: Int) -> String { count >= n ? self : String(repeating: " ", count: n - count) + self }
}
