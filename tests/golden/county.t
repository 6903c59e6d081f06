A county report over three school trees (--root repeated) adds a school column and equals
the sum of the three.

  $ export LIUSHOU_TODAY=2026-04-30
  $ for s in 1 2 3; do
  >   liushou init s$s --school 第${s}小学 --year 2025-2026 --no-git -q
  >   for t in 1 2 3 4; do liushou --root s$s -q staff add --name 老师$t; done
  >   gensheet --rows $((10 * s)) --seed $s --ids --enrolled-on 2025-09-01 > reg$s.csv
  >   liushou --root s$s -q enroll --from-csv reg$s.csv
  >   gensheet --talks --rows $((10 * s)) --seed $s --from 2026-03 --to 2026-04 --teachers 4 > talks$s.csv
  >   liushou --root s$s -q log-talk --from-csv talks$s.csv
  >   liushou --root s$s -q pair --suggest --apply > /dev/null
  > done
  T001
  T002
  T003
  T004
  T001
  T002
  T003
  T004
  T001
  T002
  T003
  T004
  $ liushou --root s2 -q pair 2025-003 --since 2026-04-01 && liushou --root s2 -q enroll 2025-003 --status dropped_out --on 2026-04-30
  $ liushou --root s3 -q enroll 2025-004 --guardian-age ""
  $ for s in 1 2 3; do liushou --root s$s report summary --format json; done | jq -s '[.[].total.rates | to_entries[] | {key, num: .value.num, den: .value.den}] | group_by(.key) | map({(.[0].key): [(map(.num) | add), (map(.den) | add)]}) | add' -c > sum.json
  $ liushou --root s1 --root s2 --root s3 report summary --format json | jq -c '.total.rates | map_values([.num, .den])' > county.json
  $ jq -S . sum.json > a && jq -S . county.json > b && diff a b && echo "county = sum of the three"
  county = sum of the three
  $ cat b | jq -c .
  {"enrolment":[59,59],"family_calls":[45,60],"filed":[58,59],"home_visits":[59,59],"meetings":[0,59],"paired":[59,59],"retention":[59,60],"talks":[120,120]}
  $ liushou --root s1 --root s2 --root s3 report summary | sed -n '/^## 各学校/,/^## 各年级/p'
  ## 各学校
  
  | 学校 | 在读 | 建档率 | 入学率 | 巩固率 | 结对率 | 谈心完成率 | 亲情电话完成率 | 家访覆盖率 | 座谈会覆盖率 |
  | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
  | 第1小学 | 10 | 10/10 100.0% | 10/10 100.0% | 10/10 100.0% | 10/10 100.0% | 20/20 100.0% | 9/10 90.0% | 10/10 100.0% | 0/10 0.0% |
  | 第2小学 | 19 | 19/19 100.0% | 19/19 100.0% | 19/20 95.0% | 19/19 100.0% | 40/40 100.0% | 12/20 60.0% | 19/19 100.0% | 0/19 0.0% |
  | 第3小学 | 30 | 29/30 96.7% | 30/30 100.0% | 30/30 100.0% | 30/30 100.0% | 60/60 100.0% | 24/30 80.0% | 30/30 100.0% | 0/30 0.0% |
  | 合计 | 59 | 58/59 98.3% | 59/59 100.0% | 59/60 98.3% | 59/59 100.0% | 120/120 100.0% | 45/60 75.0% | 59/59 100.0% | 0/59 0.0% |
  
  ## 各年级
  $ liushou --root s1 --root s2 --root s3 report summary --format json | jq -r '.schools[] | "\(.school) \(.commit)"'
  第1小学 null
  第2小学 null
  第3小学 null
  $ liushou --root s1 --root s2 --root s3 report talks --month 2026-04 --format csv | sed -n 1,4p
  学校,日期,学号,姓名,班级,类型,教师,内容,情绪,跟进事项
  第3小学,2026-04-03,2025-012,罗佳怡,六年级1班,谈心,老师4（T004）,周末在家帮奶奶干农活,低落,
  第3小学,2026-04-03,2025-020,黄浩然,二年级1班,谈心,老师4（T004）,爷爷生病住院，情绪低落,低落,
  第2小学,2026-04-04,2025-001,孙语嫣,五年级3班,谈心,老师1（T001）,和同学闹了矛盾，已调解,好,
  $ liushou --root s1 --root s2 --root s3 report class 3 1 | sed -n 1,8p
  # 三年级1班留守儿童名册
  
  - 截至：2026-04-30
  - 人数：3
  
  | 学校 | 学号 | 姓名 | 性别 | 留守类型 | 监护人 | 帮扶教师 | 学习帮手 | 上次谈心 |
  | --- | --- | --- | --- | --- | --- | --- | --- | --- |
  | 第3小学 | 2025-006 | 黄嘉豪 | 男 | 双亲外出 | 外婆 黄德洋 | 老师2（T002） |  | 2026-04-07 |
