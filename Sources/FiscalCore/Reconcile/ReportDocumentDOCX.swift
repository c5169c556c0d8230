/// The text of a Word document (.docx): the body's paragraphs and tables in order. A
/// paragraph's runs are joined; a tab is a tab, a line break a line break; deleted text
/// (tracked changes) is left out. A table nested in a cell gives its text to the cell.
enum DOCXText {
    static func read(path: String, field: String) throws(FiscalError) -> String {
        let package: OfficePackage
        do { package = try OfficePackage(path: path) } catch {
            throw .invalidValue(field: field, value: path, reason: "a zip archive that cannot be read as a Word document")
        }
        guard let document = try package.xml("word/document.xml"), let body = document.first("body") else {
            throw .invalidValue(field: field, value: path,
                                reason: "a zip archive, but not a Word document (no word/document.xml); give the report as .docx, .html, .pdf or text")
        }
        return ReportDocument.layout(blocks(body))
    }

    static func blocks(_ container: OfficeXML) -> [ReportDocument.Block] {
        var blocks: [ReportDocument.Block] = []
        for child in container.children {
            switch child.name {
            case "p": blocks.append(.paragraph(paragraphText(child)))
            case "tbl": blocks.append(.table(child.all("tr").map { $0.all("tc").map(cellText) }))
            case "sdt": if let content = child.first("sdtContent") { blocks += DOCXText.blocks(content) }  // a content control
            default: continue
            }
        }
        return blocks
    }

    private static func cellText(_ cell: OfficeXML) -> String {
        blocks(cell).map { block -> String in
            switch block {
            case .paragraph(let text): text
            case .table(let rows): rows.map { $0.joined(separator: " ") }.joined(separator: " ")
            }
        }.filter { !$0.isEmpty }.joined(separator: " ")
    }

    static func paragraphText(_ p: OfficeXML) -> String {
        var out = ""
        func walk(_ e: OfficeXML) {
            switch e.name {
            case "t": out += e.text
            case "tab": out += "\t"
            case "br", "cr": out += "\n"
            case "del", "rPr", "pPr", "instrText": return
            default: e.children.forEach(walk)
            }
        }
        p.children.forEach(walk)
        return out
    }
}
