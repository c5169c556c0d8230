import ArgumentParser
import Foundation

/// What the command line forgives before the argument parser sees it, and what it says after
/// the parser refuses it.
///
/// - Global options (`--db`, `--today`, `--lang`) may come before the subcommand:
///   `fiscal --db x.db report progress` is read as `fiscal report progress --db x.db`.
/// - A mistyped subcommand or option gets the nearest names: `fiscal pya …` → `pay`,
///   `fiscal report progres` → `progress`, `--ecno` → `--econ`.
enum CommandLineHelp {
    /// Options every command that reads the book takes, with whether they take a value.
    static let globalOptions: [String: Bool] = ["--db": true, "--today": true, "--lang": true]

    /// The arguments with global options written before (or between) the subcommand names
    /// moved after them, so the subcommand that declares them reads them.
    static func hoistingGlobalOptions(_ arguments: [String]) -> [String] {
        var held: [String] = []
        var path: [String] = []
        var command: ParsableCommand.Type = FiscalCommand.self
        var i = 0
        while i < arguments.count {
            let a = arguments[i]
            let name = String(a.split(separator: "=", maxSplits: 1).first ?? "")
            if let takesValue = globalOptions[name] {
                let count = takesValue && !a.contains("=") ? 2 : 1
                held += arguments[i..<min(i + count, arguments.count)]
                i += count
                continue
            }
            guard let sub = subcommand(of: command, named: a) else { break }
            path.append(a)
            command = sub
            i += 1
        }
        guard !held.isEmpty, !path.isEmpty else { return arguments }
        return path + held + arguments[i...]
    }

    static func subcommand(of command: ParsableCommand.Type, named name: String) -> ParsableCommand.Type? {
        command.configuration.subcommands.first { $0._commandName == name || $0.configuration.aliases.contains(name) }
    }

    /// For a usage error: the parser's message with its first lines replaced by one that
    /// names the mistyped subcommand or option and the nearest names; nil when no word of
    /// the command line is unknown (the parser's message is then the right one).
    static func message(for arguments: [String], parserMessage: String) -> String? {
        guard let problem = unknownWord(in: arguments) else { return nil }
        let usage = parserMessage.components(separatedBy: "\n").drop { !$0.hasPrefix("Usage:") }
        return (["Error: " + problem] + usage).joined(separator: "\n")
    }

    /// The first subcommand or option on the command line that the command tree lacks, said
    /// with its nearest names.
    static func unknownWord(in arguments: [String]) -> String? {
        guard let tree = commandTree() else { return nil }
        var node = tree
        var path = ["fiscal"]
        var i = 0
        // Down the subcommands: a word where a subcommand must be is checked against them.
        while !node.subcommands.isEmpty, i < arguments.count {
            let a = arguments[i]
            if a == "--" { break }
            if a.hasPrefix("-") {
                // An option before the subcommand (--help, --db x.db, --format csv): skip it, and
                // the word after it unless that is a subcommand.
                let next = i + 1 < arguments.count ? arguments[i + 1] : "-"
                let nextIsValue = globalOptions[a] == true || !(next.hasPrefix("-") || node.subcommands.contains { $0.names.contains(next) })
                i += a.contains("=") || !nextIsValue ? 1 : 2
                continue
            }
            if let sub = node.subcommands.first(where: { $0.names.contains(a) }) {
                node = sub; path.append(a); i += 1
                continue
            }
            if let fallback = node.defaultSubcommand, let sub = node.subcommands.first(where: { $0.names.contains(fallback) }) {
                node = sub
                break
            }
            let names = node.subcommands.map(\.names[0]).filter { $0 != "help" }
            return "Unknown command '\(a)' for '\(path.joined(separator: " "))'." + suggestion(for: a, among: names, quote: true)
        }
        // At the leaf: every option word must be one of its options.
        while i < arguments.count {
            let a = arguments[i]
            i += 1
            if a == "--" { break }
            guard a.hasPrefix("-"), a.count > 1, !(a.dropFirst().first?.isNumber ?? false) else { continue }
            let name = String(a.split(separator: "=", maxSplits: 1)[0])
            if node.options.contains(name) { continue }
            let candidates = node.options.filter { $0.hasPrefix("--") }.sorted()
            return "Unknown option '\(name)' for '\(path.joined(separator: " "))'." + suggestion(for: name, among: candidates, quote: true)
        }
        return nil
    }

    /// " Did you mean 'pay'?" for the nearest names, or "" when none is near.
    static func suggestion(for word: String, among names: [String], quote: Bool) -> String {
        let near = nearest(word, among: names)
        guard !near.isEmpty else { return "" }
        let listed = near.map { quote ? "'\($0)'" : $0 }
        return " Did you mean \(listed.joined(separator: " or "))?"
    }

    /// The names within a couple of edits of `word` (a swap of two letters is one edit), or
    /// that start with it, nearest first; at most three.
    static func nearest(_ word: String, among names: [String]) -> [String] {
        let allowed = word.count <= 4 ? 1 : 2
        let scored = names.compactMap { name -> (String, Int)? in
            let d = editDistance(word, name)
            if d <= allowed { return (name, d) }
            let bare = word.drop { $0 == "-" }
            if bare.count >= 2, name.drop(while: { $0 == "-" }).hasPrefix(bare) { return (name, allowed + 1) }
            return nil
        }
        let best = scored.map(\.1).min()
        // Only the nearest: an exact prefix does not compete with a one-letter typo.
        return Array(scored.filter { $0.1 == best }.map(\.0).prefix(3))
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions and swaps of
    /// neighbours, each one edit.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }

    /// A command as the parser's own description of the tree (`--experimental-dump-help`)
    /// has it: names, options (as written: `--econ`, `-o`) and subcommands.
    struct Node {
        var names: [String]
        var options: Set<String>
        var subcommands: [Node]
        var defaultSubcommand: String?
    }

    static func commandTree() -> Node? {
        guard let data = FiscalCommand._dumpHelp().data(using: .utf8),
              let top = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
              let command = top["command"] as? [String: Any] else { return nil }
        return node(command)
    }

    private static func node(_ json: [String: Any]) -> Node {
        var options: Set<String> = []
        for argument in json["arguments"] as? [[String: Any]] ?? [] {
            for name in argument["names"] as? [[String: Any]] ?? [] {
                guard let kind = name["kind"] as? String, let text = name["name"] as? String else { continue }
                options.insert((kind == "short" || kind == "longWithSingleDash" ? "-" : "--") + text)
            }
        }
        let name = json["commandName"] as? String ?? ""
        return Node(names: [name] + (json["aliases"] as? [String] ?? []), options: options,
                    subcommands: (json["subcommands"] as? [[String: Any]] ?? []).map(node),
                    defaultSubcommand: json["defaultSubcommand"] as? String)
    }
}
