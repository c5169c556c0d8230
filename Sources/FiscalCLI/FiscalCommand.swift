import ArgumentParser

/// The root command: configuration only. Each subcommand lives in its own file under Commands/.
public struct FiscalCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "fiscal",
        abstract: "A double-entry ledger of a department's budget execution (预算执行).",
        discussion: """
            The book is one SQLite file: --db PATH, else $FISCAL_DB, else ./fiscal.db.
            Today is --today DATE (2023-06-01, 2023/6/1, 2023.6.1, 20230601 or 2023年6月1日), else $FISCAL_TODAY, else the system date.
            Amounts are 元 (1234.56, 1,234.56, 1234.56元) or 万元 (550万, 31.2万元).
            Shell completion (projects, codes and entries from the book): fiscal --generate-completion-script bash|zsh|fish.

            Exit codes: 0 ok; 1 a refused command, a failed check or a mismatch; 64 a usage error.
            """,
        version: "0.1.0",
        subcommands: [
            Init.self, Demo.self, ProjectCommand.self,
            Appropriate.self, Supplement.self, Reduce.self, Transfer.self,
            Pay.self, Refund.self, Recall.self, CarryIn.self, Commit.self, Release.self, ContractCommand.self, Reverse.self,
            Journal.self, Balance.self, Report.self, Reconcile.self, Verify.self, Seal.self, Backup.self,
            Close.self, Reopen.self, Consolidate.self, Import.self, Export.self, Codes.self, YearCommand.self, Status.self,
        ]
    )

    public init() {}
}
