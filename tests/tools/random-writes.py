#!/usr/bin/env python3
"""Property: whatever values a write command is given, when it exits 0 the tree it leaves
passes `liushou check` (and when it does not exit 0, the files are byte-for-byte unchanged).

Random values (YAML's special words and marks, controls, C1 and bidi characters, decomposed
text, long text, invalid UTF-8 ...) go through every write command; after each one the tree
is checked. Deterministic for a seed:
    random-writes.py TREE [--seed N] [--writes N]
Prints one summary line; exits 1 with the offending command on the first failure."""
import hashlib
import os
import random
import subprocess
import sys

tree = sys.argv[1]
seed = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 1
writes = int(sys.argv[sys.argv.index("--writes") + 1]) if "--writes" in sys.argv else 200
rng = random.Random(seed)

PIECES = [
    "王小明", "陈思雨", "想念妈妈，学习压力大", "a", "yes", "no", "null", "~", "true", "- x",
    "x: y", "# not a comment", "'single'", '"double"', "{a: 1}", "[1, 2]", "&anchor", "*alias",
    "!tag", "%directive", "@at", "`tick", "|", ">", "?", "12", "0x1F", "1e3", "2016-08-26",
    "13812345678", "  leading", "trailing  ", "line1\nline2", "tab\there", "Lu\u0308", "L\u00fc",
    "\u4e00" * 300, "emoji \U0001F600", "\u2028", "\ufeff", "a\x1bb", "a\x0bb", "a\x0cb", "a\rb",
    "a\x7fb", "a\x08b", "a\u0085b", "a\u202eb", "a\u2066b", "x\u200fy", "<<<<<<< ours", "=======",
    "---", "...", "\\", "\\_", "\\N", "1:2", "key:", ":", "-", "", " ",
]


def value():
    parts = rng.sample(PIECES, rng.randint(1, 3))
    text = "".join(parts)
    if rng.random() < 0.05:
        return text.encode("utf-8") + b"\xff\xfe"  # not UTF-8 at all
    return text.encode("utf-8")


def run(args):
    env = dict(os.environ, LC_ALL="C.UTF-8")
    return subprocess.run(["liushou", "--root", tree] + args, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, env=env)


def snapshot():
    out = {}
    for base, _, files in os.walk(tree):
        if ".liushou" in base:
            continue
        for f in files:
            p = os.path.join(base, f)
            with open(p, "rb") as fh:
                out[p] = hashlib.sha256(fh.read()).hexdigest()
    return out


ENROLL_TEXT = ["--name", "--ethnicity", "--health", "--home-address", "--father-name",
               "--father-work-place", "--mother-name", "--guardian-name", "--guardian-relation",
               "--guardian-occupation", "--guardian-address", "--guardian-health", "--subsidies",
               "--individual-plan", "--notes", "--father-phone", "--guardian-phone", "--id-number",
               "--grade", "--class", "--guardian-age", "--birth-date"]


def command(i):
    kind = rng.choice(["enroll-new", "enroll", "log-talk", "staff", "pair"])
    if kind == "enroll-new":
        return [b"enroll", b"--name", value(), b"--birth-date", b"2016-05-01"]
    if kind == "enroll":
        return [b"enroll", b"2025-001", rng.choice(ENROLL_TEXT).encode(), value()]
    if kind == "log-talk":
        args = [b"log-talk", b"2025-001", b"--by", b"T001", b"--date", b"2026-03-%02d" % rng.randint(1, 14),
                b"--summary", value()]
        if rng.random() < 0.5:
            args += [b"--follow-up", value()]
        if rng.random() < 0.3:
            args += [b"--mood", value()]
        return args
    if kind == "staff":
        return [b"staff", b"add", b"--name", value(), b"--role", b"teacher"]
    return [b"pair", b"2025-001", b"--teacher", b"T001", rng.choice([b"--buddy", b"--proxy-parent"]),
            value()]


accepted = refused = 0
for i in range(writes):
    args = command(i)
    before = snapshot()
    result = run(args)
    if result.returncode == 0:
        accepted += 1
        check = run(["check", "-q", "--allow-incomplete"])
        if check.returncode != 0:
            print("write %d exited 0 but check refuses the tree:" % i, args)
            print(check.stdout.decode("utf-8", "replace"))
            sys.exit(1)
    else:
        refused += 1
        if result.returncode not in (1, 2) or snapshot() != before:
            print("write %d failed with %d and changed files:" % (i, result.returncode), args)
            print(result.stdout.decode("utf-8", "replace"))
            sys.exit(1)
print("%d random writes: %d accepted, each leaving a tree that check accepts; %d refused, "
      "each leaving every file unchanged" % (writes, accepted, refused))
