#!/usr/bin/python3
"""A register as schools keep it, written twice: as GBK CSV (Excel's 'CSV' on Chinese Windows)
and as .xlsx by openpyxl, an independent writer. Both hold the same register; the workbook
holds it as Excel would (real date cells, an Excel serial, a phone typed as a number, a title
merged across the columns), the CSV as Excel saves those cells.

    messy-register.py OUT_DIR [--corrected] [--by-id-number]

--corrected: the same register after the school fixed it (a birth date and 身份证号 typed
wrong, a guardian's new phone). --by-id-number: without the 学号 column and with a misspelt
name put right, so rows can only be matched by 身份证号.
"""
import csv
import datetime
import io
import sys

import openpyxl

out_dir = sys.argv[1]
corrected = "--corrected" in sys.argv
by_id_number = "--by-id-number" in sys.argv



def id_number(first17):
    """An 18-digit 身份证号 with its GB 11643 check digit."""
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    total = sum(int(d) * w for d, w in zip(first17, weights))
    return first17 + "10X98765432"[total % 11]


title = "孙桥小学留守儿童登记表（2025-2026学年）"
header = ["序号", "学号", "姓名", "性别", "出生年月", "身份证号", "班级", "留守类型",
          "母亲务工地址", "联系电话", "住校", "入学时间"]
D = datetime.datetime
# Each cell as the workbook holds it; the CSV gets what Excel shows for it.
rows = [
    [1, "2025-101", "王小明", "男", D(2015, 3, 8), id_number("42082120150308123"), "三(1)班",
     "父母双方外出", None, 13812345678, "住校", D(2025, 9, 1)],
    [2, "2025-102", "李华", "女", 42071, id_number("42082120150308452"), "3-2", "单亲外出",
     "广东东莞", "13812345679", "走读", "2025/9/1 0:00"],
    [3, "2025-103", "张三", "女", "２０１６－０５－０１", id_number("42082120160501344"), "四（2）班",
     "双亲外出", None, "１３８１２３４５６７０", "否", "2025年9月1日"],
    [4, "2025-104", "王小明", "男", D(2015, 3, 8), id_number("42082120150308777"), "三(2)班",
     "父亲外出", None, 13812345671, "否", D(2025, 9, 1, 8, 30)],
    [5, "2025-105", "陈思雨", "女", D(2016, 1, 2, 10, 30), id_number("42082120160102000"), "三年级2班",
     "母亲外出", "浙江宁波", "0724-7654321", "是", D(2025, 9, 1)],
]
footers = ["填表人：张老师", "审核人：李校长", "制表日期：2026年3月1日"]
if corrected:
    rows[3][4] = D(2015, 3, 18)  # 王小明 (2025-104) was born on the 18th: date and 身份证号
    rows[3][5] = id_number("42082120150318777")
    rows[4][9] = "13900001111"   # 陈思雨's guardian has a new phone
if by_id_number:
    rows[1][2] = "李桦"          # a misspelt name: neither 学号 nor name and birth can match
    for r in rows:
        del r[1]                 # no 学号 column: 身份证号 matches
    header = [h for h in header if h != "学号"]
dates = {i for i, h in enumerate(header) if h in ("出生年月", "入学时间")}


def shown(i, v):
    """The cell as Excel's CSV export writes it."""
    if isinstance(v, D):
        return f"{v.year}/{v.month}/{v.day}" + (f" {v.hour}:{v.minute:02}" if v.hour or v.minute else "")
    return "" if v is None else str(v)


text = io.StringIO()
w = csv.writer(text, lineterminator="\r\n")
w.writerow([title] + [""] * (len(header) - 1))
w.writerow(header)
for r in rows:
    w.writerow([shown(i, v) for i, v in enumerate(r)])
for f in footers:
    w.writerow([f] + [""] * (len(header) - 1))
name = "登记表" + ("-更正" if corrected else "") + ("-无学号" if by_id_number else "")
with open(f"{out_dir}/{name}.csv", "wb") as f:
    f.write(text.getvalue().encode("gbk"))

wb = openpyxl.Workbook()
notes = wb.active
notes.title = "填表说明"  # not the register: --sheet names it
notes["A1"] = "请按花名册填写；身份证号请设为文本格式。"
ws = wb.create_sheet("花名册")
ws.append([title])
ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
ws.append(header)
for r in rows:
    ws.append(r)
    for i in dates:
        c = ws.cell(row=ws.max_row, column=i + 1)
        if isinstance(c.value, D):
            c.number_format = "yyyy/m/d h:mm" if c.value.hour else "yyyy\"年\"m\"月\"d\"日\""
for f in footers:
    ws.append([f])
wb.save(f"{out_dir}/{name}.xlsx")
