#!/usr/bin/env python3
"""Generate a deterministic CSV of budget events for `fiscal import`, and the projects CSV
for `fiscal project import` that it needs. No dependencies; the same arguments always give
the same bytes.

    scripts/gen-events.py --rows 1000000 --out events.csv --projects-out projects.csv
    fiscal init --name 测试局 --year 2023
    fiscal project import projects.csv
    fiscal import events.csv

Each project is appropriated on 1 January (enough for everything it later spends); the
rest of the rows are payments (most), supplements, refunds and transfers spread over the
year in date order (--shuffle mixes the order up; the import sorts by date). Every row has a
unique ref, so importing the file twice posts it once.

With --contracts PCT, that percentage of the payments are against contracts (issue 14): a
project's payment on a contract is preceded, when its current contract cannot cover it, by a
commit of a new contract the day before (econ 31002, procurement types in turn, every other one to an SME),
and the file gets the columns contract,supplier,procurement,sme. Without it the bytes are
what they always were.
"""
import argparse
import random
import sys

ECON = ["30201", "30202", "30205", "30206", "30207", "30211", "30213", "30215", "30216",
        "30226", "30227", "30299", "31002", "31003"]
MEMOS = ["办公用品采购", "差旅费报销", "会议费", "培训费，含教材", "设备维修", "水电费", "委托业务费",
         "印刷费", "劳务费", "专用材料", "Office supplies", "Travel"]
KINDS = ["personnel", "public", "project"]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rows", type=int, default=1000, help="data rows of events (default 1000)")
    ap.add_argument("--projects", type=int, default=50, help="number of projects (default 50)")
    ap.add_argument("--year", type=int, default=2023)
    ap.add_argument("--seed", type=int, default=2023)
    ap.add_argument("--out", default="-", help="events CSV (default stdout)")
    ap.add_argument("--projects-out", help="also write the projects CSV here")
    ap.add_argument("--encoding", default="utf-8", choices=["utf-8", "utf-8-sig", "gb18030"])
    ap.add_argument("--shuffle", action="store_true", help="rows not in date order")
    ap.add_argument("--chinese-header", action="store_true", help="日期,类型,项目编码,… headers")
    ap.add_argument("--contracts", type=float, default=0, help="percent of payments against contracts (default 0)")
    args = ap.parse_args()

    rng = random.Random(args.seed)
    codes = ["P%04d" % i for i in range(1, args.projects + 1)]

    if args.projects_out:
        with open(args.projects_out, "w", encoding=args.encoding, newline="") as f:
            f.write("code,name,kind,fund,function,unit\n")
            for i, code in enumerate(codes):
                f.write("%s,项目%d,%s,general,2040201,\n" % (code, i + 1, KINDS[i % 3]))

    n = max(args.rows, len(codes))
    rows = []
    # Enough for every payment and transfer out the project could get (50,000.00 元 at most each).
    budget = (n // len(codes) + 1) * 5_000_000
    # A contract commits 20 payments' worth at most ahead: at most one open per project.
    contract_share = args.contracts / 100.0
    if contract_share > 0:
        budget += 20 * 5_000_000
    for code in codes:
        rows.append((args.year, 1, 1, "appropriate", code, budget, "", "预指〔%d〕1号" % args.year, "年初预算", ""))
    contract_open = {}  # project -> (number, open 分)
    contract_count = [0]
    extra = {}  # row index -> (contract, supplier, procurement, sme)
    days = [0, 31, 28 + (args.year % 4 == 0), 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    rest = n - len(codes)
    for k in range(rest):
        # Spread over the year in order: row k falls on day-of-year k * 365 / rest.
        doy = 1 + k * 364 // max(rest, 1)
        month = 1
        while doy > days[month]:
            doy -= days[month]
            month += 1
        r = rng.random()
        code = codes[rng.randrange(len(codes))]
        amount = rng.randrange(100, 5_000_000)  # 1.00 .. 50,000.00 元, in 分
        if r < 0.90 and contract_share > 0 and rng.random() < contract_share and (month, doy) != (1, 1):
            number, left = contract_open.get(code, ("", 0))
            if left < amount:
                contract_count[0] += 1
                k_c = contract_count[0]
                number, left = "HT%07d" % k_c, amount * 20
                extra[len(rows)] = (number, "供应商%d" % (k_c % 97), ("goods", "works", "services")[k_c % 3],
                                    "yes" if k_c % 2 else "")
                # Signed the day before: a shuffled file still commits before it pays.
                cm, cd = (month, doy - 1) if doy > 1 else (month - 1, days[month - 1])
                rows.append((args.year, cm, cd, "commit", code, left, "31002", "", "合同签订", ""))
            contract_open[code] = (number, left - amount)
            extra[len(rows)] = (number, "", "", "")
            rows.append((args.year, month, doy, "pay", code, amount, "31002", "", "合同付款", ""))
        elif r < 0.90:
            rows.append((args.year, month, doy, "pay", code, amount, rng.choice(ECON), "", rng.choice(MEMOS), ""))
        elif r < 0.95:
            rows.append((args.year, month, doy, "supplement", code, amount * 10, "", "追指〔%d〕%d号" % (args.year, k), "追加", ""))
        elif r < 0.98:
            rows.append((args.year, month, doy, "refund", code, amount // 10 + 1, rng.choice(ECON), "", "退回", ""))
        else:
            to = codes[(codes.index(code) + 1) % len(codes)]
            rows.append((args.year, month, doy, "transfer", code, amount, "", "调剂〔%d〕%d号" % (args.year, k), "调剂", to))
    if contract_share > 0 and not args.shuffle:
        # A commit is signed the day before the payment that needed it: put it in date order
        # (a stable sort), as a payment list or an export is.
        order = sorted(range(len(rows)), key=lambda i: rows[i][:3])
        extra = {new: extra[old] for new, old in enumerate(order) if old in extra}
        rows = [rows[i] for i in order]
    if args.shuffle:
        head, tail = rows[:len(codes)], list(enumerate(rows))[len(codes):]
        rng.shuffle(tail)
        moved = {new + len(codes): extra[old] for new, (old, _) in enumerate(tail) if old in extra}
        extra = moved
        rows = head + [row for _, row in tail]

    out = sys.stdout if args.out == "-" else open(args.out, "w", encoding=args.encoding, newline="")
    if args.out == "-" and args.encoding != "utf-8":
        sys.stdout.reconfigure(encoding=args.encoding)
    header = "日期,类型,项目编码,金额,经济分类,文号,凭证号,摘要,调入项目" if args.chinese_header \
        else "date,kind,project,amount,econ,doc,ref,memo,to_project"
    if contract_share > 0:
        header += ",合同编号,供应商,采购类型,中小企业" if args.chinese_header else ",contract,supplier,procurement,sme"
    out.write(header + "\n")
    for i, (y, m, d, kind, code, fen, econ, doc, memo, to) in enumerate(rows):
        if "," in memo:
            memo = '"' + memo + '"'
        line = "%04d-%02d-%02d,%s,%s,%d.%02d,%s,%s,R%08d,%s,%s" % (y, m, d, kind, code, fen // 100, fen % 100, econ, doc, i + 1, memo, to)
        if contract_share > 0:
            line += ",%s,%s,%s,%s" % extra.get(i, ("", "", "", ""))
        out.write(line + "\n")
    if out is not sys.stdout:
        out.close()


if __name__ == "__main__":
    main()
