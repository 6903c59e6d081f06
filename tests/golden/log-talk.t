log-talk records the 谈心 record card, home visits, family calls and meetings.

  $ liushou init school --school 孙桥镇中心小学 --year 2025-2026 --no-git -q && cd school
  $ liushou -q staff add --name 张老师 --role head_teacher --grade 6 --class 2
  T001
  $ liushou -q staff add --name 李老师 --role teacher
  T002
  $ gensheet --rows 4 --ids > sheet.csv && liushou -q enroll --from-csv sheet.csv && rm sheet.csv
  $ git init -q . && git add -A && git commit -qm register

One talk adds only lines to the child's file; an earlier one is inserted in date order.

  $ liushou log-talk 2025-001 --by T001 --date 2026-03-12 --summary 想念妈妈，学习压力大 --mood 低落 --follow-up 联系母亲每周通一次视频电话
  已登记 2025-001 2026-03-12 谈心（T001）
  $ git diff --stat && git commit -qam talk1
   children/2025-001.yaml | 7 +++++++
   1 file changed, 7 insertions(+)
  $ liushou log-talk 2025-001 --by 李老师 --date 2026-03-02 --kind 家访 --summary 家访，奶奶身体尚可
  已登记 2025-001 2026-03-02 家访（T002）
  $ git diff
  diff --git a/children/2025-001.yaml b/children/2025-001.yaml
  index 4487d03..592d3d2 100644
  --- a/children/2025-001.yaml
  +++ b/children/2025-001.yaml
  @@ -33,6 +33,10 @@ guardian:
     health: 良好
     age: 69
   talks:
  +  - date: 2026-03-02
  +    kind: home_visit
  +    by: T002
  +    summary: 家访，奶奶身体尚可
     - date: 2026-03-12
       kind: talk
       by: T001
  $ git commit -qam talk2

The same entry twice is not duplicated; a follow-up is open until a later entry closes it.

  $ liushou log-talk 2025-001 --by T001 --date 2026-03-12 --summary 想念妈妈，学习压力大 --mood 低落 --follow-up 联系母亲每周通一次视频电话
  已有 2025-001 2026-03-12 谈心（T001）
  $ liushou log-talk 2025-001 --by T001 --kind family_call --summary 已与母亲视频 --close-follow-up
  已登记 2025-001 2026-03-15 亲情电话（T001），并关闭 2026-03-12 的跟进事项
  $ liushou log-talk 2025-001 --by T001 --summary 再谈 --close-follow-up
  ! liushou：--close-follow-up：2025-001 没有未关闭的跟进事项
  [1]
  $ git diff --stat
   children/2025-001.yaml | 5 +++++
   1 file changed, 5 insertions(+)

Refused: a future date, a date before the child enrolled, an unknown teacher, no summary,
an unknown kind, a missing child, an id that could leave children/.

  $ liushou log-talk 2025-002 --by T001 --date 2026-03-16 --summary x
  ! liushou：--date：2026-03-16 是将来的日期
  [1]
  $ liushou log-talk 2025-002 --by T001 --date 2019-09-01 --summary x
  ! liushou log-talk：--date：2019-09-01 早于该儿童入学（2021-09-01）
  ! liushou log-talk：2025-002 未登记任何记录
  [1]
  $ liushou log-talk 2025-002 --by T009 --summary ""
  ! liushou：--summary：请写明谈了什么
  [2]
  $ liushou log-talk 2025-002 --by T001 --kind 电话 --summary x
  ! liushou：--kind 电话：可用的值：talk | home_visit | family_call | meeting | counselling | greeting（谈心/家访/亲情电话/座谈会/心理辅导/生日祝福）
  [2]
  $ liushou log-talk 2025-404 --by T001 --summary x
  ! liushou：没有儿童 2025-404
  [2]
  $ liushou log-talk ../x --by T001 --summary x
  ! liushou：学号“../x”须以字母或数字开头
  [2]
  $ liushou log-talk --by T001 --summary x
  ! liushou：哪名儿童？例如 liushou log-talk 学号 --by 教师 --summary 内容
  [2]
  $ git status --short
   M children/2025-001.yaml

Two open follow-ups: closing needs the date.

  $ liushou -q log-talk 2025-002 --by T001 --date 2026-03-01 --summary a --follow-up 跟进一
  $ liushou -q log-talk 2025-002 --by T001 --date 2026-03-05 --summary b --follow-up 跟进二
  $ liushou log-talk 2025-002 --by T001 --summary c --close-follow-up
  ! liushou：--close-follow-up：2025-002 有 2 项未关闭的跟进事项（2026-03-01 talk by T001：跟进一; 2026-03-05 talk by T001：跟进二）；请用日期、--close-kind 或 --close-text 说明是哪一项
  [2]
  $ liushou log-talk 2025-002 --by T001 --summary c --close-follow-up 2026-03-05
  已登记 2025-002 2026-03-15 谈心（T001），并关闭 2026-03-05 的跟进事项
  $ liushou log-talk 2025-002 --by T001 --summary d --close-follow-up 2026-03-04
  ! liushou log-talk：--close-follow-up：2026-03-04 没有未关闭的跟进事项
  ! liushou log-talk：2025-002 未登记任何记录
  [1]

Two follow-ups of one day: closing takes exactly one, named by kind or text, and the file says
which, so the other stays open.

  $ liushou -q log-talk 2025-003 --by T001 --date 2026-03-10 --summary 谈心 --follow-up 联系母亲
  $ liushou -q log-talk 2025-003 --by T002 --date 2026-03-10 --kind 家访 --summary 家访 --follow-up 申请营养餐补助
  $ liushou log-talk 2025-003 --by T001 --summary e --close-follow-up 2026-03-10
  ! liushou：--close-follow-up：2025-003 有 2 项未关闭的跟进事项（2026-03-10 talk by T001：联系母亲; 2026-03-10 home_visit by T002：申请营养餐补助）；请用日期、--close-kind 或 --close-text 说明是哪一项
  [2]
  $ liushou log-talk 2025-003 --by T001 --summary e --close-follow-up 2026-03-10 --close-text 营养餐
  已登记 2025-003 2026-03-15 谈心（T001），并关闭 2026-03-10 的跟进事项
  $ grep -A1 'closes:' children/2025-003.yaml
      closes: 2026-03-10
      closes_kind: home_visit
  $ grep 'closes_by' children/2025-003.yaml
      closes_by: T002
  $ liushou schedule --format json --month 2026-03 | jq -c '[.follow_ups[] | select(.id == "2025-003") | .follow_up]'
  ["联系母亲"]
  $ liushou log-talk 2025-003 --by T001 --summary f --close-follow-up --close-kind 家访
  ! liushou：--close-follow-up：2025-003 没有与所给类型或文字相符的未关闭跟进事项
  [1]

check warns about a follow-up left open for more than 30 days.

  $ LIUSHOU_TODAY=2026-04-20 liushou check -q
  children/2025-002.yaml:38:16: 警告：第 1 条谈心记录的跟进事项：已 50 天未关闭（自 2026-03-01 起）
  children/2025-003.yaml:40:16: 警告：第 1 条谈心记录的跟进事项：已 41 天未关闭（自 2026-03-10 起）

Corrections by command, each written (and committed with --commit) like any write: a wrong
entry deleted by its day (--kind or --by when the day has several; an entry whose follow-up a
later one closes stays until that one goes), a field entered by mistake cleared with enroll
--unset (never the id or the name).

  $ mkdir ../fix && cd ../fix && liushou init . --school 测试小学 --year 2025-2026 -q && liushou -q staff add --name 张老师
  T001
  $ liushou -q enroll --id A1 --name 王芳 --enrolled-on 2025-09-01 --guardian-phone 13812345678 --mother-work-place 东莞
  A1
  $ liushou -q log-talk 王芳 --by 张老师 --date 2026-03-02 --summary 谈心 --follow-up 联系母亲 && liushou -q log-talk A1 --by 张老师 --date 2026-03-02 --kind 家访 --summary 家访 && liushou -q log-talk A1 --by 张老师 --date 2026-03-09 --summary 已联系 --close-follow-up 2026-03-02
  $ liushou log-talk A1 --delete 2026-03-02
  ! liushou：--delete：A1 有 2 条 2026-03-02 的记录（2026-03-02#1 talk by T001, 2026-03-02#2 home_visit by T001）；请用编号说明是哪一条，如 --delete 2026-03-02#1；未作任何改动
  [1]
  $ liushou log-talk A1 --delete 2026-03-02 --kind 谈心
  ! liushou：--delete：2026-03-09 的记录关闭了一项跟进事项；请先删除那一条；未作任何改动
  [1]
  $ liushou --commit log-talk A1 --delete 2026-03-09 | sed 's/[0-9a-f]\{7,\}/HASH/' && liushou log-talk A1 --delete 2026-03-02 --kind 谈心 && git log --format=%s -2
  已删除 2026-03-09 的记录（A1）
  已提交 HASH（1 个文件）
  已删除 2026-03-02#1 的记录（A1）
  log-talk A1 --delete 2026-03-09
  $ liushou report child A1 | sed -n '/^## 谈心/,/^## /p' | grep 2026
  | 2026-03-02 | 家访 | 张老师（T001） | 家访 |  |  |
  $ liushou log-talk A1 --delete 2026-03-20
  ! liushou：--delete：2026-03-20 是将来的日期
  [1]

Two talks of one day, kind and teacher differ only in their handle, which report child shows in
the date column and --delete and --amend take (a new entry of another day changes neither).

  $ liushou -q log-talk A1 --by T001 --date 2026-03-05 --summary 谈学习 && liushou -q log-talk A1 --by T001 --date 2026-03-05 --summary 谈家里 && liushou -q log-talk A1 --by T001 --date 2026-03-04 --summary 早一天
  $ liushou report child A1 | sed -n '/^## 谈心/,/^## /p' | grep 2026
  | 2026-03-02 | 家访 | 张老师（T001） | 家访 |  |  |
  | 2026-03-04 | 谈心 | 张老师（T001） | 早一天 |  |  |
  | 2026-03-05#1 | 谈心 | 张老师（T001） | 谈学习 |  |  |
  | 2026-03-05#2 | 谈心 | 张老师（T001） | 谈家里 |  |  |
  $ liushou log-talk A1 --delete 2026-03-05 --kind 谈心 --by T001
  ! liushou：--delete：A1 有 2 条 2026-03-05 的记录（2026-03-05#1 talk by T001, 2026-03-05#2 talk by T001）；请用编号说明是哪一条，如 --delete 2026-03-05#1；未作任何改动
  [1]
  $ liushou log-talk A1 --by T001 --date 2026-03-05 --summary 谈家里，想妈妈 --amend
  ! liushou：--amend：A1 有 2 条 2026-03-05 的谈心（T001）（2026-03-05#1 talk by T001, 2026-03-05#2 talk by T001）；请用编号说明是哪一条，如 --amend=2026-03-05#1（未作任何改动）
  [1]
  $ liushou log-talk A1 --summary 谈家里，想妈妈 --mood 低落 --amend=2026-03-05#2
  已修改 A1 2026-03-05 谈心（T001）
  $ liushou log-talk A1 --delete 2026-03-05#3
  ! liushou：--delete：A1：2026-03-05 只有 2 条记录，没有第 3 条（2026-03-05#1 talk by T001, 2026-03-05#2 talk by T001）；未作任何改动
  [1]
  $ liushou log-talk A1 --delete 2026-03-05#x
  ! liushou：--delete：2026-03-05#x 不是日期，也不是记录的编号（如 2026-03-10、2026-03-10#2）
  [1]
  $ liushou --commit log-talk A1 --delete 2026-03-05#1 | sed 's/[0-9a-f]\{7,\}/HASH/' && git log --format=%s -1
  已删除 2026-03-05#1 的记录（A1）
  已提交 HASH（1 个文件）
  log-talk A1 --delete 2026-03-05#1
  $ liushou report child A1 | sed -n '/^## 谈心/,/^## /p' | grep 2026
  | 2026-03-02 | 家访 | 张老师（T001） | 家访 |  |  |
  | 2026-03-04 | 谈心 | 张老师（T001） | 早一天 |  |  |
  | 2026-03-05 | 谈心 | 张老师（T001） | 谈家里，想妈妈 | 低落 |  |
  $ liushou log-talk A1 --date 2026-03-06 --amend=2026-03-05 && grep -A1 '2026-03-06' children/A1.yaml
  已修改 A1 2026-03-06 谈心（T001）
    - date: 2026-03-06
      kind: talk

  $ liushou enroll A1 --unset guardian_phone --unset 母亲务工地址 && grep -c -E 'phone|东莞' children/A1.yaml
  已修改 A1：监护人电话、母亲务工地址
  0
  [1]
  $ liushou enroll A1 --unset name --unset 籍贯
  ! liushou enroll：--unset 姓名：姓名 不能清空
  ! liushou enroll：--unset 籍贯：没有这个字段（见 liushou enroll --help）
  ! liushou enroll：A1 未作改动
  [1]
