import ArgumentParser
import FiscalCore
#if canImport(Glibc)
@preconcurrency import Glibc
#endif

/// Runs the command line: usage errors the argument parser's way (exit 64), everything the
/// core refuses as one `error: …` line on stderr with exit 1.
public enum FiscalMain {
    public static func run(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> Never {
        // `--verbose`, anywhere, adds SQLite's result code and statement to a storage error;
        // without it the user reads one line in the project's words.
        let verbose = arguments.contains("--verbose")
        // `--db`, `--today` and `--lang` may come before the subcommand too.
        let arguments = CommandLineHelp.hoistingGlobalOptions(arguments.filter { $0 != "--verbose" })
        do {
            var command = try FiscalCommand.parseAsRoot(arguments)
            try command.run()
            flushOutput()
            exit(0)
        } catch let error as FiscalError {
            fail(verbose ? error.verboseDescription : ErrorWording.line(for: error))
        } catch let error as CommandFailure {
            flushOutput()
            fail(error.message, code: error.code)
        } catch {
            // A mistyped subcommand or option: say which, with the nearest names.
            if FiscalCommand.exitCode(for: error) == .validationFailure,
               let message = CommandLineHelp.message(for: arguments, parserMessage: FiscalCommand.fullMessage(for: error)) {
                printError(message)
                exit(ExitCode.validationFailure.rawValue)
            }
            // Usage errors quote what was typed: printed through `printError` too, so a
            // control character in an argument is shown escaped, never sent to the terminal.
            let code = FiscalCommand.exitCode(for: error)
            if code != .success {
                let text = FiscalCommand.fullMessage(for: error)
                if !text.isEmpty { printError(text) }
                exit(code.rawValue)
            }
            FiscalCommand.exit(withError: error)
        }
    }

    /// Standard output is buffered: a report sent to a full disk or a closed file fails only
    /// when it is flushed, and must not end with exit 0 as if it had been written.
    static func flushOutput() {
        // The write that failed may be long past (a full buffer is written as it fills), and
        // errno with it: the cause is not known here, only that the output is incomplete.
        guard fflush(stdout) != 0 || ferror(stdout) != 0 else { return }
        fail("the output could not be written in full (is the disk full, or the output closed?)")
    }

    static func fail(_ message: String, code: Int32 = 1) -> Never {
        if !message.isEmpty { printError("error: " + message) }
        exit(code)
    }
}

/// A command that ran but must end with a non-zero code (a failed `verify`, a mismatch):
/// what it found was already printed.
struct CommandFailure: Error {
    var message: String = ""
    var code: Int32 = 1
}

/// Writes `text` and a line break to stderr. Every message quotes what came in — a file's
/// header and cells, a typed argument, a path — so each line is shown with its control
/// characters and format marks escaped (`\u{1B}`): an escape sequence in a received CSV
/// cannot drive the terminal of whoever imports it.
func printError(_ text: String) {
    var stderr = StandardError()
    let safe = text.split(separator: "\n", omittingEmptySubsequences: false)
        .map { TextRules.escapedForTerminal(String($0)) }.joined(separator: "\n")
    print(safe, to: &stderr)
}

struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        var bytes = Array(string.utf8)
        _ = bytes.withUnsafeMutableBytes { Glibc.write(2, $0.baseAddress, $0.count) }
    }
}
