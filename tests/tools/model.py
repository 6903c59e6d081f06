#!/usr/bin/python3
"""Model-based property test of the writing commands (issue #41): random sequences of
commands run against the built binary on a temporary tree and against an in-memory model of
what the records should then hold.

    model.py [--seeds N] [--seed S] [--steps K] [--keep DIR]   (LIUSHOU_BIN names the binary)

Commands: enroll (a new child), status changes (enroll ID --status ... --on), rename, pair
(--teacher/--buddy, and --since alone to move a pairing's start), staff add and remove,
log-talk (one child, and a --class meeting for a whole class), --delete and --amend= by
handle, activity add, plan done (with and without --amend). The model says of each whether
it must succeed; the binary must agree. Then:
  - after a command that exits 0, `check` accepts the tree and the records read back
    (list --format json, report child --format json of the children the command touched,
    staff list, activity list, plan list) equal the model's; at the end of each sequence every
    child's record is compared;
  - a command that exits non-zero leaves every file of the tree byte-identical.
A failure prints the seed, the step and the command; --keep DIR keeps the trees.
Seeded and deterministic; only the standard library.
"""
import hashlib
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta

BIN = os.environ.get("LIUSHOU_BIN", "liushou")
BIN = os.path.abspath(BIN) if os.sep in BIN else BIN
TODAY = date(2026, 6, 15)
YEAR_FROM = date(2025, 9, 1)


def arg(name, default):
    return type(default)(sys.argv[sys.argv.index(name) + 1]) if name in sys.argv else default


SEEDS = arg("--seeds", int(os.environ.get("MODEL_SEEDS", "5")))
SEED = arg("--seed", int(os.environ.get("MODEL_SEED", "41")))
STEPS = arg("--steps", int(os.environ.get("MODEL_STEPS", "70")))
KEEP = arg("--keep", "")
VERBOSE = "-v" in sys.argv


class Failure(Exception):
    pass


def iso(d):
    return d.isoformat() if d else None


def parse(s):
    return date.fromisoformat(s) if s else None


# ---- the model ---------------------------------------------------------------------------


class Kid:
    def __init__(self, cid, name, grade, klass, enrolled_on):
        self.id, self.name, self.grade, self.klass = cid, name, grade, klass
        self.enrolled_on = enrolled_on
        self.entry = None
        self.status, self.status_on = "enrolled", None
        self.episodes = []  # (from, entry, to, status) of enrolments that ended
        self.teacher, self.buddies, self.since = "", [], None
        self.history = []  # dicts: teacher, buddies, from, to
        self.talks = []  # dicts: date, kind, by, summary
        self.changes = []  # (date, field, was) of grade and class

    def class_on(self, d):
        # The value a later change replaced, the earliest such change first.
        grade, klass = self.grade, self.klass
        for when, field, was in reversed(self.changes):
            if when > d:
                if field == "grade":
                    grade = int(was)
                else:
                    klass = int(was)
        return grade, klass

    def enrolled_on_day(self, d):
        cur = (self.status == "enrolled" or (self.status_on is not None and d < self.status_on))
        if cur and (self.enrolled_on is None or self.enrolled_on <= d):
            return True
        return any((f is None or f <= d) and t is not None and d < t
                   for f, _, t, _ in self.episodes)

    def entries_enrolled(self):
        days = [t["date"] for t in self.talks] + [h["from"] for h in self.history]
        return all(self.enrolled_on_day(d) for d in days + [self.since] if d is not None)

    def paired(self):
        return bool(self.teacher or self.buddies)

    def handle(self, i):
        d = self.talks[i]["date"]
        same = [j for j, t in enumerate(self.talks) if t["date"] == d]
        return iso(d) if len(same) == 1 else f"{iso(d)}#{same.index(i) + 1}"

    def closers(self, i):
        """The entries that close the follow-up of entry i."""
        t = self.talks[i]
        if not t.get("follow_up"):
            return []
        return [j for j, c in enumerate(self.talks)
                if j != i and c.get("closes") == t["date"]
                and c.get("closes_kind") in (None, t["kind"]) and c.get("closes_by") in (None, t["by"])]

    def open_follow_ups(self):
        return [i for i, t in enumerate(self.talks) if t.get("follow_up") and not self.closers(i)]

    def insert_talk(self, talk):
        # After every entry of its day or before: the file keeps date order.
        at = len(self.talks)
        while at > 0 and self.talks[at - 1]["date"] > talk["date"]:
            at -= 1
        self.talks.insert(at, talk)


class Model:
    def __init__(self):
        self.staff = []  # [id, name]
        self.kids = {}
        self.activities = []  # dicts: date, kind, title, children, by
        self.ticks = {}  # (month, task) -> dict date, note, changes [(date, field, was)]
        self.plan = {}  # month number -> task count

    def staff_ids(self):
        return [s[0] for s in self.staff]

    def staff_refs(self, t):
        for k in self.kids.values():
            if k.teacher == t or any(h["teacher"] == t for h in k.history):
                return True
            if any(x["by"] == t or x.get("closes_by") == t for x in k.talks):
                return True
        return any(t in a["by"] for a in self.activities)

    def buddy_of(self, cid):
        return [k for k in self.kids.values()
                if cid in k.buddies or any(cid in h["buddies"] for h in k.history)]


# ---- the binary --------------------------------------------------------------------------


def run(tree, args, cwd=None):
    env = dict(os.environ, LIUSHOU_TODAY=TODAY.isoformat(), NO_COLOR="1", LC_ALL="C.UTF-8",
               LIUSHOU_LANG="en")
    env.pop("LIUSHOU_ROOT", None)
    p = subprocess.run([BIN, "--lang", "en", *args], cwd=cwd or tree, env=env,
                       capture_output=True, text=True, timeout=120)
    return p.returncode, p.stdout, p.stderr


def tree_hash(tree):
    h = hashlib.sha256()
    for base, dirs, files in os.walk(tree):
        dirs[:] = sorted(d for d in dirs if d not in (".git", ".liushou"))
        for f in sorted(files):
            path = os.path.join(base, f)
            h.update(os.path.relpath(path, tree).encode() + b"\0")
            with open(path, "rb") as fh:
                h.update(fh.read())
            h.update(oct(os.stat(path).st_mode).encode())
    return h.hexdigest()


# ---- the commands: each returns (argv, expected success, apply, touched ids) --------------


class Gen:
    def __init__(self, rng, model):
        self.rng, self.m = rng, model
        self.n_kid = 0
        self.n_text = 0
        self.last_meeting = None

    def day(self, lo=YEAR_FROM, hi=TODAY):
        if hi < lo:
            return lo
        return lo + timedelta(days=self.rng.randrange((hi - lo).days + 1))

    def text(self, prefix):
        self.n_text += 1
        return f"{prefix}{self.n_text}"

    def kid(self):
        return self.m.kids[self.rng.choice(sorted(self.m.kids))] if self.m.kids else None

    def new_id(self):
        self.n_kid += 1
        return f"2026-{self.n_kid:03d}"

    # enroll a new child
    def enroll(self):
        cid, name = self.new_id(), self.text("学生")
        grade, klass = self.rng.choice([(3, 1), (3, 2), (4, 1)])
        on = self.day(YEAR_FROM, YEAR_FROM + timedelta(days=60))
        argv = ["enroll", "--id", cid, "--name", name, "--gender", self.rng.choice(["男", "女"]),
                "--birth-date", "2017-05-04", "--grade", str(grade), "--class", str(klass),
                "--enrolled-on", iso(on)]

        def apply():
            self.m.kids[cid] = Kid(cid, name, grade, klass, on)
        return argv, True, apply, [cid]

    def status(self):
        k = self.kid()
        if not k:
            return None
        if k.status == "enrolled" or self.rng.random() < 0.3:
            lo = k.enrolled_on or YEAR_FROM
            on = self.day(lo - timedelta(days=5), TODAY + timedelta(days=2))
            status = self.rng.choice(["transferred", "dropped_out"])
            argv = ["enroll", k.id, "--status", status, "--on", iso(on)]
            ok = on <= TODAY and on >= lo
            if k.status != "enrolled":
                # A child who left: another way or another day of leaving.
                status = self.rng.choice(["transferred", "dropped_out", "graduated", "left"])
                argv[3] = status
            if ok:
                # Check refuses an entry dated when the child is not enrolled (it counts
                # nowhere), so a leaving date before a talk or the pairing is refused.
                saved = (k.status, k.status_on)
                k.status, k.status_on = status, on
                ok = k.entries_enrolled()
                # So is an activity that lists the child on a day it would no longer be
                # enrolled (enroll names it; the activity is taken off first).
                ok = ok and all(k.enrolled_on_day(a["date"]) for a in self.m.activities
                                if k.id in a["children"])
                k.status, k.status_on = saved

            def apply():
                k.status, k.status_on = status, on
            return argv, ok, apply, [k.id]
        on = self.day(k.status_on - timedelta(days=3), TODAY + timedelta(days=1))
        argv = ["enroll", k.id, "--status", "enrolled", "--on", iso(on)]
        ok = k.status_on <= on <= TODAY
        entry = "transfer"
        if self.rng.random() < 0.3:
            entry = "new"
            argv += ["--entry", "new"]

        def apply():
            k.episodes.append((k.enrolled_on, k.entry, k.status_on, k.status))
            k.enrolled_on, k.entry = on, entry
            k.status, k.status_on = "enrolled", None
        return argv, ok, apply, [k.id]

    def klass(self):
        k = self.kid()
        if not k:
            return None
        grade, klass = self.rng.choice([(3, 1), (3, 2), (4, 1)])
        on = self.day(YEAR_FROM, TODAY + timedelta(days=1))
        argv = ["enroll", k.id, "--class", f"{grade}-{klass}", "--on", iso(on)]
        moved = [f for f, old, new in (("grade", k.grade, grade), ("class", k.klass, klass))
                 if old != new]
        # Not before the last recorded change of the same field.
        ok = on <= TODAY and all(on >= d for d, f, _ in k.changes if f in moved)

        def apply():
            for f in moved:
                k.changes.append((on, f, str(k.grade if f == "grade" else k.klass)))
            k.grade, k.klass = grade, klass
        return argv, ok, apply, [k.id]

    def rename(self):
        k = self.kid()
        if not k:
            return None
        taken = self.rng.random() < 0.15 and len(self.m.kids) > 1
        new = self.rng.choice([x for x in self.m.kids if x != k.id]) if taken else self.new_id()
        argv = ["rename", k.id, new]
        touched = [new, "activities"] + [b.id for b in self.m.buddy_of(k.id)]

        def apply():
            old = k.id
            del self.m.kids[old]
            k.id = new
            self.m.kids[new] = k
            for o in self.m.kids.values():
                o.buddies = [new if b == old else b for b in o.buddies]
                for h in o.history:
                    h["buddies"] = [new if b == old else b for b in h["buddies"]]
            for a in self.m.activities:
                # In place: the file's other lines stay as they are.
                a["children"] = [new if c == old else c for c in a["children"]]
        return argv, not taken, apply, touched

    def pair(self):
        k = self.kid()
        if not k or not self.m.staff:
            return None
        t = self.rng.choice(self.m.staff_ids())
        others = [x for x in self.m.kids if x != k.id]
        buddies = sorted(self.rng.sample(others, min(len(others), self.rng.randint(0, 1))))
        since = self.day(YEAR_FROM, TODAY + timedelta(days=1))
        argv = ["pair", k.id, "--teacher", t, "--since", iso(since)]
        give_buddy = self.rng.random() < 0.6
        given = list(buddies)
        own = False
        r = self.rng.random()
        if buddies and r < 0.3:
            given = [self.m.kids[buddies[0]].name]  # a name one child has: stored as the id
        elif r < 0.4:
            buddies = given = [self.text("同学")]  # a classmate not on file: kept as written
        elif r < 0.45:
            given, own = [self.rng.choice([k.id, k.name])], True  # never one's own buddy
        if give_buddy:
            argv += [x for b in given for x in ("--buddy", b)] or ["--buddy", ""]
        new_buddies = buddies if give_buddy else list(k.buddies)
        same = t == k.teacher and new_buddies == k.buddies
        ok = since <= TODAY and not (give_buddy and own)
        if ok and not same:
            if k.paired() and k.since and since < k.since:
                ok = False
            elif not k.enrolled_on_day(since):
                ok = False

        def apply():
            if same:
                return
            if k.paired() and (k.since is None or since > k.since):
                k.history.append({"teacher": k.teacher, "buddies": list(k.buddies),
                                  "from": k.since, "to": since - timedelta(days=1)})
            k.teacher, k.buddies, k.since = t, new_buddies, since
        return argv, ok, apply, [k.id]

    def move(self):
        k = self.kid()
        if not k:
            return None
        since = self.day(YEAR_FROM, TODAY + timedelta(days=1))
        argv = ["pair", k.id, "--since", iso(since)]
        before = k.history[-1] if k.history else None
        end_to_end = before and k.since and before["to"] == k.since - timedelta(days=1)
        ok = since <= TODAY and k.paired()
        if ok and k.since != since:
            if before and before["from"] and since <= before["from"]:
                ok = False
            elif before and not end_to_end and since <= before["to"]:
                ok = False
            elif not k.enrolled_on_day(since):
                ok = False

        def apply():
            if k.since == since:
                return
            if end_to_end:
                before["to"] = since - timedelta(days=1)
            k.since = since
        return argv, ok, apply, [k.id]

    def staff_add(self):
        name = self.text("教师")
        ids = [int(s[1:]) for s in self.m.staff_ids()]
        sid = f"T{(max(ids) if ids else 0) + 1:03d}"
        argv = ["staff", "add", "--name", name]

        def apply():
            self.m.staff.append([sid, name])
        return argv, True, apply, ["staff"]

    def staff_remove(self):
        if not self.m.staff:
            return None
        t = self.rng.choice(self.m.staff_ids())
        ok = not self.m.staff_refs(t)

        def apply():
            self.m.staff = [s for s in self.m.staff if s[0] != t]
        return ["staff", "remove", t], ok, apply, ["staff"]

    def close(self):
        """A talk that closes a follow-up, of a child who has one open."""
        ks = sorted((k for k in self.m.kids.values() if k.open_follow_ups()), key=lambda k: k.id)
        return self.talk(self.rng.choice(ks)) if ks else None

    def talk(self, k=None):
        closing = k is not None
        k = k or self.kid()
        if not k or not self.m.staff:
            return None
        d = self.day(YEAR_FROM, TODAY + timedelta(days=1))
        # One time in three on a day that has an entry already: handles get numbers.
        if k.talks and self.rng.random() < 0.35:
            d = self.rng.choice(k.talks)["date"]
        t = self.rng.choice(self.m.staff_ids())
        kind = self.rng.choice(["talk", "home_visit", "family_call"])
        summary = self.text("谈话")
        argv = ["log-talk", k.id, "--by", t, "--kind", kind, "--date", iso(d),
                "--summary", summary]
        ok = d <= TODAY and k.enrolled_on_day(d)
        entry = {"date": d, "kind": kind, "by": t, "summary": summary}
        if not closing and self.rng.random() < 0.3:
            entry["follow_up"] = self.text("跟进")
            argv += ["--follow-up", entry["follow_up"]]
        elif closing:
            # Close one: that of an open entry's day; several open that day is a question.
            i = self.rng.choice(k.open_follow_ups())
            day = k.talks[i]["date"]
            if self.rng.random() < 0.8:
                d = min(day + timedelta(days=self.rng.randrange(30)), TODAY)
                argv[argv.index("--date") + 1] = iso(d)
                entry["date"] = d
                ok = k.enrolled_on_day(d)
            argv += ["--close-follow-up", iso(day)]
            same = [j for j in k.open_follow_ups() if k.talks[j]["date"] == day]
            ok = ok and len(same) == 1 and d >= day
            entry["closes"] = day
            if sum(1 for x in k.talks if x["date"] == day and x.get("follow_up")) > 1:
                entry["closes_kind"], entry["closes_by"] = k.talks[i]["kind"], k.talks[i]["by"]

        def apply():
            k.insert_talk(entry)
        return argv, ok, apply, [k.id]

    def meeting(self):
        if not self.m.staff or not self.m.kids:
            return None
        grade, klass = self.rng.choice([(3, 1), (3, 2), (4, 1)])
        d = self.day(YEAR_FROM, TODAY)
        t = self.rng.choice(self.m.staff_ids())
        summary = self.text("座谈")
        if self.last_meeting and self.rng.random() < 0.25:
            # The same meeting again: a child who has it already is left as it is.
            grade, klass, d, t, summary = self.last_meeting
        self.last_meeting = (grade, klass, d, t, summary)
        same = {"date": d, "kind": "meeting", "by": t, "summary": summary}
        # Every child in the class on the day (a child who moved into it later was not).
        chosen = [k for k in self.m.kids.values()
                  if k.class_on(d) == (grade, klass) and k.enrolled_on_day(d)]
        ok = bool(chosen) and t in self.m.staff_ids()
        chosen = [k for k in chosen if same not in k.talks]
        argv = ["log-talk", "--class", f"{grade}-{klass}", "--kind", "meeting", "--by", t,
                "--date", iso(d), "--summary", summary]

        def apply():
            for k in chosen:
                k.insert_talk(dict(same))
        return argv, ok, apply, [k.id for k in chosen]

    def delete(self):
        ks = [k for k in self.m.kids.values() if k.talks]
        if not ks:
            return None
        k = self.rng.choice(sorted(ks, key=lambda k: k.id))
        i = self.rng.randrange(len(k.talks))
        h = k.handle(i)
        if self.rng.random() < 0.08:
            return ["log-talk", k.id, "--delete", f"{h.split('#')[0]}#{len(k.talks) + 1}"], \
                False, None, [k.id]
        if "#" in h and self.rng.random() < 0.25:
            # The bare date of a day with several entries says not which: refused.
            return ["log-talk", k.id, "--delete", h.split("#")[0]], False, None, [k.id]

        def apply():
            del k.talks[i]
        # An entry whose follow-up a later one closes stays until that one goes.
        return ["log-talk", k.id, "--delete", h], not k.closers(i), apply, [k.id]

    def amend(self):
        ks = [k for k in self.m.kids.values() if k.talks]
        if not ks:
            return None
        k = self.rng.choice(sorted(ks, key=lambda k: k.id))
        i = self.rng.randrange(len(k.talks))
        closed = [j for j in range(len(k.talks)) if k.closers(j)]
        picked_closed = closed and self.rng.random() < 0.5
        if picked_closed:
            i = self.rng.choice(closed)  # one whose follow-up another entry closes
        summary = self.text("改正")
        argv = ["log-talk", k.id, f"--amend={k.handle(i)}", "--summary", summary]
        d = k.talks[i]["date"]
        if picked_closed or self.rng.random() < 0.4:
            # A new day too: one the child was enrolled on, or not (refused).
            d = self.day(YEAR_FROM, TODAY + timedelta(days=1))
            if self.rng.random() < 0.5:
                d = min(max(k.talks[i]["date"] + timedelta(days=self.rng.randint(-10, 10)),
                            YEAR_FROM), TODAY)
            if k.talks and self.rng.random() < 0.4:
                d = self.rng.choice(k.talks)["date"]
            argv += ["--date", iso(d)]
        ok = d <= TODAY and k.enrolled_on_day(d)
        me = k.talks[i]
        # A closing entry is closed on or after the day of what it closes; the entry that
        # closes this one's follow-up follows it, if it is not then before it.
        if me.get("closes") and d < me["closes"]:
            ok = False
        closers = k.closers(i) if d != me["date"] else []
        if any(k.talks[j]["date"] < d for j in closers):
            ok = False
        others = sum(1 for j, x in enumerate(k.talks)
                     if j != i and x["date"] == d and x.get("follow_up"))
        if self.rng.random() < 0.1:
            # A handle past the day's entries names none.
            argv[2] = f"--amend={iso(k.talks[i]['date'])}#{len(k.talks) + 1}"
            ok = False

        def apply():
            for j in closers:
                c = k.talks[j]
                c["closes"] = d
                if c.get("closes_kind") or others:
                    c["closes_kind"] = me["kind"]
                if c.get("closes_by") or others:
                    c["closes_by"] = me["by"]
            k.talks[i]["summary"] = summary
            k.talks[i]["date"] = d
            # The file keeps date order, the entries of a day in the order they were.
            k.talks.sort(key=lambda t: t["date"])
        return argv, ok, apply, [k.id]

    def activity(self):
        if not self.m.kids:
            return None
        d = self.day(YEAR_FROM, TODAY)
        who = self.rng.sample(sorted(self.m.kids), min(len(self.m.kids), self.rng.randint(1, 3)))
        by = [self.rng.choice(self.m.staff_ids())] if self.m.staff and self.rng.random() < 0.7 \
            else []
        title = self.text("活动")
        argv = ["activity", "add", "--date", iso(d), "--kind", "class_meeting", "--title", title,
                "--children", ",".join(who)] + [x for b in by for x in ("--by", b)]
        ok = all(self.m.kids[c].enrolled_on_day(d) for c in who)
        if self.rng.random() < 0.4:
            # A class: its children of the day who were enrolled then; none is refused.
            grade, klass = self.rng.choice([(3, 1), (3, 2), (4, 1)])
            argv[argv.index("--children") + 1] = f"{grade}-{klass}"
            who = [k.id for k in self.m.kids.values()
                   if k.class_on(d) == (grade, klass) and k.enrolled_on_day(d)]
            ok = bool(who)

        def apply():
            self.m.activities.append({"date": d, "kind": "class_meeting", "title": title,
                                      "children": sorted(who, key=natural_key), "by": by})
        return argv, ok, apply, ["activities"]

    def tick(self):
        month = self.rng.choice(sorted(self.m.plan))
        year = 2025 if month >= 8 else 2026
        mtext = f"{year}-{month:02d}"
        task = self.rng.randint(1, self.m.plan[month] + (1 if self.rng.random() < 0.1 else 0))
        have = self.m.ticks.get((mtext, task))
        if self.rng.random() < 0.2:
            # --undo: the tick goes, changes and all; a task not ticked is refused.
            if self.m.ticks and self.rng.random() < 0.7:
                mtext, task = self.rng.choice(sorted(self.m.ticks))
                have = self.m.ticks[(mtext, task)]

            def undo():
                del self.m.ticks[(mtext, task)]
            return ["plan", "done", mtext, str(task), "--undo"], have is not None, undo, ["plan"]
        amend = have is not None and self.rng.random() < 0.6
        d = self.day(date(year, month, 1) - timedelta(days=10), TODAY + timedelta(days=1))
        give_date = not amend or self.rng.random() < 0.6
        note = self.text("备注") if self.rng.random() < 0.5 else None
        argv = ["plan", "done", mtext, str(task)]
        if give_date:
            argv += ["--date", iso(d)]
        if note is not None:
            argv += ["--note", note]
        if amend:
            argv.append("--amend")
        ok = task <= self.m.plan[month] and (not give_date or d <= TODAY)
        new_date = d if give_date else TODAY
        if ok and have and not amend:
            ok = new_date == have["date"] and (note is None or note == have["note"])

        def apply():
            if not have:
                self.m.ticks[(mtext, task)] = {"date": new_date, "note": note or "",
                                               "changes": []}
            elif amend:
                if give_date and d != have["date"]:
                    have["changes"].append((TODAY, "date", iso(have["date"])))
                    have["date"] = d
                if note is not None and note != have["note"]:
                    have["changes"].append((TODAY, "note", have["note"]))
                    have["note"] = note
        return argv, ok, apply, ["plan"]


def natural_key(s):
    return [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", s)]


WEIGHTS = [("enroll", 6), ("status", 7), ("klass", 5), ("rename", 5), ("pair", 10), ("move", 6),
           ("staff_add", 3), ("staff_remove", 4), ("talk", 14), ("close", 5), ("meeting", 5), ("delete", 7),
           ("amend", 6), ("activity", 6), ("tick", 8)]


# ---- reading the records back --------------------------------------------------------------


def read_json(tree, args, what):
    rc, out, err = run(tree, args)
    if rc != 0:
        raise Failure(f"{' '.join(args)} exited {rc}: {err.strip()}")
    try:
        return json.loads(out)
    except ValueError as e:
        raise Failure(f"{' '.join(args)}: not JSON ({e})")


def compare(what, got, want):
    if got != want:
        raise Failure(f"{what} differs from the model:\n  binary: {got}\n  model:  {want}")


def expect_child(k):
    return {
        "id": k.id, "name": k.name, "grade": k.grade, "class": k.klass,
        "enrolled_on": iso(k.enrolled_on), "entry": k.entry, "status": k.status,
        "status_on": iso(k.status_on),
        "enrolment_history": [{"from": iso(f), "entry": e, "to": iso(t), "status": s}
                              for f, e, t, s in k.episodes],
        "teacher": k.teacher or None, "buddies": k.buddies, "since": iso(k.since),
        "history": [{"teacher": h["teacher"] or None, "buddies": h["buddies"],
                     "from": iso(h["from"]), "to": iso(h["to"])} for h in k.history],
        "talks": [{"date": iso(t["date"]), "kind": t["kind"], "by": t["by"],
                   "summary": t["summary"], "follow_up": t.get("follow_up"),
                   "closes": iso(t.get("closes")), "closes_kind": t.get("closes_kind"),
                   "closes_by": t.get("closes_by"), "handle": k.handle(i)}
                  for i, t in enumerate(k.talks)],
        "changes": [{"date": iso(d), "field": f, "was": w}
                    for d, f, w in sorted(k.changes, key=lambda x: x[0])],
    }


def got_child(doc):
    c = doc["child"]
    p = c["pairing"]
    return {
        "id": c["id"], "name": c["name"], "grade": c["grade"], "class": c["class"],
        "enrolled_on": c["enrolled_on"], "entry": c["entry"], "status": c["status"],
        "status_on": c["status_on"], "enrolment_history": c["enrolment_history"],
        "teacher": p["teacher"], "buddies": p["buddies"], "since": p["since"],
        "history": [{k: h[k] for k in ("teacher", "buddies", "from", "to")}
                    for h in p["history"]],
        "talks": [{k: t.get(k) for k in ("date", "kind", "by", "summary", "follow_up", "closes",
                                         "closes_kind", "closes_by", "handle")}
                  for t in c["talks"]],
        "changes": c["changes"],
    }


def verify(tree, m, touched, everything):
    rc, out, err = run(tree, ["check", "-q", "--allow-incomplete"])
    if rc != 0:
        raise Failure(f"check refuses the tree (exit {rc}):\n{out}{err}")
    listed = read_json(tree, ["list", "--status", "all", "--format", "json"], "list")
    compare("list", sorted((c["id"], c["name"], c["status"], c["teacher"], c["buddies"])
                           for c in listed["children"]),
            sorted((k.id, k.name, k.status, k.teacher or None, k.buddies)
                   for k in m.kids.values()))
    ids = sorted(m.kids) if everything else sorted(set(t for t in touched if t in m.kids))
    # More than one child: every card in one run (report child --all), not a run each.
    cards = {}
    if len(ids) > 1:
        cards = {d["child"]["id"]: d for d in
                 read_json(tree, ["report", "child", "--all", "--format", "json"], "report child")}
        compare("report child --all", sorted(cards), sorted(m.kids))
    for cid in ids:
        doc = cards[cid] if cards else read_json(
            tree, ["report", "child", cid, "--format", "json"], "report child")
        compare(f"report child {cid}", got_child(doc), expect_child(m.kids[cid]))
    if everything or "staff" in touched:
        staff = read_json(tree, ["staff", "list", "--format", "json"], "staff")
        compare("staff list", [[s["id"], s["name"]] for s in staff["staff"]], m.staff)
    if everything or "activities" in touched:
        acts = read_json(tree, ["activity", "list", "--format", "json"], "activities")
        compare("activity list",
                sorted((a["date"], a["kind"], a["title"], a["children"], a["by"])
                       for a in acts["activities"]),
                sorted((iso(a["date"]), a["kind"], a["title"], a["children"], a["by"])
                       for a in m.activities))
    if everything or "plan" in touched:
        plan = read_json(tree, ["plan", "list", "--format", "json"], "plan")
        compare("plan list", plan_ticks(plan), sorted(
            (mo, t, iso(x["date"]), x["note"] or None) for (mo, t), x in m.ticks.items()))
        compare("ticks' changes", tick_changes(tree), sorted(
            (mo, t, iso(d), f, w) for (mo, t), x in m.ticks.items() for d, f, w in x["changes"]))


def plan_ticks(doc):
    out = []
    for t in doc["tasks"]:
        if t.get("done"):
            out.append((t["month"], t["task"], t["done"], t.get("note")))
    return sorted(out)


def tick_changes(tree):
    """The ticks' changes as liushou.yaml holds them (plan list does not show them)."""
    out, month, task, in_changes, cur = [], None, None, False, None
    for line in open(os.path.join(tree, "liushou.yaml"), encoding="utf-8"):
        s = line.rstrip("\n")
        if s.startswith("  - month: "):
            month, task, in_changes = s.split(": ", 1)[1].strip('"'), None, False
        elif s.startswith("    task: "):
            task = int(s.split(": ", 1)[1])
        elif s == "    changes:":
            in_changes = True
        elif in_changes and s.startswith("      - date: "):
            cur = [s.split(": ", 1)[1]]
        elif in_changes and s.startswith("        field: "):
            # An empty was (a tick that had no note) is not written.
            out.append((month, task, cur[0], s.split(": ", 1)[1], ""))
        elif in_changes and s.startswith("        was: "):
            was = s.split(": ", 1)[1]
            out[-1] = out[-1][:4] + (json.loads(was) if was.startswith('"') else was,)
        elif not s.startswith("   "):
            month, in_changes = None, False
    return sorted(out)


# ---- one sequence --------------------------------------------------------------------------


def sequence(seed, steps, workdir):
    rng = random.Random(seed)
    tree = os.path.join(workdir, f"seed{seed}")
    rc, out, err = run(workdir, ["init", tree, "--school", "孙桥小学", "--year", "2025-2026", "-q"])
    if rc != 0:
        raise Failure(f"init exited {rc}: {err}")
    m = Model()
    plan = read_json(tree, ["plan", "list", "--format", "json"], "plan")
    for t in plan["tasks"]:
        mo = int(t["month"][5:])
        m.plan[mo] = max(m.plan.get(mo, 0), t["task"])
    g = Gen(rng, m)
    setup = [g.staff_add, g.staff_add, g.enroll, g.enroll, g.enroll, g.enroll]
    names = [n for n, w in WEIGHTS for _ in range(w)]
    counts = {"ok": 0, "refused": 0}
    for step in range(steps):
        made = setup[step]() if step < len(setup) else getattr(g, rng.choice(names))()
        if made is None:
            continue
        argv, ok, apply, touched = made
        before = tree_hash(tree)
        rc, out, err = run(tree, argv)
        where = f"seed {seed}, step {step}: liushou {' '.join(argv)}"
        if VERBOSE:
            print(f"{where} -> {rc}", file=sys.stderr)
        if rc not in (0, 1, 2, 3):
            raise Failure(f"{where}: exit {rc}\n{out}{err}")
        if "internal error" in err.lower() or "terminate called" in err:
            raise Failure(f"{where}: {err}")
        if rc != 0:
            if tree_hash(tree) != before:
                raise Failure(f"{where}: exit {rc}, yet the tree changed\n{err}")
            if ok:
                raise Failure(f"{where}: the model expects success, the binary exits {rc}:\n{err}")
            counts["refused"] += 1
            continue
        if not ok:
            raise Failure(f"{where}: the model expects a refusal, the binary succeeds:\n{out}{err}")
        apply()
        counts["ok"] += 1
        try:
            verify(tree, m, touched, False)
        except Failure as e:
            raise Failure(f"{where}: {e}")
    try:
        verify(tree, m, [], True)
    except Failure as e:
        raise Failure(f"seed {seed}, at the end: {e}")
    return counts


def main():
    if not shutil.which(BIN):
        print(f"model.py: no liushou binary at {BIN} (set LIUSHOU_BIN)")
        return 2
    start = time.time()
    workdir = KEEP or tempfile.mkdtemp(prefix="liushou-model-")
    os.makedirs(workdir, exist_ok=True)
    total = {"ok": 0, "refused": 0}
    try:
        for s in range(SEED, SEED + SEEDS):
            counts = sequence(s, STEPS, workdir)
            for k in total:
                total[k] += counts[k]
    except Failure as e:
        print(f"FAIL {e}")
        if not KEEP:
            print("(run with --keep DIR to keep the trees)")
        return 1
    finally:
        if not KEEP:
            shutil.rmtree(workdir, ignore_errors=True)
    print(f"{SEEDS} sequences of {STEPS} commands (seeds {SEED}-{SEED + SEEDS - 1}): "
          f"{total['ok']} succeeded and matched the model, {total['refused']} refused with the "
          f"tree unchanged ({time.time() - start:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
