#!/usr/bin/env python3
"""Prints every value of a tree's records found in plain text in the files given.

Usage: sync-leak.py TREE FILE...
Reads every scalar of liushou.yaml, staff.yaml, children/*.yaml and activities/*.yaml (names,
phones, id numbers, addresses, the school's name, notes) and looks for each, as UTF-8 bytes,
in each FILE (what `liushou sync --to` wrote). Values shorter than 4 bytes are skipped: in
random bytes they match by chance. Prints "FILE: VALUE" per find and the number of values
looked for; exits 1 when any was found.
"""
import pathlib
import sys

import yaml


def scalars(node):
    if isinstance(node, dict):
        for k, v in node.items():
            yield from scalars(v)
    elif isinstance(node, list):
        for v in node:
            yield from scalars(v)
    elif node is not None and not isinstance(node, bool):
        yield str(node)


def main():
    tree = pathlib.Path(sys.argv[1])
    files = [pathlib.Path(f).read_bytes() for f in sys.argv[2:]]
    values = set()
    paths = [tree / "liushou.yaml", tree / "staff.yaml"]
    paths += sorted((tree / "children").glob("*.yaml")) + sorted((tree / "activities").glob("*.yaml"))
    for p in paths:
        if p.exists():
            values.update(v for v in scalars(yaml.safe_load(p.read_text("utf-8"))))
    found = 0
    for v in sorted(values):
        b = v.encode("utf-8")
        if len(b) < 4:
            continue
        for name, data in zip(sys.argv[2:], files):
            if b in data:
                print(f"{name}: {v}")
                found += 1
    print(f"looked for {len([v for v in values if len(v.encode()) >= 4])} values in {len(files)} file(s): {found} found")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
