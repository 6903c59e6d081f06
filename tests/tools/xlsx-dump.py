#!/usr/bin/python3
"""Prints an .xlsx workbook as openpyxl (an independent reader) sees it, one line per row, so
a golden test can compare it whole. A cell shows its type: text as it is, a number as #12,
a date as @2026-03-03 (a date cell, not text that looks like one), an empty cell as nothing.

    xlsx-dump.py FILE [--rows N] [--widths]
"""
import datetime
import sys

import openpyxl

path = sys.argv[1]
limit = int(sys.argv[sys.argv.index("--rows") + 1]) if "--rows" in sys.argv else None
wb = openpyxl.load_workbook(path)
for ws in wb.worksheets:
    print(f"sheet {ws.title}: {ws.max_row} rows, {ws.max_column} columns, "
          f"frozen above {ws.freeze_panes}, filter {ws.auto_filter.ref}")
    if "--widths" in sys.argv:
        letters = [openpyxl.utils.get_column_letter(i + 1) for i in range(ws.max_column)]
        print("widths: " + " ".join(f"{round(ws.column_dimensions[c].width)}" for c in letters))
    for r, row in enumerate(ws.iter_rows(), start=1):
        if limit is not None and r > limit:
            break
        cells = []
        for c in row:
            v = c.value
            if v is None:
                cells.append("")
            elif isinstance(v, datetime.datetime):
                cells.append("@" + v.date().isoformat() + (f" {v:%H:%M}" if v.hour or v.minute else ""))
            elif isinstance(v, bool):
                cells.append(f"?{v}")
            elif isinstance(v, (int, float)):
                cells.append(f"#{v}")
            else:
                cells.append(v)
        print(" | ".join(cells).rstrip())
