import ArgumentParser
import FiscalCore

extension FiscalCommand {
    struct ImportProfileAdd: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Save a column mapping under a name.",
            discussion: """
                --map takes HEADER=column pairs, comma-separated (or --map given again): the file's
                header as it is written, and the column fiscal imports it as — date, kind, project,
                amount, econ, doc, ref, memo, to_project, project_name, payee, payment_method.
                Headers the profile does not name are read as `fiscal import` reads them anyway.

                Examples:
                  fiscal import profile add 一体化支付 --map 支付日期=date,项目编码=project,支付金额=amount,经济分类=econ,收款人=payee --kind pay
                  fiscal import profile add bank --map "Value date=date" --map Amount=amount
                """
        )

        @OptionGroup var book: BookOptions

        @Argument(help: "The profile's name.")
        var name: String

        @Option(help: ArgumentHelp("HEADER=column pairs, comma-separated; may be given again.", valueName: "pairs"))
        var map: [String] = []

        @Option(help: ArgumentHelp("The kind of every row of a file without a kind column (e.g. pay, 支付).", valueName: "kind"))
        var kind: String?

        func validate() throws {
            if let kind, EntryKind.event(named: kind) == nil {
                throw ValidationError("--kind '\(kind)': not a kind of event (\(EntryKind.events.map(\.rawValue).joined(separator: ", ")))")
            }
            if map.isEmpty { throw ValidationError("--map: give at least one HEADER=column pair") }
            _ = try pairs()
        }

        func pairs() throws(ValidationError) -> [ImportProfile.Column] {
            var pairs: [ImportProfile.Column] = []
            for item in map.flatMap({ $0.split(separator: ",", omittingEmptySubsequences: true) }) {
                guard let eq = item.lastIndex(of: "=") else {
                    throw ValidationError("--map '\(item)': not HEADER=column (e.g. 支付日期=date)")
                }
                pairs.append(ImportProfile.Column(header: item[..<eq].trimmingCharacters(in: .whitespaces),
                                                  column: item[eq...].dropFirst().trimmingCharacters(in: .whitespaces).lowercased()))
            }
            return pairs
        }

        func run() throws {
            let profile = ImportProfile(name: name, mapping: try pairs(), kind: kind.flatMap(EntryKind.event(named:)),
                                        added: try book.todayDay())
            try book.openBook().addImportProfile(profile)
            print("added import profile \(name): \(profile.mapping.count) column\(profile.mapping.count == 1 ? "" : "s")"
                  + (profile.kind.map { ", every row \($0.rawValue)" } ?? ""))
        }
    }
}
