import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// An Office Open XML file (.xlsx, .docx): a zip archive of XML parts. Opened whole; each part
/// is read on demand as an element tree.
final class OfficePackage {
    let path: String
    private let archive: Archive

    /// Whether a file starts as a zip archive does (`PK\3\4`): how an .xlsx or .docx is told
    /// from text by its content, whatever its name.
    static func isZip(path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let magic = (try? handle.read(upToCount: 4)) ?? Data()
        return magic == Data([0x50, 0x4B, 0x03, 0x04])
    }

    init(path: String) throws(FiscalError) {
        self.path = path
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw FiscalError.invalidValue(field: "file", value: path, reason: "not a readable zip archive (\(error))")
        }
    }

    /// The part at `name` (`xl/workbook.xml`), or nil when the package has none.
    func data(_ name: String) throws(FiscalError) -> Data? {
        guard let entry = archive[name] else { return nil }
        var data = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
        } catch {
            throw FiscalError.invalidValue(field: "file", value: path, reason: "part \(name) cannot be read (\(error))")
        }
        return data
    }

    /// The part at `name` as an element tree, or nil when the package has none.
    func xml(_ name: String) throws(FiscalError) -> OfficeXML? {
        guard let data = try data(name) else { return nil }
        return try OfficeXML.parse(data, what: "\(path): \(name)")
    }

    /// Relationship ids to their target parts, from a `_rels/*.rels` part, targets resolved
    /// against `base` (the folder of the part the relationships belong to).
    func relationships(_ name: String, base: String) throws(FiscalError) -> [String: String] {
        guard let rels = try xml(name) else { return [:] }
        var targets: [String: String] = [:]
        for rel in rels.children where rel.name == "Relationship" {
            guard let id = rel.attributes["Id"], let target = rel.attributes["Target"] else { continue }
            targets[id] = target.hasPrefix("/") ? String(target.dropFirst()) : base + target
        }
        return targets
    }
}

/// A parsed XML element: its local name (namespace prefix dropped), attributes by local name,
/// children and the text directly inside it. Enough for the parts of an Office file.
final class OfficeXML {
    let name: String
    let attributes: [String: String]
    var children: [OfficeXML] = []
    var text = ""

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    func first(_ name: String) -> OfficeXML? { children.first { $0.name == name } }
    func all(_ name: String) -> [OfficeXML] { children.filter { $0.name == name } }

    /// Every descendant named `name`, in document order.
    func descendants(_ name: String) -> [OfficeXML] {
        var found: [OfficeXML] = []
        for child in children {
            if child.name == name { found.append(child) }
            found.append(contentsOf: child.descendants(name))
        }
        return found
    }

    /// The text of this element and all its descendants, in document order.
    var allText: String { text + children.map(\.allText).joined() }

    static func parse(_ data: Data, what: String) throws(FiscalError) -> OfficeXML {
        let builder = TreeBuilder()
        let parser = XMLParser(data: data)
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            let reason = parser.parserError.map { "\($0.localizedDescription)" } ?? "no root element"
            throw FiscalError.invalidValue(field: "file", value: what, reason: "not well-formed XML (\(reason))")
        }
        return root
    }
}

private func localName(_ qualified: String) -> String {
    guard let colon = qualified.lastIndex(of: ":") else { return qualified }
    return String(qualified[qualified.index(after: colon)...])
}

private final class TreeBuilder: NSObject, XMLParserDelegate {
    var root: OfficeXML?
    private var stack: [OfficeXML] = []

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        var attributes: [String: String] = [:]
        for (key, value) in attributeDict { attributes[localName(key)] = value }
        let element = OfficeXML(name: localName(elementName), attributes: attributes)
        if let parent = stack.last { parent.children.append(element) } else { root = element }
        stack.append(element)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        stack.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        stack.last?.text += string
    }
}
