#!/usr/bin/env python3
"""Puts every form of tests/redaction/forms.tsv through every report and format with --redact.

    redaction-check.py FORMS    (run inside a tree that has staff T001; liushou on PATH)

Each form becomes one child (2026-101, 2026-102, ...) holding the form in every free-text
field a report shows: a talk's summary and follow-up, a counselling entry's summary, notes,
home address, guardian's address, a parent's work place, the proxy parent, a study buddy and a
subsidy; and one school activity with the form as its title and summary, that child taking
part. Then summary, class, talks, subsidies and child reports are written in md, json and csv,
with and without --redact, and three things are checked:

  1. no number the form's third column lists survives any redacted output, whatever the
     separators or full-width digits around its digits;
  2. each form shows in its child's redacted card and in the month's talks, in every format,
     exactly as the second column says;
  3. without --redact each form shows as typed, and each listed number is found there (so the
     test does reach the text it checks, and its pattern does find the number).

Prints one line per finding and a summary; exits 1 if anything is wrong.
"""
import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

FORMATS = ("md", "json", "csv")
FULL_WIDTH = str.maketrans("０１２３４５６７８９Ｘｘ", "0123456789Xx")


def read_forms(path):
    forms = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        typed, shown, secrets = line.split("\t")
        forms.append((typed, shown, secrets.split()))
    return forms


def quoted(s):
    return json.dumps(s, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def write_children(forms):
    for i, (typed, _, _) in enumerate(forms):
        cid = f"2026-{101 + i}"
        Path(f"children/{cid}.yaml").write_text(f"""schema: 1
id: "{cid}"
name: 测试{i + 1}
gender: female
birth_date: 2017-05-01
grade: 3
class: 1
enrolled_on: 2025-09-01
status: enrolled
left_behind: both_parents
home_address: {quoted(typed)}
notes: {quoted(typed)}
parents:
  - relation: father
    name: 父亲{i + 1}
    work_place: {quoted(typed)}
guardian:
  relation: 奶奶
  name: 奶奶{i + 1}
  address: {quoted(typed)}
support:
  subsidies:
    - {quoted(typed)}
pairing:
  teacher: T001
  buddy:
    - {quoted(typed)}
    - 陈小红
  proxy_parent: {quoted(typed)}
  since: 2025-09-10
talks:
  - date: 2026-02-{1 + i % 28:02d}
    kind: counselling
    by: T001
    summary: {quoted(typed)}
  - date: 2026-03-{1 + i % 28:02d}
    kind: talk
    by: T001
    summary: {quoted(typed)}
    follow_up: {quoted(typed)}
""", encoding="utf-8")
        liushou("-q", "activity", "add", "--date", f"2026-03-{1 + i % 28:02d}", "--kind", "其他",
                "--title", typed, "--summary", typed, "--children", cid, "--by", "T001")


def liushou(*args):
    run = subprocess.run(["liushou", *args], capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"liushou {' '.join(args)}: exit {run.returncode}: {run.stderr}")
    return run.stdout


def plain_text(text, fmt):
    """The user text an output holds, with the format's own escaping undone."""
    if fmt == "json":
        strings = []

        def walk(v):
            if isinstance(v, str):
                strings.append(v)
            elif isinstance(v, dict):
                for k, x in v.items():
                    walk(k)
                    walk(x)
            elif isinstance(v, list):
                for x in v:
                    walk(x)
        walk(json.loads(text))
        return "\n".join(strings)
    if fmt == "csv":
        return "\n".join(cell for row in csv.reader(io.StringIO(text)) for cell in row)
    return re.sub(r"\\(.)", r"\1", text)  # Markdown: backslash escapes


def secret_pattern(digits):
    # Each digit ASCII or full-width, with any one separator between two digits.
    sep = r"[ \-.\u00a0\u3000\uff0d\uff0e\u2013\u2014]?"
    def alt(c):
        return "[XxＸｘ]" if c in "Xx" else f"[{c}{chr(ord(c) - ord('0') + ord('０'))}]"
    return re.compile(sep.join(alt(c) for c in digits))


def reports(redact, tmp):
    """Every report in every format: {(report, format): text}."""
    flag = ["--redact"] if redact else []
    out = {}
    for fmt in FORMATS:
        out[("summary", fmt)] = liushou("report", "summary", "--format", fmt, *flag)
        out[("class", fmt)] = liushou("report", "class", "3", "1", "--format", fmt, *flag)
        out[("talks", fmt)] = liushou("report", "talks", "--month", "2026-03", "--format", fmt, *flag)
        out[("subsidies", fmt)] = liushou("report", "subsidies", "--format", fmt, *flag)
        cards = Path(tmp) / f"cards-{fmt}-{int(redact)}"
        liushou("report", "child", "--all", "-o", str(cards), "--format", fmt, "-q", *flag)
        for card in sorted(cards.iterdir()):
            out[(f"child {card.stem}", fmt)] = card.read_text(encoding="utf-8")
    return out


def main():
    forms = read_forms(sys.argv[1])
    write_children(forms)
    problems = []
    redacted = {k: plain_text(v, k[1]) for k, v in reports(True, ".").items()}
    clear = {k: plain_text(v, k[1]) for k, v in reports(False, ".").items()}
    talks = {fmt: redacted[("talks", fmt)] for fmt in FORMATS}
    for i, (typed, shown, secrets) in enumerate(forms):
        cid = f"2026-{101 + i}"
        for secret in secrets:
            pattern = secret_pattern(secret)
            for (report, fmt), text in redacted.items():
                if pattern.search(text):
                    problems.append(f"{typed}: {secret} survives in report {report} --format {fmt}")
            if not pattern.search(clear[(f"child {cid}", "md")]):
                problems.append(f"{typed}: {secret} not found in the unredacted card (bad pattern)")
        for fmt in FORMATS:
            card = redacted[(f"child {cid}", fmt)]
            # The card holds the form in ten fields, and the Markdown card in the activity's
            # title too; the talks report in summary and follow-up; the subsidies report once.
            fields = 11 if fmt == "md" else 10
            if card.count(shown) < fields:
                problems.append(f"{typed}: child card ({fmt}) shows it {card.count(shown)} times as {shown!r}")
            if talks[fmt].count(shown) < 2:
                problems.append(f"{typed}: talks report ({fmt}) does not show {shown!r}")
            if shown not in redacted[("subsidies", fmt)]:
                problems.append(f"{typed}: subsidies report ({fmt}) does not show {shown!r}")
            if clear[(f"child {cid}", fmt)].count(typed) < fields:
                problems.append(f"{typed}: the unredacted card ({fmt}) does not show it as typed")
    for p in problems:
        print(p)
    secret_count = sum(len(s) for _, _, s in forms)
    masked = sum(1 for t, s, _ in forms if t != s)
    print(f"{len(forms)} forms ({masked} masked, {len(forms) - masked} left as typed), "
          f"{secret_count} numbers, {len(redacted)} redacted outputs in {len(FORMATS)} formats: "
          + ("all as expected" if not problems else f"problems: {len(problems)}"))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
