#!/usr/bin/env python3
"""The reference for scripts/bench: what a scripting user would write instead of liushou.

Loads every child file with PyYAML's C loader (libyaml) and computes the summary's main counts
for a period: children enrolled at the end, complete files, paired children, and monthly talk
coverage for the months of the period outside the holidays.
"""
import glob
import os
import sys

import yaml

root, start, end = sys.argv[1], sys.argv[2], sys.argv[3]
HOLIDAYS = {1, 2, 7, 8}
months = []
y, m = int(start[:4]), int(start[5:7])
while (y, m) <= (int(end[:4]), int(end[5:7])):
    if m not in HOLIDAYS:
        months.append(f"{y:04d}-{m:02d}")
    y, m = (y + 1, 1) if m == 12 else (y, m + 1)

enrolled = complete = paired = 0
talked = {month: 0 for month in months}
for path in sorted(glob.glob(os.path.join(root, "children", "*.yaml"))):
    with open(path, encoding="utf-8") as f:
        child = yaml.load(f, Loader=yaml.CLoader)
    if child.get("status", "enrolled") != "enrolled":
        continue
    enrolled += 1
    guardian = child.get("guardian") or {}
    parents = child.get("parents") or []
    if all(child.get(k) for k in ("name", "gender", "birth_date", "grade", "class", "home_address")) \
            and any(p.get("name") and p.get("phone") and p.get("work_place") for p in parents) \
            and all(guardian.get(k) for k in ("relation", "name", "phone", "address", "occupation", "health", "age")):
        complete += 1
    if (child.get("pairing") or {}).get("teacher"):
        paired += 1
    seen = {str(t.get("date"))[:7] for t in child.get("talks") or [] if t.get("kind") == "talk"}
    for month in months:
        if month in seen:
            talked[month] += 1
print(f"enrolled {enrolled} complete {complete} paired {paired}")
for month in months:
    print(f"{month} {talked[month]}/{enrolled}")
