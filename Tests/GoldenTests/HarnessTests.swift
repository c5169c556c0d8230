import Testing

/// The harness is code too: these pin down how a scenario file is read, so that a golden
/// test cannot pass because its file was misread.
@Suite("Golden harness")
struct HarnessTests {
    @Test func wordsSplitLikeAShell() throws {
        #expect(try shellWords("fiscal pay JD01 12abc --econ 30201") == ["fiscal", "pay", "JD01", "12abc", "--econ", "30201"])
        #expect(try shellWords(#"fiscal add --name "禁毒 专项"  --memo 'a "b" c'"#)
                == ["fiscal", "add", "--name", "禁毒 专项", "--memo", #"a "b" c"#])
        #expect(try shellWords(#"a\ b "c\"d" "e\f" 'g\h'"#) == ["a b", #"c"d"#, #"e\f"#, #"g\h"#])
        #expect(try shellWords(#"x "" '' y"#) == ["x", "", "", "y"])
        #expect(try shellWords(#"pre"fix"'ed'"#) == ["prefixed"])
        #expect(try shellWords("  \t ").isEmpty)
        #expect(throws: ShellWordsError.self) { try shellWords("a 'b") }
        #expect(throws: ShellWordsError.self) { try shellWords(#"a "b"#) }
        #expect(throws: ShellWordsError.self) { try shellWords(#"a\"#) }
    }

    @Test func blocksOfAScenario() throws {
        let s = try Scenario(parsing: """
            # a comment
            # env FISCAL_TODAY=2024-05-06 EXTRA=1

            $ fiscal init --name x
            created
            >= 0

            # the next one fails
            $ fiscal pay JD01 12abc --econ 30201
            >2
            error: amount '12abc'
            >= 1
            $ fiscal nonsense
            >2 ~
            >= 64
            $ fiscal journal
            \\# not a comment

            \\>2 not a marker
            """)
        #expect(s.environment == ["FISCAL_TODAY": "2024-05-06", "FISCAL_DB": "book.db", "EXTRA": "1"])
        #expect(s.steps.count == 4)
        #expect(s.steps[0].leading == ["# a comment", "# env FISCAL_TODAY=2024-05-06 EXTRA=1", ""])
        #expect(s.steps[0].line == 4)
        #expect(s.steps[0].stdout == ["created"])
        #expect(s.steps[0].stderr == .exact([]))
        #expect(s.steps[1].leading == ["", "# the next one fails"])
        #expect(s.steps[1].stdout == [])
        #expect(s.steps[1].stderr == .exact(["error: amount '12abc'"]))
        #expect(s.steps[1].exitCode == 1)
        #expect(s.steps[2].stderr == .nonEmpty)
        #expect(s.steps[2].exitCode == 64)
        // Without `>=` the exit code must be 0, and blank lines up to the end are expected output.
        #expect(s.steps[3].exitCode == 0)
        #expect(s.steps[3].stdout == ["# not a comment", "", ">2 not a marker"])
    }

    @Test func writingAndReadingAgreeOnEveryStep() throws {
        let original = try Scenario(parsing: """
            # header
            $ fiscal journal
            # inside
            \\$ dollar
            line

            >2
            \\\\back
            >= 3
            $ sqlite3 book.db 'PRAGMA user_version=99'
            """)
        let again = try Scenario(parsing: original.text)
        #expect(again.steps.map(\.stdout) == original.steps.map(\.stdout))
        #expect(again.steps.map(\.stderr) == original.steps.map(\.stderr))
        #expect(again.steps.map(\.exitCode) == [3, 0])
        #expect(again.steps[0].stdout == ["$ dollar", "line", ""])
        #expect(again.steps[0].stderr == .exact(["\\back"]))
        #expect(again.text == original.text)
    }

    @Test func malformedFilesAreRefused() {
        #expect(throws: ScenarioError.self) { try Scenario(parsing: "# only comments\n") }
        #expect(throws: ScenarioError.self) { try Scenario(parsing: "text before any command\n$ fiscal x\n") }
        #expect(throws: ScenarioError.self) { try Scenario(parsing: "$ fiscal x\n>= one\n") }
        #expect(throws: ScenarioError.self) { try Scenario(parsing: "$ fiscal x\n>2 ~\nsome text\n") }
        #expect(throws: ScenarioError.self) { try Scenario(parsing: "$ fiscal x\n> y\n") }
        #expect(throws: ScenarioError.self) { try Scenario(parsing: "$ fiscal x\n>= 0\n# env A=1\n$ fiscal y\n") }
        #expect(throws: ScenarioError.self) { try Scenario(parsing: "$ fiscal x\n>2\n>2\n") }
    }

    @Test func casesAndInputBlocks() throws {
        let s = try Scenario(parsing: """
            # a file about imports

            # 1. a book
            $ fiscal init --name x
            >= 0

            # 2. a file is written before the command after it
            <<< events.csv
            # not a comment: a line of the file
            date,kind

            <<<
            <<< gb.csv crlf
            日期
            <<<
            <<< report.txt from examples/report.txt
            $ fiscal import events.csv
            \\<<< not a block
            >= 0
            # 3. no file
            $ fiscal journal
            """)
        #expect(s.cases == [Scenario.Case(number: 1, title: "a book"),
                            Scenario.Case(number: 2, title: "a file is written before the command after it"),
                            Scenario.Case(number: 3, title: "no file")])
        #expect(s.steps.map { $0.inCase?.number } == [1, 2, 3])
        #expect(s.steps[0].files.isEmpty)
        #expect(s.steps[1].files == [
            .init(name: "events.csv", content: .lines(["# not a comment: a line of the file", "date,kind", ""], lineEnd: "\n")),
            .init(name: "gb.csv", content: .lines(["日期"], lineEnd: "\r\n")),
            .init(name: "report.txt", content: .copy("examples/report.txt")),
        ])
        #expect(s.steps[1].stdout == ["<<< not a block"])
        #expect(s.steps[2].files.isEmpty)
        // Re-recording keeps the headings and the blocks where they were.
        #expect(try Scenario(parsing: s.text).text == s.text)
        #expect(s.text.contains("\n# 2. a file is written before the command after it\n<<< events.csv\n"))
    }

    @Test func casesAreNumberedInOrderAndStandWhereACommandCould() throws {
        #expect(throws: ScenarioError.self) { try Scenario(parsing: "# 2. first\n$ fiscal x\n") }
        #expect(throws: ScenarioError.self) { try Scenario(parsing: "# 1. a\n$ fiscal x\n# 1. b\n$ fiscal y\n") }
        #expect(throws: ScenarioError.self) { try Scenario(parsing: "# 1. a\n$ fiscal x\n# 2. b\n$ fiscal y\n") }
        #expect(throws: ScenarioError.self) { try Scenario(parsing: "$ fiscal x\n<<< a.csv\nx\n") }
        #expect(throws: ScenarioError.self) { try Scenario(parsing: "$ fiscal x\n>= 0\n<<< a.csv\nx\n<<<\n") }
        #expect(throws: ScenarioError.self) { try Scenario(parsing: "<<< ../a.csv\nx\n<<<\n$ fiscal x\n") }
        #expect(throws: ScenarioError.self) { try Scenario(parsing: "<<< a.csv latin1\nx\n<<<\n$ fiscal x\n") }
        // A setup names another file's cases, once, before the first command.
        #expect(try Scenario(parsing: "# setup: year.test through case 11\n# 1. a\n$ fiscal x\n").setup
                == Scenario.Setup(file: "year.test", throughCase: 11))
        #expect(throws: ScenarioError.self) { try Scenario(parsing: "# setup: year.test 11\n$ fiscal x\n") }
        #expect(throws: ScenarioError.self) { try Scenario(parsing: "$ fiscal x\n# setup: year.test through case 1\n") }
        // Not headings: no number, or no text after it.
        #expect(Scenario.caseHeading("# 2022年结转") == nil)
        #expect(Scenario.caseHeading("#   JB01 resources") == nil)
        #expect(Scenario.caseHeading("# 3. ") == nil)
        #expect(Scenario.caseHeading("# 12. a case") == Scenario.Case(number: 12, title: "a case"))
    }

    @Test func outputSplitsIntoLines() {
        #expect(outputLines("") == ([], true))
        #expect(outputLines("a\nb\n") == (["a", "b"], true))
        #expect(outputLines("a\n\n") == (["a", ""], true))
        #expect(outputLines("a") == (["a"], false))
    }

    @Test func diffShowsWhatChanged() {
        #expect(lineDiff(expected: ["a", "b", "c"], actual: ["a", "x", "c"]) == "  a\n- b\n+ x\n  c")
        #expect(lineDiff(expected: [], actual: ["new"]) == "+ new")
        #expect(lineDiff(expected: ["gone"], actual: []) == "- gone")
    }
}

/// The harness against the real binary: a wrong expectation must fail, with a diff.
@Suite("Golden harness, running")
struct HarnessRunTests {
    @Test func aWrongExpectationFailsWithADiff() throws {
        let scenario = try Scenario(parsing: """
            $ fiscal init --name 某局 --year 2023
            created book '某局' at book.db, fiscal year 2024 open
            $ fiscal journal
            >2
            error: not this
            >= 1
            $ fiscal frobnicate
            >2 ~
            >= 2
            $ sqlite3 book.db 'SELECT name FROM book'
            某局
            """)
        let run = try ScenarioRun(scenario, label: "harness")
        defer { run.removeFiles() }
        #expect(run.failures.count == 3)
        #expect(run.failures.first == """
            1: $ fiscal init --name 某局 --year 2023
            stdout differs (- expected, + actual):
            - created book '某局' at book.db, fiscal year 2024 open
            + created book '某局' at book.db, fiscal year 2023 open
            """)
        #expect(run.failures.dropFirst().first?.hasPrefix("3: $ fiscal journal\nstdout differs") == true)
        #expect(run.failures.dropFirst().first?.contains("\n- error: not this\n") == true)
        #expect(run.failures.dropFirst().first?.hasSuffix("exit code 0, expected 1") == true)
        #expect(run.failures.last == "7: $ fiscal frobnicate\nexit code 64, expected 2")
        // What re-recording would write: the actual output, `>2 ~` kept as it was.
        #expect(run.recorded.steps.map(\.exitCode) == [0, 0, 64, 0])
        #expect(run.recorded.steps[0].stdout == ["created book '某局' at book.db, fiscal year 2023 open"])
        #expect(run.recorded.steps[1].stderr == .exact([]))
        #expect(run.recorded.steps[2].stderr == .nonEmpty)
    }

    @Test func inputFilesAreWrittenBeforeTheirCommandAndFailuresNameTheCase() throws {
        let scenario = try Scenario(parsing: """
            # 1. a file is there for the command after it
            <<< a.txt crlf
            甲
            <<<
            $ od -An -tx1 a.txt
             e7 94 b2 0d 0a
            >= 0
            # 2. a wrong expectation names its case
            <<< a.txt
            x
            <<<
            $ cat a.txt
            y
            """)
        let run = try ScenarioRun(scenario, label: "harness-files")
        defer { run.removeFiles() }
        #expect(run.recorded.steps[1].stdout == ["x"])
        #expect(run.recorded.steps[0].stdout == [" e7 94 b2 0d 0a"])
        #expect(run.failures.count == 1)
        #expect(run.failures.last?.hasPrefix("12 (case 2. a wrong expectation names its case): $ cat a.txt\nstdout differs") == true)
    }

    @Test func theBinarySeesOnlyTheScenarioEnvironment() throws {
        let scenario = try Scenario(parsing: """
            # env FISCAL_DB=other.db
            $ env
            FISCAL_DB=other.db
            FISCAL_TODAY=2023-03-01
            HOME=/
            LANG=C.UTF-8
            PATH=/
            """)
        let run = try ScenarioRun(scenario, label: "harness-env")
        defer { run.removeFiles() }
        let printed = Set(run.recorded.steps[0].stdout.map { $0.split(separator: "=", maxSplits: 1).first.map(String.init) ?? $0 })
        #expect(printed == ["FISCAL_DB", "FISCAL_TODAY", "HOME", "LANG", "PATH"])
        #expect(run.recorded.steps[0].stdout.contains("FISCAL_DB=other.db"))
        #expect(run.recorded.steps[0].stdout.contains("HOME=\(run.directory.path)"))
    }
}
