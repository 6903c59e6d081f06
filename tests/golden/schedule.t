schedule: the month's checklist, on a hand-built tree with known dates. The school year
2027-2028 has the leap day 2028-02-29; terms are 2027-09-01..2028-01-31 and 2028-02-01..
2028-07-31; January, February, July and August have no talks.

  $ export LIUSHOU_TODAY=2028-03-20
  $ liushou init school --school 孙桥镇中心小学 --year 2027-2028 --no-git -q && cd school
  $ sed -i '/family_calls_from/d' liushou.yaml  # family calls from the term's first month, as before 4 月 was the default
  $ liushou -q staff add --name 张老师 --role head_teacher --grade 4 --class 2
  T001
  $ liushou -q staff add --name 李老师 --role teacher
  T002
  $ e() { liushou -q enroll --enrolled-on 2027-09-01 "$@"; }
  $ e --id A1 --name 王小明 --gender 男 --grade 4 --class 2 --birth-date 2019-05-01 --home-address 某村1组 --father-name 王建国 \
  >   --father-phone 13800000001 --father-work-place 深圳 --guardian-relation 奶奶 --guardian-name 李秀英 \
  >   --guardian-phone 13800000002 --guardian-address 同上 --guardian-occupation 务农 \
  >   --guardian-health 一般 --guardian-age 68
  A1
  $ e --id A2 --name 李华 --gender 女 --grade 4 --class 2 --birth-date 2018-03-08
  A2
  $ e --id A3 --name 赵六 --gender 男 --grade 2 --class 1 --birth-date 2020-02-29
  A3
  $ e --id A4 --name 孙七 --gender 男 --grade 4 --class 2 --birth-date 2018-06-01
  A4
  $ liushou -q enroll --id A5 --name 周八 --gender 男 --grade 4 --class 2 --birth-date 2018-07-01 --enrolled-on 2028-03-10
  A5
  $ e --id A6 --name '田<i>九</i>|*x*' --gender 女 --grade 4 --class 2 --birth-date 2019-03-31
  A6
  $ liushou -q enroll A4 --status transferred --on 2028-02-20
  $ liushou -q pair A1 --teacher T001 --since 2027-09-01
  $ liushou -q pair A2 --teacher T002 --since 2027-09-01
  $ liushou -q pair A4 --teacher T002 --since 2027-09-01
  $ liushou -q pair A5 --teacher T001 --since 2028-03-10
  $ liushou -q pair A6 --teacher T001 --since 2027-09-01
  $ liushou -q log-talk A1 --by T001 --date 2027-10-15 --kind home_visit --summary 家访
  $ liushou -q log-talk A1 --by T001 --date 2028-03-02 --summary 想妈妈 --follow-up '联系母亲 | 每周视频'
  $ liushou -q log-talk A2 --by T002 --date 2028-03-05 --summary 开学谈心
  $ liushou -q log-talk A2 --by T002 --date 2028-03-06 --kind family_call --summary 与母亲通话
  $ liushou -q log-talk A2 --by T002 --date 2028-02-10 --kind meeting --summary 家长座谈会

March, a month with talks: A2 turns ten, A6 turns nine on the 31st, A4 transferred the month before and is gone, A5
enrolled on the 10th and counts, A1's follow-up is open.

  $ liushou schedule --month 2028-03
  # 孙桥镇中心小学 2028年3月关爱留守儿童工作清单
  
  - 学年：2027-2028，第二学期（2028-02-01 – 2028-07-31）
  - 截至：2028-03-20
  - 本月在读留守儿童：5 名
  
  ## 概览
  
  | 事项 | 应完成 | 尚欠 |
  | --- | ---: | ---: |
  | 谈心（每月 1 次） | 5 | 3 |
  | 亲情电话（每月 1 次） | 5 | 4 |
  | 家访（每学期 1 次） | 5 | 5 |
  | 座谈会（每学期 1 次） | 5 | 4 |
  | 本月生日 | 2 | 2 |
  | 未关闭的跟进事项 | | 1 |
  | 未结对 | | 1 |
  | 档案不完整 | | 4 |
  
  ## 本月工作安排
  
  - [ ] 留守儿童信息更新
  - [ ] 成立学校关爱留守儿童领导专班
  
  ## 本月活动
  
  无。
  
  ## 谈心：本月尚欠 3 名（每月 1 次）
  
  ### 张老师（T001）
  
  - [ ] A5 周八，四年级2班，从未有过
  - [ ] A6 田\<i\>九\</i\>\|\*x\*，四年级2班，从未有过
  
  ### 未结对
  
  - [ ] A3 赵六，二年级1班，从未有过
  
  ## 亲情电话：本月尚欠 4 名（每月 1 次）
  
  ### 张老师（T001）
  
  - [ ] A1 王小明，四年级2班，从未有过
  - [ ] A5 周八，四年级2班，从未有过
  - [ ] A6 田\<i\>九\</i\>\|\*x\*，四年级2班，从未有过
  
  ### 未结对
  
  - [ ] A3 赵六，二年级1班，从未有过
  
  ## 家访：本学期尚欠 5 名（每学期 1 次）
  
  ### 张老师（T001）
  
  - [ ] A1 王小明，四年级2班，上次 2027-10-15
  - [ ] A5 周八，四年级2班，从未有过
  - [ ] A6 田\<i\>九\</i\>\|\*x\*，四年级2班，从未有过
  
  ### 李老师（T002）
  
  - [ ] A2 李华，四年级2班，从未有过
  
  ### 未结对
  
  - [ ] A3 赵六，二年级1班，从未有过
  
  ## 座谈会：本学期尚欠 4 名（每学期 1 次）
  
  ### 张老师（T001）
  
  - [ ] A1 王小明，四年级2班，从未有过
  - [ ] A5 周八，四年级2班，从未有过
  - [ ] A6 田\<i\>九\</i\>\|\*x\*，四年级2班，从未有过
  
  ### 未结对
  
  - [ ] A3 赵六，二年级1班，从未有过
  
  ## 生日祝福
  
  - [ ] 3月8日 A2 李华，四年级2班，10 岁生日
  - [ ] 3月31日 A6 田\<i\>九\</i\>\|\*x\*，四年级2班，9 岁生日
  
  ## 未关闭的跟进事项
  
  - [ ] A1 王小明，四年级2班：联系母亲 \| 每周视频（2028-03-02 T001，已 18 天）
  
  ## 未结对
  
  - [ ] A3 赵六，二年级1班
  
  ## 档案不完整
  
  - [ ] A3 赵六，二年级1班：缺 家庭住址、父母姓名、电话、务工地址、监护人关系、监护人姓名、监护人电话、监护人住址、监护人职业、监护人健康状况、监护人年龄
  - [ ] A2 李华，四年级2班：缺 家庭住址、父母姓名、电话、务工地址、监护人关系、监护人姓名、监护人电话、监护人住址、监护人职业、监护人健康状况、监护人年龄
  - [ ] A5 周八，四年级2班：缺 家庭住址、父母姓名、电话、务工地址、监护人关系、监护人姓名、监护人电话、监护人住址、监护人职业、监护人健康状况、监护人年龄
  - [ ] A6 田\<i\>九\</i\>\|\*x\*，四年级2班：缺 家庭住址、父母姓名、电话、务工地址、监护人关系、监护人姓名、监护人电话、监护人住址、监护人职业、监护人健康状况、监护人年龄
  $ liushou schedule --month 2028-03 --lang en --teacher 张老师
  # 孙桥镇中心小学 checklist, 2028-03
  
  - School year 2027-2028, 第二学期 (2028-02-01 – 2028-07-31)
  - As of 2028-03-20
  - Children enrolled this month: 3
  
  ## Overview
  
  | Item | Expected | Still owed |
  | --- | ---: | ---: |
  | Talks (1 a month) | 3 | 2 |
  | Family calls (1 a month) | 3 | 3 |
  | Home visits (1 a term) | 3 | 3 |
  | Guardian meetings (1 a term) | 3 | 3 |
  | Birthdays this month | 1 | 1 |
  | Open follow-ups | | 1 |
  | Without a teacher | | 0 |
  | Incomplete files | | 2 |
  
  ## The plan for this month
  
  - [ ] 留守儿童信息更新
  - [ ] 成立学校关爱留守儿童领导专班
  
  ## Events
  
  None.
  
  ## Talks: 2 still owed (1 a month)
  
  ### 张老师 (T001)
  
  - [ ] A5 周八, 4-2, never
  - [ ] A6 田\<i\>九\</i\>\|\*x\*, 4-2, never
  
  ## Family calls: 3 still owed (1 a month)
  
  ### 张老师 (T001)
  
  - [ ] A1 王小明, 4-2, never
  - [ ] A5 周八, 4-2, never
  - [ ] A6 田\<i\>九\</i\>\|\*x\*, 4-2, never
  
  ## Home visits: 3 still owed (1 a term, this term)
  
  ### 张老师 (T001)
  
  - [ ] A1 王小明, 4-2, last 2027-10-15
  - [ ] A5 周八, 4-2, never
  - [ ] A6 田\<i\>九\</i\>\|\*x\*, 4-2, never
  
  ## Guardian meetings: 3 still owed (1 a term, this term)
  
  ### 张老师 (T001)
  
  - [ ] A1 王小明, 4-2, never
  - [ ] A5 周八, 4-2, never
  - [ ] A6 田\<i\>九\</i\>\|\*x\*, 4-2, never
  
  ## Birthdays
  
  - [ ] 2028-03-31: A6 田\<i\>九\</i\>\|\*x\*, 4-2 turns 9
  
  ## Open follow-ups
  
  - [ ] A1 王小明, 4-2: 联系母亲 \| 每周视频 (from 2028-03-02 by T001, open 18 days)
  
  ## Without a teacher
  
  None.
  
  ## Incomplete files
  
  - [ ] A5 周八, 4-2: missing home\_address, a parent's name, phone and work place, guardian.relation, guardian.name, guardian.phone, guardian.address, guardian.occupation, guardian.health, guardian.age
  - [ ] A6 田\<i\>九\</i\>\|\*x\*, 4-2: missing home\_address, a parent's name, phone and work place, guardian.relation, guardian.name, guardian.phone, guardian.address, guardian.occupation, guardian.health, guardian.age

February of a leap year, a holiday month at the start of a term: no talks owed, A3's
birthday on the 29th, A4 still counts (transferred on the 20th).

  $ liushou schedule --month 2028-02 --class 2-1
  # 孙桥镇中心小学 2028年2月关爱留守儿童工作清单
  
  - 学年：2027-2028，第二学期（2028-02-01 – 2028-07-31）
  - 截至：2028-02-29
  - 本月在读留守儿童：1 名
  
  ## 概览
  
  | 事项 | 应完成 | 尚欠 |
  | --- | ---: | ---: |
  | 谈心 | — | — |
  | 亲情电话 | — | — |
  | 家访（每学期 1 次） | 1 | 1 |
  | 座谈会（每学期 1 次） | 1 | 1 |
  | 本月生日 | 1 | 1 |
  | 未关闭的跟进事项 | | 0 |
  | 未结对 | | 1 |
  | 档案不完整 | | 1 |
  
  ## 本月工作安排
  
  - [ ] 讨论并制定学校关爱留守儿童工作计划
  - [ ] 开展教师家访和学生谈心活动
  
  ## 本月活动
  
  无。
  
  ## 谈心
  
  学校规则不要求 2 月逐人谈心（months_without_talks），本月不计。
  
  ## 亲情电话
  
  学校规则不要求 2 月逐人亲情电话（months_without_talks），本月不计。
  
  ## 家访：本学期尚欠 1 名（每学期 1 次）
  
  ### 未结对
  
  - [ ] A3 赵六，二年级1班，从未有过
  
  ## 座谈会：本学期尚欠 1 名（每学期 1 次）
  
  ### 未结对
  
  - [ ] A3 赵六，二年级1班，从未有过
  
  ## 生日祝福
  
  - [ ] 2月29日 A3 赵六，二年级1班，8 岁生日
  
  ## 未关闭的跟进事项
  
  无。
  
  ## 未结对
  
  - [ ] A3 赵六，二年级1班
  
  ## 档案不完整
  
  - [ ] A3 赵六，二年级1班：缺 家庭住址、父母姓名、电话、务工地址、监护人关系、监护人姓名、监护人电话、监护人住址、监护人职业、监护人健康状况、监护人年龄
  $ liushou schedule --month 2028-02 --lang en | sed -n '/^## Overview/,/^## The plan/p'
  ## Overview
  
  | Item | Expected | Still owed |
  | --- | ---: | ---: |
  | Talks | — | — |
  | Family calls | — | — |
  | Home visits (1 a term) | 4 | 4 |
  | Guardian meetings (1 a term) | 4 | 3 |
  | Birthdays this month | 1 | 1 |
  | Open follow-ups | | 0 |
  | Without a teacher | | 1 |
  | Incomplete files | | 4 |
  
  ## The plan for this month

January ends the first term: A1's home visit of October counts there.

  $ liushou schedule --month 2028-01 | sed -n '/^## 家访/,/^## 座谈会/p'
  ## 家访：本学期尚欠 4 名（每学期 1 次）
  
  ### 张老师（T001）
  
  - [ ] A6 田\<i\>九\</i\>\|\*x\*，四年级2班，从未有过
  
  ### 李老师（T002）
  
  - [ ] A2 李华，四年级2班，从未有过
  - [ ] A4 孙七，四年级2班，从未有过
  
  ### 未结对
  
  - [ ] A3 赵六，二年级1班，从未有过
  
  ## 座谈会：本学期尚欠 5 名（每学期 1 次）

In 2029 the leap-day birthday falls on 28 February, and no term covers the month.

  $ liushou schedule --month 2029-02 | sed -n '/^## 家访/,/^## 未关闭/p'
  ## 家访
  
  本月不在任何学期内。
  
  ## 座谈会
  
  本月不在任何学期内。
  
  ## 生日祝福
  
  - [ ] 2月28日 A3 赵六，二年级1班，9 岁生日
  
  ## 未关闭的跟进事项

Markdown renders as a GFM task list with an intact table; names cannot inject HTML.

  $ liushou schedule --month 2028-03 -o march.md
  已写入 march.md
  $ cmark-gfm -e tasklist -e table march.md > march.html
  $ grep -c '^- \[ \]' march.md
  26
  $ grep -c '<input type="checkbox" disabled="" />' march.html
  26
  $ grep -c '<tr>' march.html
  9
  $ grep -c '<i>' march.html
  0
  [1]
  $ grep -o '田[^<]*&lt;i&gt;九&lt;/i&gt;|\*x\*' march.html | sed -n 1,1p
  田&lt;i&gt;九&lt;/i&gt;|*x*

JSON holds the same children as the Markdown, section by section.

  $ liushou schedule --month 2028-03 --format json > march.json
  $ jq -r '.enrolled, .talks.owing, .birthdays[0].age, .follow_ups[0].days_open' march.json
  5
  3
  10
  18
  $ jq -r '[.talks, .family_calls, .home_visits, .meetings][] | .teachers[].children[].id' march.json > json.ids
  $ jq -r '(.birthdays, .follow_ups, .unpaired, .incomplete)[] | .id' march.json >> json.ids
  $ sed -n '/^## 谈心/,$p' march.md | grep '^- \[ \]' | grep -oE '\bA[0-9]+\b' > md.ids
  $ diff md.ids json.ids && wc -l < md.ids
  24

Mistakes:

  $ liushou schedule --month 2028-13
  ! liushou：--month 2028-13：月份请写作 2026-03
  [2]
  $ liushou schedule --teacher T404
  ! liushou：--teacher：教师名单（staff.yaml）中没有 T404（请给出教师编号或姓名）
  [2]
  $ liushou schedule --class 9-1
  ! liushou：--class 9-1：班级请写作 3-2、三年级二班或三(2)班（一至六年级）
  [2]

A future month's checklist, printed on 2028-03-20 to plan May: its reference day is 05-01, but
nothing after today is known, so A1's follow-up of 03-02 is 18 days open (not 60).

  $ liushou schedule --month 2028-05 | grep '联系母亲'
  - [ ] A1 王小明，四年级2班：联系母亲 \| 每周视频（2028-03-02 T001，已 18 天）
  $ liushou schedule --month 2028-05 --format json | jq -c '[.follow_ups[] | .days_open]'
  [18]
