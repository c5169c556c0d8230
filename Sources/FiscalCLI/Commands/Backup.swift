import ArgumentParser
import FiscalCore
import Foundation

extension FiscalCommand {
    struct Backup: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy the book to a new file, consistently, while others keep using it.",
            discussion: """
                Uses SQLite's online backup API: the copy is the book at one moment, even while
                other fiscal commands read and write. It never overwrites a file. To restore,
                check the copy with `fiscal verify --db COPY`, then put it in place of the book.

                Example:
                  fiscal backup backups/hengyang-2023-06-30.db
                """
        )

        @OptionGroup var book: BookOptions

        @Argument(help: ArgumentHelp("The new file.", valueName: "file"))
        var file: String

        func run() throws {
            let folder = (file as NSString).deletingLastPathComponent
            if !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) {
                throw CommandFailure(message: "backup '\(file)': " + cannotWrite(file, otherwise: ""))
            }
            try book.openReader().backup(to: file)
            print("backed up the book to \(file)")
        }
    }
}
