#!/usr/bin/env python3
"""Writes the Office fixtures of the tests (Tests/Fixtures/office/) with Python's standard
library only: each .xlsx is written part by part, as Excel and the 预算管理一体化 exports lay
them out (shared strings, inline strings, date-formatted serial numbers, a merged title row),
so the reader is tested on the format itself, not on one library's habits.

    python3 scripts/make-office-fixtures.py      # rewrites the fixtures; commit the result

The PDF of the example report is printed from the web page by Chromium (fonts-noto-cjk for
the Chinese text), once, by hand:

    chromium --headless --no-sandbox --print-to-pdf=Tests/Fixtures/office/hengyang-report.pdf \
        Tests/Fixtures/office/hengyang-report.html
"""
import os
import zipfile
from xml.sax.saxutils import escape

OUT = os.path.join(os.path.dirname(__file__), "..", "Tests", "Fixtures", "office")

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
{sheets}
</Types>"""
ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""
# Cell formats: 0 general, 1 a built-in date (14), 2 a custom date (yyyy"年"m"月"d"日"), 3 #,##0.00
STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>
<fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts>
<fills count="1"><fill><patternFill patternType="none"/></fill></fills>
<borders count="1"><border/></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="176" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>
</styleSheet>"""


def put(z, name, data):
    """A zip entry with a fixed date, so that the same fixture makes the same bytes."""
    z.writestr(zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0)), data, compress_type=zipfile.ZIP_DEFLATED)


class D:
    """A date cell: an Excel serial number with a date format (style 1, or 2 for the custom one)."""
    def __init__(self, serial, style=1):
        self.serial, self.style = serial, style


class N:
    """A number cell written with exactly this stored text (what Excel keeps in <v>)."""
    def __init__(self, text, style=3):
        self.text, self.style = text, style


class I:
    """An inline string cell (what some exporters write instead of shared strings)."""
    def __init__(self, text):
        self.text = text


def col(i):
    name = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        name = chr(65 + r) + name
    return name


def sheet_xml(rows, strings, merges):
    out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
           '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>']
    for r, row in enumerate(rows, start=1):
        if row is None:
            continue  # an empty row: Excel writes nothing for it
        cells = []
        for c, v in enumerate(row):
            ref = f"{col(c)}{r}"
            if v is None or v == "":
                continue
            if isinstance(v, D):
                cells.append(f'<c r="{ref}" s="{v.style}"><v>{v.serial}</v></c>')
            elif isinstance(v, N):
                cells.append(f'<c r="{ref}" s="{v.style}"><v>{v.text}</v></c>')
            elif isinstance(v, I):
                cells.append(f'<c r="{ref}" t="inlineStr"><is><t>{escape(v.text)}</t></is></c>')
            else:
                if v not in strings:
                    strings.append(v)
                cells.append(f'<c r="{ref}" t="s"><v>{strings.index(v)}</v></c>')
        out.append(f'<row r="{r}">' + "".join(cells) + "</row>")
    out.append("</sheetData>")
    if merges:
        out.append(f'<mergeCells count="{len(merges)}">' + "".join(f'<mergeCell ref="{m}"/>' for m in merges) + "</mergeCells>")
    out.append("</worksheet>")
    return "\n".join(out)


def workbook(path, sheets):
    """sheets: [(name, rows, merges)]"""
    strings = []
    parts = {f"xl/worksheets/sheet{i}.xml": sheet_xml(rows, strings, merges)
             for i, (_, rows, merges) in enumerate(sheets, start=1)}
    book = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
            + "".join(f'<sheet name="{escape(n)}" sheetId="{i}" r:id="rId{i}"/>' for i, (n, _, _) in enumerate(sheets, start=1))
            + "</sheets></workbook>")
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            + "".join(f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i}.xml"/>'
                      for i in range(1, len(sheets) + 1))
            + f'<Relationship Id="rId{len(sheets) + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
            + f'<Relationship Id="rId{len(sheets) + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
            + "</Relationships>")
    sst = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
           f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(strings)}" uniqueCount="{len(strings)}">'
           + "".join(f"<si><t xml:space=\"preserve\">{escape(s)}</t></si>" for s in strings) + "</sst>")
    overrides = "".join(f'<Override PartName="/{p}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' for p in parts)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        put(z, "[Content_Types].xml", CONTENT_TYPES.format(sheets=overrides))
        put(z, "_rels/.rels", ROOT_RELS)
        put(z, "xl/workbook.xml", book)
        put(z, "xl/_rels/workbook.xml.rels", rels)
        put(z, "xl/styles.xml", STYLES)
        put(z, "xl/sharedStrings.xml", sst)
        for p, xml in parts.items():
            put(z, p, xml)


def main():
    os.makedirs(OUT, exist_ok=True)
    # The projects of Tests/GoldenTests/Scenarios/import.test, under a merged title row.
    workbook(os.path.join(OUT, "projects.xlsx"), [("项目", [
        ["2023年项目清单"],
        None,
        ["code", "name", "kind", "fund", "function", "unit"],
        ["JD01", "禁毒专项", "project", "general", N("2040299", 0), "禁毒支队"],
        ["RY01", "人员经费", "personnel", "general", N("2040201", 0)],
    ], ["A1:F1"])])
    # The events of import.test's events.csv: dates as date cells (built-in and custom format)
    # and as text, amounts as numbers, 50万 as text, inline strings for doc and memo.
    # 2023-01-05 is serial 44931; 2023-02-20 is 44977; 2023-03-01 is 44986.
    workbook(os.path.join(OUT, "events.xlsx"), [("Sheet1", [
        ["date", "kind", "project", "amount", "econ", "doc", "ref", "memo", "to_project"],
        [D(44931), "appropriate", "JD01", N("1000000"), None, I("预指〔2023〕1号"), "A1", I("年初预算")],
        [D(44931, 2), "appropriate", "RY01", "50万", None, None, "A2"],
        ["2023/02/10", "pay", "JD01", N("12345.67"), N("30201", 0), "记-0210", "P1", "办公用品, 打印纸"],
        [D(44986), "transfer", "JD01", N("2E4"), None, None, "T1", None, "RY01"],
        [D(44977), "pay", "RY01", N("8000"), N("30101", 0), None, "P2"],
    ], [])])
    # A payment list as a 预算管理一体化 export lays it out: a merged title, a unit line, its
    # own column names, econ with its name, no kind column; a formula's float tail on 12345.6.
    header = ["支付日期", "项目编码", "项目名称", "经济分类", "支付金额", "支付方式", "收款人", "摘要", "凭证号"]
    workbook(os.path.join(OUT, "payments.xlsx"), [
        ("12月", [
            ["国库集中支付明细表"],
            ["单位：元"],
            header,
            ["2023/12/05", "JD01", "禁毒专项", "30201 办公费", N("12345.599999999999"), "直接支付", "某某文具店", "办公用品", "ZF-1201"],
            ["2023/12/06", None, "人员经费", "30101基本工资", N("8000"), "授权支付", "本单位职工", "12月工资", "ZF-1202"],
        ], ["A1:I1"]),
        ("有误", [
            header,
            ["2023/12/05", "JD01", "禁毒专项", "30201 印刷费", N("100"), "直接支付", "某店", "", "ZF-9001"],
            ["2023/13/01", None, "无此项目", "30201", N("-5"), "直接支付", "某店", "", "ZF-9002"],
        ], []),
    ])

    # Commitments (issue 14) as a 政府采购 contract register lays them out: Chinese columns, a
    # commit that creates the contract, a payment and a release against it.
    workbook(os.path.join(OUT, "contracts.xlsx"), [("合同", [
        ["日期", "类型", "项目编码", "金额", "经济分类", "合同编号", "供应商", "采购类型", "中小企业", "摘要"],
        ["2023/03/10", "预算占用", "JD01", N("300000"), N("31002", 0), "HT-2023-001", "某设备公司", "货物", "是", "设备采购合同"],
        ["2023/06/30", "支付", "JD01", N("120000"), N("31002", 0), "HT-2023-001", None, None, None, "首付款"],
        ["2023/09/30", "释放占用", "JD01", N("10000"), None, "HT-2023-001", None, None, None, "结算节余"],
    ], [])])


# The example report as Word and as a web page, from its text: each line a paragraph, each
# run of tab-led lines a table row (rows end at a blank line), so reading either back gives
# the text it came from and reconciliation gives the same verdicts.
def report_blocks(text):
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    blocks, i = [], 0
    while i < len(lines):
        if lines[i].startswith("\t"):
            rows = []
            while i < len(lines) and lines[i].startswith("\t"):
                row = []
                while i < len(lines) and lines[i].startswith("\t"):
                    row.append(lines[i][1:])
                    i += 1
                rows.append(row)
                if i < len(lines) and lines[i] == "" and i + 1 < len(lines) and lines[i + 1].startswith("\t"):
                    i += 1  # the blank line between two rows
                elif i < len(lines) and lines[i] == "":
                    i += 1  # the blank line that ends the last row
                    break
            blocks.append(("table", rows))
        else:
            blocks.append(("p", lines[i]))
            i += 1
    return blocks


def docx(path, blocks):
    W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    def para(text):
        runs = []
        for k, part in enumerate(text.split("\t")):
            if k:
                runs.append("<w:r><w:tab/></w:r>")
            if part:
                runs.append(f'<w:r><w:rPr><w:rFonts w:eastAsia="宋体"/></w:rPr><w:t xml:space="preserve">{escape(part)}</w:t></w:r>')
        return "<w:p>" + "".join(runs) + "</w:p>"

    body = []
    for kind, value in blocks:
        if kind == "p":
            body.append(para(value))
        else:
            body.append('<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/></w:tblPr>'
                        + "".join("<w:tr>" + "".join(f"<w:tc>{para(c)}</w:tc>" for c in row) + "</w:tr>" for row in value)
                        + "</w:tbl>")
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{W}"><w:body>'
                + "".join(body) + "<w:sectPr/></w:body></w:document>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        put(z, "[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                   '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
                   "</Types>")
        put(z, "_rels/.rels", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                   '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
                   "</Relationships>")
        put(z, "word/document.xml", document)


def html(path, blocks):
    out = ['<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>2023年度部门整体支出绩效自评报告</title>',
           "<style>td{border:1px solid #999}</style><script>var ignored = '<p>not text</p>';</script></head><body>"]
    for kind, value in blocks:
        if kind == "p":
            out.append(f"<p>{escape(value)}</p>")
        else:
            out.append("<table>" + "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in value)
                       + "</table>")
    out.append("</body></html>\n")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out))


def reports():
    root = os.path.join(os.path.dirname(__file__), "..")
    with open(os.path.join(root, "examples", "hengyang-psb-2023-self-evaluation.txt"), encoding="utf-8") as f:
        blocks = report_blocks(f.read())
    docx(os.path.join(OUT, "hengyang-report.docx"), blocks)
    html(os.path.join(OUT, "hengyang-report.html"), blocks)


if __name__ == "__main__":
    main()
    reports()
