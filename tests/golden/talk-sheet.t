log-talk --from-csv logs the month's talk sheet: all rows or none.

  $ liushou init school --school 孙桥镇中心小学 --year 2025-2026 --no-git -q && cd school
  $ for t in 1 2 3 4 5 6 7 8; do liushou -q staff add --name 老师$t --role teacher; done
  T001
  T002
  T003
  T004
  T005
  T006
  T007
  T008
  $ gensheet --rows 100 --ids --enrolled-on 2025-09-01 > sheet.csv && liushou -q enroll --from-csv sheet.csv

A 300-row GB18030 sheet with one unknown teacher writes nothing and names the row. (The
children before that row are checked and written aside as the sheet is read; none is put in
place, and nothing is left behind.)

  $ gensheet --talks --rows 100 --from 2025-11 --to 2026-03 --max-rows 300 --encoding gb18030 --bad-teacher-row 150 > talks.csv
  $ iconv -f gb18030 -t utf-8 talks.csv | sed 1d | wc -l
  300
  $ liushou log-talk --from-csv talks.csv
  ! talks.csv:150:4: 错误：第 150 行，教师：教师名单（staff.yaml）中没有 T999（请给出教师编号或姓名）
  ! talks.csv：1 处问题，未登记任何记录
  [1]
  $ grep -l talks: children/*.yaml | wc -l
  0
  [1]
  $ ls -A children | grep -c tmp
  0
  [1]

Without it, every talk is logged, and a second import changes nothing.

  $ gensheet --talks --rows 100 --from 2025-11 --to 2026-03 --max-rows 300 --encoding gb18030 > talks.csv
  $ liushou log-talk --from-csv talks.csv
  talks.csv（300 行，gb18030）：为 100 名儿童登记 300 条，已有 0 条
  $ (cat children/*.yaml | md5sum) > first.md5
  $ liushou log-talk --from-csv talks.csv
  talks.csv（300 行，gb18030）：为 0 名儿童登记 0 条，已有 300 条
  $ cat children/*.yaml | md5sum | cmp - first.md5 && echo byte-identical
  byte-identical
  $ liushou check -q > /dev/null && echo "no errors (open follow-ups are warnings)"
  no errors (open follow-ups are warnings)

Names work when unique; a name shared by two children names both ids.

  $ liushou -q enroll --name 王小明 --birth-date 2015-01-01
  2025-101
  $ liushou -q enroll --name 王小明 --birth-date 2016-01-01
  2025-102
  $ liushou -q enroll --name 李华 --birth-date 2016-01-01
  2025-103
  $ printf '姓名,日期,类型,教师,内容,情绪,跟进事项\n李华,2026/3/2,谈心,老师1,开学谈心,好,\n王小明,2026年3月3日,家访,T002,家访,,\n' > named.csv
  $ liushou log-talk --from-csv named.csv
  ! named.csv:3:1: 错误：第 3 行，姓名：有 3 名儿童叫 王小明：2025-096（六年级2班，女，2014-06-20 出生）、2025-101（班级未填，性别未填，2015-01-01 出生）、2025-102（班级未填，性别未填，2016-01-01 出生）；请用学号列
  ! named.csv：1 处问题，未登记任何记录
  [1]
  $ printf '姓名,日期,类型,教师,内容\n李华,2026/3/2,谈心,老师1,开学谈心\n' > named.csv
  $ liushou log-talk --from-csv named.csv
  named.csv（1 行，utf-8）：为 1 名儿童登记 1 条，已有 0 条
  $ grep -A4 'talks:' children/2025-103.yaml
  talks:
    - date: 2026-03-02
      kind: talk
      by: T001
      summary: 开学谈心

Every bad cell is reported at once; unknown columns and missing columns are named.

  $ printf '学号,日期,类型,教师,内容,情绪\n2025-001,2026-02-30,聊天,张三,,开心\n2025-999,2026-03-01,谈心,T001,x,\n' > bad.csv
  $ liushou log-talk --from-csv bad.csv
  ! bad.csv:2:2: 错误：第 2 行，日期：“2026-02-30”不是有效日期（2026 年 02 月只有 28 天）
  ! bad.csv:2:3: 错误：第 2 行，类型：“聊天”不是谈心、家访、亲情电话、座谈会、心理辅导或生日祝福
  ! bad.csv:2:4: 错误：第 2 行，教师：教师名单（staff.yaml）中没有 张三（请给出教师编号或姓名）
  ! bad.csv:2:6: 错误：第 2 行，情绪：“开心”不是好、一般或低落
  ! bad.csv:3:1: 错误：第 3 行，学号：没有儿童 2025-999
  ! bad.csv：5 处问题，未登记任何记录
  [1]
  $ printf '学号,日期,老师,内容\n2025-001,2026-03-01,T001,x\n' > cols.csv
  $ liushou log-talk --from-csv cols.csv
  ! cols.csv:1:1: 错误：表头：表格中没有教师列
  ! cols.csv:1:3: 错误：老师：不认识这一列；谈心记录表的列为 学号或姓名、日期、类型、教师、内容、情绪、跟进事项（以及班级）
  ! cols.csv：2 处问题，未登记任何记录
  [1]
  $ liushou log-talk --from-csv cols.csv 2025-001
  ! liushou：--from 不能与学号、--class、--by、--summary 或 --amend 同时使用
  [2]

The talks CSV logs back as the same talks (#39): a summary that starts like a formula, and
one that starts with a ', are exported with a ' before them and read back without it.

  $ liushou log-talk 2025-001 --by T001 --date 2026-03-02 --summary "-情绪稳定" --follow-up "'引号开头" -q &&
  > liushou log-talk 2025-001 --by T001 --date 2026-03-03 --summary "=1+1" -q
  $ liushou report talks --month 2026-03 --format csv > trip.csv && grep "'" trip.csv | cut -d, -f1,2,7-
  2026-03-02,2025-001,'-情绪稳定,,''引号开头
  2026-03-03,2025-001,'=1+1,,
  $ liushou log-talk --from trip.csv && liushou report talks --month 2026-03 --format csv | cmp - trip.csv && echo byte-identical
  trip.csv（3 行，utf-8）：为 0 名儿童登记 0 条，已有 3 条
  byte-identical
