log-talk --from-csv logs the month's talk sheet: all rows or none.

  $ liushou init school --school 孙桥镇中心小学 --year 2025-2026 --no-git -q && cd school
  $ for t in 1 2 3 4 5 6 7 8; do liushou -q staff add --name 老师$t --role teacher; done
  $ gensheet --rows 100 --ids --enrolled-on 2025-09-01 > sheet.csv && liushou -q enroll --from-csv sheet.csv

A 300-row GB18030 sheet with one unknown teacher writes nothing and names the row.

  $ gensheet --talks --rows 100 --from 2025-11 --to 2026-03 --max-rows 300 --encoding gb18030 --bad-teacher-row 150 > talks.csv
  $ iconv -f gb18030 -t utf-8 talks.csv | sed 1d | wc -l
  300
  $ liushou log-talk --from-csv talks.csv
  talks.csv:150:4: error: row 150, 教师: no staff member T999 in staff.yaml (give a staff id or name)
  talks.csv: 1 problem; nothing was logged
  [1]
  $ grep -l talks: children/*.yaml | wc -l
  0
  [1]

Without it, every talk is logged, and a second import changes nothing.

  $ gensheet --talks --rows 100 --from 2025-11 --to 2026-03 --max-rows 300 --encoding gb18030 > talks.csv
  $ liushou log-talk --from-csv talks.csv
  talks.csv (300 rows, gb18030): 300 logged for 100 children, 0 already there
  $ (cat children/*.yaml | md5sum) > first.md5
  $ liushou log-talk --from-csv talks.csv
  talks.csv (300 rows, gb18030): 0 logged for 0 children, 300 already there
  $ cat children/*.yaml | md5sum | cmp - first.md5 && echo byte-identical
  byte-identical
  $ liushou check -q > /dev/null && echo "no errors (open follow-ups are warnings)"
  no errors (open follow-ups are warnings)

Names work when unique; a name shared by two children names both ids.

  $ liushou -q enroll --name 王小明 --birth-date 2015-01-01
  $ liushou -q enroll --name 王小明 --birth-date 2016-01-01
  $ liushou -q enroll --name 李华 --birth-date 2016-01-01
  $ printf '姓名,日期,类型,教师,内容,情绪,跟进事项\n李华,2026/3/2,谈心,老师1,开学谈心,好,\n王小明,2026年3月3日,家访,T002,家访,,\n' > named.csv
  $ liushou log-talk --from-csv named.csv
  named.csv:3:1: error: row 3, 姓名: 3 children are named 王小明 (2025-096, 2025-101, 2025-102); use the 学号 column
  named.csv: 1 problem; nothing was logged
  [1]
  $ printf '姓名,日期,类型,教师,内容\n李华,2026/3/2,谈心,老师1,开学谈心\n' > named.csv
  $ liushou log-talk --from-csv named.csv
  named.csv (1 row, utf-8): 1 logged for 1 child, 0 already there
  $ grep -A4 'talks:' children/2025-103.yaml
  talks:
    - date: 2026-03-02
      kind: talk
      by: T001
      summary: 开学谈心

Every bad cell is reported at once; unknown columns and missing columns are named.

  $ printf '学号,日期,类型,教师,内容,情绪\n2025-001,2026-02-30,聊天,张三,,开心\n2025-999,2026-03-01,谈心,T001,x,\n' > bad.csv
  $ liushou log-talk --from-csv bad.csv
  bad.csv:2:2: error: row 2, 日期: "2026-02-30" is not a real date (2026-02 has 28 days)
  bad.csv:2:3: error: row 2, 类型: "聊天" is not 谈心, 家访, 亲情电话, 座谈会, 心理辅导 or 生日祝福
  bad.csv:2:4: error: row 2, 教师: no staff member 张三 in staff.yaml (give a staff id or name)
  bad.csv:2:6: error: row 2, 情绪: "开心" is not 好, 一般 or 低落
  bad.csv:3:1: error: row 3, 学号: no child 2025-999
  bad.csv: 5 problems; nothing was logged
  [1]
  $ printf '学号,日期,老师,内容\n2025-001,2026-03-01,T001,x\n' > cols.csv
  $ liushou log-talk --from-csv cols.csv
  cols.csv:1:1: error: header: the sheet has no 教师 (teacher) column
  cols.csv:1:3: error: 老师: unknown column; a talk sheet has 学号 or 姓名, 日期, 类型, 教师, 内容, 情绪, 跟进事项
  cols.csv: 2 problems; nothing was logged
  [1]
  $ liushou log-talk --from-csv cols.csv 2025-001
  liushou: --from-csv takes no child id, --class, --by, --summary or --amend
  [2]
