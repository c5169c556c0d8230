/// A golden scenario file (`Scenarios/*.test`), in the style of hledger's shelltest files:
///
///     # comment lines start with '#'
///     # env FISCAL_TODAY=2023-03-01
///     $ fiscal pay JD01 12abc --econ 30201
///     >2
///     error: amount '12abc': not an amount (unexpected 'a')
///     >= 1
///
/// - `$ COMMAND` runs a command (split by `shellWords`); the word `fiscal` is the built binary,
///   any other first word is found on PATH through `/usr/bin/env`.
/// - The lines after it, up to `>2`, `>=` or the next `$`, are the exact expected stdout.
/// - The lines after `>2`, up to `>=` or the next `$`, are the exact expected stderr; without a
///   `>2` line stderr must be empty. `>2 ~` instead says stderr must be non-empty and is not
///   compared (usage errors, whose wording belongs to the argument parser).
/// - `>= N` is the expected exit code; 0 when omitted.
/// - A line starting with `#` is a comment wherever it is. An expected line that itself starts
///   with `#`, `$`, `>` or `\` is written with a leading `\`, which is dropped.
/// - Blank lines are literal inside an expected block, and ignored outside one (after `>=`).
/// - `# env NAME=VALUE …` before the first command sets the environment of every command of
///   the file (defaults: FISCAL_TODAY=2023-03-01, FISCAL_DB=book.db).
struct Scenario {
    enum Stderr: Equatable {
        case exact([String])
        case nonEmpty
    }

    struct Step {
        /// Comment and blank lines before the command, kept when the file is re-recorded.
        var leading: [String] = []
        /// 1-based line of the `$` line.
        var line: Int
        var command: String
        var stdout: [String] = []
        var stderr: Stderr = .exact([])
        var exitCode: Int32 = 0
        /// Comments found inside the expected blocks; re-recording moves them after `>=`.
        var comments: [String] = []
    }

    var steps: [Step]
    /// Comment and blank lines after the last step.
    var trailing: [String]
    var environment: [String: String]

    static let defaultEnvironment = ["FISCAL_TODAY": "2023-03-01", "FISCAL_DB": "book.db"]

    init(parsing text: String) throws(ScenarioError) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }

        enum State { case outside, stdout, stderr, stderrUnchecked }
        var state = State.outside
        var steps: [Step] = []
        var pending: [String] = []
        var environment = Scenario.defaultEnvironment

        for (index, line) in lines.enumerated() {
            let number = index + 1
            func fail(_ reason: String) -> ScenarioError { ScenarioError(line: number, reason: reason) }

            if line.hasPrefix("#") {
                if state == .outside { pending.append(line) } else { steps[steps.count - 1].comments.append(line) }
                if line.hasPrefix("# env ") {
                    guard steps.isEmpty else { throw fail("`# env` belongs before the first command") }
                    for setting in line.dropFirst("# env ".count).split(separator: " ") {
                        guard let eq = setting.firstIndex(of: "="), eq != setting.startIndex else {
                            throw fail("`\(setting)` is not NAME=VALUE")
                        }
                        environment[String(setting[..<eq])] = String(setting[setting.index(after: eq)...])
                    }
                }
            } else if line.hasPrefix("$ ") {
                steps.append(Step(leading: pending, line: number, command: String(line.dropFirst(2))))
                pending = []
                state = .stdout
            } else if line == ">2" || line == ">2 ~" {
                guard state == .stdout else { throw fail("`\(line)` must follow a command's expected stdout") }
                if line == ">2" { state = .stderr } else { state = .stderrUnchecked; steps[steps.count - 1].stderr = .nonEmpty }
            } else if line.hasPrefix(">=") {
                guard state != .outside else { throw fail("`>=` without a command") }
                guard let code = Int32(String(line.dropFirst(2)).trimming(" ")) else {
                    throw fail("`\(line)`: the exit code is not a number")
                }
                steps[steps.count - 1].exitCode = code
                state = .outside
            } else if line.hasPrefix(">") || line.hasPrefix("$") {
                throw fail("`\(line)`: unknown marker (write `\\\(line)` for an expected line)")
            } else {
                let text = line.hasPrefix("\\") ? String(line.dropFirst()) : line
                switch state {
                case .outside:
                    guard line.isEmpty else { throw fail("text outside a command: `\(line)`") }
                    pending.append(line)
                case .stdout:
                    steps[steps.count - 1].stdout.append(text)
                case .stderr:
                    guard case .exact(let previous) = steps[steps.count - 1].stderr else { break }
                    steps[steps.count - 1].stderr = .exact(previous + [text])
                case .stderrUnchecked:
                    throw fail("`>2 ~` takes no expected lines")
                }
            }
        }
        guard !steps.isEmpty else { throw ScenarioError(line: 1, reason: "no `$ ` command in the file") }
        self.steps = steps
        self.trailing = pending
        self.environment = environment
    }

    /// The file's text; `Scenario(parsing: s.text)` gives back the same steps.
    var text: String {
        var out: [String] = []
        func escaped(_ line: String) -> String {
            ["#", "$", ">", "\\"].contains(where: { line.hasPrefix($0) }) ? "\\" + line : line
        }
        for step in steps {
            out += step.leading
            out.append("$ " + step.command)
            out += step.stdout.map(escaped)
            switch step.stderr {
            case .nonEmpty: out.append(">2 ~")
            case .exact(let lines) where !lines.isEmpty: out.append(">2"); out += lines.map(escaped)
            case .exact: break
            }
            out.append(">= \(step.exitCode)")
            out += step.comments
        }
        out += trailing
        return out.map { $0 + "\n" }.joined()
    }
}

struct ScenarioError: Error, CustomStringConvertible {
    var line: Int
    var reason: String
    var description: String { "line \(line): \(reason)" }
}

/// A command's output as the lines a scenario file holds: the text split at newlines, the
/// final newline implied. `complete` is false when non-empty text does not end in a newline.
func outputLines(_ text: String) -> (lines: [String], complete: Bool) {
    guard !text.isEmpty else { return ([], true) }
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let complete = lines.last == ""
    if complete { lines.removeLast() }
    return (lines, complete)
}

extension String {
    func trimming(_ character: Character) -> String {
        var s = self[...]
        while s.first == character { s.removeFirst() }
        while s.last == character { s.removeLast() }
        return String(s)
    }
}
