#!/usr/bin/env python3
"""Reads liushou's pages (--format html) with Python's own HTML parser, as a second reader.

    page-check.py safe FILE...        nothing in the page can run or fetch anything
    page-check.py charts FILE [JSON]  each chart's bars; with the summary's --format json,
                                      checks that every bar's length is its rate
    page-check.py text FILE           the text a reader sees, one block a line

safe prints "FILE: safe" or each problem, and exits 1 on any: a script, style or object
element that loads (script, iframe, object, embed, img, link, a, form, base, meta refresh),
an on…= attribute, an attribute naming an address (http, //, javascript:, data:), CSS that
fetches (url(, @import), or the letters http anywhere in the markup (a tag, an attribute, a
comment or the style sheet). Text a reader sees may say http: with no href or src anywhere,
no browser makes it a link.
"""
import html.parser
import json
import re
import sys

LOADS = {"script", "iframe", "object", "embed", "img", "link", "a", "form", "base", "frame",
         "audio", "video", "source", "input", "button", "image", "use", "foreignobject"}


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems, self.charts, self.blocks = [], [], [""]
        self.stack, self.title_for = [], None
        self.markup = []  # every tag, comment and style sheet: what is not text

    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)
        self.markup.append(self.get_starttag_text() or "")
        if tag in LOADS:
            self.problems.append(f"element <{tag}>")
        if tag == "meta" and any(k == "http-equiv" for k, _ in attrs):
            self.problems.append("meta http-equiv")
        for k, v in attrs:
            if k.startswith("on"):
                self.problems.append(f"attribute {k}=")
            if v and re.search(r"https?:|//|javascript:|data:|url\(", v, re.I):
                self.problems.append(f"attribute {k}={v!r}")
        a = dict(attrs)
        if tag == "svg":
            self.charts.append({"title": None, "bars": []})
            self.title_for = "chart"
        elif tag == "rect" and a.get("class") == "bar" and self.charts:
            self.charts[-1]["bars"].append({
                "percent": float(a["data-percent"]), "width": float(a["width"]),
                "height": float(a["height"]), "x": float(a["x"]), "label": ""})
            self.title_for = "bar"
        elif tag == "line" and a.get("class") == "goal" and self.charts:
            self.charts[-1]["goal"] = float(a["x1"])
        if tag in ("p", "li", "tr", "h1", "h2", "h3", "h4", "title", "figure"):
            self.blocks.append("")
        elif tag in ("td", "th"):
            self.blocks[-1] += " "

    def handle_endtag(self, tag):
        while self.stack and self.stack.pop() != tag:
            pass

    def handle_data(self, data):
        if self.stack and self.stack[-1] == "title" and self.charts and self.title_for:
            if self.title_for == "chart" and self.charts[-1]["title"] is None:
                self.charts[-1]["title"] = data
            elif self.title_for == "bar":
                self.charts[-1]["bars"][-1]["label"] = data.rsplit(" ", 1)[0]
            self.title_for = None
        if "style" in self.stack:
            self.markup.append(data)
        if "style" not in self.stack and "svg" not in self.stack:
            self.blocks[-1] += data

    def handle_comment(self, data):
        self.markup.append(data)

    def handle_decl(self, decl):
        self.markup.append(decl)

    def handle_pi(self, data):
        self.markup.append(data)


def parse(path):
    text = open(path, encoding="utf-8").read()
    page = Page()
    page.feed(text)
    if re.search(r"http", "\n".join(page.markup), re.I):
        page.problems.append("the letters http in the markup")
    if re.search(r"url\(|@import|@font-face", text, re.I):
        page.problems.append("CSS that fetches")
    return page


def safe(paths):
    status = 0
    for path in paths:
        problems = parse(path).problems
        if problems:
            status = 1
            for p in sorted(set(problems)):
                print(f"{path}: {p}")
        else:
            print(f"{path}: safe")
    return status


CLASS = "一二三四五六七八九"
RATES = {"建档率": "filed", "入学率": "enrolment", "巩固率": "retention", "结对率": "paired",
         "谈心完成率": "talks", "家访覆盖率": "home_visits", "亲情电话完成率": "family_calls",
         "座谈会覆盖率": "meetings"}
# The same charts in English: "Files complete (建档率), by class".
RATES_EN = {"Files complete": "filed", "Enrolment": "enrolment", "Retention": "retention",
            "Paired": "paired", "Monthly talks": "talks", "Home visits": "home_visits",
            "Family calls": "family_calls", "Guardian meetings": "meetings"}


def charts(path, json_path=None):
    page = parse(path)
    for c in page.charts:
        kind = "bars" if "goal" in c else "columns"
        print(f"{c['title']} ({kind}, {len(c['bars'])})")
        for b in c["bars"]:
            length = b["width"] if kind == "bars" else b["height"]
            print(f"  {b['label']} {length:.1f}")
    if not json_path:
        return 0
    # Every bar against the JSON's rate: a chart of classes (各班…) or schools (各学校…), and
    # the months.
    summary = json.load(open(json_path, encoding="utf-8"))
    checked, wrong = 0, []
    for c in page.charts:
        title = c["title"]
        if title in ("每月谈心完成率", "Monthly talk coverage"):
            rows = [m["rate"]["percent"] for m in summary["total"]["talks_by_month"]]
            lengths = [b["height"] for b in c["bars"]]
        else:
            if title.startswith("各"):
                scope = "by_class" if title.startswith("各班") else "by_school"
                key = RATES[title[2:] if scope == "by_class" else title[3:]]
            else:
                scope = "by_class" if title.endswith(", by class") else "by_school"
                key = RATES_EN[title.split(" (")[0]]
            rows = [g["rates"][key]["percent"] for g in summary[scope]]
            lengths = [b["width"] for b in c["bars"]]
            if c["bars"] and abs(c["goal"] - c["bars"][0]["x"] - 100) > 1e-6:
                wrong.append(f"{title}: the 100% line is not 100 from the bars' start")
        drawn = [r for r in rows if r is not None]
        if len(drawn) != len(lengths):
            wrong.append(f"{title}: {len(lengths)} bars for {len(drawn)} rates")
        for r, length in zip(drawn, lengths):
            checked += 1
            if abs(r - length) > 0.051:
                wrong.append(f"{title}: bar {length} for rate {r}")
    for w in wrong:
        print(w)
    print(f"{checked} bars in {len(page.charts)} charts: " +
          ("each as long as its rate" if not wrong else "WRONG"))
    return 1 if wrong else 0


def text(path):
    for block in parse(path).blocks:
        line = " ".join(block.split())
        if line:
            print(line)
    return 0


command, rest = sys.argv[1], sys.argv[2:]
sys.exit({"safe": lambda: safe(rest), "charts": lambda: charts(*rest),
          "text": lambda: text(rest[0])}[command]())
