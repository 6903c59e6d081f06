#!/usr/bin/python3
"""Property test of the register's round trips (issue #39): random registers, seeded, with every
field, every enum, text that starts with = + - @ ' (the CSV formula guard and a value's own '),
and namesakes (one name and birth date, two 身份证号), imported into a new tree; then

  (a) the register exported as CSV (list --register --format csv) and as .xlsx (list -o) and
      imported back with --update changes nothing: 0 added, 0 updated;
  (b) export -> import -> export is byte-identical, for CSV and for xlsx;
  (c) every text field comes back exactly as the register gave it (the guard undone);
  (d) check passes after every import (incomplete files aside).

    register-roundtrip.py [--registers N] [--seed S] [--keep DIR]   (LIUSHOU_BIN names the binary)

openpyxl reads the workbooks (python3-openpyxl, as the other tests); a failure prints the seed and the register's number.
"""
import csv
import io
import os
import random
import shutil
import subprocess
import sys
import tempfile

import openpyxl

BIN = os.environ.get("LIUSHOU_BIN", "liushou")


def arg(name, default):
    return type(default)(sys.argv[sys.argv.index(name) + 1]) if name in sys.argv else default


REGISTERS = arg("--registers", int(os.environ.get("ROUNDTRIP_REGISTERS", "20")))
SEED = arg("--seed", int(os.environ.get("ROUNDTRIP_SEED", "39")))
KEEP = arg("--keep", "")

HEADER = ["学号", "姓名", "性别", "出生日期", "身份证号", "民族", "年级", "班级", "入学日期",
          "入学方式", "留守类型", "是否寄宿", "健康状况", "家庭住址", "父亲姓名", "父亲电话",
          "父亲务工地址", "父亲单位电话", "母亲姓名", "母亲电话", "母亲务工地址", "母亲单位电话",
          "监护人姓名", "监护人关系", "监护人电话", "监护人职业", "监护人住址", "监护人健康状况",
          "监护人年龄", "重点帮扶对象", "资助", "个别教育管理方案", "备注"]
TEXT = ["姓名", "民族", "健康状况", "家庭住址", "父亲姓名", "父亲务工地址", "母亲姓名",
        "母亲务工地址", "监护人姓名", "监护人关系", "监护人职业", "监护人住址", "监护人健康状况",
        "个别教育管理方案", "备注"]
SURNAMES = "王李张刘陈杨赵黄周吴"
GIVEN = ["小明", "秀英", "宇轩", "子涵", "博文", "思雨", "家乐", "桦"]


def id_number(birth, male, rng):
    first17 = "420821" + birth.replace("-", "") + "%02d" % rng.randrange(100) + \
        str(rng.choice([1, 3, 5, 7, 9] if male else [0, 2, 4, 6, 8]))
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return first17 + "10X98765432"[sum(int(d) * w for d, w in zip(first17, weights)) % 11]


def text(rng, base):
    """Text as people type it, sometimes starting with what a spreadsheet takes for a formula
    or with a ' of its own."""
    lead = rng.choice(["", "", "", "=", "+", "-", "@", "'", "''", "'=", "-2+", "@@"])
    return lead + base


def phone(rng):
    return rng.choice(["138", "139", "150"]) + "%08d" % rng.randrange(10 ** 8) \
        if rng.random() < 0.7 else "0724-%07d" % rng.randrange(2 * 10 ** 6, 10 ** 7)


def register(rng, n):
    rows, people = [], []
    for i in range(n):
        if people and rng.random() < 0.15:  # a namesake: same name and birth, another 身份证号
            name, birth, male = rng.choice(people)
        else:
            name = text(rng, rng.choice(SURNAMES) + rng.choice(GIVEN)) if rng.random() < 0.2 \
                else rng.choice(SURNAMES) + rng.choice(GIVEN)
            birth = "%d-%02d-%02d" % (rng.randrange(2013, 2019), rng.randrange(1, 13),
                                      rng.randrange(1, 29))
            male = rng.random() < 0.5
            people.append((name, birth, male))
        grade = rng.randrange(1, 7)
        left = rng.choice(["双亲外出", "父亲外出", "母亲外出"])
        maybe = lambda v: v if rng.random() < 0.8 else ""
        row = {
            "学号": "2025-%03d" % (i + 1),
            "姓名": name, "性别": "男" if male else "女", "出生日期": birth,
            "身份证号": id_number(birth, male, rng),
            "民族": maybe(text(rng, rng.choice(["汉族", "土家族", "苗族"]))),
            "年级": str(grade), "班级": str(rng.randrange(1, 5)),
            "入学日期": "%d-09-01" % (2025 - grade + 1),
            "入学方式": rng.choice(["新生", "转入", ""]),
            "留守类型": left, "是否寄宿": rng.choice(["是", "否", ""]),
            "健康状况": maybe(text(rng, rng.choice(["良好", "哮喘", "近视"]))),
            "家庭住址": maybe(text(rng, "湖北省某县某村%d组" % rng.randrange(1, 9))),
            "父亲姓名": maybe(text(rng, rng.choice(SURNAMES) + "大")),
            "父亲电话": maybe(phone(rng)),
            "父亲务工地址": text(rng, rng.choice(["广东东莞", "浙江宁波", "上海"])),
            "父亲单位电话": maybe(phone(rng)) if rng.random() < 0.3 else "",
            "母亲姓名": maybe(text(rng, rng.choice(SURNAMES) + "芳")),
            "母亲电话": maybe(phone(rng)),
            "母亲务工地址": text(rng, rng.choice(["广东深圳", "江苏苏州"])),
            "母亲单位电话": "",
            "监护人姓名": maybe(text(rng, rng.choice(SURNAMES) + "奶奶")),
            "监护人关系": maybe(text(rng, rng.choice(["祖母", "祖父", "外婆"]))),
            "监护人电话": maybe(phone(rng)),
            "监护人职业": maybe(text(rng, "务农")),
            "监护人住址": maybe(text(rng, "同上")),
            "监护人健康状况": maybe(text(rng, "良好")),
            "监护人年龄": maybe(str(rng.randrange(40, 80))),
            "重点帮扶对象": rng.choice(["是", "否"]),
            "资助": "、".join(rng.sample(["两免一补", "营养餐", "寄宿生生活补助", "春蕾班",
                                      "社会妈妈"], rng.randrange(0, 3))),
            "个别教育管理方案": maybe(text(rng, "每周谈心一次")) if rng.random() < 0.3 else "",
            "备注": maybe(text(rng, rng.choice(["2024", "3.5", "-2+3", "李秀英, 3", "7"]))),
        }
        rows.append(row)
    return rows


def run(cwd, *args):
    p = subprocess.run([BIN, *args], cwd=cwd, capture_output=True, text=True,
                       env=dict(os.environ, LIUSHOU_LANG="zh", LIUSHOU_TODAY="2026-03-01"))
    return p.returncode, p.stdout + p.stderr


def guard(cell):
    """As liushou's CSV writer guards a cell (a register written by it, or by hand)."""
    return "'" + cell if cell and cell[0] in "=+-@\t\r'" else cell


def unguard(cell):
    return cell[1:] if len(cell) > 1 and cell[0] == "'" and cell[1] in "=+-@\t\r'" else cell


def main():
    rng = random.Random(SEED)
    work = KEEP or tempfile.mkdtemp(prefix="liushou-roundtrip.")
    failures = 0
    for k in range(REGISTERS):
        def fail(what):
            nonlocal failures
            failures += 1
            print(f"register {k} (seed {SEED}): {what}")
        d = os.path.join(work, str(k))
        os.makedirs(d, exist_ok=True)
        rows = register(rng, rng.randrange(1, 25))
        with open(os.path.join(d, "in.csv"), "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(HEADER)
            for r in rows:
                w.writerow([guard(r[h]) for h in HEADER])
        run(d, "-q", "init", "tree", "--school", "测试小学", "--year", "2025-2026", "--no-git")
        tree = os.path.join(d, "tree")
        rc, out = run(tree, "-q", "enroll", "--from", "../in.csv", "--namesakes")
        if rc != 0:
            fail("the register is refused:\n" + out)
            continue

        def check(after):
            rc, out = run(tree, "check", "--allow-incomplete")
            if rc != 0:
                fail(f"check fails after {after}:\n" + out)

        check("the first import")
        _, csv1 = run(tree, "list", "--register", "--format", "csv")
        # The values as stored: the workbook holds them without any guard (openpyxl reads it).
        run(tree, "-q", "list", "-o", os.path.join(d, "e0.xlsx"))
        sheet = openpyxl.load_workbook(os.path.join(d, "e0.xlsx")).active
        table = [["" if c is None else str(c) for c in r] for r in sheet.iter_rows(values_only=True)]
        want = {r["学号"]: r for r in rows}
        for cells in table[1:]:
            g = dict(zip(table[0], cells))
            for h in TEXT:
                if g[h] != want[g["学号"]][h]:
                    fail(f"{g['学号']} {h}: {want[g['学号']][h]!r} is stored as {g[h]!r}")
        # And the CSV export says the same, once its guard is taken off.
        for g in csv.DictReader(io.StringIO(csv1)):
            for h in TEXT:
                if unguard(g[h]) != want[g["学号"]][h]:
                    fail(f"{g['学号']} {h}: {want[g['学号']][h]!r} is exported as {g[h]!r}")
        with open(os.path.join(d, "e1.csv"), "w", encoding="utf-8") as f:
            f.write(csv1)
        rc, out = run(tree, "enroll", "--from", "../e1.csv", "--update")
        if rc != 0 or "新增 0，修改 0" not in out:
            fail("the CSV export imported back changed something:\n" + out)
        check("the CSV import")
        _, csv2 = run(tree, "list", "--register", "--format", "csv")
        if csv2 != csv1:
            fail("CSV export -> import -> export is not byte-identical")
        run(tree, "-q", "list", "-o", os.path.join(d, "e1.xlsx"))
        rc, out = run(tree, "enroll", "--from", "../e1.xlsx", "--update")
        if rc != 0 or "新增 0，修改 0" not in out:
            fail("the xlsx export imported back changed something:\n" + out)
        check("the xlsx import")
        run(tree, "-q", "list", "-o", os.path.join(d, "e2.xlsx"))
        with open(os.path.join(d, "e1.xlsx"), "rb") as a, open(os.path.join(d, "e2.xlsx"), "rb") as b:
            if a.read() != b.read():
                fail("xlsx export -> import -> export is not byte-identical")
        _, csv3 = run(tree, "list", "--register", "--format", "csv")
        if csv3 != csv1:
            fail("the xlsx import changed the CSV export")
    if not KEEP:
        shutil.rmtree(work)
    print(f"{REGISTERS} registers (seed {SEED}): {failures} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
