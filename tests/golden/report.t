report summary on a hand-built tree whose rates were worked out by hand. Term 2 is
2026-02-01..2026-07-31; today is 2026-04-30, so the figures run to then. February is a
holiday month (no talks), so the talk months are March and April.

  $ export LIUSHOU_TODAY=2026-04-30
  $ liushou init school --school 孙桥镇中心小学 --county 京山县 --year 2025-2026 --no-git -q && cd school
  $ sed -i '/family_calls_from/d' liushou.yaml  # family calls from the term's first month, as before 4 月 was the default
  $ liushou -q staff add --name 张老师 --role head_teacher --grade 3 --class 1
  T001
  $ liushou -q staff add --name 李老师 --role teacher
  T002
  $ full() { local grade=$1; shift; liushou -q enroll --gender 男 --grade "$grade" --class 1 --left-behind 双亲外出 \
  >   --home-address 某村1组 --father-name 某父 --father-phone 13800000001 --father-work-place 深圳 \
  >   --guardian-relation 奶奶 --guardian-name 某奶奶 --guardian-phone 13800000002 --guardian-address 同上 \
  >   --guardian-occupation 务农 --guardian-health 一般 --guardian-age 68 "$@"; }
  $ full 3 --id B1 --name 一号 --birth-date 2016-01-01 --enrolled-on 2025-09-01
  B1
  $ full 3 --id B2 --name 二号 --birth-date 2016-02-01 --enrolled-on 2026-03-02
  B2
  $ liushou -q enroll B2 --guardian-age ""
  $ full 3 --id B3 --name 三号 --birth-date 2016-03-01 --enrolled-on 2025-09-01
  B3
  $ full 4 --id B4 --name 四号 --birth-date 2016-04-01 --enrolled-on 2025-09-01
  B4
  $ full 4 --id B5 --name 五号 --birth-date 2016-05-01 --enrolled-on 2025-09-01 --boarding 是
  B5
  $ liushou -q enroll --id B6 --name 六号 --birth-date 2016-06-01 --status not_enrolled --on 2026-02-10
  B6
  $ liushou -q enroll B3 --status dropped_out --on 2026-03-20
  $ liushou -q enroll B4 --status transferred --on 2026-04-15
  $ liushou -q pair B1 --teacher T001 --since 2025-09-01
  $ liushou -q pair B1 --teacher T002 --since 2026-03-16
  $ liushou -q pair B2 --teacher T001 --since 2026-03-02
  $ liushou -q pair B3 --teacher T001 --since 2025-09-01
  $ liushou -q pair B4 --teacher T002 --since 2025-09-01
  $ t() { liushou -q log-talk "$@"; }
  $ t B1 --by T001 --date 2026-03-05 --summary 三月谈心 && t B1 --by T002 --date 2026-04-10 --summary 四月谈心
  $ t B1 --by T002 --date 2026-03-20 --kind home_visit --summary 家访 && t B1 --by T002 --date 2026-03-25 --kind family_call --summary 亲情电话
  $ t B2 --by T001 --date 2026-04-08 --summary 四月谈心 && t B3 --by T001 --date 2026-03-03 --summary 三月谈心
  $ t B4 --by T002 --date 2026-03-10 --summary 三月谈心 && t B4 --by T002 --date 2026-04-02 --summary 四月谈心

By hand: enrolled on 04-30 are B1, B2, B5 (B3 dropped out, B4 transferred, B6 never came);
on 02-01 B1, B3, B4, B5. 建档率 2/3 (B2 lacks the guardian's age); 入学率 3/(3+1); 巩固率
(4-1)/4; 结对率 2/3 (B5 has no teacher). Talks: March 3 of 5 enrolled (B1, B3, B4; not B2,
B5), April 3 of 4 (B1, B2, B4; not B5): 6/9. Family calls 1/9. Home visits: 1 of the 5
enrolled during the term.

  $ git init -q && git add -A && git commit -qm records
  $ liushou report summary | sed "s/git [0-9a-f]\{12\}/git COMMIT/"
  # 孙桥镇中心小学 关爱留守儿童工作总结
  
  - 统计期间：第二学期 2026-02-01 至 2026-07-31
  - 截至：2026-04-30（数据计算至 2026-04-30）
  - 数据来源：孙桥镇中心小学（京山县，2025-2026），git COMMIT
  - 领导小组：组长 —；副组长 —；组员 —
  
  ## 基本情况
  
  | 项目 | 人数 |
  | --- | ---: |
  | 期初在读 | 4 |
  | 新入学 | 1 |
  | 转入 | 0 |
  | 转出 | 1 |
  | 辍学 | 1 |
  | 毕业 | 0 |
  | 其他离校 | 0 |
  | 期末在读 | 3 |
  | 其中双亲外出 | 3 |
  | 其中父亲外出 | 0 |
  | 其中母亲外出 | 0 |
  | 寄宿 | 1 |
  | 重点帮扶对象 | 0 |
  | 享受资助 | 0 |
  | 未入学 | 1 |
  
  ## 各年级、各班人数变动
  
  | 年级、班级 | 期初在读 | 新入学 | 转入 | 转出 | 辍学 | 毕业 | 其他离校 | 期末在读 |
  | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
  | 年级未知 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
  | 班级未知 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
  | 三年级 | 2 | 1 | 0 | 0 | 1 | 0 | 0 | 2 |
  | 三年级1班 | 2 | 1 | 0 | 0 | 1 | 0 | 0 | 2 |
  | 四年级 | 2 | 0 | 0 | 1 | 0 | 0 | 0 | 1 |
  | 四年级1班 | 2 | 0 | 0 | 1 | 0 | 0 | 0 | 1 |
  
  ## 各项比率
  
  | 指标 | 已完成 | 应完成 | 比率 |
  | --- | ---: | ---: | ---: |
  | 建档率 | 2 | 3 | 66.7% |
  | 入学率 | 3 | 4 | 75.0% |
  | 巩固率 | 4 | 5 | 80.0% |
  | 结对率 | 2 | 3 | 66.7% |
  | 谈心完成率 | 6 | 9 | 66.7% |
  | 亲情电话完成率 | 1 | 9 | 11.1% |
  | 家访覆盖率 | 1 | 3 | 33.3% |
  | 座谈会覆盖率 | 0 | 3 | 0.0% |
  
  ## 每月谈心完成情况
  
  | 月份 | 已谈心 | 应谈心 | 完成率 |
  | --- | ---: | ---: | ---: |
  | 2026-03 | 3 | 5 | 60.0% |
  | 2026-04 | 3 | 4 | 75.0% |
  
  ```mermaid
  xychart-beta
      title "每月谈心完成率（%）"
      x-axis ["2026-03", "2026-04"]
      y-axis "%" 0 --> 100
      bar [60.0, 75.0]
  ```
  
  ## 亲情电话、家访与座谈会
  
  | 项目 | 期间 | 已完成 | 应完成 | 比率 |
  | --- | --- | ---: | ---: | ---: |
  | 亲情电话（每月 1 次） | 2026-03 | 1 | 5 | 20.0% |
  | 亲情电话（每月 1 次） | 2026-04 | 0 | 4 | 0.0% |
  | 家访（每学期 1 次） | 第二学期（2026-02-01 至 2026-04-30） | 1 | 3 | 33.3% |
  | 座谈会（每学期 1 次） | 第二学期（2026-02-01 至 2026-04-30） | 0 | 3 | 0.0% |
  
  心理辅导：0 次，0 名儿童，其中重点帮扶对象 0 名。
  
  生日祝福：期间 2 个生日，已祝福 0 个（0.0%）。
  
  学习帮手：期末在读的 3 名儿童中 0 名有学习帮手（0.0%），其中一个以上的 0 名。
  
  ## 工作计划完成情况
  
  | 月份 | 已完成 | 计划 | 完成率 |
  | --- | ---: | ---: | ---: |
  | 2026-02 | 0 | 2 | 0.0% |
  | 2026-03 | 0 | 2 | 0.0% |
  | 2026-04 | 0 | 3 | 0.0% |
  
  ## 活动开展情况
  
  期间没有记录集体活动。
  
  ## 各年级
  
  | 年级 | 在读 | 建档率 | 入学率 | 巩固率 | 结对率 | 谈心完成率 | 家访覆盖率 |
  | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
  | 年级未知 | 0 | — | 0.0% | — | — | — | — |
  | 三年级 | 2 | 50.0% | 100.0% | 66.7% | 100.0% | 80.0% | 50.0% |
  | 四年级 | 1 | 100.0% | 100.0% | 100.0% | 0.0% | 50.0% | 0.0% |
  
  ## 各班
  
  | 班级 | 在读 | 建档率 | 入学率 | 巩固率 | 结对率 | 谈心完成率 | 家访覆盖率 |
  | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
  | 班级未知 | 0 | — | 0.0% | — | — | — | — |
  | 三年级1班 | 2 | 50.0% | 100.0% | 66.7% | 100.0% | 80.0% | 50.0% |
  | 四年级1班 | 1 | 100.0% | 100.0% | 100.0% | 0.0% | 50.0% | 0.0% |
  
  ## 尚未达到 100% 的地方
  
  ### 三年级1班
  
  - 亲情电话不足（2026-04）：B1 一号
  - 未参加座谈会（第二学期）：B1 一号
  - 档案不完整：B2 二号（缺 监护人年龄）
  - 未谈心（2026-03）：B2 二号
  - 亲情电话不足（2026-03、2026-04）：B2 二号
  - 未家访（第二学期）：B2 二号
  - 未参加座谈会（第二学期）：B2 二号
  - 亲情电话不足（2026-03）：B3 三号
  - 生日未祝福：B3 三号
  
  ### 四年级1班
  
  - 亲情电话不足（2026-03、2026-04）：B4 四号
  - 生日未祝福：B4 四号
  - 未结对：B5 五号
  - 未谈心（2026-03, 2026-04）：B5 五号
  - 亲情电话不足（2026-03、2026-04）：B5 五号
  - 未家访（第二学期）：B5 五号
  - 未参加座谈会（第二学期）：B5 五号

The same period as it stood on 31 March (--as-of): B4 still enrolled, only March counts, and
B1 is already with 李老师 (re-paired on 16 March). An uncommitted change is reported.

  $ echo "notes: x" >> children/B5.yaml
  $ liushou report summary --as-of 2026-03-31 --lang en | sed "s/git [0-9a-f]\{12\}/git COMMIT/" | sed -n '1,/^## Monthly/p'
  # 孙桥镇中心小学: summary of care for left-behind children
  
  - Period: 第二学期 2026-02-01 to 2026-07-31
  - As of 2026-03-31 (figures up to 2026-03-31)
  - Computed from: 孙桥镇中心小学 (2025-2026, 京山县), git COMMIT + uncommitted changes
  - Leading group: leader —; deputies —; members —
  
  ## Children
  
  | Item | Children |
  | --- | ---: |
  | Enrolled at the start | 4 |
  | New pupils | 1 |
  | Transferred in | 0 |
  | Transferred out | 0 |
  | Dropped out | 1 |
  | Graduated | 0 |
  | Left for other reasons | 0 |
  | Enrolled at the end | 4 |
  | both parents away | 4 |
  | father away | 0 |
  | mother away | 0 |
  | Boarding | 1 |
  | Key children (重点帮扶) | 0 |
  | Subsidised (资助) | 0 |
  | Not enrolled (未入学) | 1 |
  
  ## Movement by grade and class
  
  | Grade, class | Enrolled at the start | New pupils | Transferred in | Transferred out | Dropped out | Graduated | Left for other reasons | Enrolled at the end |
  | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
  | unknown | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
  | unknown | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
  | grade 3 | 2 | 1 | 0 | 0 | 1 | 0 | 0 | 2 |
  | 3-1 | 2 | 1 | 0 | 0 | 1 | 0 | 0 | 2 |
  | grade 4 | 2 | 0 | 0 | 0 | 0 | 0 | 0 | 2 |
  | 4-1 | 2 | 0 | 0 | 0 | 0 | 0 | 0 | 2 |
  
  ## Rates
  
  | Rate | Done | Of | Percent |
  | --- | ---: | ---: | ---: |
  | Files complete (建档率) | 3 | 4 | 75.0% |
  | Enrolment (入学率) | 4 | 5 | 80.0% |
  | Retention (巩固率) | 4 | 5 | 80.0% |
  | Paired (结对率) | 3 | 4 | 75.0% |
  | Monthly talks (谈心) | 3 | 5 | 60.0% |
  | Family calls (亲情电话) | 1 | 5 | 20.0% |
  | Home visits (家访) | 1 | 4 | 25.0% |
  | Guardian meetings (座谈会) | 0 | 4 | 0.0% |
  
  ## Monthly talk coverage

An empty period: before anyone enrolled, every rate is —, never a division by zero.

  $ liushou report summary --from 2020-01-01 --to 2020-12-31 | sed -n '/^## 各项比率/,/^## 每月/p'
  ## 各项比率
  
  | 指标 | 已完成 | 应完成 | 比率 |
  | --- | ---: | ---: | ---: |
  | 建档率 | 0 | 0 | — |
  | 入学率 | 0 | 0 | — |
  | 巩固率 | 0 | 0 | — |
  | 结对率 | 0 | 0 | — |
  | 谈心完成率 | 0 | 0 | — |
  | 亲情电话完成率 | 0 | 0 | — |
  | 家访覆盖率 | 0 | 0 | — |
  | 座谈会覆盖率 | 0 | 0 | — |
  
  ## 每月谈心完成情况
  $ liushou report summary --from 2026-05-01 --to 2026-05-31
  ! liushou：统计期间从 2026-05-01 开始，晚于统计截至日（2026-04-30）
  [2]
  $ liushou report summary --term 第三学期
  ! liushou：--term 第三学期：学期只有 第一学期, 第二学期
  [2]
  $ liushou report summary --term 第二学期 --from 2026-02-01
  ! liushou：--term 与 --from/--to 只能给一种
  [2]

JSON and CSV carry the same numbers as the Markdown.

  $ liushou report summary > summary.md
  $ liushou report summary --format json > summary.json
  $ awk -F'|' '/^[|] (建档率|入学率|巩固率|结对率|谈心完成率|亲情电话完成率|家访覆盖率|座谈会覆盖率) /{gsub(/ /, ""); print $3, $4, $5}' summary.md > md.rates
  $ jq -r '.total.rates[] | "\(.num) \(.den) \(if .percent == null then "—" else (.percent * 10 | round / 10 | tostring) end)"' summary.json | awk '{ if ($3 != "—") $3 = sprintf("%.1f%%", $3); print }' > json.rates
  $ diff md.rates json.rates && cat md.rates
  2 3 66.7%
  3 4 75.0%
  4 5 80.0%
  2 3 66.7%
  6 9 66.7%
  1 9 11.1%
  1 3 33.3%
  0 3 0.0%
  $ jq -r '[.by_class[] | "\(.grade)-\(.class) \(.enrolled) \(.rates.talks.num)/\(.rates.talks.den)"] | join("; ")' summary.json
  null-null 0 0/0; 3-1 2 4/5; 4-1 1 2/4
  $ liushou --lang en report summary --format csv | grep -E '^total,[^,]*,,,(filed|retention|talks)'
  total,,,,filed,2,3,66.7
  total,,,,retention,4,5,80.0
  total,,,,talks,6,9,66.7
  total,,,,talks:2026-03,3,5,60.0
  total,,,,talks:2026-04,3,4,75.0

A child's card, a class roster and the month's talks.

  $ liushou report child B1
  # 留守儿童档案卡：一号（B1）
  
  - 学校：孙桥镇中心小学
  - 档案：完整
  
  ## 基本情况
  
  | 项目 | 内容 |
  | --- | --- |
  | 学号 | B1 |
  | 姓名 | 一号 |
  | 性别 | 男 |
  | 出生日期 | 2016-01-01 |
  | 身份证号 |  |
  | 民族 |  |
  | 班级 | 三年级1班 |
  | 入学日期 | 2025-09-01 |
  | 状态 | 在读 |
  | 留守类型 | 双亲外出 |
  | 寄宿 |  |
  | 健康状况 |  |
  | 家庭住址 | 某村1组 |
  
  ## 父母
  
  | 关系 | 姓名 | 电话 | 务工地址 | 单位电话 |
  | --- | --- | --- | --- | --- |
  | 父亲 | 某父 | 13800000001 | 深圳 |  |
  
  ## 监护人
  
  | 关系 | 姓名 | 职业 | 住址 | 电话 | 健康状况 | 年龄 |
  | --- | --- | --- | --- | --- | --- | --- |
  | 奶奶 | 某奶奶 | 务农 | 同上 | 13800000002 | 一般 | 68 |
  
  ## 帮扶
  
  | 项目 | 内容 |
  | --- | --- |
  | 重点帮扶对象 | 否 |
  | 资助 |  |
  | 个别教育管理方案 |  |
  
  ## 结对帮扶
  
  | 期间 | 帮扶教师 | 学习帮手 | 代理家长 |
  | --- | --- | --- | --- |
  | 2026-03-16 起 | 李老师（T002） |  |  |
  | 2025-09-01 – 2026-03-15 | 张老师（T001） |  |  |
  
  ## 学习帮扶计划
  
  | 起 | 止 | 内容 | 阶段目标 |
  | --- | --- | --- | --- |
  
  ## 进步档案
  
  | 日期 | 科目 | 成绩 | 记录 |
  | --- | --- | --- | --- |
  
  ## 谈心、家访与联系记录
  
  | 日期 | 类型 | 教师 | 内容 | 情绪 | 跟进事项 |
  | --- | --- | --- | --- | --- | --- |
  | 2026-03-05 | 谈心 | 张老师（T001） | 三月谈心 |  |  |
  | 2026-03-20 | 家访 | 李老师（T002） | 家访 |  |  |
  | 2026-03-25 | 亲情电话 | 李老师（T002） | 亲情电话 |  |  |
  | 2026-04-10 | 谈心 | 李老师（T002） | 四月谈心 |  |  |
  
  ## 参加的活动
  
  无。
  $ liushou report class 3 1
  # 三年级1班留守儿童名册
  
  - 截至：2026-04-30
  - 人数：2
  
  | 学号 | 姓名 | 性别 | 留守类型 | 监护人 | 帮扶教师 | 学习帮手 | 上次谈心 |
  | --- | --- | --- | --- | --- | --- | --- | --- |
  | B1 | 一号 | 男 | 双亲外出 | 奶奶 某奶奶 | 李老师（T002） |  | 2026-04-10 |
  | B2 | 二号 | 男 | 双亲外出 | 奶奶 某奶奶 | 张老师（T001） |  | 2026-04-08 |
  $ liushou report class 3 1 --format csv
  学号,姓名,性别,留守类型,监护人,帮扶教师,学习帮手,上次谈心
  B1,一号,男,双亲外出,奶奶 某奶奶,李老师（T002）,,2026-04-10
  B2,二号,男,双亲外出,奶奶 某奶奶,张老师（T001）,,2026-04-08
  $ liushou report class 3 1 --format json
  {
    "liushou_json": 1,
    "grade": 3,
    "class": 1,
    "as_of": "2026-04-30",
    "children": [
      {"id": "B1", "name": "一号", "gender": "male", "left_behind": "both_parents", "guardian": {"relation": "奶奶", "name": "某奶奶"}, "teacher": "T002", "buddies": [], "last_talk": "2026-04-10"},
      {"id": "B2", "name": "二号", "gender": "male", "left_behind": "both_parents", "guardian": {"relation": "奶奶", "name": "某奶奶"}, "teacher": "T001", "buddies": [], "last_talk": "2026-04-08"}
    ]
  }
  $ liushou report talks --month 2026-03 --format json
  {
    "liushou_json": 1,
    "month": "2026-03",
    "talks": [
      {"date": "2026-03-03", "id": "B3", "name": "三号", "grade": 3, "class": 1, "kind": "talk", "by": "T001", "summary": "三月谈心", "mood": null, "follow_up": null},
      {"date": "2026-03-05", "id": "B1", "name": "一号", "grade": 3, "class": 1, "kind": "talk", "by": "T001", "summary": "三月谈心", "mood": null, "follow_up": null},
      {"date": "2026-03-10", "id": "B4", "name": "四号", "grade": 4, "class": 1, "kind": "talk", "by": "T002", "summary": "三月谈心", "mood": null, "follow_up": null},
      {"date": "2026-03-20", "id": "B1", "name": "一号", "grade": 3, "class": 1, "kind": "home_visit", "by": "T002", "summary": "家访", "mood": null, "follow_up": null},
      {"date": "2026-03-25", "id": "B1", "name": "一号", "grade": 3, "class": 1, "kind": "family_call", "by": "T002", "summary": "亲情电话", "mood": null, "follow_up": null}
    ]
  }
  $ liushou report talks --month 2026-03 --format csv
  日期,学号,姓名,班级,类型,教师,内容,情绪,跟进事项
  2026-03-03,B3,三号,三年级1班,谈心,张老师（T001）,三月谈心,,
  2026-03-05,B1,一号,三年级1班,谈心,张老师（T001）,三月谈心,,
  2026-03-10,B4,四号,四年级1班,谈心,李老师（T002）,三月谈心,,
  2026-03-20,B1,一号,三年级1班,家访,李老师（T002）,家访,,
  2026-03-25,B1,一号,三年级1班,亲情电话,李老师（T002）,亲情电话,,
  $ liushou report child B9
  ! liushou：没有儿童 B9
  [2]
  $ liushou report child
  ! liushou：请给出学号，或用 --all
  [2]

The last section says nothing untrue: with B1 alone (complete, paired, talked to, visited and
called in March, but no guardians' meeting held) no child is named, yet 座谈会 is below 100%;
and a period with nothing to measure says so.

  $ mkdir -p ../short/children && cp liushou.yaml staff.yaml ../short/ && cp children/B1.yaml ../short/children/ && cd ../short
  $ liushou report summary --from 2026-03-01 --to 2026-03-31 | sed -n '/^## 各项比率/,/^## 每月/p;/^## 尚未达到/,$p'
  ## 各项比率
  
  | 指标 | 已完成 | 应完成 | 比率 |
  | --- | ---: | ---: | ---: |
  | 建档率 | 1 | 1 | 100.0% |
  | 入学率 | 1 | 1 | 100.0% |
  | 巩固率 | 1 | 1 | 100.0% |
  | 结对率 | 1 | 1 | 100.0% |
  | 谈心完成率 | 1 | 1 | 100.0% |
  | 亲情电话完成率 | 1 | 1 | 100.0% |
  | 家访覆盖率 | 1 | 1 | 100.0% |
  | 座谈会覆盖率 | 0 | 1 | 0.0% |
  
  ## 每月谈心完成情况
  ## 尚未达到 100% 的地方
  
  ### 三年级1班
  
  - 未参加座谈会（第二学期）：B1 一号
  $ liushou report summary --from 2020-01-01 --to 2020-12-31 | sed -n '/^## 尚未达到/,$p'
  ## 尚未达到 100% 的地方
  
  本期没有可计算的比率。

Terms listed spring first: outside every term the summary still covers the whole school year,
from the earliest term's start to the latest term's end.

  $ python3 -c "import re,sys; t=open('liushou.yaml').read(); a=t.index('  - name: 第一学期'); b=t.index('  - name: 第二学期'); c=t.index('leading_group:'); open('liushou.yaml','w').write(t[:a]+t[b:c]+t[a:b]+t[c:])"
  $ sed -n '/^terms:/,/^leading_group:/p' liushou.yaml
  terms:
    - name: 第二学期
      from: 2026-02-01
      to: 2026-07-31
    - name: 第一学期
      from: 2025-09-01
      to: 2026-01-31
  leading_group:
  $ liushou check -q; echo "exit $?"
  exit 0
  $ LIUSHOU_TODAY=2026-08-15 liushou report summary | grep '统计期间'
  - 统计期间：2025-2026 2025-09-01 至 2026-07-31

With three talks a month asked for, one talk is too few, not none: "未谈心" would tell a teacher
the child was never talked to.

  $ sed -i 's/^  talks_per_month: 1$/  talks_per_month: 3/' liushou.yaml
  $ liushou report summary --from 2026-03-01 --to 2026-03-31 | sed -n '/^## 尚未达到/,$p'
  ## 尚未达到 100% 的地方
  
  ### 三年级1班
  
  - 谈心不足（2026-03 1/3 次）：B1 一号
  - 未参加座谈会（第二学期）：B1 一号
  $ liushou report summary --from 2026-03-01 --to 2026-03-31 --lang en | sed -n '/^## What still/,$p'
  ## What still falls short of 100%
  
  ### 3-1
  
  - Too few talks in 2026-03 (1 of 3): B1 一号
  - No guardian meeting in 第二学期: B1 一号
  $ liushou report summary --from 2026-03-01 --to 2026-03-31 --format json | jq -c '.shortfalls[] | {id, untalked, talks_short}'
  {"id":"B1","untalked":["2026-03"],"talks_short":[{"month":"2026-03","held":1,"required":3}]}

CSV for Excel: in Chinese the summary's sheet has Chinese headers and names (合计, 建档率,
谈心完成率:2026-03); written with -o it starts with a UTF-8 byte order mark, so that Excel on
Chinese Windows opens it as UTF-8; on standard output it is plain; --encoding gb18030 writes
GBK's superset for software that reads nothing else.

  $ liushou report summary --format csv | sed -n '1p;/^合计,[^,]*,,,\(建档率\|谈心完成率:2026-03\),/p'
  范围,学校,年级,班级,项目,完成,应完成,比率（%）
  合计,,,,建档率,1,1,100.0
  合计,,,,谈心完成率:2026-03,0,1,0.0
  $ liushou report summary --format csv -o s.csv -q && head -c 3 s.csv | od -An -tx1 && tail -c +4 s.csv | cmp - <(liushou report summary --format csv) && echo same
   ef bb bf
  same
  $ liushou report talks --month 2026-03 --format csv --encoding gb18030 -o t.csv -q && iconv -f gb18030 -t utf-8 t.csv | cmp - <(liushou report talks --month 2026-03 --format csv) && echo same
  same
  $ liushou report summary --encoding gb18030
  ! liushou：--encoding 只用于 CSV，须与 --format csv 一起使用
  [2]
