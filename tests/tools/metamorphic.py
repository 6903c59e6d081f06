#!/usr/bin/python3
"""Metamorphic tests of the summary's figures (issues #47 and #39, liushou-rates(7)): random
trees, seeded, each read several ways that must give the same figures.

    metamorphic.py [--trees N] [--seed S] [--keep DIR]   (LIUSHOU_BIN names the binary)

For each tree and its as-of day E (`report summary --as-of E`):
  (a) adding entries dated after E (talks of every kind, progress notes, class changes, a
      status change, a change of 留守类型 (#39), a new pairing, an activity) changes no figure
      of the JSON;
  (b) renaming ids (liushou rename, which also rewrites the buddies and activities that name
      them) and reordering each file's talks changes no figure (ids aside);
  (c) the Markdown carries the JSON's numbers: 基本情况, every rate's numerator, denominator
      and percentage, and the 学习帮手 sentence.
And, each on one tree in three (they cost more), on the same tree:
  (d) split into two schools' trees (every other child) read as a county (`liushou --county`),
      the totals are the same: every count and rate, 参与人次 and 活动覆盖率 (an activity's
      attendance by a child of the other tree counts nowhere, as an id of no child);
  (e) committed to git, `--rev HEAD` gives the working tree's figures;
  (f) the xlsx (read with openpyxl, an independent reader) carries the JSON's numbers, row by
      row for the school, every grade and class, month and term, percentages as numbers.
Trees are written as YAML text here (PyYAML is not needed), with dates on the boundaries:
enrolments that end and come back, entries in the gaps (which count nowhere), pairings with
and without `since`, history, 02-29 birthdays, every 留守类型 (none: 非留守, in no figure)
with dated changes, activities listing children on days outside their enrolments. A failure
prints the seed and the tree number; --keep DIR keeps the trees to look at. The standard
library, and openpyxl for (f) (METAMORPHIC_NO_XLSX=1 leaves (f) out where it is missing).
"""
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
from datetime import date, timedelta

BIN = os.environ.get("LIUSHOU_BIN", "liushou")
try:
    import openpyxl
except ImportError:
    # ctest runs the first python3 on PATH; Debian's has python3-openpyxl.
    if sys.executable != "/usr/bin/python3" and os.path.exists("/usr/bin/python3"):
        os.execv("/usr/bin/python3", ["/usr/bin/python3", *sys.argv])
    if os.environ.get("METAMORPHIC_NO_XLSX") != "1":
        sys.exit("metamorphic.py: openpyxl is needed for check (f) (python3-openpyxl); "
                 "METAMORPHIC_NO_XLSX=1 leaves it out")
    openpyxl = None
TODAY = "2026-08-31"  # after every entry: none is "in the future"


def arg(name, default):
    return type(default)(sys.argv[sys.argv.index(name) + 1]) if name in sys.argv else default


TREES = arg("--trees", int(os.environ.get("METAMORPHIC_TREES", "90")))
SEED = arg("--seed", int(os.environ.get("METAMORPHIC_SEED", "47")))
KEEP = arg("--keep", "")

YEAR_FROM, YEAR_TO = date(2025, 9, 1), date(2026, 7, 31)
TERM2 = date(2026, 2, 1)


def run(tree, *args, check=True):
    env = dict(os.environ, LIUSHOU_TODAY=TODAY, NO_COLOR="1", LC_ALL="C.UTF-8")
    p = subprocess.run([BIN, *args], cwd=tree, env=env, capture_output=True, text=True)
    if check and p.returncode != 0:
        raise AssertionError(f"liushou {' '.join(args)} exited {p.returncode}: {p.stderr}")
    return p.stdout


def day(rng, lo=YEAR_FROM, hi=YEAR_TO):
    # One day in three on a boundary: a month's first or last, a term's first or last.
    if rng.random() < 0.33:
        edges = [d for d in (date(2026, 1, 31), TERM2, date(2026, 2, 28), date(2026, 3, 1),
                             date(2026, 3, 31), date(2026, 4, 1), date(2026, 4, 30),
                             date(2026, 5, 1), date(2025, 9, 1), date(2026, 7, 31))
                 if lo <= d <= hi]
        if edges:
            return rng.choice(edges)
    return lo + timedelta(days=rng.randrange((hi - lo).days + 1))


class Kid:
    def __init__(self, rng, n, as_of):
        self.id = f"2025-{n:03d}"
        self.rng = rng
        self.lines = ["schema: 2", f'id: "{self.id}"', f"name: 儿童{n}", "gender: male"]
        self.lines.append("birth_date: " + (
            "2016-02-29" if rng.random() < 0.1 else day(rng, date(2015, 1, 1), date(2018, 12, 31)).isoformat()))
        self.grade, self.klass = rng.randint(1, 6), rng.randint(1, 3)
        self.lines += [f"grade: {self.grade}", f"class: {self.klass}"]
        # Enrolments: one, or one that ended and a return; possibly ended again.
        start = day(rng, date(2025, 9, 1), date(2026, 5, 31))
        self.history = []
        if rng.random() < 0.3:
            left = day(rng, start + timedelta(days=1), date(2026, 6, 15))
            back = day(rng, left, date(2026, 7, 20))
            self.history.append((start, left))
            start = back
        self.enrolled = start
        self.status = None
        if rng.random() < 0.25:
            self.status = (rng.choice(["transferred", "dropped_out", "left"]),
                           day(rng, start + timedelta(days=1), date(2026, 7, 31)))
        self.lines.append(f"enrolled_on: {start.isoformat()}")
        if self.history:
            self.lines.append("entry: transfer")
            self.lines.append("enrolment_history:")
            for f, t in self.history:
                self.lines += [f"  - from: {f.isoformat()}", f"    to: {t.isoformat()}",
                               "    status: left"]
        if self.status:
            self.lines += [f"status: {self.status[0]}", f"status_on: {self.status[1].isoformat()}"]
        else:
            self.lines.append("status: enrolled")
        # Every 留守类型 (#39), none (非留守) among them, possibly changed before E (dated, as a
        # class move): the file says the new value, changes the old.
        kinds = ["father_away", "mother_away", "both_parents", "one_parent", "none"]
        self.left = rng.choice(kinds)
        self.lines.append("left_behind: " + self.left)
        self.as_of = as_of
        self.talks = []
        for _ in range(rng.randint(0, 8)):
            self.talks.append((day(rng, date(2025, 9, 1), as_of),
                               rng.choice(["talk", "talk", "family_call", "home_visit",
                                           "meeting", "counselling", "greeting"])))
        self.progress = [day(rng, date(2025, 9, 1), as_of) for _ in range(rng.randint(0, 2))]
        self.changes = []  # (date, field, was)
        if rng.random() < 0.2:
            self.changes.append((day(rng, date(2025, 10, 1), as_of), "class",
                                 str(rng.randint(1, 3))))
        if rng.random() < 0.2:
            self.changes.append((day(rng, date(2025, 10, 1), as_of), "left_behind",
                                 rng.choice([k for k in kinds if k != self.left])))
        self.pairing = None

    def pair(self, rng, buddies):
        if rng.random() < 0.3:
            return
        p = {"teacher": rng.choice(["T001", "T002", ""]), "buddy": buddies,
             "since": None if rng.random() < 0.3 else day(rng, date(2025, 9, 1), self.as_of),
             "history": []}
        if not p["teacher"] and not buddies:
            p["teacher"] = "T001"
        if rng.random() < 0.4:
            hf = day(rng, date(2025, 9, 1), date(2026, 1, 31))
            ht = day(rng, hf, date(2026, 2, 28))
            if p["since"] is None or ht < p["since"]:
                p["history"].append(("T002", hf, ht))
        self.pairing = p

    def text(self, later=None, shuffle=None):
        """The file; `later` adds entries dated after the as-of day."""
        lines = list(self.lines)
        talks = list(self.talks)
        progress = list(self.progress)
        changes = list(self.changes)
        pairing = dict(self.pairing) if self.pairing else None
        if later:
            rng = later
            after = lambda: day(rng, self.as_of + timedelta(days=1), date(2026, 8, 31))
            if self.as_of < date(2026, 8, 31):
                for _ in range(rng.randint(1, 4)):
                    talks.append((after(), rng.choice(["talk", "family_call", "home_visit",
                                                       "meeting", "counselling", "greeting"])))
                progress.append(after())
                if rng.random() < 0.5:
                    # A move after E: the file says the new class, the change the old one.
                    changes.append((after(), "class", str(self.klass)))
                    lines[lines.index(f"class: {self.klass}")] = f"class: {self.klass % 3 + 1}"
                if pairing and pairing["since"] is not None and rng.random() < 0.5:
                    # A new pairing after E: the old one goes to history, ending the day before.
                    new_since = after()
                    if pairing["since"] < new_since:
                        pairing = dict(pairing)
                        pairing["history"] = pairing["history"] + [
                            (pairing["teacher"], pairing["since"],
                             new_since - timedelta(days=1))]
                        pairing["teacher"], pairing["since"] = "T002", new_since
                        pairing["old_buddy"] = pairing["buddy"]
                        pairing["buddy"] = []
                if not self.status and rng.random() < 0.5:
                    s = after()
                    lines = [l for l in lines if not l.startswith("status")]
                    lines += ["status: transferred", f"status_on: {s.isoformat()}"]
                if rng.random() < 0.5:
                    # 留守类型 changes after E (a parent comes home, or leaves): dated.
                    new = rng.choice([k for k in ("none", "both_parents", "one_parent")
                                      if k != self.left])
                    changes.append((after(), "left_behind", self.left))
                    lines[lines.index(f"left_behind: {self.left}")] = f"left_behind: {new}"
        if shuffle:
            shuffle.shuffle(talks)
        if changes:
            lines.append("changes:")
            # Date order; of one field, the file's value is the latest change's new value.
            for d, field, was in sorted(changes, key=lambda c: c[0]):
                lines += [f"  - date: {d.isoformat()}", f"    field: {field}", f'    was: "{was}"']
        if pairing:
            lines.append("pairing:")
            if pairing["teacher"]:
                lines.append(f"  teacher: {pairing['teacher']}")
            if pairing["buddy"]:
                lines.append("  buddy:")
                lines += [f'    - "{b}"' for b in pairing["buddy"]]
            if pairing["since"]:
                lines.append(f"  since: {pairing['since'].isoformat()}")
            if pairing["history"]:
                lines.append("  history:")
                for i, (t, f, to) in enumerate(pairing["history"]):
                    lines += [f"    - from: {f.isoformat()}", f"      to: {to.isoformat()}"]
                    if t:
                        lines.append(f"      teacher: {t}")
                    if i == len(pairing["history"]) - 1 and pairing.get("old_buddy"):
                        lines.append("      buddy:")
                        lines += [f'        - "{b}"' for b in pairing["old_buddy"]]
            if progress:
                lines.append("  progress:")
                for d in progress:
                    lines += [f"    - date: {d.isoformat()}", "      note: 进步"]
        if talks:
            lines.append("talks:")
            for d, kind in talks:
                lines += [f"  - date: {d.isoformat()}", f"    kind: {kind}", "    by: T001",
                          "    summary: 谈心"]
        return "\n".join(lines) + "\n"


def figures(js, ids=True):
    """The JSON's figures; without ids, lists that name children are compared as multisets."""
    out = {k: js[k] for k in ("period", "as_of", "end", "total", "by_school", "by_grade",
                              "by_class", "plan_by_month", "activities", "activity_reach")}
    short = [dict(s) for s in js["shortfalls"]]
    if not ids:
        for s in short:
            s.pop("id", None)
        short.sort(key=lambda s: json.dumps(s, sort_keys=True, ensure_ascii=False))
    out["shortfalls"] = short
    out["no_activity"] = js["no_activity"] if ids else len(js["no_activity"])
    return out


RATES = {"建档率": "filed", "入学率": "enrolment", "巩固率": "retention", "结对率": "paired",
         "谈心完成率": "talks", "亲情电话完成率": "family_calls", "家访覆盖率": "home_visits",
         "座谈会覆盖率": "meetings"}
COUNTS = {"期初在读": "enrolled_from", "新入学": "new_pupils", "转入": "transferred_in",
          "转出": "transferred", "辍学": "dropped_out", "毕业": "graduated",
          "其他离校": "left_other", "期末在读": "enrolled", "未入学": "not_enrolled"}
# The rest of 基本情况 and the programme's counts, as the CSV and xlsx name them.
PROGRAMME = {"其中双亲外出": "both_parents", "其中父亲外出": "father_away",
             "其中母亲外出": "mother_away", "寄宿": "boarding", "重点帮扶对象": "key_children",
             "享受资助": "subsidised", "心理辅导次数": "counselling_sessions",
             "接受心理辅导的儿童": "counselled", "接受心理辅导的重点帮扶对象": "counselled_key",
             "生日": "birthdays", "已祝福": "birthdays_greeted",
             "有学习帮手的儿童": "with_buddy", "有一个以上学习帮手的儿童": "several_buddies"}


def same_numbers(md, js):
    """Markdown against JSON: the totals' counts, rates and the 学习帮手 sentence."""
    total = js["total"]
    problems = []
    rows = {}
    for line in md.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 2 and cells[0] not in rows:
            rows[cells[0]] = cells[1:]
    for zh, key in COUNTS.items():
        if rows.get(zh, [None])[0] != str(total[key]):
            problems.append(f"{zh}: Markdown {rows.get(zh)} JSON {total[key]}")
    for zh, key in RATES.items():
        r = total["rates"][key]
        shown = "—" if r["percent"] is None else f"{r['percent']:.1f}%"
        want = [str(r["num"]), str(r["den"]), shown]
        if rows.get(zh) != want:
            problems.append(f"{zh}: Markdown {rows.get(zh)} JSON {want}")
        # JSON's percent is the number the Markdown prints, digit for digit.
        if r["percent"] is not None and r["den"]:
            t = (2 * r["num"] * 1000 + r["den"]) // (2 * r["den"])
            t = 999 if r["num"] < r["den"] and t >= 1000 else 1 if r["num"] > 0 and t <= 0 else t
            if f"{t // 10}.{t % 10}" != f"{r['percent']:.1f}":
                problems.append(f"{zh}: percent {r['percent']} is not {r['num']}/{r['den']} half up")
    m = re.search(r"学习帮手：期末在读的 (\d+) 名儿童中 (\d+) 名有学习帮手（([^）]*)），其中一个以上的 (\d+) 名", md)
    if not m:
        problems.append("no 学习帮手 sentence")
    elif (int(m.group(1)), int(m.group(2)), int(m.group(4))) != (
            total["enrolled"], total["with_buddy"], total["several_buddies"]):
        problems.append(f"学习帮手: Markdown {m.groups()} JSON {total['with_buddy']}, "
                        f"{total['several_buddies']} of {total['enrolled']}")
    return problems


KINDS = ["class_meeting", "mental_health", "safety", "arts_sports", "festival", "birthday"]


def activities(rng, kids, lo, hi):
    """Activities of days lo..hi, each listing some children: on its day a child may not be
    enrolled (its attendance then counts nowhere, by check's rule, #47)."""
    out = []
    for i in range(rng.randint(0, 3)):
        d = day(rng, lo, hi)
        who = rng.sample([k.id for k in kids], rng.randint(1, len(kids)))
        out.append((d, rng.choice(KINDS), who))
    return out


def activity_text(n, act):
    d, kind, who = act
    lines = ["schema: 2", f'id: "act-{n}"', f"date: {d.isoformat()}", f"kind: {kind}",
             "title: 活动", "participants: ids", "children:"]
    lines += [f'  - "{c}"' for c in who]
    return "\n".join(lines) + "\n"


def write_tree(template, where, kids, files, acts=()):
    shutil.copytree(template, where)
    for k in kids:
        with open(os.path.join(where, "children", k.id + ".yaml"), "w", encoding="utf-8") as f:
            f.write(files[k.id])
    if acts:
        os.makedirs(os.path.join(where, "activities"), exist_ok=True)
    for n, act in enumerate(acts):
        with open(os.path.join(where, "activities", f"act-{n}.yaml"), "w", encoding="utf-8") as f:
            f.write(activity_text(n, act))


def totals(js):
    """What a county's sum must keep of one school's figures: the totals (its school aside),
    参与人次, 活动覆盖率 and who took part in no activity."""
    total = dict(js["total"])
    total.pop("school", None)
    return {"total": total,
            "attendance": sum(a["attendance"] for a in js["activities"]),
            "activity_reach": js["activity_reach"],
            "no_activity": sorted(json.dumps(c, sort_keys=True, ensure_ascii=False)
                                  for c in js["no_activity"])}


def xlsx_problems(path, js):
    """(f): the workbook's rows against the JSON's figures, row for row (liushou-json(5) and
    the CSV layout: scope, school, grade, class, item, num, den, percent)."""
    want = {}

    def group(scope, s):
        key = (scope, s.get("school") or None, s.get("grade"), s.get("class"))
        for zh, k in list(COUNTS.items()) + list(PROGRAMME.items()):
            want[key + (zh,)] = (s[k], None, None)
        if js["total"]["one_parent"]:
            want[key + ("其中单亲外出",)] = (s["one_parent"], None, None)
        for zh, k in RATES.items():
            want[key + (zh,)] = rate_cells(s["rates"][k])

        def span(m):
            f, t = date.fromisoformat(m["from"]), date.fromisoformat(m["to"])
            whole = f.day == 1 and (t + timedelta(days=1)).day == 1
            return m["month"] if whole and "month" in m else f"{m['from']}..{m['to']}"
        for zh, k in (("谈心完成率", "talks_by_month"), ("亲情电话完成率", "calls_by_month"),
                      ("家访覆盖率", "visits_by_term"), ("座谈会覆盖率", "meetings_by_term")):
            for m in s[k]:
                want[key + (f"{zh}:{span(m)}",)] = rate_cells(m["rate"])
    group("合计", dict(js["total"], school=None, grade=None, **{"class": None}))
    for m in js["plan_by_month"]:
        want[("合计", None, None, None, f"计划完成率:{m['month']}")] = rate_cells(m["rate"])
    for scope, k in (("学校", "by_school"), ("年级", "by_grade"), ("班级", "by_class")):
        for s in js[k]:
            group(scope, dict(s, **({"grade": None, "class": None} if scope == "学校" else
                                    {"class": None} if scope == "年级" else {})))
    ws = openpyxl.load_workbook(path).worksheets[0]
    got, problems = {}, []
    for r, row in enumerate(ws.iter_rows(min_row=2), start=2):
        v = [c.value for c in row]
        if len(v) < 8 or v[0] is None:
            continue
        key = (v[0], v[1], v[2], v[3], v[4])
        got[key] = (v[5], v[6], v[7])
        if v[7] is not None and row[7].number_format != "0.0":
            problems.append(f"row {r}: percentage format {row[7].number_format!r}, not 0.0")
    for k in sorted(set(want) | set(got), key=str):
        if want.get(k) != got.get(k):
            problems.append(f"{k}: xlsx {got.get(k)} JSON {want.get(k)}")
    return problems[:10]


def rate_cells(r):
    return (r["num"], r["den"], r["percent"])


def main():
    work = KEEP or tempfile.mkdtemp(prefix="liushou-metamorphic.")
    os.makedirs(work, exist_ok=True)
    templates = {}
    # Two schools of one county and year, for (d): a school split in two.
    for name, school in (("template", "孙桥镇中心小学"), ("template-b", "孙桥镇中心小学分校")):
        t = templates[name] = os.path.join(work, name)
        if os.path.exists(t):
            shutil.rmtree(t)
        run(work, "init", name, "--school", school, "--county", "京山县", "--year", "2025-2026",
            "--no-git", "-q")
        run(t, "-q", "staff", "add", "--id", "T001", "--name", "张老师", "--role", "head_teacher")
        run(t, "-q", "staff", "add", "--id", "T002", "--name", "李老师", "--role", "teacher")
    template = templates["template"]
    failures, checked = 0, 0
    extra = {"d": 0, "e": 0, "f": 0}
    for n in range(TREES):
        rng = random.Random(SEED * 100003 + n)
        as_of = day(rng, date(2025, 10, 1), date(2026, 7, 31))
        kids = [Kid(rng, i + 1, as_of) for i in range(rng.randint(2, 9))]
        for k in kids:
            others = [o.id for o in kids if o is not k]
            k.pair(rng, rng.sample(others, min(len(others), rng.choice([0, 1, 2, 2, 3]))))
        acts = activities(rng, kids, date(2025, 9, 1), as_of)
        tag = f"seed {SEED}, tree {n} (as of {as_of})"
        base = os.path.join(work, f"t{n}")
        trees = [base + s for s in ("", "-later", "-renamed", "-a", "-b")]
        for d in trees:
            if os.path.exists(d):
                shutil.rmtree(d)
        write_tree(template, base, kids, {k.id: k.text() for k in kids}, acts)
        later_rng = random.Random(SEED * 7 + n)
        later_acts = list(acts)
        if as_of < date(2026, 8, 31):
            later_acts.append((day(later_rng, as_of + timedelta(days=1), date(2026, 8, 31)),
                               "safety", [k.id for k in kids]))
        write_tree(template, base + "-later", kids, {k.id: k.text(later=later_rng) for k in kids},
                   later_acts)
        shuffle_rng = random.Random(SEED * 13 + n)
        write_tree(template, base + "-renamed", kids,
                   {k.id: k.text(shuffle=shuffle_rng) for k in kids}, acts)
        # The first child renamed to sort last and the last to sort first: the files are read
        # in another order, and the buddies and activities naming them are rewritten (two
        # runs, not one a child, to keep the suite's time).
        run(base + "-renamed", "-q", "rename", kids[0].id, f"Z{kids[0].id[-3:]}")
        run(base + "-renamed", "-q", "rename", kids[-1].id, f"A{kids[-1].id[-3:]}")
        ask = ["report", "summary", "--as-of", as_of.isoformat()]
        problems = []
        try:
            js = json.loads(run(base, *ask, "--format", "json"))
            later = json.loads(run(base + "-later", *ask, "--format", "json"))
            renamed = json.loads(run(base + "-renamed", *ask, "--format", "json"))
            md = run(base, *ask)
            # One of the costlier checks a tree, in turn.
            which = "def"[n % 3]
            if which == "d":
                # Every other child to a second school; each tree keeps every activity, whose
                # children of the other tree count nowhere there.
                write_tree(template, base + "-a", kids[0::2], {k.id: k.text() for k in kids}, acts)
                write_tree(templates["template-b"], base + "-b", kids[1::2],
                           {k.id: k.text() for k in kids}, acts)
                manifest = os.path.join(work, f"county-{n}.yaml")
                with open(manifest, "w", encoding="utf-8") as f:
                    f.write(f"county: 京山县\nschools:\n  - path: t{n}-a\n  - path: t{n}-b\n")
                county = json.loads(run(work, "--county", manifest, *ask, "--format", "json"))
                os.remove(manifest)
                if totals(county) != totals(js):
                    want, got = totals(js), totals(county)
                    problems.append("(d) the school split in two and read as a county changed "
                                    "its totals")
                    for k in want:
                        if want[k] != got[k]:
                            problems.append(f"    {k}: {json.dumps(want[k], ensure_ascii=False)[:300]}"
                                            f"\n    county {json.dumps(got[k], ensure_ascii=False)[:300]}")
            elif which == "e":
                env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@t",
                           GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@t")
                for g in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "tree"]):
                    subprocess.run(["git", *g], cwd=base, env=env, check=True,
                                   capture_output=True)
                at_head = json.loads(run(base, "--rev", "HEAD", *ask, "--format", "json"))
                if figures(at_head) != figures(js):
                    problems.append("(e) --rev HEAD differs from the working tree")
            elif openpyxl:
                xlsx = os.path.join(base, "summary.xlsx")
                run(base, *ask, "--format", "xlsx", "-o", xlsx)
                problems += ["(f) " + p for p in xlsx_problems(xlsx, js)]
            extra[which] += which != "f" or openpyxl is not None
        except (AssertionError, subprocess.CalledProcessError) as e:
            print(f"{tag}: {e}")
            failures += 1
            continue
        checked += 1
        if figures(js) != figures(later):
            problems.append("(a) entries dated after the as-of day changed a figure")
            for k in figures(js):
                if figures(js)[k] != figures(later)[k]:
                    problems.append(f"    {k}: {json.dumps(figures(js)[k], ensure_ascii=False)[:400]}"
                                    f"\n    became {json.dumps(figures(later)[k], ensure_ascii=False)[:400]}")
        if figures(js, ids=False) != figures(renamed, ids=False):
            problems.append("(b) renaming ids and reordering files changed a figure")
        problems += ["(c) " + p for p in same_numbers(md, js)]
        if problems:
            failures += 1
            print(f"{tag}: " + "\n  ".join(problems))
        elif not KEEP:
            for d in trees:
                if os.path.exists(d):
                    shutil.rmtree(d)
    if not KEEP:
        shutil.rmtree(work)
    print(f"{checked} trees of seed {SEED} checked (a) to (c), with {extra['d']} split into "
          f"county trees (d), {extra['e']} read at --rev (e) and {extra['f']} read as xlsx (f); "
          f"{failures} failed")
    return 1 if failures or checked == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
