A whole spring term as a school lives it, every figure worked out by hand first (below, before
each command) from the definitions of liushou-rates(7). Term 2 is 2026-02-01..2026-07-31; the
report is as of 2026-06-30, so the last counted day E is 06-30 and the start is 01-31. Rules:
one talk and one family call a month, none in February, calls from April (liushou init's
family_calls_from: 4), one home visit and one meeting a term.

Twenty-three children of grade 3. 3-1: S01-S12 (S12 moves from 3-2 on 05-06), S22; 3-2:
S13-S21. All enrolled 2025-09-01 except: S21, a new pupil (新生) from 03-02, 3-2; S22, a
transfer in (转入) from 04-07, 3-1; S23, not enrolled (未入学), 3-1; S03, transferred out
04-10; S05, dropped out 04-20; S07, transferred out 03-16 and back 05-11 (a return, counted
as 转入).
Files complete except S16-S20 (no guardian age) and S23. Teachers: T001 for 3-1, T002 for
3-2; S10 and S20 unpaired; S01 re-paired from T001 to T002 on 04-01. S04 became a key child
(重点帮扶对象) on 06-02.

  $ export LIUSHOU_TODAY=2026-06-30
  $ liushou init school --school 孙桥镇中心小学 --county 京山县 --year 2025-2026 --no-git -q && cd school
  $ liushou -q staff add --name 张老师 --role head_teacher --grade 3 --class 1
  T001
  $ liushou -q staff add --name 李老师 --role head_teacher --grade 3 --class 2
  T002
  $ f() { local id=$1 class=$2; shift 2; liushou -q enroll --id $id --name 学生$id --gender 男 --birth-date 2017-05-01 \
  >   --grade 3 --class $class --left-behind 双亲外出 --home-address 某村1组 --father-name 某父 \
  >   --father-phone 13800000001 --father-work-place 深圳 --guardian-relation 奶奶 --guardian-name 某奶奶 \
  >   --guardian-phone 13800000002 --guardian-address 同上 --guardian-occupation 务农 --guardian-health 良好 "$@"; }
  $ for i in 01 02 03 04 05 06 07 08 09 10 11; do f S$i 1 --enrolled-on 2025-09-01 --guardian-age 66; done
  S01
  S02
  S03
  S04
  S05
  S06
  S07
  S08
  S09
  S10
  S11
  $ for i in 12 13 14 15; do f S$i 2 --enrolled-on 2025-09-01 --guardian-age 66; done
  S12
  S13
  S14
  S15
  $ for i in 16 17 18 19 20; do f S$i 2 --enrolled-on 2025-09-01; done
  S16
  S17
  S18
  S19
  S20
  $ f S21 2 --enrolled-on 2026-03-02 --entry 新生 --guardian-age 66
  S21
  $ f S22 1 --enrolled-on 2026-04-07 --entry 转入 --guardian-age 66
  S22
  $ liushou -q enroll --id S23 --name 学生S23 --grade 3 --class 1 --status not_enrolled --on 2026-02-01
  S23
  $ for i in 01 02 03 04 05 06 07 08 09 11; do liushou -q pair S$i --teacher T001 --since 2025-09-01; done
  $ for i in 12 13 14 15 16 17 18 19; do liushou -q pair S$i --teacher T002 --since 2025-09-01; done
  $ liushou -q pair S21 --teacher T002 --since 2026-03-02 && liushou -q pair S22 --teacher T001 --since 2026-04-07
  $ liushou pair S01 --teacher T002 --since 2026-04-01
  已为 S01 结对帮扶教师 T002，自 2026-04-01 起（此前为 T001，至 2026-03-31）
  $ t() { local date=$1 kind=$2; shift 2; for id in "$@"; do liushou -q log-talk $id --by T001 --date $date --kind $kind --summary 记录; done; }
  $ t 2026-03-10 talk S01 S02 S03 S04 S05 S06 S07 S08 S09 S10 S11 S12 S13 S14 S15
  $ t 2026-03-20 talk S21
  $ t 2026-03-03 home_visit S01 && t 2026-03-04 home_visit S02 && t 2026-03-05 home_visit S03 && t 2026-03-06 home_visit S07
  $ liushou -q enroll S07 --status transferred --on 2026-03-16
  $ t 2026-04-08 talk S01 S02 S03 S04 S05 S06 S08 S09 S10 S11
  $ t 2026-04-15 talk S22
  $ t 2026-04-20 family_call S01 S02
  $ liushou -q enroll S03 --status transferred --on 2026-04-10
  $ liushou -q enroll S05 --status dropped_out --on 2026-04-20
  $ liushou enroll S07 --status enrolled --on 2026-05-11
  已修改 S07：状态
  $ t 2026-05-15 family_call S01
  $ t 2026-05-12 talk S01 S02 S04 S06 S07 S08
  $ t 2026-05-20 talk S12
  $ t 2026-05-25 home_visit S21
  $ t 2026-05-30 meeting S13 S14 S15 S16 S17 S18 S19 S20 S21
  $ t 2026-06-05 talk S01 S02 S04 S06 S07 S08 S09 S10 S11 S12 S13 S14 S15 S16 S17 S18 S19 S20 S21 S22

The leavings and the return were recorded as they happened; S07's talk of 03-10 and visit of
03-06 are from before it left and stay valid, its May talk (05-12) is after it came back. Both
enrolments are in its file. The class move and the flag keep the day they changed.

  $ liushou -q enroll S12 --class 1 --on 2026-05-06
  $ liushou -q enroll S04 --key-child 是 --on 2026-06-02
  $ sed -n '/^enrolled_on/,/^left_behind/p' children/S07.yaml
  enrolled_on: 2026-05-11
  entry: transfer
  status: enrolled
  enrolment_history:
    - from: 2025-09-01
      to: 2026-03-16
      status: transferred
  left_behind: both_parents
  $ grep -A3 '^changes' children/S12.yaml
  changes:
    - date: 2026-05-06
      field: class
      was: "2"

Entries after leaving are refused, by every writing command, and nothing is written.

  $ liushou log-talk S03 --by T001 --date 2026-04-13 --summary 转学后
  ! liushou log-talk：--date：2026-04-13 晚于该儿童离校（转出，2026-04-10）
  ! liushou log-talk：S03 未登记任何记录
  [1]
  $ liushou log-talk S03 --by T001 --date 2026-04-26 --kind 亲情电话 --summary 转学后
  ! liushou log-talk：--date：2026-04-26 晚于该儿童离校（转出，2026-04-10）
  ! liushou log-talk：S03 未登记任何记录
  [1]
  $ liushou pair S05 --progress 进步 --date 2026-05-01
  ! liushou pair：--date：2026-05-01 晚于该儿童离校（辍学，2026-04-20）
  ! liushou pair：S05 未作改动
  [1]
  $ liushou log-talk S07 --by T001 --date 2026-04-01 --summary 离校期间
  ! liushou log-talk：--date：2026-04-01 晚于该儿童离校（转出，2026-03-16），此后到较晚才重新入学
  ! liushou log-talk：S07 未登记任何记录
  [1]

基本情况, by hand. Enrolled on 01-31 (期初): S01-S20 = 20. 新入学: S21 = 1. 转入: S22, S07's
return = 2. 转出: S03, S07 = 2. 辍学: S05 = 1. 毕业, 其他离校: 0. 期末 (enrolled on 06-30):
S01-S22 less S03, S05 = 20 = 20 + 1 + 2 - 2 - 1. 双亲外出: the 20 enrolled; key child: S04
(from 06-02); 未入学: S23.
By class on 06-30 (S12 in 3-1 since 05-06, for the whole period): 3-1 期初 S01-S12 = 12, 转入
S22 + S07 = 2, 转出 2, 辍学 1, 期末 11; 3-2 期初 S13-S20 = 8, 新入学 1, 期末 9.

Rates. 建档率: complete among the 20 at the end: all but S16-S20 = 15/20 = 75.0%. 入学率:
20/(20 + 1) = 95.2%. 巩固率: (20 + 1 + 2 - 1)/(20 + 1 + 2) = 22/23 = 95.7%. 结对率: all
but S10, S20 = 18/20 = 90.0%.
谈心 by month (owed: enrolled on a day of the month; done: a talk dated while enrolled).
March owes S01-S20 (S07 until 03-15) and S21 = 21; done S01-S15, S21 = 16: 76.2%. April
owes S01-S20 less S07 (away all April), S21, S22 = 21; done S01-S06, S08-S11, S22 = 11
(S03's 04-13 was refused): 52.4%. May owes the 18 still or again enrolled of S01-S20 (S07
back 05-11), S21, S22 = 20; done S01, S02, S04, S06, S07, S08, S12 = 7: 35.0%. June owes
20, all talked on 06-05: 100.0%. In all 54/82 = 65.9%.
亲情电话 from April: April 2/21 (9.5%), May 1/20 (5.0%), June 0/20; in all 3/61 = 4.9%.
家访, counted 02-01..06-30 and owed by the 20 enrolled on 06-30: S01, S02, S07 (03-06, before
it left, while enrolled), S21 = 4/20 = 20.0% (S03's visit: S03 no longer owes). 座谈会:
S13-S21 = 9/20 = 45.0%.
By class. 3-1 (期末 11): 建档 11/11; 入学 11/12 = 91.7%; 巩固 13/14 = 92.9%; 结对 10/11 =
90.9%; 谈心 March 12/12, April 11/12 (S12 none), May 7/11, June 11/11 = 41/46 = 89.1%; 家访
S01, S02, S07 = 3/11 = 27.3%. 3-2 (期末 9): 建档 4/9 = 44.4%; 入学 100.0%; 巩固 9/9; 结对 8/9
= 88.9%; 谈心 March 4/9, April 0/9, May 0/9, June 9/9 = 13/36 = 36.1%; 家访 S21 = 1/9 =
11.1%.

  $ liushou report summary --term 第二学期 | sed -n '/^## 基本情况/,/^## 尚未达到/p'
  ## 基本情况
  
  | 项目 | 人数 |
  | --- | ---: |
  | 期初在读 | 20 |
  | 新入学 | 1 |
  | 转入 | 2 |
  | 转出 | 2 |
  | 辍学 | 1 |
  | 毕业 | 0 |
  | 其他离校 | 0 |
  | 期末在读 | 20 |
  | 其中双亲外出 | 20 |
  | 其中父亲外出 | 0 |
  | 其中母亲外出 | 0 |
  | 寄宿 | 0 |
  | 重点帮扶对象 | 1 |
  | 享受资助 | 0 |
  | 未入学 | 1 |
  
  ## 各年级、各班人数变动
  
  | 年级、班级 | 期初在读 | 新入学 | 转入 | 转出 | 辍学 | 毕业 | 其他离校 | 期末在读 |
  | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
  | 三年级 | 20 | 1 | 2 | 2 | 1 | 0 | 0 | 20 |
  | 三年级1班 | 12 | 0 | 2 | 2 | 1 | 0 | 0 | 11 |
  | 三年级2班 | 8 | 1 | 0 | 0 | 0 | 0 | 0 | 9 |
  
  ## 各项比率
  
  | 指标 | 已完成 | 应完成 | 比率 |
  | --- | ---: | ---: | ---: |
  | 建档率 | 15 | 20 | 75.0% |
  | 入学率 | 20 | 21 | 95.2% |
  | 巩固率 | 22 | 23 | 95.7% |
  | 结对率 | 18 | 20 | 90.0% |
  | 谈心完成率 | 54 | 82 | 65.9% |
  | 亲情电话完成率 | 3 | 61 | 4.9% |
  | 家访覆盖率 | 4 | 20 | 20.0% |
  | 座谈会覆盖率 | 9 | 20 | 45.0% |
  
  ## 每月谈心完成情况
  
  | 月份 | 已谈心 | 应谈心 | 完成率 |
  | --- | ---: | ---: | ---: |
  | 2026-03 | 16 | 21 | 76.2% |
  | 2026-04 | 11 | 21 | 52.4% |
  | 2026-05 | 7 | 20 | 35.0% |
  | 2026-06 | 20 | 20 | 100.0% |
  
  ```mermaid
  xychart-beta
      title "每月谈心完成率（%）"
      x-axis ["2026-03", "2026-04", "2026-05", "2026-06"]
      y-axis "%" 0 --> 100
      bar [76.2, 52.4, 35.0, 100.0]
  ```
  
  ## 亲情电话、家访与座谈会
  
  | 项目 | 期间 | 已完成 | 应完成 | 比率 |
  | --- | --- | ---: | ---: | ---: |
  | 亲情电话（每月 1 次） | 2026-04 | 2 | 21 | 9.5% |
  | 亲情电话（每月 1 次） | 2026-05 | 1 | 20 | 5.0% |
  | 亲情电话（每月 1 次） | 2026-06 | 0 | 20 | 0.0% |
  | 家访（每学期 1 次） | 第二学期（2026-02-01 至 2026-06-30） | 4 | 20 | 20.0% |
  | 座谈会（每学期 1 次） | 第二学期（2026-02-01 至 2026-06-30） | 9 | 20 | 45.0% |
  
  心理辅导：0 次，0 名儿童，其中重点帮扶对象 0 名。
  
  生日祝福：期间 19 个生日，已祝福 0 个（0.0%）。
  
  学习帮手：期末在读的 20 名儿童中 0 名有学习帮手（0.0%），其中一个以上的 0 名。
  
  ## 工作计划完成情况
  
  | 月份 | 已完成 | 计划 | 完成率 |
  | --- | ---: | ---: | ---: |
  | 2026-02 | 0 | 2 | 0.0% |
  | 2026-03 | 0 | 2 | 0.0% |
  | 2026-04 | 0 | 3 | 0.0% |
  | 2026-05 | 0 | 3 | 0.0% |
  | 2026-06 | 0 | 4 | 0.0% |
  
  ## 活动开展情况
  
  期间没有记录集体活动。
  
  ## 各年级
  
  | 年级 | 在读 | 建档率 | 入学率 | 巩固率 | 结对率 | 谈心完成率 | 家访覆盖率 |
  | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
  | 三年级 | 20 | 75.0% | 95.2% | 95.7% | 90.0% | 65.9% | 20.0% |
  
  ## 各班
  
  | 班级 | 在读 | 建档率 | 入学率 | 巩固率 | 结对率 | 谈心完成率 | 家访覆盖率 |
  | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
  | 三年级1班 | 11 | 100.0% | 91.7% | 92.9% | 90.9% | 89.1% | 27.3% |
  | 三年级2班 | 9 | 44.4% | 100.0% | 100.0% | 88.9% | 36.1% | 11.1% |
  
  ## 尚未达到 100% 的地方

The JSON carries the same figures, 基本情况 included, and so does the CSV.

  $ liushou report summary --term 第二学期 --format json | jq -c '.total | {enrolled_from, new_pupils, transferred_in, transferred, dropped_out, graduated, left_other, enrolled, not_enrolled, key_children}'
  {"enrolled_from":20,"new_pupils":1,"transferred_in":2,"transferred":2,"dropped_out":1,"graduated":0,"left_other":0,"enrolled":20,"not_enrolled":1,"key_children":1}
  $ liushou report summary --term 第二学期 --format json | jq -c '.total.rates | map_values([.num, .den])'
  {"filed":[15,20],"enrolment":[20,21],"retention":[22,23],"paired":[18,20],"talks":[54,82],"family_calls":[3,61],"home_visits":[4,20],"meetings":[9,20]}
  $ liushou report summary --term 第二学期 --format json | jq -c '[.by_class[] | [.class, .enrolled_from, .transferred_in, .enrolled]]'
  [[1,12,2,11],[2,8,0,9]]
  $ liushou --lang en report summary --term 第二学期 --format csv | grep '^total' | grep -E 'transferred_in|family_calls:|home_visits:'
  total,,,,transferred_in,2,,
  total,,,,family_calls:2026-04,2,21,9.5
  total,,,,family_calls:2026-05,1,20,5.0
  total,,,,family_calls:2026-06,0,20,0.0
  total,,,,home_visits:2026-02-01..2026-06-30,4,20,20.0

As of 04-30 the return, the class move and the flag have not happened. 期初 20; 新入学 S21;
转入 S22 only; 转出 S03, S07; 辍学 S05; 期末 20 + 1 + 1 - 2 - 1 = 19. S12 is in 3-2: 3-1 期初
S01-S11 = 11, 转入 1, 转出 2, 辍学 1, 期末 9; 3-2 期初 S12-S20 = 9, 新入学 1, 期末 10. No key
child yet.

  $ liushou report summary --term 第二学期 --as-of 2026-04-30 | sed -n '/^## 各年级、各班人数变动/,/^## 各项比率/p'
  ## 各年级、各班人数变动
  
  | 年级、班级 | 期初在读 | 新入学 | 转入 | 转出 | 辍学 | 毕业 | 其他离校 | 期末在读 |
  | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
  | 三年级 | 20 | 1 | 1 | 2 | 1 | 0 | 0 | 19 |
  | 三年级1班 | 11 | 0 | 1 | 2 | 1 | 0 | 0 | 9 |
  | 三年级2班 | 9 | 1 | 0 | 0 | 0 | 0 | 0 | 10 |
  
  ## 各项比率
  $ liushou report summary --term 第二学期 --as-of 2026-04-30 --format json | jq -c '.total | [.enrolled, .key_children]'
  [19,0]

March's checklist, printed in June, counts as of 03-31. Home visits are owed by the children
enrolled on 03-31: S01-S20 less S07 (left 03-16), and S21 = 20; visited by then: S01, S02, S03
= 3, so 17 still owe (S21's visit of 05-25 does not exist yet). No meeting by 03-31: 20 owe.
Talks: 21 owe (as in the summary), 16 talked, 5 still owe. Calls: not before April.

  $ liushou schedule --month 2026-03 | sed -n '/^| 事项/,/^| 本月生日/p'
  | 事项 | 应完成 | 尚欠 |
  | --- | ---: | ---: |
  | 谈心（每月 1 次） | 21 | 5 |
  | 亲情电话 | — | — |
  | 家访（每学期 1 次） | 20 | 17 |
  | 座谈会（每学期 1 次） | 20 | 20 |
  | 本月生日 | 0 | 0 |
  $ liushou schedule --month 2026-03 | sed -n '/^## 亲情电话/,+2p'
  ## 亲情电话
  
  本学期从 4 月起要求亲情电话，本月不计。
  $ liushou schedule --month 2026-03 --format json | jq -c '[.talks, .family_calls, .home_visits] | map({kind, due, starts, expected, owing})'
  [{"kind":"talk","due":true,"starts":null,"expected":21,"owing":5},{"kind":"family_call","due":false,"starts":"2026-04","expected":0,"owing":0},{"kind":"home_visit","due":true,"starts":null,"expected":20,"owing":17}]

April's checklist for 3-2, printed in June, lists the class as it was on 04-30: S12 (moved to
3-1 on 05-06) is still there. Enrolled in April in 3-2: S12-S20 and S21 = 10; none had a talk
in April, and S21's visit is of 05-25: 10 owe talks, 10 owe a visit.

  $ liushou schedule --month 2026-04 --class 3-2 | sed -n '/^- 本月在读/p;/^| 谈心/p;/^| 家访/p'
  - 本月在读留守儿童：10 名
  | 谈心（每月 1 次） | 10 | 10 |
  | 家访（每学期 1 次） | 10 | 10 |
  $ liushou schedule --month 2026-04 --class 3-2 --format json | jq -c '[.talks.teachers[].children[].id]'
  ["S12","S13","S14","S15","S16","S17","S18","S19","S21","S20"]

check reports nothing wrong with the tree: every entry is dated while its child was enrolled.

  $ liushou check --allow-incomplete | tail -2
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 25 个文件：0 个错误，6 个警告

A talk written into a file by hand after the child left is an error there, and counts nowhere.

  $ printf '  - date: 2026-05-02\n    kind: talk\n    by: T001\n    summary: 手工添加\n' >> children/S05.yaml
  $ liushou check -q --allow-incomplete | grep error
  [1]
  $ liushou report summary --term 第二学期 --format json | jq -c '.total.rates.talks | [.num, .den]'
  [54,82]
