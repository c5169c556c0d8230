#!/usr/bin/env python3
"""Reads a workbook fiscal wrote with openpyxl — a reader fiscal's code has no part in — and
prints what a person opening it in Excel gets, as JSON: each sheet's name, frozen cell, column
widths, and its rows with every cell as shown (amounts `#,##0.00` with two decimals, rates
`0.00%` as percents) together with its number format.

    python3 Tests/Scripts/read_xlsx.py report.xlsx
Exit 3 when openpyxl is missing (the test then skips).
"""
import json
import sys

try:
    import openpyxl
except ImportError:
    print("openpyxl is not installed (python3 -m pip install openpyxl)", file=sys.stderr)
    sys.exit(3)


def shown(cell):
    v = cell.value
    if v is None:
        return ""
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        return str(v)
    fmt = cell.number_format
    if fmt == "0.00%":
        return f"{v * 100:.2f}%"
    if fmt == "#,##0.00":
        return f"{v:.2f}"
    if fmt == "#,##0":
        return f"{v:.0f}"
    return f"general:{v}"


book = openpyxl.load_workbook(sys.argv[1])
out = []
for ws in book.worksheets:
    out.append({
        "name": ws.title,
        "freeze": ws.freeze_panes,
        "widths": [ws.column_dimensions[openpyxl.utils.get_column_letter(i)].width for i in range(1, ws.max_column + 1)],
        "rows": [[shown(c) for c in row] for row in ws.iter_rows()],
        "formats": [[c.number_format if isinstance(c.value, (int, float)) else "" for c in row] for row in ws.iter_rows()],
    })
print(json.dumps(out, ensure_ascii=False))
