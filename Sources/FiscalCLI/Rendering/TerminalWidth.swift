#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// How wide the terminal is, for tables: `$COLUMNS` when it is a number, else the width of the
/// terminal stdout is (ioctl TIOCGWINSZ), else 120 (a pipe, a test).
enum TerminalWidth {
    static let fallback = 120

    static func current(environment: [String: String] = ProcessInfo.processInfo.environment) -> Int {
        if let text = environment["COLUMNS"], let columns = Int(text), columns > 0 { return columns }
        var size = winsize()
        if isatty(1) != 0, ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return fallback
    }
}
