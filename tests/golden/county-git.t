A county over git: three schools, each on its own terms, one read from a bare repository at a
tag while the school has moved on. Every figure is worked out by hand first (liushou-rates(7)).
Today and the reference day are 2026-04-30.

孙桥小学 (A) is a tree on disk in a git repository. Terms 第一学期 2025-09-01..2026-01-31 and
第二学期 2026-02-01..2026-07-31 (calls from April); one talk a month. Three children of 3-1,
all enrolled 2025-09-01, complete and paired: A1 talks 03-10 and 04-08, home visit 02-25, call
04-12; A2 a talk 03-11 only; A3 talks 03-12 and 04-09, home visit 03-15, call 04-13.

杨集小学 (B) is pushed to the county's bare repository repos/杨集小学.git and tagged v1. Terms
秋季学期 2025-09-01..2026-02-28 and 春季学期 2026-03-01..2026-07-15; TWO talks a month. B1
talks 03-05, 03-20, 04-06, 04-21, home visit 02-25, calls 03-07, 04-07; B2 talks 03-06, 04-07,
04-22, home visit 03-18, calls 03-08, 04-08. After v1 the school logs a second March talk for
B2 (03-25) and pushes master: at v1, B2 has one March talk.

钱场小学 (C) is a tree whose liushou.yaml still says 2024-2025 (and 钟祥市): one child C1,
enrolled 2024-09-01, talks 2026-03-10 and 2026-04-10, no call.

  $ export LIUSHOU_TODAY=2026-04-30
  $ f() { local id=$1 since=$2; shift 2; liushou -q enroll --id $id --name 学生$id --gender 男 --birth-date 2017-05-01 \
  >   --grade 3 --class 1 --left-behind 双亲外出 --home-address 某村1组 --father-name 某父 \
  >   --father-phone 13800000001 --father-work-place 深圳 --guardian-relation 奶奶 --guardian-name 某奶奶 \
  >   --guardian-phone 13800000002 --guardian-address 同上 --guardian-occupation 务农 --guardian-health 良好 \
  >   --guardian-age 66 --enrolled-on $since && liushou -q pair $id --teacher T001 --since $since; }
  $ t() { local id=$1 kind=$2; shift 2; for d in "$@"; do liushou -q log-talk $id --by T001 --date $d --kind $kind --summary 记录; done; }
  $ liushou -q init 孙桥小学 --school 孙桥小学 --county 京山县 --year 2025-2026 && cd 孙桥小学
  $ liushou -q staff add --name 张老师 && for i in 1 2 3; do f A$i 2025-09-01; done
  T001
  A1
  A2
  A3
  $ t A1 talk 2026-03-10 2026-04-08; t A1 home_visit 2026-02-25; t A1 family_call 2026-04-12
  $ t A2 talk 2026-03-11; t A3 talk 2026-03-12 2026-04-09; t A3 home_visit 2026-03-15; t A3 family_call 2026-04-13
  $ git add -A && git commit -qm 孙桥 && cd ..
  $ liushou -q init 杨集小学 --school 杨集小学 --county 京山县 --year 2025-2026 && cd 杨集小学
  $ sed -i 's/第一学期/秋季学期/; s/to: 2026-01-31/to: 2026-02-28/; s/第二学期/春季学期/; s/from: 2026-02-01/from: 2026-03-01/;
  >   s/to: 2026-07-31/to: 2026-07-15/; /family_calls_from/d; s/talks_per_month: 1/talks_per_month: 2/' liushou.yaml
  $ liushou -q staff add --name 李老师 && f B1 2025-09-01 && f B2 2025-09-01
  T001
  B1
  B2
  $ t B1 talk 2026-03-05 2026-03-20 2026-04-06 2026-04-21; t B1 home_visit 2026-02-25; t B1 family_call 2026-03-07 2026-04-07
  $ t B2 talk 2026-03-06 2026-04-07 2026-04-22; t B2 home_visit 2026-03-18; t B2 family_call 2026-03-08 2026-04-08
  $ git add -A && git commit -qm 杨集 && git tag v1 && mkdir ../repos && git clone -q --bare . ../repos/杨集小学.git
  $ t B2 talk 2026-03-25 && git commit -qam "B2 三月第二次谈心" && git push -q ../repos/杨集小学.git HEAD:master && cd ..
  $ liushou -q init 钱场小学 --school 钱场小学 --county 钟祥市 --year 2024-2025 --no-git && cd 钱场小学
  $ liushou -q staff add --name 王老师 && f C1 2024-09-01 && t C1 talk 2026-03-10 2026-04-10 && cd ..
  T001
  C1

The manifest: `county init` writes a path for a tree and a repository at its branch; people
edit the ref to the tag the school sent.

  $ liushou county init county.yaml --county-name 京山县 --school 杨集小学/../repos/杨集小学.git --school 孙桥小学 --school 钱场小学
  已写入 county.yaml（3 所学校）
  $ sed -i 's/ref: master/ref: v1/' county.yaml && cat county.yaml
  county: 京山县
  schools:
    - git: repos/杨集小学.git
      ref: v1
    - path: 孙桥小学
    - path: 钱场小学

A term over schools of two school years means nothing: refused, naming them.

  $ liushou report summary --county county.yaml --term 第二学期
  ! liushou：各学校的学年不同（杨集小学 2025-2026, 孙桥小学 2025-2026, 钱场小学 2024-2025）；请用 --from 和 --to 给出统计期间
  [2]

**B and A over 第二学期.** The term is looked up in the first school that has the name (A:
02-01..07-31); B takes its term sharing the most days with it, 春季学期 03-01..07-15 (137 days,
against 28 for 秋季学期). Figures up to 04-30.

A, 第二学期: 期初 3 (enrolled 01-31), 期末 3; files, enrolment, retention, pairing 3/3.
Talks: February has none (months_without_talks); March A1 A2 A3 = 3/3, April A1 A3 = 2/3: 5/6.
Calls only from April: A1 A3 = 2/3. Home visits in 第二学期 up to 04-30: A1 (02-25) and A3 =
2/3. Meetings 0/3.

B, 春季学期: 期初 2 (enrolled 02-28), 期末 2; 2/2 for the rest. Talks, two a month: March B1
(2) yes, B2 (1: the 03-25 talk is not in v1) no; April both: 3/4. Calls in March and April,
all four made: 4/4. Home visits of 春季学期: B2 only; B1's visit of 02-25 is in 秋季学期,
outside the period: 1/2 (with A's dates, 02-01..02-28 of 秋季学期 would have counted it).
Meetings 0/2.

京山县: files 5/5 and the like; talks 5/6 + 3/4 = 8/10, calls 2/3 + 4/4 = 6/7, home visits
2/3 + 1/2 = 3/5, meetings 0/5. By month, talks March 3/3 + 1/2 = 4/5, April 2/3 + 2/2 = 4/5;
calls March B only 2/2, April 2/3 + 2/2 = 4/5.

Distance from 100% (the mean shortfall over the eight rates): A (0+0+0+0+16.7+33.3+33.3+100)/8
= 22.9, B (0+0+0+0+25+0+50+100)/8 = 21.9: A's children come first though B is listed first.
A2 had no talk in April; B2 one of two in March.

  $ head -4 county.yaml > two.yaml && echo "  - path: 孙桥小学" >> two.yaml
  $ liushou report summary --county two.yaml --term 第二学期 | grep -v '^- 数据来源' | sed '/^## 基本情况/,/^## 各项比率/d'
  # 京山县 关爱留守儿童工作总结（2 所学校）
  
  - 统计期间：第二学期，各校按本校学期的日期（见下）
  - 截至：2026-04-30
  - 各校规则不同（每月谈心次数：杨集小学 2，孙桥小学 1）：每所学校按本校规则计算，合计是各校之和，不是同一标准
  
  
  | 指标 | 已完成 | 应完成 | 比率 |
  | --- | ---: | ---: | ---: |
  | 建档率 | 5 | 5 | 100.0% |
  | 入学率 | 5 | 5 | 100.0% |
  | 巩固率 | 5 | 5 | 100.0% |
  | 结对率 | 5 | 5 | 100.0% |
  | 谈心完成率 | 8 | 10 | 80.0% |
  | 亲情电话完成率 | 6 | 7 | 85.7% |
  | 家访覆盖率 | 3 | 5 | 60.0% |
  | 座谈会覆盖率 | 0 | 5 | 0.0% |
  
  ## 每月谈心完成情况
  
  | 月份 | 已谈心 | 应谈心 | 完成率 |
  | --- | ---: | ---: | ---: |
  | 2026-03 | 4 | 5 | 80.0% |
  | 2026-04 | 4 | 5 | 80.0% |
  
  ```mermaid
  xychart-beta
      title "每月谈心完成率（%）"
      x-axis ["2026-03", "2026-04"]
      y-axis "%" 0 --> 100
      bar [80.0, 80.0]
  ```
  
  ## 亲情电话、家访与座谈会
  
  | 项目 | 期间 | 已完成 | 应完成 | 比率 |
  | --- | --- | ---: | ---: | ---: |
  | 亲情电话（每月 1 次） | 2026-03 | 2 | 2 | 100.0% |
  | 亲情电话（每月 1 次） | 2026-04 | 4 | 5 | 80.0% |
  | 家访（每学期 1 次） | 第二学期（2026-02-01 至 2026-04-30） | 2 | 3 | 66.7% |
  | 家访（每学期 1 次） | 春季学期（2026-03-01 至 2026-04-30） | 1 | 2 | 50.0% |
  | 座谈会（每学期 1 次） | 第二学期（2026-02-01 至 2026-04-30） | 0 | 3 | 0.0% |
  | 座谈会（每学期 1 次） | 春季学期（2026-03-01 至 2026-04-30） | 0 | 2 | 0.0% |
  
  心理辅导：0 次，0 名儿童，其中重点帮扶对象 0 名。
  
  生日祝福：期间 0 个生日，已祝福 0 个（—）。
  
  学习帮手：期末在读的 5 名儿童中 0 名有学习帮手（0.0%），其中一个以上的 0 名。
  
  ## 工作计划完成情况
  
  | 月份 | 已完成 | 计划 | 完成率 |
  | --- | ---: | ---: | ---: |
  | 2026-02 | 0 | 2 | 0.0% |
  | 2026-03 | 0 | 4 | 0.0% |
  | 2026-04 | 0 | 6 | 0.0% |
  
  ## 活动开展情况
  
  期间没有记录集体活动。
  
  ## 各学校
  
  | 学校 | 在读 | 建档率 | 入学率 | 巩固率 | 结对率 | 谈心完成率 | 亲情电话完成率 | 家访覆盖率 | 座谈会覆盖率 |
  | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
  | 杨集小学 | 2 | 2/2 100.0% | 2/2 100.0% | 2/2 100.0% | 2/2 100.0% | 3/4 75.0% | 4/4 100.0% | 1/2 50.0% | 0/2 0.0% |
  | 孙桥小学 | 3 | 3/3 100.0% | 3/3 100.0% | 3/3 100.0% | 3/3 100.0% | 5/6 83.3% | 2/3 66.7% | 2/3 66.7% | 0/3 0.0% |
  | 京山县合计 | 5 | 5/5 100.0% | 5/5 100.0% | 5/5 100.0% | 5/5 100.0% | 8/10 80.0% | 6/7 85.7% | 3/5 60.0% | 0/5 0.0% |
  
  ## 各年级
  
  | 学校 | 年级 | 在读 | 建档率 | 入学率 | 巩固率 | 结对率 | 谈心完成率 | 家访覆盖率 |
  | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
  | 孙桥小学 | 三年级 | 3 | 100.0% | 100.0% | 100.0% | 100.0% | 83.3% | 66.7% |
  | 杨集小学 | 三年级 | 2 | 100.0% | 100.0% | 100.0% | 100.0% | 75.0% | 50.0% |
  
  ## 各班
  
  | 学校 | 班级 | 在读 | 建档率 | 入学率 | 巩固率 | 结对率 | 谈心完成率 | 家访覆盖率 |
  | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
  | 孙桥小学 | 三年级1班 | 3 | 100.0% | 100.0% | 100.0% | 100.0% | 83.3% | 66.7% |
  | 杨集小学 | 三年级1班 | 2 | 100.0% | 100.0% | 100.0% | 100.0% | 75.0% | 50.0% |
  
  ## 尚未达到 100% 的地方
  
  ### 孙桥小学（各项比率平均差 22.9 个百分点）
  
  #### 三年级1班
  
  - 未参加座谈会（第二学期）：A1 学生A1
  - 未谈心（2026-04）：A2 学生A2
  - 亲情电话不足（2026-04）：A2 学生A2
  - 未家访（第二学期）：A2 学生A2
  - 未参加座谈会（第二学期）：A2 学生A2
  - 未参加座谈会（第二学期）：A3 学生A3
  
  ### 杨集小学（各项比率平均差 21.9 个百分点）
  
  #### 三年级1班
  
  - 未家访（春季学期）：B1 学生B1
  - 未参加座谈会（春季学期）：B1 学生B1
  - 谈心不足（2026-03 1/2 次）：B2 学生B2
  - 未参加座谈会（春季学期）：B2 学生B2

Each school's line names its commit, its own period and the last day counted:

  $ liushou report summary --county two.yaml --term 第二学期 | grep '^- 数据来源' | sed 's/git [0-9a-f]\{12\}/git …/'
  - 数据来源：杨集小学（京山县，2025-2026），git …；春季学期 2026-03-01 至 2026-07-15，数据计算至 2026-04-30
  - 数据来源：孙桥小学（京山县，2025-2026），git …；第二学期 2026-02-01 至 2026-07-31，数据计算至 2026-04-30

The commit read from the bare repository is the one tagged v1 in the school's clone:

  $ liushou report summary --county two.yaml --term 第二学期 --format json | jq -r '.schools[0].commit' > got && git -C 杨集小学 rev-parse --short=12 v1 | diff - got && echo "v1 it is"
  v1 it is

At the school's newest commit (`--rev master` reads every school there), B2's second March talk
counts: B's talks are 4/4, the county's 9/10.

  $ liushou report summary --county two.yaml --term 第二学期 --rev master --format json | jq -c '[.by_school[].rates.talks, .total.rates.talks] | map([.num, .den])'
  [[4,4],[5,6],[9,10]]

**All three over dates**, 2026-03-01..2026-04-30: accepted. Now A's period starts 03-01 too,
so A1's visit of 02-25 is outside it: A's home visits are 1/3. A: talks 5/6, calls 2/3 (April
only), visits 1/3, meetings 0/3. B as above: 3/4, 4/4, 1/2, 0/2. C: 期初 1, 期末 1, files and
pairing 1/1; talks in March and April (C's 2024-2025 terms do not reach 2026, so nothing delays
them): 2/2; calls both months, none made: 0/2; no term of C's covers the period, so no home
visit or meeting is owed: 0/0. County: talks 5/6 + 3/4 + 2/2 = 10/12, calls 2/3 + 4/4 + 0/2 =
6/9, home visits 1/3 + 1/2 = 2/5, meetings 0/5. C's county is 钟祥市, not the manifest's
京山县: said. Distances: A (16.7+33.3+66.7+100)/8 = 27.1, B 21.9, C (100 for calls)/6 = 16.7.

  $ liushou report summary --county county.yaml --from 2026-03-01 --to 2026-04-30 | grep -v '^- 数据来源' | sed -n '1,/^## 基本情况/p;/^## 各学校/,/^## 各年级/p;/^## 尚未/,$p'
  # 京山县 关爱留守儿童工作总结（3 所学校）
  
  - 统计期间：2026-03-01 至 2026-04-30
  - 截至：2026-04-30（数据计算至 2026-04-30）
  - 注意：这些学校不属于同一个县（钱场小学：钟祥市）
  - 各校规则不同（每月谈心次数：杨集小学 2，孙桥小学 1，钱场小学 1）：每所学校按本校规则计算，合计是各校之和，不是同一标准
  
  ## 基本情况
  ## 各学校
  
  | 学校 | 在读 | 建档率 | 入学率 | 巩固率 | 结对率 | 谈心完成率 | 亲情电话完成率 | 家访覆盖率 | 座谈会覆盖率 |
  | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
  | 杨集小学 | 2 | 2/2 100.0% | 2/2 100.0% | 2/2 100.0% | 2/2 100.0% | 3/4 75.0% | 4/4 100.0% | 1/2 50.0% | 0/2 0.0% |
  | 孙桥小学 | 3 | 3/3 100.0% | 3/3 100.0% | 3/3 100.0% | 3/3 100.0% | 5/6 83.3% | 2/3 66.7% | 1/3 33.3% | 0/3 0.0% |
  | 钱场小学 | 1 | 1/1 100.0% | 1/1 100.0% | 1/1 100.0% | 1/1 100.0% | 2/2 100.0% | 0/2 0.0% | 0/0 — | 0/0 — |
  | 京山县合计 | 6 | 6/6 100.0% | 6/6 100.0% | 6/6 100.0% | 6/6 100.0% | 10/12 83.3% | 6/9 66.7% | 2/5 40.0% | 0/5 0.0% |
  
  ## 各年级
  ## 尚未达到 100% 的地方
  
  ### 孙桥小学（各项比率平均差 27.1 个百分点）
  
  #### 三年级1班
  
  - 未家访（第二学期）：A1 学生A1
  - 未参加座谈会（第二学期）：A1 学生A1
  - 未谈心（2026-04）：A2 学生A2
  - 亲情电话不足（2026-04）：A2 学生A2
  - 未家访（第二学期）：A2 学生A2
  - 未参加座谈会（第二学期）：A2 学生A2
  - 未参加座谈会（第二学期）：A3 学生A3
  
  ### 杨集小学（各项比率平均差 21.9 个百分点）
  
  #### 三年级1班
  
  - 未家访（春季学期）：B1 学生B1
  - 未参加座谈会（春季学期）：B1 学生B1
  - 谈心不足（2026-03 1/2 次）：B2 学生B2
  - 未参加座谈会（春季学期）：B2 学生B2
  
  ### 钱场小学（各项比率平均差 16.7 个百分点）
  
  #### 三年级1班
  
  - 亲情电话不足（2026-03、2026-04）：C1 学生C1

The same three with `--root` repeated (no manifest): the title names both counties.

  $ liushou --root 孙桥小学 --root 钱场小学 report summary --from 2026-03-01 --to 2026-04-30 | sed -n '1p;/^- 注意/p'
  # 京山县、钟祥市 关爱留守儿童工作总结（2 所学校）
  - 注意：这些学校不属于同一个县（孙桥小学：京山县；钱场小学：钟祥市）

`list` and the other reports read every school of the manifest too (a checklist is a school's
own: `schedule` wants one tree):

  $ liushou list --county county.yaml --format csv
  学校,学号,姓名,性别,年级,班级,留守类型,帮扶教师,状态,档案
  杨集小学,B1,学生B1,男,3,1,双亲外出,T001,在读,完整
  杨集小学,B2,学生B2,男,3,1,双亲外出,T001,在读,完整
  孙桥小学,A1,学生A1,男,3,1,双亲外出,T001,在读,完整
  孙桥小学,A2,学生A2,男,3,1,双亲外出,T001,在读,完整
  孙桥小学,A3,学生A3,男,3,1,双亲外出,T001,在读,完整
  钱场小学,C1,学生C1,男,3,1,双亲外出,T001,在读,完整
  $ liushou report talks --county county.yaml --month 2026-04 --format csv | head -4
  学校,日期,学号,姓名,班级,类型,教师,内容,情绪,跟进事项
  杨集小学,2026-04-06,B1,学生B1,三年级1班,谈心,李老师（T001）,记录,,
  杨集小学,2026-04-07,B1,学生B1,三年级1班,亲情电话,李老师（T001）,记录,,
  杨集小学,2026-04-07,B2,学生B2,三年级1班,谈心,李老师（T001）,记录,,
  $ liushou schedule --county county.yaml
  ! liushou：--county 只用于 report、list 和 county status，请用 --root 目录
  [2]

Paths in the manifest may be absolute too (Boost's `/` would have appended them to the
manifest's directory): the same three schools, the same county figure for talks, 10/12.

  $ sed "s|path: |path: $PWD/|; s|git: |git: $PWD/|" county.yaml > abs.yaml && grep -c "$PWD" abs.yaml && liushou report summary --county abs.yaml --from 2026-03-01 --to 2026-04-30 --format json | jq -c '.total.rates.talks | [.num, .den]'
  3
  [10,12]

**Failures are loud.** A school whose repository or ref is missing stops the report (exit 3),
naming it; `--skip-missing` leaves it out and the header says so. A school with errors in its
files is named with their count.

  $ cp county.yaml four.yaml && printf '  - git: repos/石龙小学.git\n  - git: repos/杨集小学.git\n    ref: v9\n' >> four.yaml
  $ liushou report summary --county four.yaml --from 2026-03-01 --to 2026-04-30 > /dev/null
  ! liushou：four.yaml:7：学校 repos/石龙小学.git（ref HEAD）：repos/石龙小学.git：没有这个目录（加 --skip-missing 可略过它并注明）
  [3]
  $ echo 'guardian: [' > 孙桥小学/children/A9.yaml
  $ liushou report summary --county four.yaml --from 2026-03-01 --to 2026-04-30 --skip-missing | grep '^- 数据来源：孙桥\|^- 未计入' | sed 's/git [0-9a-f]\{12\}/git …/'
  - 数据来源：孙桥小学（京山县，2025-2026），git … + 未提交的修改；文件中有 1 个错误（liushou check 列出）
  - 未计入（找不到）：repos/石龙小学.git (ref HEAD)（repos/石龙小学.git：没有这个目录）
  - 未计入（找不到）：repos/杨集小学.git (ref v9)（repos/杨集小学.git：没有提交 v9（没有这个分支、标签或提交））
  ! liushou：four.yaml:7：学校 repos/石龙小学.git（ref HEAD）：repos/石龙小学.git：没有这个目录；已略过
  ! liushou：four.yaml:8：学校 repos/杨集小学.git（ref v9）：repos/杨集小学.git：没有提交 v9（没有这个分支、标签或提交）；已略过
  ! 孙桥小学/children/A9.yaml：无法读取，已略过（请运行 liushou check）
  [1]

**`county status`**: one line per school: the last commit, children, errors (孙桥小学's broken
file), days since the last commit.

  $ liushou county status --county four.yaml
  学校        来源                           最后提交    儿童  错误  距今
  杨集小学    repos/杨集小学.git (ref v1)    2026-03-15  2     0     46 天
  孙桥小学    孙桥小学                       2026-03-15  4     1     46 天，有未提交的修改
  钱场小学    钱场小学                       —           1     0     不在 git 中
  （找不到）  repos/石龙小学.git (ref HEAD)
  （找不到）  repos/杨集小学.git (ref v9)
  repos/石龙小学.git（ref HEAD）：repos/石龙小学.git：没有这个目录
  repos/杨集小学.git（ref v9）：repos/杨集小学.git：没有提交 v9（没有这个分支、标签或提交）
  共 5 所学校：2 所找不到，1 所有错误
  [1]
  $ liushou county status --county county.yaml --format json | jq -c '.schools[] | [.school, .last_commit, .days_since_commit, .children, .errors]'
  ["杨集小学","2026-03-15",46,2,0]
  ["孙桥小学","2026-03-15",46,4,1]
  ["钱场小学",null,null,1,0]

  $ rm 孙桥小学/children/A9.yaml

**Reading a commit writes nothing**, and the record cache of a commit (and the children's
figures, #48) is keyed by blob ids in the repository's own directory, so a second run serves
every child from it.

  $ liushou --root repos/杨集小学.git --rev v1 log-talk B1 --by T001 --summary 不行
  ! liushou：--rev v1：提交只能读取，不能写入，请去掉 --rev 再运行
  [2]
  $ liushou --root 杨集小学 --rev v1 check --staged
  ! liushou：--staged 检查 git 暂存区，--rev 检查某个提交，只能给一个
  [2]
  $ liushou --root 杨集小学 --rev v1 check --allow-incomplete | tail -1
  已检查 4 个文件：0 个错误，0 个警告
  $ ls repos/杨集小学.git/liushou
  children.bin
  figures.bin
  listing
  revs
  $ liushou --root repos/杨集小学.git --rev v1 report summary > warm.md && liushou --no-cache --root repos/杨集小学.git --rev v1 report summary | diff - warm.md && echo "cache and objects agree"
  cache and objects agree

A tree in a folder of a larger repository (a district's one repository, a school to a folder)
is read at a commit from that folder too, its cache beside the others in the repository's
own directory:

  $ git init -q 区里 && liushou -q init 区里/甲小学 --school 甲小学 --county 京山县 --year 2025-2026 &&
  >   liushou --root 区里/甲小学 -q staff add --name 张老师 > /dev/null && git -C 区里 add -A && git -C 区里 commit -qm 甲小学
  $ liushou --root 区里/甲小学 --rev HEAD report summary | head -1
  # 甲小学 关爱留守儿童工作总结
  $ LIUSHOU_STATS=1 liushou --root 区里/甲小学 --no-cache --rev HEAD check 2>&1 | grep -o '已检查.*\|commits-listed=.*'
  已检查 2 个文件：0 个错误，0 个警告
  commits-listed=1
  $ ls 区里/.git/liushou | sed 's/-[0-9a-f]\{16\}/-HASH/'
  figures-HASH.bin
  listing-HASH

A bad manifest is named by file, line and field:

  $ printf 'county: 京山县\nschools:\n  - path: a\n    git: b\n  - ref: v1\n' > bad.yaml && liushou report summary --county bad.yaml
  ! bad.yaml:3:5: 错误：第 1 所学校：请给出档案目录（path:）或仓库（git:），两者选一
  ! bad.yaml:5:5: 错误：第 2 所学校：请给出档案目录（path:）或仓库（git:），两者选一
  ! bad.yaml:5:10: 错误：schools[1].ref：ref: 须与 git: 一起使用（path: 按磁盘上的样子读取）
  ! liushou：bad.yaml：请先改正学校清单，未生成报告
  [1]
