import Foundation
import Testing

/// Runs every `Scenarios/*.test` file against the built `fiscal` binary (see `Scenario` for
/// the format). Each file is one test case and gets a fresh temporary directory, so the book
/// a file creates persists through that file only.
///
/// Re-recording is explicit: `FISCAL_GOLDEN_RECORD=year.test swift test --filter GoldenTests`
/// rewrites that file (`=1`: every file) with what the commands print now, and fails, so that
/// a recorded run never passes. Read the new expected output, check every figure, and run again.
@Suite("Golden scenarios")
struct GoldenTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Scenarios")
    /// The package root, which `<<< NAME from PATH` copies from.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static let files: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".test") }.sorted()
    }()

    /// Whether this run re-records `file`: `FISCAL_GOLDEN_RECORD=1` re-records every file,
    /// `FISCAL_GOLDEN_RECORD=year.test,init` only those named (the other files are checked as usual).
    static func recording(_ file: String) -> Bool {
        guard let value = ProcessInfo.processInfo.environment["FISCAL_GOLDEN_RECORD"], !value.isEmpty, value != "0" else {
            return false
        }
        if value == "1" { return true }
        return value.split(separator: ",").contains { $0 == file || $0 + ".test" == file }
    }

    /// The cases a `# setup:` line names: its file's steps through that case.
    static func setup(_ from: Scenario.Setup) throws -> Scenario {
        let text = try String(contentsOf: directory.appendingPathComponent(from.file), encoding: .utf8)
        var scenario = try Scenario(parsing: text)
        guard scenario.setup == nil else { throw ScenarioError(line: 1, reason: "\(from.file) has a setup of its own") }
        guard scenario.cases.contains(where: { $0.number == from.throughCase }) else {
            throw ScenarioError(line: 1, reason: "\(from.file) has no case \(from.throughCase)")
        }
        scenario.steps = scenario.steps.filter { ($0.inCase?.number ?? 0) <= from.throughCase }
        return scenario
    }

    @Test func scenariosArePresent() {
        #expect(GoldenTests.files.count >= 5, "no scenario files under \(GoldenTests.directory.path)")
    }

    /// hledger's habit: every command is in a small numbered case with a one-line heading, so
    /// a failure says which behaviour broke.
    @Test(arguments: GoldenTests.files)
    func everyCommandIsInANumberedCase(_ file: String) throws {
        let text = try String(contentsOf: GoldenTests.directory.appendingPathComponent(file), encoding: .utf8)
        let scenario = try Scenario(parsing: text)
        let outside = scenario.steps.filter { $0.inCase == nil }.map(\.line)
        #expect(outside.isEmpty, "Scenarios/\(file): commands before the first `# 1. heading`, lines \(outside)")
        let big = Dictionary(grouping: scenario.steps.filter { $0.inCase != nil }, by: { $0.inCase!.number })
            .filter { $0.value.count > 12 }.keys.sorted()
        #expect(big.isEmpty, "Scenarios/\(file): cases \(big) have more than 12 commands; split them")
    }

    @Test(arguments: GoldenTests.files)
    func scenario(_ file: String) throws {
        let url = GoldenTests.directory.appendingPathComponent(file)
        let name = "Scenarios/\(file)"
        let scenario: Scenario
        do {
            scenario = try Scenario(parsing: try String(contentsOf: url, encoding: .utf8))
        } catch {
            Issue.record("\(name): \(error)")
            return
        }
        var setup: Scenario?
        if let from = scenario.setup {
            do {
                setup = try GoldenTests.setup(from)
            } catch {
                Issue.record("\(name): setup: \(error)")
                return
            }
        }
        let run = try ScenarioRun(scenario, label: String(file.dropLast(5)), packageRoot: GoldenTests.packageRoot,
                                  setup: setup.map { (scenario.setup!.file, $0) })
        for failure in run.failures { Issue.record("\(name):\(failure)") }

        if GoldenTests.recording(file) {
            let text = run.recorded.text
            let changed = text != (try? String(contentsOf: url, encoding: .utf8))
            if changed { try text.write(to: url, atomically: true, encoding: .utf8) }
            Issue.record("""
                FISCAL_GOLDEN_RECORD: \(name) \(changed ? "re-recorded" : "unchanged"). \
                Read the new expected output, check every figure, then run again without FISCAL_GOLDEN_RECORD.
                """)
        } else if !run.failures.isEmpty {
            Issue.record("\(name): the scenario's files are kept in \(run.directory.path)")
            return
        }
        run.removeFiles()
    }
}

/// One run of a scenario's commands, in order, in a fresh temporary directory: what failed,
/// and the scenario as it would be recorded from what the commands printed.
struct ScenarioRun {
    /// `LINE: $ COMMAND` followed by what differs, one string per failed step; a step that
    /// could not run at all ends the run.
    var failures: [String] = []
    var recorded: Scenario
    let base: URL
    var directory: URL { base.appendingPathComponent("work") }

    /// `setup`: the cases of another file to run first, in the same directory, checked too.
    init(_ scenario: Scenario, label: String, packageRoot: URL? = nil, setup: (file: String, scenario: Scenario)? = nil) throws {
        recorded = scenario
        base = FileManager.default.temporaryDirectory.appendingPathComponent("fiscal-golden-\(label)-\(UUID().uuidString)")
        let work = base.appendingPathComponent("work")
        let captured = base.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: captured, withIntermediateDirectories: true)

        guard let binary = FiscalBinary.url else {
            failures.append("""
                1: the fiscal binary was not found next to the test runner (looked upward from \
                \(FiscalBinary.searched.joined(separator: ", "))); build it with `swift build`
                """)
            return
        }
        let base = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin",
            "HOME": work.path,  // so no ~/.sqliterc or similar changes what a command prints
            "LANG": "C.UTF-8",
        ]
        if let setup {
            let run = ScenarioRun.steps(setup.scenario, binary: binary, work: work, captured: captured,
                                        environment: base.merging(setup.scenario.environment) { _, file in file },
                                        packageRoot: packageRoot, label: " (setup: \(setup.file))")
            failures += run.failures
            guard run.finished else { return }
        }
        let run = ScenarioRun.steps(scenario, binary: binary, work: work, captured: captured,
                                    environment: base.merging(scenario.environment) { _, file in file },
                                    packageRoot: packageRoot, label: "")
        failures += run.failures
        for (index, outcome) in run.outcomes.enumerated() {
            recorded.steps[index].stdout = outcome.stdout
            if scenario.steps[index].stderr != .nonEmpty { recorded.steps[index].stderr = .exact(outcome.stderr) }
            recorded.steps[index].exitCode = outcome.status
        }
    }

    /// Runs the steps in order: what failed, and what each step that ran printed. `finished` is
    /// false when a step could not run at all, which ends the run.
    static func steps(_ scenario: Scenario, binary: URL, work: URL, captured: URL, environment: [String: String],
                      packageRoot: URL?, label: String)
        -> (failures: [String], outcomes: [(stdout: [String], stderr: [String], status: Int32)], finished: Bool) {
        var failures: [String] = []
        var outcomes: [(stdout: [String], stderr: [String], status: Int32)] = []
        for step in scenario.steps {
            let where_ = (step.inCase.map { "\(step.line) (case \($0.number). \($0.title))" } ?? "\(step.line)") + label
            do {
                for file in step.files { try write(file, to: work, packageRoot: packageRoot) }
            } catch {
                failures.append("\(where_): the input file for $ \(step.command) could not be written: \(error)")
                return (failures, outcomes, false)
            }
            let words: [String]
            do { words = try shellWords(step.command) } catch {
                failures.append("\(step.line): \(error)")
                return (failures, outcomes, false)
            }
            guard let first = words.first else {
                failures.append("\(step.line): empty command")
                return (failures, outcomes, false)
            }
            let outcome: CommandOutcome
            do {
                outcome = try runCommand(first == "fiscal" ? binary : URL(fileURLWithPath: "/usr/bin/env"),
                                         arguments: first == "fiscal" ? Array(words.dropFirst()) : words,
                                         in: work, environment: environment, capturingIn: captured)
            } catch {
                failures.append("\(where_): $ \(step.command)\ncould not run: \(error)")
                return (failures, outcomes, false)
            }

            let stdout = outputLines(outcome.stdout)
            let stderr = outputLines(outcome.stderr)
            var problems: [String] = []
            if stdout.lines != step.stdout || !stdout.complete {
                problems.append("stdout differs (- expected, + actual):\n" + lineDiff(expected: step.stdout, actual: stdout.lines)
                                + (stdout.complete ? "" : "\n(no newline at the end of stdout)"))
            }
            switch step.stderr {
            case .exact(let expected):
                if stderr.lines != expected || !stderr.complete {
                    problems.append("stderr differs (- expected, + actual):\n" + lineDiff(expected: expected, actual: stderr.lines)
                                    + (stderr.complete ? "" : "\n(no newline at the end of stderr)"))
                }
            case .nonEmpty:
                if outcome.stderr.isEmpty { problems.append("stderr is empty; `>2 ~` expects a message") }
            }
            if outcome.status != step.exitCode {
                problems.append("exit code \(outcome.status), expected \(step.exitCode)")
            }
            if !problems.isEmpty {
                failures.append("\(where_): $ \(step.command)\n" + problems.joined(separator: "\n"))
            }

            outcomes.append((stdout.lines, stderr.lines, outcome.status))
        }
        return (failures, outcomes, true)
    }

    func removeFiles() { try? FileManager.default.removeItem(at: base) }
}

struct MissingPackageRoot: Error, CustomStringConvertible {
    var description: String { "`<<< NAME from PATH` needs the package root" }
}

/// Writes an input block's file into the scenario's directory.
func write(_ file: Scenario.InputFile, to directory: URL, packageRoot: URL?) throws {
    let target = directory.appendingPathComponent(file.name)
    switch file.content {
    case let .lines(lines, lineEnd):
        try Data(lines.map { $0 + lineEnd }.joined().utf8).write(to: target)
    case let .copy(path):
        guard let packageRoot else { throw MissingPackageRoot() }
        try Data(contentsOf: packageRoot.appendingPathComponent(path)).write(to: target)
    }
}

/// The `fiscal` executable SwiftPM builds next to the test runner: on Linux the runner is
/// `.build/<config>/fiscalPackageTests.xctest`, on macOS a bundle in that same directory.
enum FiscalBinary {
    static var searched: [String] {
        var starts = [CommandLine.arguments.first ?? "", Bundle.main.bundlePath]
        starts += Bundle.allBundles.map(\.bundlePath).filter { $0.hasSuffix(".xctest") }
        return starts.filter { !$0.isEmpty }.map {
            URL(fileURLWithPath: $0, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
                .standardizedFileURL.resolvingSymlinksInPath().path
        }
    }

    static let url: URL? = {
        for start in searched {
            var dir = URL(fileURLWithPath: start)
            for _ in 0..<5 {
                let candidate = dir.appendingPathComponent("fiscal")
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                   FileManager.default.isExecutableFile(atPath: candidate.path) {
                    return candidate
                }
                dir.deleteLastPathComponent()
            }
        }
        return nil
    }()
}

struct CommandOutcome {
    var stdout: String
    var stderr: String
    var status: Int32
}

struct CommandTimedOut: Error, CustomStringConvertible {
    var description: String { "still running after 120 s; killed" }
}

/// Runs one command with exactly `environment`, stdin empty, stdout and stderr captured in
/// files (no pipe to fill up). A command killed by a signal reports 128 + the signal.
func runCommand(_ executable: URL, arguments: [String], in directory: URL, environment: [String: String],
                capturingIn captured: URL) throws -> CommandOutcome {
    let outURL = captured.appendingPathComponent("stdout")
    let errURL = captured.appendingPathComponent("stderr")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let out = try FileHandle(forWritingTo: outURL)
    let err = try FileHandle(forWritingTo: errURL)

    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = directory
    process.environment = environment
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // A hung command must not hang the suite: poll, and kill it after 120 s of sleeps.
    var slept = 0
    while process.isRunning {
        if slept >= 120_000 {
            process.terminate()
            process.waitUntilExit()
            throw CommandTimedOut()
        }
        usleep(1_000)
        slept += 1
    }
    process.waitUntilExit()
    try out.close()
    try err.close()

    let status = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
    return CommandOutcome(stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                          stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self),
                          status: status)
}
