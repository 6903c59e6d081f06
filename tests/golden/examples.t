The sample school in examples/ is clean apart from three files still being completed and a few
follow-ups left open since December.

  $ cp -r "$EXAMPLES/school" school && cd school
  $ liushou check
  children/2025-004.yaml:1:1: error: incomplete file (建档), missing: guardian.phone, guardian.age
  children/2025-011.yaml:1:1: error: incomplete file (建档), missing: home_address
  children/2025-011.yaml:43:16: warning: talks[0].follow_up: open for 84 days (since 2025-12-21)
  children/2025-013.yaml:42:16: warning: talks[0].follow_up: open for 84 days (since 2025-12-21)
  children/2025-018.yaml:47:16: warning: talks[0].follow_up: open for 89 days (since 2025-12-16)
  children/2025-023.yaml:1:1: error: incomplete file (建档), missing: parents[0].work_place
  children/2025-024.yaml:44:16: warning: talks[0].follow_up: open for 88 days (since 2025-12-17)
  children/2025-025.yaml:44:16: warning: talks[0].follow_up: open for 101 days (since 2025-12-04)
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 34 files: 3 errors, 5 warnings
  [1]
  $ liushou list --grade 3
  学号      姓名    性别  年级  班级  留守类型  帮扶教师  状态  档案
  2025-002  林宇轩  女    3     2     父亲外出  T003      在读  完整
  2025-008  晏雨桐  女    3     3     双亲外出  T008      在读  完整
  2025-028  李子涵  男    3     3     双亲外出  T007      在读  完整
  共 3 名
  $ liushou staff list
  编号  姓名    职务      班级  电话
  T001  喻校长  领导            13800001001
  T002  张老师  班主任    1-1   13800001002
  T003  李老师  班主任    2-1   13800001003
  T004  王老师  班主任    3-1   13800001004
  T005  陈老师  班主任    4-1   13800001005
  T006  刘老师  班主任    5-1   13800001006
  T007  杨老师  班主任    6-1   13800001007
  T008  赵老师  任课教师        0716-7221008

The register sheet (UTF-8 and GB18030 copies) still holds the three fields cleared since, so
re-importing it names those children, and nothing else differs.

  $ cp "$EXAMPLES"/sheets/register*.csv .
  $ liushou enroll --from-csv register.csv --dry-run
  register.csv:5:1: error: row 5: child 2025-004 already exists and this row changes guardian_phone, guardian_age; import with --update to change it
  register.csv:12:1: error: row 12: child 2025-011 already exists and this row changes home_address; import with --update to change it
  register.csv:24:1: error: row 24: child 2025-023 already exists and this row changes father_work_place, mother_work_place; import with --update to change it
  register.csv: 3 problems; nothing was imported
  [1]
  $ liushou enroll --from-csv register-gb18030.csv --dry-run
  register-gb18030.csv:5:1: error: row 5: child 2025-004 already exists and this row changes guardian_phone, guardian_age; import with --update to change it
  register-gb18030.csv:12:1: error: row 12: child 2025-011 already exists and this row changes home_address; import with --update to change it
  register-gb18030.csv:24:1: error: row 24: child 2025-023 already exists and this row changes father_work_place, mother_work_place; import with --update to change it
  register-gb18030.csv: 3 problems; nothing was imported
  [1]
  $ liushou enroll --from-csv register-gb18030.csv --update --dry-run
  would update 2025-004 (row 5): guardian_phone, guardian_age
  would update 2025-011 (row 12): home_address
  would update 2025-023 (row 24): father_work_place, mother_work_place
  dry run, nothing written: register-gb18030.csv (30 rows, gb18030): 0 added, 3 updated, 27 unchanged

Pairings, help plans and a month of talks are in the sample too.

  $ liushou pair --load
  编号  姓名    职务      班级  帮扶人数
  T001  喻校长  领导            0
  T002  张老师  班主任    1-1   5
  T003  李老师  班主任    2-1   5
  T004  王老师  班主任    3-1   4
  T005  陈老师  班主任    4-1   4
  T006  刘老师  班主任    5-1   4
  T007  杨老师  班主任    6-1   4
  T008  赵老师  任课教师        4
  $ sed -n '/^pairing/,$p' children/2025-005.yaml
  pairing:
    teacher: T005
    since: 2026-03-15
    plan:
      - from: 2026-03-02
        to: 2026-06-30
        content: 数学每周两次课后辅导
        goal: 期末数学及格
    progress:
      - date: 2026-03-13
        note: 单元测验 72 分，比上次提高 15 分
        subject: 数学
        score: "72"
  talks:
    - date: 2025-12-13
      kind: talk
      by: T005
      summary: 上课爱走神，约定每天读书半小时
      mood: ok
    - date: 2026-03-10
      kind: talk
      by: T005
      summary: 和同学闹了矛盾，已调解
      mood: low
  $ liushou log-talk --from-csv register.csv 2>&1 | sed -n 1,3p
  register.csv:1:1: error: header: the sheet has no 日期 (date) column
  register.csv:1:1: error: header: the sheet has no 教师 (teacher) column
  register.csv:1:1: error: header: the sheet has no 内容 (summary) column
  [1]

The March checklist of the sample school (the README shows it).

  $ liushou schedule --month 2026-03 | sed -n 1,42p
  # 孙桥镇中心小学 2026年3月关爱留守儿童工作清单
  
  - 学年：2025-2026，第二学期（2026-02-01 – 2026-07-31）
  - 截至：2026-03-15
  - 本月在读留守儿童：30 名
  
  ## 概览
  
  | 事项 | 应完成 | 尚欠 |
  | --- | ---: | ---: |
  | 谈心（每月 1 次） | 30 | 6 |
  | 亲情电话 | — | — |
  | 家访（每学期 1 次） | 30 | 30 |
  | 座谈会（每学期 1 次） | 30 | 26 |
  | 本月生日 | 1 | 0 |
  | 未关闭的跟进事项 | | 7 |
  | 未结对 | | 0 |
  | 档案不完整 | | 3 |
  
  ## 本月工作安排
  
  - [x] 留守儿童信息更新（2026-03-10 完成：30名儿童的档案已更新）
  - [ ] 成立学校关爱留守儿童领导专班
  
  ## 本月活动
  
  已记录的活动：
  
  - 2026-03-02 安全教育：开学第一课：防溺水安全教育（30 名）
  - 2026-03-11 主题班会：感恩母亲主题班会（5 名）
  
  ## 谈心：本月尚欠 6 名（每月 1 次）
  
  ### 张老师（T002）
  
  - [ ] 2025-009 赵磊，六年级3班，上次 2025-12-04
  
  ### 刘老师（T006）
  
  - [ ] 2025-006 王家乐，一年级2班，上次 2025-12-13
  - [ ] 2025-021 吴天佑，五年级1班，上次 2025-12-18
  

The sample school's summary for the second term as of 15 March (the README shows it).

  $ liushou report summary | sed -n '1,/^## 每月谈心/p'
  # 孙桥镇中心小学 关爱留守儿童工作总结
  
  - 统计期间：第二学期 2026-02-01 至 2026-07-31
  - 截至：2026-03-15（数据计算至 2026-03-15）
  - 数据来源：孙桥镇中心小学（京山县，2025-2026），不在 git 仓库中
  - 领导小组：组长 喻校长；副组长 杨副校长；组员 张老师、李老师、赵老师
  
  ## 基本情况
  
  | 项目 | 人数 |
  | --- | ---: |
  | 期初在读 | 30 |
  | 新入学 | 0 |
  | 转入 | 0 |
  | 转出 | 0 |
  | 辍学 | 0 |
  | 毕业 | 0 |
  | 其他离校 | 0 |
  | 期末在读 | 30 |
  | 其中双亲外出 | 19 |
  | 其中父亲外出 | 9 |
  | 其中母亲外出 | 2 |
  | 寄宿 | 4 |
  | 重点帮扶对象 | 1 |
  | 享受资助 | 3 |
  | 未入学 | 0 |
  
  ## 各年级、各班人数变动
  
  | 年级、班级 | 期初在读 | 新入学 | 转入 | 转出 | 辍学 | 毕业 | 其他离校 | 期末在读 |
  | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
  | 一年级 | 7 | 0 | 0 | 0 | 0 | 0 | 0 | 7 |
  | 一年级1班 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 1 |
  | 一年级2班 | 2 | 0 | 0 | 0 | 0 | 0 | 0 | 2 |
  | 一年级3班 | 4 | 0 | 0 | 0 | 0 | 0 | 0 | 4 |
  | 二年级 | 4 | 0 | 0 | 0 | 0 | 0 | 0 | 4 |
  | 二年级1班 | 2 | 0 | 0 | 0 | 0 | 0 | 0 | 2 |
  | 二年级2班 | 2 | 0 | 0 | 0 | 0 | 0 | 0 | 2 |
  | 三年级 | 3 | 0 | 0 | 0 | 0 | 0 | 0 | 3 |
  | 三年级2班 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 1 |
  | 三年级3班 | 2 | 0 | 0 | 0 | 0 | 0 | 0 | 2 |
  | 四年级 | 4 | 0 | 0 | 0 | 0 | 0 | 0 | 4 |
  | 四年级1班 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 1 |
  | 四年级2班 | 2 | 0 | 0 | 0 | 0 | 0 | 0 | 2 |
  | 四年级3班 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 1 |
  | 五年级 | 5 | 0 | 0 | 0 | 0 | 0 | 0 | 5 |
  | 五年级1班 | 3 | 0 | 0 | 0 | 0 | 0 | 0 | 3 |
  | 五年级2班 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 1 |
  | 五年级3班 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 1 |
  | 六年级 | 7 | 0 | 0 | 0 | 0 | 0 | 0 | 7 |
  | 六年级1班 | 2 | 0 | 0 | 0 | 0 | 0 | 0 | 2 |
  | 六年级2班 | 2 | 0 | 0 | 0 | 0 | 0 | 0 | 2 |
  | 六年级3班 | 3 | 0 | 0 | 0 | 0 | 0 | 0 | 3 |
  
  ## 各项比率
  
  | 指标 | 已完成 | 应完成 | 比率 |
  | --- | ---: | ---: | ---: |
  | 建档率 | 27 | 30 | 90.0% |
  | 入学率 | 30 | 30 | 100.0% |
  | 巩固率 | 30 | 30 | 100.0% |
  | 结对率 | 30 | 30 | 100.0% |
  | 谈心完成率 | 24 | 30 | 80.0% |
  | 亲情电话完成率 | 0 | 0 | — |
  | 家访覆盖率 | 0 | 30 | 0.0% |
  | 座谈会覆盖率 | 4 | 30 | 13.3% |
  
  ## 每月谈心完成情况
