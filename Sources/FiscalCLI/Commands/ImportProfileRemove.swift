import ArgumentParser
import FiscalCore

extension FiscalCommand {
    struct ImportProfileRemove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "remove",
            abstract: "Remove a saved column mapping (what was imported through it stays).",
            discussion: """
                Example:
                  fiscal import profile remove 一体化支付
                """
        )

        @OptionGroup var book: BookOptions

        @Argument(help: "The profile's name.")
        var name: String

        func run() throws {
            try book.openBook().removeImportProfile(name: name)
            print("removed import profile \(name)")
        }
    }
}
