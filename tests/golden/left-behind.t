留守类型 as a dated fact (#39, item 5) and an activity's attendance outside an enrolment (#47).
A school imports its whole class register: left-behind children and children who are not
(否, 非留守), one 单亲外出 that names no parent, one that gives the father's 务工地址, and a
blank.

  $ export LIUSHOU_TODAY=2026-04-30
  $ liushou init school --school 孙桥镇中心小学 --year 2025-2026 --no-git -q && cd school
  $ liushou -q staff add --name 张老师 --role head_teacher --grade 3 --class 1
  T001
  $ printf '学号,姓名,性别,出生日期,年级,班级,入学日期,留守类型,父亲务工地址\n' > class.csv
  $ printf '2025-001,王一,男,2017-05-01,3,1,2025-09-01,双亲外出,深圳\n' >> class.csv
  $ printf '2025-002,王二,女,2017-06-01,3,1,2025-09-01,否,\n' >> class.csv
  $ printf '2025-003,王三,男,2017-07-01,3,1,2025-09-01,非留守,\n' >> class.csv
  $ printf '2025-004,王四,女,2017-08-01,3,1,2025-09-01,单亲外出,\n' >> class.csv
  $ printf '2025-005,王五,男,2017-09-01,3,1,2025-09-01,单亲外出,东莞\n' >> class.csv
  $ printf '2025-006,王六,女,2017-10-01,3,1,2025-09-01,,\n' >> class.csv

A blank 留守类型 is refused with its row named (a blank counted as left-behind would inflate
every denominator); nothing is imported.

  $ liushou enroll --from class.csv
  ! class.csv:5:8: 警告：第 5 行，留守类型：单亲外出没有说明是哪一方外出务工；按单亲外出记录，在基本情况中单列一行（知道时请改填父亲外出或母亲外出）
  ! class.csv:7:8: 错误：第 7 行，留守类型：未填写；请填写双亲外出、父亲外出、母亲外出、单亲外出或否（非留守），或用 --blank-left-behind 说明空白的含义
  ! class.csv：2 处问题，未导入任何内容
  [1]
  $ ls children | wc -l
  0

--blank-left-behind says what a blank means, and must be a type.

  $ liushou enroll --from class.csv --blank-left-behind 是
  ! liushou：--blank-left-behind 是：不是 both_parents | father_away | mother_away | one_parent | none 之一
  [2]
  $ liushou enroll --from class.csv --blank-left-behind 否
  class.csv（6 行，utf-8）：新增 6，修改 0，未变 0
  ! class.csv:5:8: 警告：第 5 行，留守类型：单亲外出没有说明是哪一方外出务工；按单亲外出记录，在基本情况中单列一行（知道时请改填父亲外出或母亲外出）
  $ grep -H left_behind children/*.yaml
  children/2025-001.yaml:left_behind: both_parents
  children/2025-002.yaml:left_behind: none
  children/2025-003.yaml:left_behind: none
  children/2025-004.yaml:left_behind: one_parent
  children/2025-005.yaml:left_behind: father_away
  children/2025-006.yaml:left_behind: none

Row 6's 单亲外出 names the father by his 务工地址; row 5's names no parent and is kept as
单亲外出. A child who is not left-behind need not have a complete file: only the three
left-behind files are reported incomplete.

  $ liushou check --allow-incomplete | grep -c 档案不完整
  3

As of 03-31, by hand: 王二, 王三 and 王六 are 非留守 and count nowhere; 期初在读 = 期末在读 = 3
(王一, 王四, 王五), of them 双亲外出 1, 父亲外出 1 and 单亲外出 1, in a row of its own; 结对率 0/3.

  $ liushou report summary --as-of 2026-03-31 | sed -n '/^## 基本情况/,/^## 各年级/p'
  ## 基本情况
  
  | 项目 | 人数 |
  | --- | ---: |
  | 期初在读 | 3 |
  | 新入学 | 0 |
  | 转入 | 0 |
  | 转出 | 0 |
  | 辍学 | 0 |
  | 毕业 | 0 |
  | 其他离校 | 0 |
  | 期末在读 | 3 |
  | 其中双亲外出 | 1 |
  | 其中父亲外出 | 1 |
  | 其中母亲外出 | 0 |
  | 其中单亲外出 | 1 |
  | 寄宿 | 0 |
  | 重点帮扶对象 | 0 |
  | 享受资助 | 0 |
  | 未入学 | 0 |
  
  ## 各年级、各班人数变动
  $ liushou report summary --as-of 2026-03-31 --format csv | grep -E '^合计,,,,(期末在读|其中单亲外出|结对率),'
  合计,,,,期末在读,3,,
  合计,,,,其中单亲外出,1,,
  合计,,,,结对率,0,3,0.0
  $ liushou report summary --as-of 2026-03-31 --format json > march.json

王一's parents come home on 04-10: a dated change, like a class move. March's figures stay
the same, byte for byte; as of 04-30 王一 counts nowhere: 期初在读 = 期末在读 = 2, 双亲外出 0.

  $ liushou enroll 2025-001 --left-behind 否 --on 2026-04-10
  已修改 2025-001：留守类型
  $ sed -n '/^changes:/,$p' children/2025-001.yaml
  changes:
    - date: 2026-04-10
      field: left_behind
      was: both_parents
  $ liushou report summary --as-of 2026-03-31 --format json | cmp - march.json && echo unchanged
  unchanged
  $ liushou report summary --as-of 2026-04-30 --format csv | grep -E '^合计,,,,(期初在读|期末在读|其中双亲外出|其中单亲外出|结对率),'
  合计,,,,期初在读,2,,
  合计,,,,期末在读,2,,
  合计,,,,其中双亲外出,0,,
  合计,,,,其中单亲外出,1,,
  合计,,,,结对率,0,2,0.0
  $ liushou schedule --month 2026-04 | grep 本月在读
  - 本月在读留守儿童：2 名
  $ liushou schedule --month 2026-03 | grep 本月在读
  - 本月在读留守儿童：3 名

An activity of 03-12 lists every child enrolled that day. 王四 is then recorded as
transferred from 03-01 (the date was wrong at first): the attendance of 03-12 would fall
outside the enrolment, so enroll refuses; in a tree that holds it anyway, check reports it and
the summary leaves it out. By hand, as of 03-31: 期末
在读 王一 and 王五; 参与人次 2 (王一, 王五; not 王四, nor the three who are not left-behind);
活动覆盖率 2/2.

  $ liushou -q activity add --kind 安全教育 --title 防溺水 --date 2026-03-12 > /dev/null
  $ liushou -q enroll 2025-004 --status transferred --on 2026-03-01
  ! liushou enroll：--on：activities/2026-03-12-safety-53c59a05.yaml 在 2026-03-12 列有这名儿童，那时该儿童已不在读；请先把该儿童从这次活动中去掉
  ! liushou enroll：2025-004 未作改动
  [1]

enroll refuses that, so the tree a colleague's copy brings is made by hand: the transfer
recorded while the activity file is out of the tree, then the file put back.

  $ mv activities/2026-03-12-safety-*.yaml .. && liushou -q enroll 2025-004 --status transferred --on 2026-03-01 && mv ../2026-03-12-safety-*.yaml activities/
  $ liushou check --allow-incomplete | grep -v 档案不完整
  activities/2026-03-12-safety-53c59a05.yaml:11:5: 错误：第 4 名儿童：儿童 2025-004：2026-03-12 晚于该儿童离校（转出，2026-03-01），这次参与不计入任何统计
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 9 个文件：1 个错误，2 个警告
  [1]
  $ liushou report summary --as-of 2026-03-31 | sed -n '/^## 活动开展情况/,/^共/p'
  ## 活动开展情况
  
  | 月份 | 类别 | 次数 | 参与人次 |
  | --- | --- | ---: | ---: |
  | 2026-03 | 安全教育 | 1 | 2 |
  
  共 1 次活动，参与 2 人次；期末在读的 2 名儿童中 2 名参加了至少一次（100.0%）。

A file written before 非留守 existed has no left_behind and counts as left-behind; its first
value is dated too, so March stays as it was. 王五 is made such a file, then 否 from 04-10.

  $ sed -i '/^left_behind/d' children/2025-005.yaml
  $ liushou report summary --as-of 2026-03-31 --format json > old.json
  $ liushou enroll 2025-005 --left-behind 否 --on 2026-04-10
  已修改 2025-005：留守类型
  $ sed -n '/^changes:/,$p' children/2025-005.yaml
  changes:
    - date: 2026-04-10
      field: left_behind
  $ liushou report summary --as-of 2026-03-31 --format json | cmp - old.json && echo unchanged
  unchanged
  $ liushou enroll 2025-005 --left-behind sometimes
  ! liushou enroll：--left-behind：“sometimes”不是双亲外出、父亲外出、母亲外出、单亲外出或否（非留守）（both_parents | father_away | mother_away | one_parent | none）
  ! liushou enroll：2025-005 未作改动
  [1]
