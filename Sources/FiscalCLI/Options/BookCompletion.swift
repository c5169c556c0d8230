import ArgumentParser
import FiscalCore
import Foundation

/// Shell completion that knows the book: project codes, economic codes (with their names) and
/// recent entry ids, read from the book the command line names (`--db`, else `$FISCAL_DB`,
/// else ./fiscal.db), read-only. Any failure (no book, a busy or foreign file) completes
/// nothing and says nothing: completion must never print an error into the prompt.
///
/// zsh and fish show each candidate's description (`30201  办公费`); bash gets the bare values.
enum BookCompletion {
    static let projects = CompletionKind.custom { words, _, prefix in
        complete(words, prefix) { book in try book.projects().map { ($0.code, $0.name) } }
    }

    static let econ = CompletionKind.custom { words, _, prefix in
        complete(words, prefix) { book in try book.codes().economic.entries.map { ($0.code, $0.name) } }
    }

    /// The latest entries, newest first, with their date, kind and memo.
    static let entries = CompletionKind.custom { words, _, prefix in
        complete(words, prefix, sorted: false) { book in
            let last = Int64(try book.overview().entries)
            guard last > 0 else { return [] }
            return try (max(1, last - 49)...last).reversed().compactMap { id in
                guard let entry = try book.journal(JournalFilter(entryID: id)).first else { return nil }
                return ("\(id)", "\(entry.date) \(entry.kind.rawValue)" + (entry.memo.map { " " + $0 } ?? ""))
            }
        }
    }

    /// Candidates starting with `prefix`, formatted for the shell asking.
    static func complete(_ words: [String], _ prefix: String, sorted: Bool = true,
                         _ read: (Book) throws -> [(String, String)]) -> [String] {
        guard let book = try? Book.open(at: bookPath(words), access: .read),
              var found = try? read(book) else { return [] }
        found = found.filter { $0.0.hasPrefix(prefix) }
        if sorted { found.sort { $0.0 < $1.0 } }
        return found.map { value, description in
            let description = description.onOneLine
            switch CompletionShell.requesting {
            case .zsh?: return value.replacingOccurrences(of: ":", with: "\\:") + ":" + description
            case .fish?: return value + "\t" + description
            default: return value
            }
        }
    }

    /// The book the command line being completed names.
    static func bookPath(_ words: [String]) -> String {
        for (i, word) in words.enumerated() {
            if word == "--db", i + 1 < words.count { return words[i + 1] }
            if word.hasPrefix("--db=") { return String(word.dropFirst(5)) }
        }
        if let env = ProcessInfo.processInfo.environment["FISCAL_DB"], !env.isEmpty { return env }
        return "fiscal.db"
    }
}
