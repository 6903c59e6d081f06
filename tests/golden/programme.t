The seed's programme beyond the monthly talk (#16): 心理辅导 as a kind of entry with its own
count, and one meeting (座谈会, 家长会) logged for a whole class or a list of children in one
write and one commit. Chinese and English.

Four children: A, B and D in 3-2, C in 3-1 until it moves to 3-2 on 03-14; A is a key child
(重点帮扶对象). E enrols in 3-2 on 03-14.

  $ export LIUSHOU_TODAY=2026-03-15
  $ liushou -q init school --school 孙桥小学 --year 2025-2026 && cd school
  $ liushou -q staff add --name 张老师 --role 班主任 --grade 3 --class 2
  T001
  $ f() { liushou -q enroll --id $1 --name 学生$1 --gender 女 --birth-date 2017-05-01 --grade 3 --class $2 --enrolled-on ${3:-2025-09-01} "${@:4}"; }
  $ f A 2 2025-09-01 --key-child 是 --on 2025-09-01; f B 2; f C 1; f D 2; f E 2 2026-03-14
  A
  B
  C
  D
  E
  $ liushou -q enroll C --class 2 --on 2026-03-14 && git add -A && git commit -qm 学生

**A meeting of a class** is logged for every child enrolled in it on its day: on 03-12 that is A,
B and D (C was still in 3-1, E not yet enrolled). Again, nothing changes.

  $ liushou --commit log-talk --class 3-2 --kind 家长会 --by 张老师 --date 2026-03-12 --summary 三（2）班家长会 | sed 's/committed [0-9a-f]*/committed …/'
  已登记 2026-03-12 座谈会（T001），3 名儿童中的 3 名：A B D
  已提交 de3b4d9（3 个文件）
  $ git log -1 --format=%s
  log-talk --class 3-2 2026-03-12 meeting: 3 children
  $ liushou log-talk --class 三年级2班 --kind meeting --by T001 --date 2026-03-12 --summary 三（2）班家长会
  已登记 2026-03-12 座谈会（T001），0 名儿童中的 3 名

On 03-14 the class is A, B, C, D and E:

  $ liushou log-talk --class 3-2 --kind 座谈会 --by T001 --date 2026-03-14 --summary 座谈会
  已登记 2026-03-14 座谈会（T001），5 名儿童中的 5 名：A B C D E

**All or none.** One child the entry does not fit (E was not enrolled on 03-13), or a child
that does not exist, and nothing is logged for anyone:

  $ liushou log-talk A E --kind meeting --by T001 --date 2026-03-13 --summary 小组座谈
  ! liushou log-talk：E：--date：2026-03-13 早于该儿童入学（2026-03-14）
  ! liushou log-talk：未登记任何记录
  [1]
  $ liushou log-talk A Z --kind meeting --by T001 --date 2026-03-13 --summary 小组座谈
  ! liushou：没有儿童 Z
  [2]
  $ grep -c 2026-03-13 children/A.yaml
  0
  [1]
  $ liushou log-talk --class 3-1 --kind meeting --by T001 --date 2026-03-15 --summary 座谈
  ! liushou：--class 3-1：三年级1班 在 2026-03-15 没有在读的儿童
  [1]
  $ liushou log-talk A --class 3-2 --close-follow-up --by T001 --summary x
  ! liushou：--close-follow-up 和 --amend 只用于一名儿童的记录，请只给一个学号
  [2]

**心理辅导** (counselling, also typed 心理咨询) is an entry of its own; it does not stand for
the month's talk. A twice, C once: 3 sessions, 2 children, 1 of them a key child.

  $ liushou log-talk A C --kind 心理辅导 --by T001 --date 2026-03-10 --summary 情绪疏导
  已登记 2026-03-10 心理辅导（T001），2 名儿童中的 2 名：A C
  $ liushou -q log-talk A --kind 心理咨询 --by T001 --date 2026-03-11 --summary 再次疏导
  $ liushou report summary | grep -A1 '^心理辅导\|^| 谈心完成率'
  | 谈心完成率 | 0 | 5 | 0.0% |
  | 亲情电话完成率 | 0 | 0 | — |
  --
  心理辅导：3 次，2 名儿童，其中重点帮扶对象 1 名。
  
  $ liushou --lang en report summary | grep '^Counselling'
  Counselling (心理辅导): 3 sessions for 2 children, 1 of them key children.
  $ liushou report summary --format json | jq -c '.total | [.counselling_sessions, .counselled, .counselled_key]'
  [3,2,1]
  $ liushou report child A | grep 心理辅导
  | 2026-03-10 | 心理辅导 | 张老师（T001） | 情绪疏导 |  |  |
  | 2026-03-11 | 心理辅导 | 张老师（T001） | 再次疏导 |  |  |
  $ liushou --lang en report talks --month 2026-03 | grep -c counselling
  3

**The plan ticked off.** `plan list` numbers the month's tasks; `plan done` ticks one off with
its day and a note, in liushou.yaml; the checklist shows it `- [x]`, the summary counts the
plan's completion month by month: February 0 of 2, March 1 of 2 (so far, as of 03-15).

  $ liushou plan list --month 2026-03
  月份     序号  工作安排                      完成    备注
  2026-03  1     留守儿童信息更新              未完成
  2026-03  2     成立学校关爱留守儿童领导专班  未完成
  $ liushou --commit plan done 2026-03 1 --date 2026-03-10 --note 已更新5名儿童的档案 | sed 's/committed [0-9a-f]*/committed …/'
  2026-03 第 1 项已于 2026-03-10 完成：留守儿童信息更新
  已提交 c4f8849（1 个文件）
  $ git log -1 --format=%s && sed -n '/^plan_done:/,/^events:/p' liushou.yaml
  plan done 2026-03 1
  plan_done:
    - month: "2026-03"
      task: 1
      date: 2026-03-10
      note: 已更新5名儿童的档案
  events:
  $ liushou plan done 2026-03 1 --date 2026-03-10 --note 已更新5名儿童的档案
  2026-03 第 1 项已于 2026-03-10 完成过：留守儿童信息更新
  $ liushou schedule | sed -n '/^## 本月工作安排/,/^## 本月活动/p'
  ## 本月工作安排
  
  - [x] 留守儿童信息更新（2026-03-10 完成：已更新5名儿童的档案）
  - [ ] 成立学校关爱留守儿童领导专班
  
  ## 本月活动
  $ liushou --lang en schedule | sed -n '/^## The plan/,/^## Events/p'
  ## The plan for this month
  
  - [x] 留守儿童信息更新 (done 2026-03-10: 已更新5名儿童的档案)
  - [ ] 成立学校关爱留守儿童领导专班
  
  ## Events
  $ liushou schedule --format json | jq -c '.plan'
  [{"task":"留守儿童信息更新","done":"2026-03-10","note":"已更新5名儿童的档案"},{"task":"成立学校关爱留守儿童领导专班","done":null,"note":null}]
  $ liushou report summary | sed -n '/^## 工作计划完成情况/,/^## 各年级/p'
  ## 工作计划完成情况
  
  | 月份 | 已完成 | 计划 | 完成率 |
  | --- | ---: | ---: | ---: |
  | 2026-02 | 0 | 2 | 0.0% |
  | 2026-03 | 1 | 2 | 50.0% |
  
  ## 活动开展情况
  
  期间没有记录集体活动。
  
  ## 各年级
  $ liushou --lang en report summary | sed -n '/^## The plan/,/^## By grade/p'
  ## The plan, month by month
  
  | Month | Done | Planned | Percent |
  | --- | ---: | ---: | ---: |
  | 2026-02 | 0 | 2 | 0.0% |
  | 2026-03 | 1 | 2 | 50.0% |
  
  ## Activities
  
  No activity was recorded in the period.
  
  ## By grade
  $ liushou report summary --format json | jq -c '.plan_by_month[] | [.month, .rate.num, .rate.den]'
  ["2026-02",0,2]
  ["2026-03",1,2]

A tick dated after the day the figures are for does not exist yet: as of 03-09, March has
nothing done.

  $ liushou report summary --as-of 2026-03-09 --format json | jq -c '.plan_by_month[] | [.month, .rate.num, .rate.den]'
  ["2026-02",0,2]
  ["2026-03",0,2]

What cannot be ticked is refused, naming why; `--undo` takes a tick off; `check` names a tick
the plan does not have (a hand edit).

  $ liushou plan done 2026-03 3
  ! liushou：plan done：2026-03 的工作安排只有第 1 至 2 项
  [1]
  $ liushou plan done 2026-10 1
  ! liushou：plan done：2026-10 不在 2025-2026 学年内
  [1]
  $ liushou plan done 2026-01 1
  ! liushou：plan done：工作安排中没有 2026-01 的任务
  [1]
  $ liushou plan done 2026-03 1 --date 2026-03-20
  ! liushou：--date：2026-03-20 是将来的日期
  [1]
  $ liushou plan done 2026-03 1 --undo && liushou plan done 2026-03 1 --undo
  2026-03 第 1 项未完成：留守儿童信息更新
  ! liushou：plan done --undo：第 1 项（2026-03）还没有打勾
  [1]
  $ liushou -q plan done 2026-03 2 --date 2026-03-11 && sed -i 's/    task: 2/    task: 7/' liushou.yaml && liushou check --allow-incomplete | grep '^liushou.yaml'
  liushou.yaml:42:11: 错误：第 1 条打勾记录的工作项：2026-03 的工作安排中没有第 7 项
  [1]

**The school, its leading group and its staff by command**, so that nobody edits liushou.yaml
or staff.yaml by hand. What a change leaves must pass check, or nothing is written: the bad
tick above still stands, so the first change is refused until the file is put right.

  $ liushou school set --county 京山县
  ! liushou：第 1 条打勾记录的工作项：2026-03 的工作安排中没有第 7 项
  ! liushou：liushou.yaml 通不过检查，未写入任何内容
  [1]
  $ sed -i 's/    task: 7/    task: 2/' liushou.yaml
  $ liushou school set --county 京山县 --talks-per-month 2 --months-without-talks 1,2,7,8,12
  已修改 所属县、每月谈心次数、不要求谈心的月份
  $ liushou check --allow-incomplete | grep 现行规则 && liushou --lang en check --allow-incomplete | grep '^rules in force'
  现行规则：每月谈心 2 次、亲情电话 1 次（1、2、7、8、12 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  rules in force: talks 2 a month, family calls 1 a month (none in months 1, 2, 7, 8, 12; 第二学期: family calls from month 4); home visits 1 a term, guardian meetings 1 a term
  $ liushou school set --talks-per-month 40
  ! liushou：--talks-per-month 40：请给出 0 到 31 的数字
  [2]
  $ liushou school set --language fr
  ! liushou：--language fr：只能是 zh 或 en
  [2]
  $ liushou school set
  ! liushou：没有要改的内容：请给出 --name, --county, --language or a rule
  [2]
  $ liushou school set --talks-per-month 1 --months-without-talks 1,2,7,8 --county "" -q
  $ liushou group add --role 组长 --name 喻校长 && liushou group add --role 副组长 --name 杨副校长 && liushou group add --role member --name 张老师
  已将 喻校长 列为领导小组组长
  已将 杨副校长 列为领导小组副组长
  已将 张老师 列为领导小组组员
  $ liushou group add --role 组长 --name 王校长
  ! liushou：领导小组组长是 喻校长；请先用 group remove --name 喻校长
  [1]
  $ liushou group add --role 组员 --name 张老师
  ! liushou：张老师 已在领导小组中；如要改职务，请先用 group remove
  [1]
  $ liushou group add --role 校长 --name 王校长
  ! liushou：--role 校长：只能是组长、副组长或组员（leader、deputy、member）
  [2]
  $ liushou group remove --name 杨副校长 && liushou group remove --name 杨副校长
  已将 杨副校长 移出领导小组
  ! liushou：杨副校长 不在领导小组中
  [1]
  $ liushou report summary | grep 领导小组 && liushou --lang en report summary | grep 'Leading group'
  - 领导小组：组长 喻校长；副组长 —；组员 张老师
  - Leading group: leader 喻校长; deputies —; members 张老师

A teacher added twice is refused (a second one of the same name needs --force); one added
twice by mistake is removed; one whom a record names stays, and the message says where;
`staff set` changes fields, "" clears one.

  $ liushou -q staff add --name 李老师 && liushou -q staff add --name 李老师
  T002
  ! liushou：李老师 已是 staff.yaml 中的 T002；如要再添一位同名教师，请加 --force
  [1]
  $ liushou -q staff add --name 李老师 --force && liushou staff list
  T003
  编号  姓名    职务    班级  电话
  T001  张老师  班主任  3-2
  T002  李老师
  T003  李老师
  $ liushou staff remove 李老师
  ! liushou：李老师 是 T002, T003 的名字；请给出教师编号
  [2]
  $ liushou staff remove T003 && liushou staff remove T001
  已删除 T003 李老师
  ! liushou：T001 张老师 出现在 5 个文件中（children/A.yaml talks[0].by, children/B.yaml talks[0].by, children/C.yaml talks[0].by, children/D.yaml talks[0].by, children/E.yaml talks[0].by），所以保留在教师名单中。请先给儿童重新结对（liushou pair 学号 --teacher 教师）；做过谈心或组织过活动的教师会留作记录
  [1]
  $ liushou staff set 李老师 --phone 13800000009 --role teacher && liushou staff set T002 --phone "" --grade 3 --class 1
  已修改 T002 李老师：role, phone
  已修改 T002 李老师：年级、班级、phone
  $ liushou staff set T002 --phone 123
  ! liushou：--phone：不是手机号（11 位）或带区号的固定电话
  [1]
  $ liushou staff set T002
  ! liushou：没有要改的内容：请给出 --name, --role, --grade, --class or --phone
  [2]
  $ liushou --lang en staff list
  ID    Name    Role          Class  Phone
  T001  张老师  head_teacher  3-2
  T002  李老师  teacher       3-1

**Subsidies in the seed's words.** 两免一补, 营养餐, 春蕾班, 社会妈妈 are stored by key and
shown in the reader's language everywhere; a school's own (爱心午餐) as written. `report
subsidies` lists who receives what today, with counts: A two, B three, D one; C's subsidy ends
on 03-15 (today), so C is not counted.

  $ liushou -q enroll A --subsidies 两免一补,营养餐 --on 2026-03-01 && liushou -q enroll B --subsidies 社会妈妈,爱心午餐,两免一补 --on 2026-03-01 && liushou -q enroll D --subsidies 春蕾班 --on 2026-03-01
  $ liushou -q enroll C --subsidies 营养餐 --on 2026-03-01 && liushou -q enroll C --subsidies "" --on 2026-03-15
  $ sed -n '/subsidies:/,/^[a-z]/p' children/B.yaml
    subsidies:
      - social_mother
      - 爱心午餐
      - two_exemptions_one_subsidy
  talks:
  $ liushou report child B | grep 资助 && liushou --lang en report child B | grep Subsidies
  | 资助 | 社会妈妈、爱心午餐、两免一补 |
  | Subsidies | a social mother, 爱心午餐, two exemptions, one subsidy |
  $ liushou report subsidies
  # 孙桥小学 资助落实情况
  
  - 截至：2026-03-15
  - 在读留守儿童 5 名，享受资助 3 名
  
  | 资助 | 人数 |
  | --- | ---: |
  | 两免一补 | 2 |
  | 营养餐 | 1 |
  | 春蕾班 | 1 |
  | 社会妈妈 | 1 |
  | 爱心午餐 | 1 |
  
  ## 两免一补（2 名）
  
  | 学号 | 姓名 | 班级 |
  | --- | --- | --- |
  | A | 学生A | 三年级2班 |
  | B | 学生B | 三年级2班 |
  
  ## 营养餐（1 名）
  
  | 学号 | 姓名 | 班级 |
  | --- | --- | --- |
  | A | 学生A | 三年级2班 |
  
  ## 春蕾班（1 名）
  
  | 学号 | 姓名 | 班级 |
  | --- | --- | --- |
  | D | 学生D | 三年级2班 |
  
  ## 社会妈妈（1 名）
  
  | 学号 | 姓名 | 班级 |
  | --- | --- | --- |
  | B | 学生B | 三年级2班 |
  
  ## 爱心午餐（1 名）
  
  | 学号 | 姓名 | 班级 |
  | --- | --- | --- |
  | B | 学生B | 三年级2班 |
  $ liushou --lang en report subsidies | sed -n 1,12p
  # 孙桥小学: Subsidies received
  
  - As of 2026-03-15
  - Enrolled left-behind children: 5, of them receiving a subsidy: 3
  
  | Subsidy | Children |
  | --- | ---: |
  | two exemptions, one subsidy | 2 |
  | nutrition meals | 1 |
  | Spring Bud class | 1 |
  | a social mother | 1 |
  | 爱心午餐 | 1 |
  $ liushou report subsidies --format csv
  资助,学号,姓名,班级
  两免一补,A,学生A,三年级2班
  两免一补,B,学生B,三年级2班
  营养餐,A,学生A,三年级2班
  春蕾班,D,学生D,三年级2班
  社会妈妈,B,学生B,三年级2班
  爱心午餐,B,学生B,三年级2班
  $ liushou report subsidies --format json | jq -c '.subsidised, [.subsidies[] | [.key, .label, (.children | length)]]'
  3
  [["two_exemptions_one_subsidy","两免一补",2],["nutrition_meals","营养餐",1],["spring_bud_class","春蕾班",1],["social_mother","社会妈妈",1],["爱心午餐","爱心午餐",1]]
  $ liushou report summary | grep '享受资助'
  | 享受资助 | 3 |

**生日祝福 done.** A greeting (`log-talk --kind 生日祝福`) in the birthday's month ticks the
birthday off in that month's checklist; the summary counts the birthdays of the period greeted.
All five children were born on 2017-05-01, so May's checklist (as of 05-31) lists five
birthdays; A (05-01) and C (05-06) are greeted; B's greeting of 04-30 is in April, not the
birthday's month, so it does not count: 2 of 5, and as of 05-05 1 of 5.

  $ export LIUSHOU_TODAY=2026-05-31
  $ liushou -q log-talk A --kind 生日祝福 --by T001 --date 2026-05-01 --summary 送生日贺卡 && liushou -q log-talk B --kind greeting --by T001 --date 2026-04-30 --summary 提前祝福 && liushou -q log-talk C --kind 生日 --by T001 --date 2026-05-06 --summary 集体生日会
  $ liushou schedule --month 2026-05 | sed -n '/^| 本月生日/p;/^## 生日祝福/,/^## /p'
  | 本月生日 | 5 | 3 |
  ## 生日祝福
  
  - [x] 5月1日 A 学生A，三年级2班，9 岁生日（5月1日已祝福）
  - [ ] 5月1日 B 学生B，三年级2班，9 岁生日
  - [x] 5月1日 C 学生C，三年级2班，9 岁生日（5月6日已祝福）
  - [ ] 5月1日 D 学生D，三年级2班，9 岁生日
  - [ ] 5月1日 E 学生E，三年级2班，9 岁生日
  
  ## 未关闭的跟进事项
  $ liushou --lang en schedule --month 2026-05 | sed -n '/^## Birthdays/,/^## /p'
  ## Birthdays
  
  - [x] 2026-05-01: A 学生A, 3-2 turns 9 (greeted 2026-05-01)
  - [ ] 2026-05-01: B 学生B, 3-2 turns 9
  - [x] 2026-05-01: C 学生C, 3-2 turns 9 (greeted 2026-05-06)
  - [ ] 2026-05-01: D 学生D, 3-2 turns 9
  - [ ] 2026-05-01: E 学生E, 3-2 turns 9
  
  ## Open follow-ups
  $ liushou schedule --month 2026-05 --format json | jq -c '[.birthdays[] | [.id, .greeted]]'
  [["A","2026-05-01"],["B",null],["C","2026-05-06"],["D",null],["E",null]]
  $ liushou report summary | grep '^生日祝福' && liushou --lang en report summary | grep '^Birthday greetings'
  生日祝福：期间 5 个生日，已祝福 2 个（40.0%）。
  Birthday greetings (生日祝福): 2 of 5 birthdays in the period (40.0%).
  $ liushou report summary --as-of 2026-05-05 | grep '^生日祝福'
  生日祝福：期间 5 个生日，已祝福 1 个（20.0%）。

**School activities (集体活动)** are recorded once, with the children who took part as ids,
resolved on the activity's day: a 主题班会 of 3-2 on 03-12 is A, B and D (C joined 3-2 on 03-14,
E enrolled then); a 安全教育 of the whole school on 03-14 is all five. The same activity again
is recorded once. Activities by hand first: March, 主题班会 1 (3 人次), 安全教育 1 (5 人次);
all five took part in at least one.

  $ liushou activity add --date 2026-03-12 --kind 主题班会 --title 感恩母亲主题班会 --children 3-2 --by 张老师 --summary 孩子们给在外的妈妈写信
  已记录 2026-03-12-class_meeting-c5b66479：主题班会 感恩母亲主题班会，3 名儿童
  $ liushou activity add --date 2026-03-12 --kind 主题班会 --title 感恩母亲主题班会 --children 3-2 --by 张老师 --summary 孩子们给在外的妈妈写信
  已有记录：2026-03-12-class_meeting-c5b66479
  $ liushou --commit activity add --date 2026-03-14 --kind safety --title 防溺水安全教育 | sed 's/committed [0-9a-f]*/committed …/'
  已记录 2026-03-14-safety-6885dd0b：安全教育 防溺水安全教育，5 名儿童
  已提交 904e453（1 个文件）
  $ cat activities/2026-03-12-*.yaml && liushou activity list && liushou --lang en activity list --format csv
  schema: 2
  id: "2026-03-12-class_meeting-c5b66479"
  date: 2026-03-12
  kind: class_meeting
  title: 感恩母亲主题班会
  by:
    - T001
  participants: "3-2"
  children:
    - A
    - B
    - D
  summary: 孩子们给在外的妈妈写信
  日期        类别      活动              人数  组织  编号
  2026-03-12  主题班会  感恩母亲主题班会  3     T001  2026-03-12-class_meeting-c5b66479
  2026-03-14  安全教育  防溺水安全教育    5           2026-03-14-safety-6885dd0b
  共 2 次活动
  Date,Kind,Activity,Children,By,Id
  2026-03-12,class_meeting,感恩母亲主题班会,3,T001,2026-03-12-class_meeting-c5b66479
  2026-03-14,safety,防溺水安全教育,5,,2026-03-14-safety-6885dd0b
  $ liushou report summary | sed -n '/^## 活动开展情况/,/^## 各年级/p'
  ## 活动开展情况
  
  | 月份 | 类别 | 次数 | 参与人次 |
  | --- | --- | ---: | ---: |
  | 2026-03 | 主题班会 | 1 | 3 |
  | 2026-03 | 安全教育 | 1 | 5 |
  
  共 2 次活动，参与 8 人次；期末在读的 5 名儿童中 5 名参加了至少一次（100.0%）。
  
  ## 各年级
  $ liushou --lang en report summary | sed -n '/^## Activities/,/^## By grade/p'
  ## Activities
  
  | Month | Kind | Activities | Attendance |
  | --- | --- | ---: | ---: |
  | 2026-03 | class_meeting | 1 | 3 |
  | 2026-03 | safety | 1 | 5 |
  
  2 activities, attendance 8; of the 5 children enrolled at the end, 5 took part in at least one (100.0%).
  
  ## By grade
  $ liushou report summary --format json | jq -c '[.activities, .activity_reach, .no_activity]'
  [[{"month":"2026-03","kind":"class_meeting","activities":1,"attendance":3},{"month":"2026-03","kind":"safety","activities":1,"attendance":5}],{"num":5,"den":5,"percent":100},[]]
  $ liushou report child C | sed -n '/^## 参加的活动/,$p'
  ## 参加的活动
  
  | 日期 | 类别 | 活动 |
  | --- | --- | --- |
  | 2026-03-14 | 安全教育 | 防溺水安全教育 |
  $ liushou --lang en report child A | sed -n '/^## Activities/,$p'
  ## Activities taken part in
  
  | Date | Kind | Activity |
  | --- | --- | --- |
  | 2026-03-12 | class_meeting | 感恩母亲主题班会 |
  | 2026-03-14 | safety | 防溺水安全教育 |

Who took part is checked: a class with no child that day (3-1 after C moved on 03-14), an id
not enrolled that day, a bad kind; and
`check` names an activity whose children are gone (a hand edit).

  $ liushou activity add --date 2026-03-15 --kind 主题班会 --title x --children 3-1
  ! liushou：--children：三年级1班 在 2026-03-15 没有在读的儿童
  [1]
  $ liushou activity add --date 2026-03-13 --kind 主题班会 --title x --children E
  ! liushou：--children：E 在 2026-03-13 不在读
  [1]
  $ liushou activity add --kind 聚会 --title x
  ! liushou：--kind 聚会：可用的值：class_meeting | mental_health | safety | arts_sports | festival | birthday | parent_school | community | other（主题班会/心理健康/安全教育/文体活动/节日关爱/生日祝福/家长学校/社会关爱/其他）
  [2]
  $ cp activities/2026-03-14-*.yaml ../keep.yaml && sed -i 's/^  - E$/  - Q/' activities/2026-03-14-*.yaml && liushou check --allow-incomplete | grep activities/ ; cp ../keep.yaml activities/$(basename activities/2026-03-14-*.yaml)
  activities/2026-03-14-safety-6885dd0b.yaml:12:5: 错误：第 5 名儿童：没有儿童 Q

Two clones that each record an activity write two files: the merge is clean.

  $ git add -A && git commit -qm 活动 && git clone -q . ../other && liushou -q --root ../other activity add --date 2026-03-15 --kind 节日关爱 --title 送学习用品 --children A,B
  2026-03-15-festival-c78d45b6
  $ liushou -q activity add --date 2026-03-15 --kind 心理健康 --title 心理健康教育课 --children 3-2 && git add -A && git commit -qm 心理课
  2026-03-15-mental_health-d2957722
  $ git -C ../other add -A && git -C ../other commit -qm 送温暖 && git pull -q --no-rebase --no-edit ../other master && ls activities | wc -l && liushou check --allow-incomplete | tail -1
  4
  已检查 11 个文件：0 个错误，5 个警告

Two clones that each tick a task of the plan and add a member to the leading group change
liushou.yaml in the same place, which a line merge calls a conflict. The merge driver (set up
by init, and by `init --hooks` in a clone) merges it as a record: both ticks and both members
are kept. The same task ticked with different notes is a conflict, each side whole.

  $ liushou -q init --hooks ../other
  $ liushou -q plan done 2026-04 1 --note 已完成 && liushou -q group add --role 组员 --name 甲老师 && git commit -qam 勾选
  $ liushou -q --root ../other plan done 2026-04 2 && liushou -q --root ../other group add --role 组员 --name 乙老师 && git -C ../other commit -qam 勾选 2> /dev/null
  $ git pull -q --no-rebase --no-edit ../other master && liushou plan list --month 2026-04 && sed -n '/^  members/,/^[a-z]/p' liushou.yaml
  Auto-merging liushou.yaml
  月份     序号  工作安排              完成        备注
  2026-04  1     开展师生结对活动      2026-05-31  已完成
  2026-04  2     档案信息更新          2026-05-31
  2026-04  3     开通留守儿童亲情电话  未完成
    members:
      - 张老师
      - 甲老师
      - 乙老师
  plan:
  $ liushou -q plan done 2026-04 3 --note 甲 && git commit -qam 甲 && liushou -q --root ../other plan done 2026-04 3 --note 乙 && git -C ../other commit -qam 乙 2> /dev/null
  $ git pull -q --no-rebase --no-edit ../other master; sed -n '/^<<<<<<< /,/^>>>>>>> /p' liushou.yaml
  Auto-merging liushou.yaml
  CONFLICT (content): Merge conflict in liushou.yaml
  Automatic merge failed; fix conflicts and then commit the result.
  <<<<<<< ours
    - month: "2026-04"
      task: 3
      date: 2026-05-31
      note: 甲
  =======
    - month: "2026-04"
      task: 3
      date: 2026-05-31
      note: 乙
  >>>>>>> theirs
  ! liushou merge-file：plan_done (2026-04 3)：两边改得不一样；请在 <<<<<<< ours 与 >>>>>>> theirs 之间选定
  $ sed -i '/^<<<<<<< ours$/,/^=======$/d; /^>>>>>>> theirs$/d' liushou.yaml && git commit -qam 取乙 && liushou plan list --month 2026-04 | grep '^2026-04  3'
  2026-04  3     开通留守儿童亲情电话  2026-05-31  乙

**The school's own words.** `report summary --template` fills a 工作总结 the school writes
(the sample `examples/总结.md` follows the seed's 一、基本情况 … 二、主要做法 …): every rate, count
and table of the summary by its Chinese name. An unknown placeholder is an error naming its
line, and nothing is written.

  $ liushou report summary --template $EXAMPLES/总结.md -o 总结-三月.md && sed -n '1,9p;/^### 1\./,/^### 3\./p' 总结-三月.md
  已写入 总结-三月.md
  # 孙桥小学2025-2026学年关爱留守儿童工作总结
  
  关爱“留守孩子”，就是要让他们用阳光般灿烂的笑脸面对生活，面对学习，自强不息，快乐健康地成长。这就是我校关爱“留守孩子”的主题，现将本期（第二学期 2026-02-01 至 2026-07-31）留守孩子工作总结如下：
  
  ## 一、基本情况
  
  截至 2026-05-31，我校在读留守儿童 5 名，其中双亲外出 0 名、父亲外出 0 名、母亲外出 0 名，寄宿 0 名，重点帮扶对象 1 名。本期新入学 1 名，转入 0 名，转出 0 名，辍学 0 名。
  
  | 项目 | 人数 |
  ### 1. 建立档案，掌握底数
  
  每个班级建立了留守孩子档案、联系卡和手拉手好朋友结对子登记卡。建档率 0.0%（0/5），结对率 0.0%，巩固率 100.0%；0 名儿童有了学习帮手，其中 0 名有一个以上。
  
  ### 2. 谈心交流，关怀成长
  
  每一位老师都与留守孩子结对子，每月谈心，了解孩子的喜怒哀乐。本期谈心完成率 0.0%，亲情电话完成率 0.0%，家访覆盖率 0.0%，座谈会覆盖率 100.0%。开展心理辅导 3 次，2 名儿童，其中重点帮扶对象 1 名；5 个生日中已送上祝福 2 个。
  
  | 月份 | 已谈心 | 应谈心 | 完成率 |
  | --- | ---: | ---: | ---: |
  | 2026-03 | 0 | 5 | 0.0% |
  | 2026-04 | 0 | 5 | 0.0% |
  | 2026-05 | 0 | 5 | 0.0% |
  
  ```mermaid
  xychart-beta
      title "每月谈心完成率（%）"
      x-axis ["2026-03", "2026-04", "2026-05"]
      y-axis "%" 0 --> 100
      bar [0.0, 0.0, 0.0]
  ```
  
  ### 3. 开展集体活动
  $ printf '# {{学校}}\n\n{{活动经费}}，{{ 建档率 }}\n{{建档\n' > bad.md && liushou report summary --template bad.md | head -3
  ! bad.md:3:1: 错误：不认识的占位符 {{活动经费}}
  ! bad.md:4:1: 错误：不认识的占位符 {{建档
  ! liushou：bad.md：未写入任何内容；可用的占位符有 学校 县 学年 统计期间 截至 数据计算至 期初在读 新入学 转入 转出 辍学 毕业 其他离校 期末在读 其中双亲外出 其中父亲外出 其中母亲外出 其中单亲外出 寄宿 重点帮扶对象 享受资助 未入学 双亲外出 父亲外出 母亲外出 单亲外出 心理辅导次数 接受心理辅导的儿童 接受心理辅导的重点帮扶对象 生日 已祝福 有学习帮手的儿童 有一个以上学习帮手的儿童 建档率 建档率.完成 建档率.应完成 入学率 入学率.完成 入学率.应完成 巩固率 巩固率.完成 巩固率.应完成 结对率 结对率.完成 结对率.应完成 谈心完成率 谈心完成率.完成 谈心完成率.应完成 亲情电话完成率 亲情电话完成率.完成 亲情电话完成率.应完成 家访覆盖率 家访覆盖率.完成 家访覆盖率.应完成 座谈会覆盖率 座谈会覆盖率.完成 座谈会覆盖率.应完成 计划完成率 计划完成 计划任务 活动次数 参与人次 活动覆盖率 基本情况表 人数变动表 各项比率表 每月谈心表 亲情电话家访座谈会表 工作计划表 活动开展情况表 各学校表 各年级表 各班表 尚未达到
  [1]
  $ liushou report summary --template bad.md --format json
  ! liushou：--template 填写的是 Markdown 文本，须与 --format md 一起使用
  [2]
  $ printf '{{学校}}: files {{建档率}} ({{建档率.完成}} of {{建档率.应完成}})\n\n{{各项比率表}}\n' > en.md && liushou --lang en report summary --template en.md
  孙桥小学: files 0.0% (0 of 5)
  
  | Rate | Done | Of | Percent |
  | --- | ---: | ---: | ---: |
  | Files complete (建档率) | 0 | 5 | 0.0% |
  | Enrolment (入学率) | 5 | 5 | 100.0% |
  | Retention (巩固率) | 5 | 5 | 100.0% |
  | Paired (结对率) | 0 | 5 | 0.0% |
  | Monthly talks (谈心) | 0 | 15 | 0.0% |
  | Family calls (亲情电话) | 0 | 10 | 0.0% |
  | Home visits (家访) | 0 | 5 | 0.0% |
  | Guardian meetings (座谈会) | 5 | 5 | 100.0% |

**The checklist shows the month's activities**, and ticks an event (五一, 六一 …) when an
activity was recorded for it (a 节日关爱, or one whose title names it). May has 五一; a 五一联欢会
on 04-30 is April's, not May's, so 五一 stays open until the 05-08 one.

  $ liushou -q activity add --date 2026-04-30 --kind 文体活动 --title 五一联欢会彩排 --children 3-2
  2026-04-30-arts_sports-adcf453c
  $ liushou schedule --month 2026-05 | sed -n '/^## 本月活动/,/^## /p'
  ## 本月活动
  
  - [ ] 五一（05-01）
  
  ## 谈心：本月尚欠 5 名（每月 1 次）
  $ liushou -q activity add --date 2026-05-08 --kind 节日关爱 --title 五一联欢会 --children all
  2026-05-08-festival-893a01cf
  $ liushou schedule --month 2026-05 | sed -n '/^## 本月活动/,/^## /p'
  ## 本月活动
  
  - [x] 五一（05-01）：五一联欢会（2026-05-08）
  
  已记录的活动：
  
  - 2026-05-08 节日关爱：五一联欢会（5 名）
  
  ## 谈心：本月尚欠 5 名（每月 1 次）
  $ liushou --lang en schedule --month 2026-05 | sed -n '/^## Events/,/^## /p'
  ## Events
  
  - [x] 五一 (05-01): 五一联欢会 (2026-05-08)
  
  Activities recorded:
  
  - 2026-05-08 festival: 五一联欢会 (5 children)
  
  ## Talks: 5 still owed (1 a month)
  $ liushou schedule --month 2026-05 --format json | jq -c '.events, .activities'
  [{"name":"五一","date":"05-01","recorded":"2026-05-08-festival-893a01cf"}]
  [{"id":"2026-05-08-festival-893a01cf","date":"2026-05-08","kind":"festival","title":"五一联欢会","children":5}]

**A 生日祝福 activity greets each child in it**, as an entry does: a 集体生日会 on 05-20 for D
and E ticks both birthdays in May's checklist with that day, and the summary counts 4 of 5
(A and C greeted by entries, D and E by the activity; B only in April). As of 05-19 it had
not happened yet: 2 of 5.

  $ liushou activity add --date 2026-05-20 --kind 生日祝福 --title 五月集体生日会 --children D,E
  已记录 2026-05-20-birthday-5f22e45a：生日祝福 五月集体生日会，2 名儿童
  $ liushou schedule --month 2026-05 | sed -n '/^## 生日祝福/,/^## /p'
  ## 生日祝福
  
  - [x] 5月1日 A 学生A，三年级2班，9 岁生日（5月1日已祝福）
  - [ ] 5月1日 B 学生B，三年级2班，9 岁生日
  - [x] 5月1日 C 学生C，三年级2班，9 岁生日（5月6日已祝福）
  - [x] 5月1日 D 学生D，三年级2班，9 岁生日（5月20日已祝福）
  - [x] 5月1日 E 学生E，三年级2班，9 岁生日（5月20日已祝福）
  
  ## 未关闭的跟进事项
  $ liushou --lang en schedule --month 2026-05 --format json | jq -c '[.birthdays[] | [.id, .greeted]]'
  [["A","2026-05-01"],["B",null],["C","2026-05-06"],["D","2026-05-20"],["E","2026-05-20"]]
  $ liushou report summary | grep '^生日祝福' && liushou --lang en report summary | grep '^Birthday greetings'
  生日祝福：期间 5 个生日，已祝福 4 个（80.0%）。
  Birthday greetings (生日祝福): 4 of 5 birthdays in the period (80.0%).
  $ liushou report summary --as-of 2026-05-19 | grep '^生日祝福' && LIUSHOU_TODAY=2026-05-19 liushou schedule --month 2026-05 | grep '^- \[.\] 5月1日 [DE]'
  生日祝福：期间 5 个生日，已祝福 2 个（40.0%）。
  - [ ] 5月1日 D 学生D，三年级2班，9 岁生日
  - [ ] 5月1日 E 学生E，三年级2班，9 岁生日
