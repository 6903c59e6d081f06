#!/usr/bin/python3
"""Prints what a checklist workbook asks of Excel, as openpyxl (an independent reader) sees it:
its sheets and their state, the list's protection, which columns are locked in a row of the
list and in an empty row at the end, and each data validation (type, range, list, cells).

    checklist-check.py FILE
"""
import datetime
import sys

import openpyxl


def shown(formula):
    """A date validation's bound as the day it is (Excel keeps a serial day number)."""
    if formula and formula.isdigit():
        return (datetime.date(1899, 12, 30) + datetime.timedelta(days=int(formula))).isoformat()
    return formula or ""


wb = openpyxl.load_workbook(sys.argv[1])
for ws in wb.worksheets:
    print(f"sheet {ws.title}: {ws.sheet_state}, protected {bool(ws.protection.sheet)}, "
          f"password {bool(ws.protection.password)}")
ws = wb.worksheets[0]
header = [c.value for c in ws[1]]
print("header:", " ".join(header))
key = header.index("编号") + 1
last = ws.max_row
listed = [r for r in range(2, last + 1) if ws.cell(row=r, column=key).value]
print(f"rows: {len(listed)} of the list, {last - 1 - len(listed)} empty")
for label, row in (("a list row", listed[0] if listed else 2), ("an empty row", last)):
    locked = [h for i, h in enumerate(header, 1) if ws.cell(row=row, column=i).protection.locked]
    print(f"locked in {label}:", " ".join(locked))
for dv in ws.data_validations.dataValidation:
    bounds = (shown(dv.formula1), shown(dv.formula2)) if dv.type == "date" else (dv.formula1,)
    what = " ".join(x for x in (dv.type or "prompt", *bounds) if x)
    print(f"validation {what} on {dv.sqref}: {dv.prompt or ''}")
for r in listed:
    cells = [str(ws.cell(row=r, column=header.index(h) + 1).value or "")
             for h in ("事项", "学号", "姓名", "班级", "说明", "类型")]
    print(" | ".join(cells))
