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
     separators, full-width digits or Chinese numerals (一三九, 幺, 〇) it is written in;
  2. each form shows in its child's redacted card and in the month's talks, in every format,
     exactly as the second column says;
  3. without --redact each form shows as typed, and each listed number is found there (so the
     test does reach the text it checks, and its pattern does find the number).

The same first check runs on the other formats (html pages, .xlsx workbooks, one .docx
when pandoc is there, every card on one page) and on a 工作总结 template that holds every
form in its own text: `report summary --template` with --redact must print each form as the
second column says, and without it as typed.

Prints one line per finding and a summary; exits 1 if anything is wrong.
"""
import csv
import html
import io
import json
import re
import shutil
import subprocess
import sys
import zipfile
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
    Path("activities").mkdir(exist_ok=True)
    written = []
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
        # Written as `activity add --kind 其他` writes it, rather than by 150 starts of the
        # sanitized binary; activity list below reads every file back.
        day = f"2026-03-{1 + i % 28:02d}"
        aid = f"{day}-other-{0x5eed0000 + i:08x}"
        written.append(aid)
        Path(f"activities/{aid}.yaml").write_text(f"""schema: 2
id: "{aid}"
date: {day}
kind: other
title: {quoted(typed)}
by:
  - T001
children:
  - "{cid}"
summary: {quoted(typed)}
""", encoding="utf-8")
    listed = {a["id"] for a in json.loads(liushou("activity", "list", "--format", "json"))["activities"]}
    if not listed.issuperset(written):
        sys.exit("activity list does not read every activity written")


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


# Each digit as a Chinese numeral too (幺 for 1, 〇 and 零 for 0, the capitals of receipts).
SPELLED = {"0": "〇零", "1": "一幺壹", "2": "二贰", "3": "三叁", "4": "四肆", "5": "五伍",
           "6": "六陆", "7": "七柒", "8": "八捌", "9": "九玖"}


def document_text(path):
    """The text of a page, a workbook or a Word document, markup and escapes undone."""
    if path.suffix == ".html":
        return html.unescape(re.sub(r"<[^>]*>", "\n", path.read_text(encoding="utf-8")))
    parts = []
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.endswith(".xml") and (name.startswith("xl/") or name == "word/document.xml"):
                xml = z.read(name).decode("utf-8")
                parts += [html.unescape(t) for t in re.findall(r"<(?:\w+:)?[tv][^>]*>([^<]*)<", xml)]
    return "\n".join(parts)


def other_formats(redact, tmp):
    """The reports as pages, workbooks and a Word document: {(report, format): text}."""
    flag = ["--redact"] if redact else []
    out = {}
    kinds = {"summary": ["summary"], "class": ["class", "3", "1"],
             "talks": ["talks", "--month", "2026-03"], "subsidies": ["subsidies"]}
    formats = ["html", "xlsx"] + (["docx"] if shutil.which("pandoc") else [])
    for name, args in kinds.items():
        for fmt in formats:
            if fmt == "docx" and name != "talks":
                continue  # pandoc takes a second a document
            path = Path(tmp) / f"{name}-{int(redact)}.{fmt}"
            liushou("report", *args, "-o", str(path), "-q", *flag)
            out[(name, fmt)] = document_text(path)
    cards = Path(tmp) / f"cards-{int(redact)}.html"
    liushou("report", "child", "--all", "-o", str(cards), "-q", *flag)
    out[("child --all", "html")] = document_text(cards)
    return out


def template_report(forms, redact):
    """A 工作总结 template holding every form in its own words, filled."""
    text = "# {{学校}}工作总结\n\n在读 {{期末在读}} 名。\n\n" + "".join(
        f"- 联系记录：{typed}\n" for typed, _, _ in forms)
    Path("t.md").write_text(text, encoding="utf-8")
    return liushou("report", "summary", "--template", "t.md", *(["--redact"] if redact else []))


def secret_pattern(digits):
    # Each digit ASCII, full-width or spelled, with any one separator between two digits.
    sep = r"[ \-.\u00a0\u3000\uff0d\uff0e\u2013\u2014]?"
    def alt(c):
        if c in "Xx":
            return "[XxＸｘ]"
        return f"[{c}{chr(ord(c) - ord('0') + ord('０'))}{SPELLED[c]}]"
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
        liushou("report", "child", "--all", "-o", f"{cards}/", "--format", fmt, "-q", *flag)
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
    others = other_formats(True, ".")
    clear_others = other_formats(False, ".")
    # The template's text is Markdown: a mask's stars come escaped, as a field's do.
    redacted_template = plain_text(template_report(forms, True), "md")
    clear_template = template_report(forms, False)
    leak_checked = dict(redacted)
    leak_checked.update(others)
    leak_checked[("summary --template", "md")] = redacted_template
    for i, (typed, shown, secrets) in enumerate(forms):
        cid = f"2026-{101 + i}"
        for secret in secrets:
            pattern = secret_pattern(secret)
            for (report, fmt), text in leak_checked.items():
                if pattern.search(text):
                    problems.append(f"{typed}: {secret} survives in report {report} --format {fmt}")
            if not pattern.search(clear[(f"child {cid}", "md")]):
                problems.append(f"{typed}: {secret} not found in the unredacted card (bad pattern)")
            if not pattern.search(clear_template):
                problems.append(f"{typed}: {secret} not found in the unredacted template")
            for fmt in {f for _, f in clear_others}:
                text = "\n".join(t for (_, f), t in clear_others.items() if f == fmt)
                if not pattern.search(text):
                    problems.append(f"{typed}: {secret} not found in any unredacted {fmt} report")
        if f"- 联系记录：{shown}\n" not in redacted_template:
            problems.append(f"{typed}: the filled template does not show it as {shown!r}")
        if f"- 联系记录：{typed}\n" not in clear_template:
            problems.append(f"{typed}: the filled template without --redact does not show it")
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
          f"{secret_count} numbers, {len(leak_checked)} redacted outputs in "
          f"{len({f for _, f in leak_checked})} formats and a template: "
          + ("all as expected" if not problems else f"problems: {len(problems)}"))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
