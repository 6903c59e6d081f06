#!/usr/bin/python3
"""Metamorphic tests of the summary's figures (issue #47, liushou-rates(7)): random trees,
seeded, each read several ways that must give the same figures.

    metamorphic.py [--trees N] [--seed S] [--keep DIR]   (LIUSHOU_BIN names the binary)

For each tree and its as-of day E (`report summary --as-of E`):
  (a) adding entries dated after E (talks of every kind, progress notes, class changes, a
      status change, a new pairing) changes no figure of the JSON;
  (b) renaming ids (liushou rename, which also rewrites the buddies that name them) and
      reordering each file's talks changes no figure (ids aside);
  (c) the Markdown carries the JSON's numbers: 基本情况, every rate's numerator, denominator
      and percentage, and the 学习帮手 sentence.
Trees are written as YAML text here (PyYAML is not needed), with dates on the boundaries:
enrolments that end and come back, entries in the gaps (which count nowhere), pairings with
and without `since`, history, 02-29 birthdays. A failure prints the seed and the tree number;
--keep DIR keeps the trees to look at. Only the standard library.
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
TODAY = "2026-08-31"  # after every entry: none is "in the future"


def arg(name, default):
    return type(default)(sys.argv[sys.argv.index(name) + 1]) if name in sys.argv else default


TREES = arg("--trees", int(os.environ.get("METAMORPHIC_TREES", "200")))
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
        self.lines.append("left_behind: " + rng.choice(["father_away", "mother_away", "both_parents"]))
        self.as_of = as_of
        self.talks = []
        for _ in range(rng.randint(0, 8)):
            self.talks.append((day(rng, date(2025, 9, 1), as_of),
                               rng.choice(["talk", "talk", "family_call", "home_visit",
                                           "meeting", "counselling", "greeting"])))
        self.progress = [day(rng, date(2025, 9, 1), as_of) for _ in range(rng.randint(0, 2))]
        self.changes = []  # (date, was) of class
        if rng.random() < 0.2:
            self.changes.append((day(rng, date(2025, 10, 1), as_of), str(rng.randint(1, 3))))
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
                    changes.append((after(), str(self.klass)))
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
        if shuffle:
            shuffle.shuffle(talks)
        if changes:
            lines.append("changes:")
            for d, was in sorted(changes):
                lines += [f"  - date: {d.isoformat()}", "    field: class", f'    was: "{was}"']
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


def write_tree(template, where, kids, files):
    shutil.copytree(template, where)
    for k in kids:
        with open(os.path.join(where, "children", k.id + ".yaml"), "w", encoding="utf-8") as f:
            f.write(files[k.id])


def main():
    work = KEEP or tempfile.mkdtemp(prefix="liushou-metamorphic.")
    os.makedirs(work, exist_ok=True)
    template = os.path.join(work, "template")
    if os.path.exists(template):
        shutil.rmtree(template)
    run(work, "init", "template", "--school", "孙桥镇中心小学", "--year", "2025-2026",
        "--no-git", "-q")
    run(template, "-q", "staff", "add", "--id", "T001", "--name", "张老师", "--role", "head_teacher")
    run(template, "-q", "staff", "add", "--id", "T002", "--name", "李老师", "--role", "teacher")
    failures, checked = 0, 0
    for n in range(TREES):
        rng = random.Random(SEED * 100003 + n)
        as_of = day(rng, date(2025, 10, 1), date(2026, 7, 31))
        kids = [Kid(rng, i + 1, as_of) for i in range(rng.randint(2, 9))]
        for k in kids:
            others = [o.id for o in kids if o is not k]
            k.pair(rng, rng.sample(others, min(len(others), rng.choice([0, 1, 2, 2, 3]))))
        tag = f"seed {SEED}, tree {n} (as of {as_of})"
        base = os.path.join(work, f"t{n}")
        for d in (base, base + "-later", base + "-renamed"):
            if os.path.exists(d):
                shutil.rmtree(d)
        write_tree(template, base, kids, {k.id: k.text() for k in kids})
        later_rng = random.Random(SEED * 7 + n)
        write_tree(template, base + "-later", kids, {k.id: k.text(later=later_rng) for k in kids})
        shuffle_rng = random.Random(SEED * 13 + n)
        write_tree(template, base + "-renamed", kids,
                   {k.id: k.text(shuffle=shuffle_rng) for k in kids})
        # The first child renamed to sort last and the last to sort first: the files are read
        # in another order, and the buddies naming them are rewritten (two runs, not one a
        # child, to keep the suite's time).
        run(base + "-renamed", "-q", "rename", kids[0].id, f"Z{kids[0].id[-3:]}")
        run(base + "-renamed", "-q", "rename", kids[-1].id, f"A{kids[-1].id[-3:]}")
        ask = ["report", "summary", "--as-of", as_of.isoformat()]
        try:
            js = json.loads(run(base, *ask, "--format", "json"))
            later = json.loads(run(base + "-later", *ask, "--format", "json"))
            renamed = json.loads(run(base + "-renamed", *ask, "--format", "json"))
            md = run(base, *ask)
        except AssertionError as e:
            print(f"{tag}: {e}")
            failures += 1
            continue
        checked += 1
        problems = []
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
            for d in (base, base + "-later", base + "-renamed"):
                shutil.rmtree(d)
    if not KEEP:
        shutil.rmtree(work)
    print(f"{checked} trees of seed {SEED} checked three ways; {failures} failed")
    return 1 if failures or checked == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
