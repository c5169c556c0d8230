import ArgumentParser
import FiscalCore

extension FiscalCommand {
    struct Commit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Commit authority to a contract (预算占用) before cash moves.",
            discussion: """
                Posts Dr available / Cr committed, both tagged with the contract and the economic code (a 款, 5 digits). Availability control applies exactly as to a payment: refused beyond what is available, unless --allow-overdraft.

                The first commit on a contract number creates the contract (its supplier, procurement type, SME flag, signed on --date); a later commit on the same number adds to it and must name the same project and code. Pay against it with `fiscal pay … --contract NO`; give back what will not be paid with `fiscal release`.

                Examples:
                  fiscal commit XM02 300万 --econ 31002 --contract HT-2023-001 --supplier 某设备公司 --procurement goods --sme --date 2023-03-10
                  fiscal commit XM02 20万 --econ 31002 --contract HT-2023-001 --date 2023-05-01 --memo 补充协议
                """
        )

        @OptionGroup var book: BookOptions
        @OptionGroup var entry: EntryOptions

        @OptionGroup var target: ProjectAmount

        @Option(help: ArgumentHelp("The economic code the contract spends on (a 款, e.g. 31002 办公设备购置).", valueName: "code"))
        var econ: String

        @Option(help: ArgumentHelp("The contract's number (合同编号), unique in the book.", valueName: "number"))
        var contract: String

        @Option(help: ArgumentHelp("The supplier (供应商), on the first commit of a contract.", valueName: "name"))
        var supplier: String?

        @Option(help: ArgumentHelp("政府采购 type: goods (货物), works (工程) or services (服务); none if not procurement.", valueName: "type"))
        var procurement: Procurement?

        @Flag(help: "The contract is awarded to a small or medium enterprise (授予中小企业).")
        var sme = false

        func validate() throws { _ = try ArgumentCheck.econ(econ, item: true) }

        func run() throws {
            let terms = ContractTerms(supplier: supplier.nonEmpty, procurement: procurement, sme: sme)
            try record(book, entry, contract: contract, terms: terms) {
                .commit(project: target.project, amount: try target.money(), econ: try ArgumentCheck.econ(econ, item: true))
            }
        }
    }
}
