import ArgumentParser
import FiscalCore
#if canImport(Glibc)
import Glibc
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
            exit(0)
        } catch let error as FiscalError {
            fail(verbose ? error.verboseDescription : ErrorWording.line(for: error))
        } catch let error as CommandFailure {
            fail(error.message, code: error.code)
        } catch {
            // A mistyped subcommand or option: say which, with the nearest names.
            if FiscalCommand.exitCode(for: error) == .validationFailure,
               let message = CommandLineHelp.message(for: arguments, parserMessage: FiscalCommand.fullMessage(for: error)) {
                printError(message)
                exit(ExitCode.validationFailure.rawValue)
            }
            FiscalCommand.exit(withError: error)
        }
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

func printError(_ text: String) {
    var stderr = StandardError()
    print(text, to: &stderr)
}

struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        var bytes = Array(string.utf8)
        _ = bytes.withUnsafeMutableBytes { Glibc.write(2, $0.baseAddress, $0.count) }
    }
}
