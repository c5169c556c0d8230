/// Splits a scenario's command line into words the way a POSIX shell would, without running a
/// shell: no variables, globs, pipes or redirection, so a scenario means the same everywhere.
///
///     try shellWords(#"fiscal project add JD01 --name "禁毒 专项" --memo 'a b' x\ y"#)
///     // ["fiscal", "project", "add", "JD01", "--name", "禁毒 专项", "--memo", "a b", "x y"]
///
/// Single quotes keep everything literally; inside double quotes a backslash escapes only
/// `"`, `\`, `$` and `` ` `` (as in sh); outside quotes a backslash escapes any character.
/// `""` and `''` are empty words.
func shellWords(_ line: String) throws(ShellWordsError) -> [String] {
    var words: [String] = []
    var word = ""
    var inWord = false
    var chars = line.makeIterator()
    while let ch = chars.next() {
        switch ch {
        case " ", "\t":
            if inWord { words.append(word); word = ""; inWord = false }
        case "'":
            inWord = true
            var closed = false
            while let c = chars.next() {
                if c == "'" { closed = true; break }
                word.append(c)
            }
            if !closed { throw ShellWordsError(line: line, reason: "unterminated single quote") }
        case "\"":
            inWord = true
            var closed = false
            while let c = chars.next() {
                if c == "\"" { closed = true; break }
                if c == "\\" {
                    guard let next = chars.next() else { break }
                    if !["\"", "\\", "$", "`"].contains(next) { word.append("\\") }
                    word.append(next)
                } else {
                    word.append(c)
                }
            }
            if !closed { throw ShellWordsError(line: line, reason: "unterminated double quote") }
        case "\\":
            inWord = true
            guard let next = chars.next() else { throw ShellWordsError(line: line, reason: "backslash at end of line") }
            word.append(next)
        default:
            inWord = true
            word.append(ch)
        }
    }
    if inWord { words.append(word) }
    return words
}

struct ShellWordsError: Error, CustomStringConvertible {
    var line: String
    var reason: String
    var description: String { "cannot split `\(line)`: \(reason)" }
}
