import ArgumentParser

extension FiscalCommand {
    struct ContractCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "contract",
            abstract: "List and show contracts (合同) and their commitments.",
            discussion: """
                A contract is created by its first `fiscal commit`. Examples:
                  fiscal contract list --open
                  fiscal contract show HT-2023-001
                """,
            subcommands: [ContractList.self, ContractShow.self]
        )
    }
}
