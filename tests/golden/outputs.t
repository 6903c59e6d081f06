Every output where its reader expects it (#44): -o as hledger and git have it, Word documents
as a school prints them, shortfalls that name every gap.

  $ py=/usr/bin/python3 tools=$TESTDIR/../tools
  $ cp -r "$EXAMPLES/school" school && cd school

-o FILE's extension picks the format, for every command that writes one: .csv is CSV (with
its byte order mark, for Excel), .json JSON, .tsv the CSV with tabs, .txt and .md the text
for people.

  $ liushou report talks --month 2026-03 -o 三月谈心.csv && head -c 3 三月谈心.csv | od -An -tx1 && sed -n 1p 三月谈心.csv | cut -c4-
  已写入 三月谈心.csv
   ef bb bf
  日期,学号,姓名,班级,类型,教师,内容,情绪,跟进事项
  $ liushou report summary -o x.json -q && head -2 x.json
  {
    "liushou_json": 1,
  $ liushou list -o 花名册.csv -q && sed -n 1p 花名册.csv | cut -c4-
  学号,姓名,性别,年级,班级,留守类型,帮扶教师,状态,档案
  $ liushou list -o 花名册.tsv -q && sed -n 2p 花名册.tsv | tr '\t' '|'
  2025-024|徐诗涵|男|1|1|双亲外出|T002|在读|完整
  $ liushou list -o 花名册.TXT -q && sed -n 1p 花名册.TXT
  学号      姓名    性别  年级  班级  留守类型  帮扶教师  状态  档案
  $ liushou staff list -o staff.json -q && head -c 1 staff.json && echo
  {
  $ liushou schedule --month 2026-03 -o 清单.csv -q && sed -n 1p 清单.csv | cut -c4- | cut -d, -f1-5
  事项,教师,学号,姓名,班级

--format wins when given; a contradiction, or a format the command does not write, is an
error and nothing is written.

  $ liushou report summary --format json -o y.csv; test ! -e y.csv && echo nothing written
  nothing written
  ! liushou：--format json 与 -o y.csv 指定的格式不同；请只给出其中一个
  $ liushou list -o 花名册.html
  ! liushou：-o 花名册.html：此命令不能写出 html 格式；它可写出 table, json, csv, xlsx
  [2]
  $ liushou list --format json -o 花名册.notes -q && head -c 1 花名册.notes && echo
  {

-o - is standard output for every single document; no folder named - is ever made.

  $ liushou report summary -o - | sed -n 1p
  # 孙桥镇中心小学 关爱留守儿童工作总结
  $ liushou report class 3-1 --format json -o - | sed -n 1,2p
  {
    "liushou_json": 1,
  $ liushou list -o - | sed -n 1p
  学号      姓名    性别  年级  班级  留守类型  帮扶教师  状态  档案
  $ test ! -e ./- && echo no file or folder named -
  no file or folder named -

A missing folder is an error naming it; nothing is created. ./ and ../ work.

  $ liushou report summary -o no/such/dir/x.md; test ! -e no && echo nothing created
  nothing created
  ! liushou：-o no/such/dir/x.md：没有文件夹 no/such/dir；请先建好它（mkdir -p no/such/dir）
  $ liushou report summary -o x.json/y.md
  ! liushou：-o x.json/y.md：x.json 不是文件夹
  [2]
  $ liushou report summary -o ./here.md && liushou report summary -o ../up.md && ls here.md ../up.md
  已写入 ./here.md
  已写入 ../up.md
  ../up.md
  here.md

report child --all: a folder only when -o names one (existing, or ending in /); a workbook a
sheet per child; otherwise one document of every card.

  $ liushou report child --all -o 档案卡/ && ls 档案卡 | head -2 && ls 档案卡 | wc -l
  已写入 30 个文件到 档案卡/
  2025-001.md
  2025-002.md
  30
  $ mkdir 已有 && liushou report child --all --format json -o 已有 -q && ls 已有 | head -1
  2025-001.json
  $ liushou report child --all -o cards.xlsx && $py $tools/xlsx-dump.py cards.xlsx --rows 2 > dump.txt && head -6 dump.txt
  已写入 cards.xlsx
  sheet 2025-001: 51 rows, 2 columns, frozen above A2, filter A1:B51
  项目 | 内容
  学号 | 2025-001
  sheet 2025-002: 47 rows, 2 columns, frozen above A2, filter A1:B47
  项目 | 内容
  学号 | 2025-002
  $ $py -c 'import openpyxl,sys; wb=openpyxl.load_workbook(sys.argv[1]); print(len(wb.sheetnames), wb.sheetnames[:3])' cards.xlsx
  30 ['2025-001', '2025-002', '2025-003']
  $ liushou report child --all -o cards -q && test -f cards && grep -c '^# ' cards
  30
  $ liushou report child --all -o - | grep -c '^# '
  30
  $ liushou report child --all --format json | $py -c 'import json,sys; a=json.load(sys.stdin); print(len(a), a[0]["child"]["id"], a[-1]["child"]["id"])'
  30 2025-001 2025-030
  $ liushou report child --all --format csv -o all.csv; test ! -e all.csv && echo nothing written
  nothing written
  ! liushou：--all 的 CSV 格式是每名儿童一个文件：请用 -o 目录/（或用 -o 文件名.xlsx 写成一个工作簿）
  $ test ! -e ./- && echo no folder named -
  no folder named -

The summary's shortfalls name every gap of a rate below 100%, class by class: home visits,
family calls, 座谈会, birthdays and activities as well as files, pairing and talks.

  $ liushou report summary | sed -n '/^## 尚未达到/,$p' | sed -n 1,24p
  ## 尚未达到 100% 的地方
  
  ### 一年级1班
  
  - 未家访（第二学期）：2025-024 徐诗涵
  - 未参加座谈会（第二学期）：2025-024 徐诗涵
  
  ### 一年级2班
  
  - 未谈心（2026-03）：2025-006 王家乐
  - 未家访（第二学期）：2025-006 王家乐
  - 未参加座谈会（第二学期）：2025-006 王家乐
  - 未谈心（2026-03）：2025-029 赵诗涵
  - 未家访（第二学期）：2025-029 赵诗涵
  - 未参加座谈会（第二学期）：2025-029 赵诗涵
  
  ### 一年级3班
  
  - 档案不完整：2025-004 林欣怡（缺 监护人电话、监护人年龄）
  - 未家访（第二学期）：2025-004 林欣怡
  - 生日未祝福：2025-004 林欣怡
  - 档案不完整：2025-023 何嘉豪（缺 父亲务工地址）
  - 未家访（第二学期）：2025-023 何嘉豪
  - 未家访（第二学期）：2025-025 高浩然
  $ liushou report summary | sed -n '/^## 尚未达到/,$p' | grep -o '^- [^（：]*' | sort | uniq -c
       26 - 未参加座谈会
       30 - 未家访
        6 - 未谈心
        3 - 档案不完整
        4 - 生日未祝福
  $ liushou report summary --lang en | sed -n '/^## What still/,$p' | sed -n 3,12p
  ### 1-1
  
  - No home visit in 第二学期: 2025-024 徐诗涵
  - No guardian meeting in 第二学期: 2025-024 徐诗涵
  
  ### 1-2
  
  - No talk in 2026-03: 2025-006 王家乐
  - No home visit in 第二学期: 2025-006 王家乐
  - No guardian meeting in 第二学期: 2025-006 王家乐
  $ liushou report summary --format json | $py -c 'import json,sys; s=json.load(sys.stdin)["shortfalls"]; f=s[0]; print(len(s)); print({k: f[k] for k in ("id","grade","class","unvisited","no_meeting","calls_short","birthdays_missed","no_activity")})'
  30
  {'id': '2025-024', 'grade': 1, 'class': 1, 'unvisited': ['第二学期'], 'no_meeting': ['第二学期'], 'calls_short': [], 'birthdays_missed': 0, 'no_activity': False}
  $ liushou report summary --format html | grep -c '<li>未家访'
  30
  $ liushou report summary -o 总结.xlsx -q && $py $tools/xlsx-dump.py 总结.xlsx --rows 4 | sed -n '/^sheet 尚未达到/,$p'
  sheet 尚未达到: 70 rows, 6 columns, frozen above A2, filter A1:F70
  学校 | 班级 | 学号 | 姓名 | 未达到 | 时间
  孙桥镇中心小学 | 一年级1班 | 2025-024 | 徐诗涵 | 未家访 | 第二学期
  孙桥镇中心小学 | 一年级1班 | 2025-024 | 徐诗涵 | 未参加座谈会 | 第二学期
  孙桥镇中心小学 | 一年级2班 | 2025-006 | 王家乐 | 未谈心 | 2026-03

Each gap named adds up to its rate: a rate's shortfall (den - num) is the number of gaps the
list names, for every rate a child can leave short; here at the end of the term, when every
rate has months and terms to count.

  $ LIUSHOU_TODAY=2026-07-31 liushou report summary --format json | $py -c '
  > import json,sys; s=json.load(sys.stdin); t=s["total"]; r=t["rates"]; f=s["shortfalls"]
  > print("talks", sum(len(x["untalked"]) for x in f), r["talks"]["den"]-r["talks"]["num"])
  > print("family_calls", sum(len(x["calls_short"]) for x in f), r["family_calls"]["den"]-r["family_calls"]["num"])
  > print("home_visits", sum(len(x["unvisited"]) for x in f), r["home_visits"]["den"]-r["home_visits"]["num"])
  > print("meetings", sum(len(x["no_meeting"]) for x in f), r["meetings"]["den"]-r["meetings"]["num"])
  > print("birthdays", sum(x["birthdays_missed"] for x in f), t["birthdays"]-t["birthdays_greeted"])
  > print("filed", sum(1 for x in f if x["missing"]), r["filed"]["den"]-r["filed"]["num"])
  > print("paired", sum(1 for x in f if x["unpaired"]), r["paired"]["den"]-r["paired"]["num"])'
  talks 96 96
  family_calls 90 90
  home_visits 30 30
  meetings 26 26
  birthdays 12 12
  filed 3 3
  paired 0 0
  $ LIUSHOU_TODAY=2026-07-31 liushou report summary | sed -n '/^## 尚未达到/,$p' | grep '亲情电话不足' | sed -n 1,3p
  - 亲情电话不足（2026-04、2026-05、2026-06）：2025-024 徐诗涵
  - 亲情电话不足（2026-04、2026-05、2026-06）：2025-006 王家乐
  - 亲情电话不足（2026-04、2026-05、2026-06）：2025-029 赵诗涵

A Word document as a school prints it: A4 from the reference document, the title once, each
table the width between the margins, ids and rates never broken.

  $ liushou report summary -o 总结.docx -q
  $ $py -c '
  > import re,sys,zipfile
  > x=zipfile.ZipFile(sys.argv[1]).read("word/document.xml").decode()
  > print(re.findall(r"<w:pgSz [^>]*>", x))
  > print(re.findall(r"<w:pgMar [^>]*>", x))
  > print("title", x.count("孙桥镇中心小学 关爱留守儿童工作总结"), "Title style", x.count("w:val=\"Title\""))
  > widths=set(re.findall(r"<w:tblW [^>]*>", x)); print(len(re.findall("<w:tbl>", x)), "tables", widths)
  > grids={sum(int(w) for w in re.findall(r"<w:gridCol w:w=\"(\d+)\"", g)) for g in re.findall(r"<w:tblGrid>.*?</w:tblGrid>", x)}; print("grid", grids)
  > cells=re.findall(r"<w:tc><w:tcPr>(.*?)</w:tcPr>.*?<w:t[^>]*>([^<]*)</w:t>", x)
  > print("unbroken", sorted({t for p,t in cells if "noWrap" in p and "%" in t})[:3])
  > print("broken rate", [t for p,t in cells if "noWrap" not in p and re.fullmatch(r"[0-9.]+%", t)])
  > ' 总结.docx
  ['<w:pgSz w:h="16838" w:w="11906" />']
  ['<w:pgMar w:bottom="1417" w:footer="851" w:gutter="0" w:header="851" w:left="1134" w:right="1134" w:top="1417" />']
  title 1 Title style 0
  9 tables {'<w:tblW w:type="pct" w:w="5000" />'}
  grid {9638}
  unbroken ['0.0%', '100.0%', '13.3%']
  broken rate []
  $ $py -c '
  > import re,sys,zipfile
  > z=zipfile.ZipFile(sys.argv[1]); s=z.read("word/styles.xml").decode()
  > print(sorted(set(re.findall(r"w:eastAsia=\"(Sim[A-Za-z]+)\"", s))))' 总结.docx
  ['SimHei', 'SimSun']
  $ liushou report child 2025-001 -o card.docx -q && $py -c '
  > import re,sys,zipfile
  > x=zipfile.ZipFile(sys.argv[1]).read("word/document.xml").decode()
  > cells=re.findall(r"<w:tc><w:tcPr>(.*?)</w:tcPr>.*?<w:t[^>]*>([^<]*)</w:t>", x)
  > print(len({t for p,t in cells if "noWrap" in p and re.fullmatch(r"[0-9]{11}", t)}), "phone numbers unbroken")
  > print([t for p,t in cells if "noWrap" not in p and re.fullmatch(r"[0-9-]{8,}X?", t)])' card.docx
  3 phone numbers unbroken
  []
  $ liushou report child --all -o 档案卡.docx -q && $py -c '
  > import sys,zipfile; x=zipfile.ZipFile(sys.argv[1]).read("word/document.xml").decode()
  > print("Title", x.count("w:val=\"Title\""), "A4", x.count("<w:pgSz w:h=\"16838\" w:w=\"11906\" />"))' 档案卡.docx
  Title 1 A4 1

Without rsvg-convert (librsvg2-bin) the charts reach Word as SVG only; the document is still
written, and a warning names the package.

  $ mkdir -p norsvg && for p in git pandoc; do ln -s "$(command -v $p)" norsvg/$p; done && bin=$(command -v liushou) && PATH=$PWD/norsvg $bin report summary -o 无图.docx -q && test -s 无图.docx && echo written
  written
  ! liushou：警告：图表要用 rsvg-convert 转成各种 Word 都能显示的图片，本机没有安装（请安装 Debian 的 librsvg2-bin 软件包）；文档中的图表只有 SVG 格式
