import Foundation

/// A golden scenario file (`Scenarios/*.test`), in the style of hledger's shelltest files:
/// small numbered cases, each a heading, its commands, their exact output and exit codes.
///
///     # comment lines start with '#'
///     # env FISCAL_TODAY=2023-03-01
///
///     # 1. a payment is posted
///     $ fiscal pay JD01 12.00 --econ 30201
///     …
///     # 2. a file with one good row imports
///     <<< events.csv
///     date,kind,project,amount
///     2023-01-05,appropriate,JD01,100万
///     <<<
///     $ fiscal import events.csv
///     imported events.csv: 1 row, 1 posted, 0 skipped (already in the book)
///     >= 0
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
/// - `# setup: FILE through case N` before the first command runs cases 1 … N of the scenario
///   FILE first (checked as there), so that a file can start from another's book without
///   repeating its commands.
/// - `# N. heading` starts case N; cases are numbered 1, 2, 3 … and a heading stands where a
///   command could (not inside an expected block). The cases of a file share its directory,
///   so a case starts from the book the cases before it left.
/// - `<<< NAME` starts an input block: the lines up to a line `<<<` are written, as UTF-8 each
///   ending in "\n", to the file NAME just before the next command runs (`<<< NAME crlf`: each
///   ending in "\r\n"). `<<< NAME from PATH` copies PATH, relative to the package root. An
///   expected line starting with `<<<` is written `\<<<`.
struct Scenario {
    /// A file a scenario writes before a command: its fixture, in the scenario itself.
    struct InputFile: Equatable {
        var name: String
        enum Content: Equatable {
            case lines([String], lineEnd: String)
            /// A file of the package, relative to its root.
            case copy(String)
        }
        var content: Content
    }

    /// A numbered case: `# 3. a payment over what is available is refused, nothing written`.
    struct Case: Equatable {
        var number: Int
        var title: String
    }

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
        /// The input blocks before the command, written just before it runs.
        var files: [InputFile] = []
        /// The case the command belongs to; nil before the first heading.
        var inCase: Case?
    }

    /// `# setup: year.test through case 11`.
    struct Setup: Equatable {
        var file: String
        var throughCase: Int
    }

    var steps: [Step]
    var setup: Setup?
    /// Comment and blank lines after the last step.
    var trailing: [String]
    var environment: [String: String]

    static let defaultEnvironment = ["FISCAL_TODAY": "2023-03-01", "FISCAL_DB": "book.db"]

    init(parsing text: String) throws(ScenarioError) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }

        enum State { case outside, stdout, stderr, stderrUnchecked, input }
        var state = State.outside
        var steps: [Step] = []
        var pending: [String] = []
        var pendingFiles: [InputFile] = []
        var input: (name: String, lineEnd: String, lines: [String])?
        var currentCase: Case?
        var setup: Setup?
        var environment = Scenario.defaultEnvironment

        for (index, line) in lines.enumerated() {
            let number = index + 1
            func fail(_ reason: String) -> ScenarioError { ScenarioError(line: number, reason: reason) }

            if state == .input, let block = input {
                pending.append(line)
                if line == "<<<" {
                    pendingFiles.append(InputFile(name: block.name, content: .lines(block.lines, lineEnd: block.lineEnd)))
                    input = nil
                    state = .outside
                } else {
                    input?.lines.append(line)
                }
            } else if line.hasPrefix("<<<") {
                let words = line.dropFirst(3).split(separator: " ").map(String.init)
                guard let name = words.first, !name.contains("/") else {
                    throw fail("`<<<` needs a file name in the scenario's directory: `<<< NAME`")
                }
                pending.append(line)
                state = .outside
                switch words.dropFirst().first {
                case nil where words.count == 1: state = .input; input = (name, "\n", [])
                case "crlf" where words.count == 2: state = .input; input = (name, "\r\n", [])
                case "from" where words.count == 3: pendingFiles.append(InputFile(name: name, content: .copy(words[2])))
                default: throw fail("`\(line)`: write `<<< NAME`, `<<< NAME crlf` or `<<< NAME from PATH`")
                }
            } else if let heading = Scenario.caseHeading(line) {
                guard state == .outside else { throw fail("case heading `\(line)` inside an expected block (end it with `>=`)") }
                let expected = (currentCase?.number ?? 0) + 1
                guard heading.number == expected else { throw fail("case \(heading.number) should be case \(expected)") }
                currentCase = heading
                pending.append(line)
            } else if line.hasPrefix("# setup:") {
                guard steps.isEmpty, setup == nil else { throw fail("one `# setup:` line, before the first command") }
                let words = line.dropFirst("# setup:".count).split(separator: " ").map(String.init)
                guard words.count == 4, words[0].hasSuffix(".test"), words[1] == "through", words[2] == "case",
                      let number = Int(words[3]) else {
                    throw fail("write `# setup: FILE.test through case N`")
                }
                setup = Setup(file: words[0], throughCase: number)
                pending.append(line)
            } else if line.hasPrefix("#") {
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
                steps.append(Step(leading: pending, line: number, command: String(line.dropFirst(2)),
                                  files: pendingFiles, inCase: currentCase))
                pending = []
                pendingFiles = []
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
                    case .input:
                    break  // read by the first branch
                }
            }
        }
        guard !steps.isEmpty else { throw ScenarioError(line: 1, reason: "no `$ ` command in the file") }
        guard state != .input else { throw ScenarioError(line: lines.count, reason: "an input block without its closing `<<<`") }
        guard pendingFiles.isEmpty else { throw ScenarioError(line: lines.count, reason: "an input block after the last command") }
        self.steps = steps
        self.setup = setup
        self.trailing = pending
        self.environment = environment
    }

    /// `# 3. a payment …` as case 3; nil for any other line.
    static func caseHeading(_ line: String) -> Case? {
        guard line.hasPrefix("# ") else { return nil }
        let rest = line.dropFirst(2)
        let digits = rest.prefix(while: { ("0"..."9").contains($0) })
        guard !digits.isEmpty, let number = Int(digits) else { return nil }
        let after = rest.dropFirst(digits.count)
        guard after.hasPrefix(". "), !after.dropFirst(2).trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return Case(number: number, title: String(after.dropFirst(2)))
    }

    /// The cases of the file, in order.
    var cases: [Case] {
        var seen: [Case] = []
        for step in steps { if let c = step.inCase, seen.last != c { seen.append(c) } }
        return seen
    }

    /// The file's text; `Scenario(parsing: s.text)` gives back the same steps.
    var text: String {
        var out: [String] = []
        func escaped(_ line: String) -> String {
            ["#", "$", ">", "\\", "<<<"].contains(where: { line.hasPrefix($0) }) ? "\\" + line : line
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
