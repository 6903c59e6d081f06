#!/usr/bin/python3
"""Fills in a checklist workbook (liushou schedule --teacher T -o FILE.xlsx) as a teacher would
in Excel, with openpyxl (an independent writer): real date cells, text typed into the white
cells, and the workbook saved over with everything else kept.

    fill-checklist.py [--wps] IN OUT SPEC...

A SPEC is "N:列=值;列=值": N is the list's row (1 is the first under the header) or "+" for
the next empty row at the end; 日期=2028-03-05 is written as a date cell. A cell named in a
SPEC is written whether it is locked or not (as a teacher who took the protection off).
--wps writes the dates as WPS does, in its yyyy/m/d;@ format (Excel's own is yyyy/m/d).
"""
import datetime
import sys

import openpyxl

args = sys.argv[1:]
wps = "--wps" in args
if wps:
    args.remove("--wps")
src, dst, *specs = args
wb = openpyxl.load_workbook(src)
ws = wb.worksheets[0]
header = [c.value for c in ws[1]]
# The first empty row at the end: the list's rows have an 编号.
extra = 2
while ws.cell(row=extra, column=header.index("编号") + 1).value:
    extra += 1
for spec in specs:
    where, _, cells = spec.partition(":")
    if where == "+":
        row, extra = extra, extra + 1
    else:
        row = int(where) + 1
    for pair in cells.split(";"):
        name, _, value = pair.partition("=")
        cell = ws.cell(row=row, column=header.index(name) + 1)
        if name == "日期":
            cell.value = datetime.date.fromisoformat(value)
            cell.number_format = "yyyy/m/d;@" if wps else "yyyy/m/d"
        else:
            cell.value = value
wb.save(dst)
