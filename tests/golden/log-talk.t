log-talk records the 谈心 record card, home visits, family calls and meetings.

  $ liushou init school --school 孙桥镇中心小学 --year 2025-2026 --no-git -q && cd school
  $ liushou -q staff add --name 张老师 --role head_teacher --grade 6 --class 2
  $ liushou -q staff add --name 李老师 --role teacher
  $ gensheet --rows 4 --ids > sheet.csv && liushou -q enroll --from-csv sheet.csv && rm sheet.csv
  $ git init -q . && git add -A && git commit -qm register

One talk adds only lines to the child's file; an earlier one is inserted in date order.

  $ liushou log-talk 2025-001 --by T001 --date 2026-03-12 --summary 想念妈妈，学习压力大 --mood 低落 --follow-up 联系母亲每周通一次视频电话
  logged 2025-001 2026-03-12 talk by T001
  $ git diff --stat && git commit -qam talk1
   children/2025-001.yaml | 7 +++++++
   1 file changed, 7 insertions(+)
  $ liushou log-talk 2025-001 --by 李老师 --date 2026-03-02 --kind 家访 --summary 家访，奶奶身体尚可
  logged 2025-001 2026-03-02 home_visit by T002
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
  already logged 2025-001 2026-03-12 talk by T001
  $ liushou log-talk 2025-001 --by T001 --kind family_call --summary 已与母亲视频 --close-follow-up
  logged 2025-001 2026-03-15 family_call by T001, closing the follow-up of 2026-03-12
  $ liushou log-talk 2025-001 --by T001 --summary 再谈 --close-follow-up
  liushou: --close-follow-up: 2025-001 has no open follow-up
  [1]
  $ git diff --stat
   children/2025-001.yaml | 5 +++++
   1 file changed, 5 insertions(+)

Refused: a future date, a date before the child enrolled, an unknown teacher, no summary,
an unknown kind, a missing child, an id that could leave children/.

  $ liushou log-talk 2025-002 --by T001 --date 2026-03-16 --summary x
  liushou: --date: 2026-03-16 is in the future
  [1]
  $ liushou log-talk 2025-002 --by T001 --date 2019-09-01 --summary x
  liushou log-talk: --date: 2019-09-01 is before the child enrolled (2021-09-01)
  liushou log-talk: nothing was logged for 2025-002
  [1]
  $ liushou log-talk 2025-002 --by T009 --summary ""
  liushou log-talk: --by: teacher T009 is not in staff.yaml
  liushou log-talk: --summary: say what the talk was about
  liushou log-talk: nothing was logged for 2025-002
  [1]
  $ liushou log-talk 2025-002 --by T001 --kind 电话 --summary x
  liushou: --kind 电话: use one of talk | home_visit | family_call | meeting | counselling | greeting (谈心/家访/亲情电话/座谈会/心理辅导/生日祝福)
  [2]
  $ liushou log-talk 2025-404 --by T001 --summary x
  liushou: no child 2025-404
  [2]
  $ liushou log-talk ../x --by T001 --summary x
  liushou: the id "../x" must start with a letter or digit
  [2]
  $ liushou log-talk --by T001 --summary x
  liushou: which child? liushou log-talk ID --by T --summary TEXT
  [2]
  $ git status --short
   M children/2025-001.yaml

Two open follow-ups: closing needs the date.

  $ liushou -q log-talk 2025-002 --by T001 --date 2026-03-01 --summary a --follow-up 跟进一
  $ liushou -q log-talk 2025-002 --by T001 --date 2026-03-05 --summary b --follow-up 跟进二
  $ liushou log-talk 2025-002 --by T001 --summary c --close-follow-up
  liushou: --close-follow-up: 2025-002 has 2 open follow-ups (2026-03-01 talk by T001: 跟进一; 2026-03-05 talk by T001: 跟进二); say which with its date, --close-kind or --close-text
  [2]
  $ liushou log-talk 2025-002 --by T001 --summary c --close-follow-up 2026-03-05
  logged 2025-002 2026-03-15 talk by T001, closing the follow-up of 2026-03-05
  $ liushou log-talk 2025-002 --by T001 --summary d --close-follow-up 2026-03-04
  liushou log-talk: --close-follow-up: no open follow-up from 2026-03-04
  liushou log-talk: nothing was logged for 2025-002
  [1]

Two follow-ups of one day: closing takes exactly one, named by kind or text, and the file says
which, so the other stays open.

  $ liushou -q log-talk 2025-003 --by T001 --date 2026-03-10 --summary 谈心 --follow-up 联系母亲
  $ liushou -q log-talk 2025-003 --by T002 --date 2026-03-10 --kind 家访 --summary 家访 --follow-up 申请营养餐补助
  $ liushou log-talk 2025-003 --by T001 --summary e --close-follow-up 2026-03-10
  liushou: --close-follow-up: 2025-003 has 2 open follow-ups (2026-03-10 talk by T001: 联系母亲; 2026-03-10 home_visit by T002: 申请营养餐补助); say which with its date, --close-kind or --close-text
  [2]
  $ liushou log-talk 2025-003 --by T001 --summary e --close-follow-up 2026-03-10 --close-text 营养餐
  logged 2025-003 2026-03-15 talk by T001, closing the follow-up of 2026-03-10
  $ grep -A1 'closes:' children/2025-003.yaml
      closes: 2026-03-10
      closes_kind: home_visit
  $ grep 'closes_by' children/2025-003.yaml
      closes_by: T002
  $ liushou schedule --format json --month 2026-03 | jq -c '[.follow_ups[] | select(.id == "2025-003") | .follow_up]'
  ["联系母亲"]
  $ liushou log-talk 2025-003 --by T001 --summary f --close-follow-up --close-kind 家访
  liushou: --close-follow-up: no open follow-up of 2025-003 matches the kind or text given
  [1]

check warns about a follow-up left open for more than 30 days.

  $ LIUSHOU_TODAY=2026-04-20 liushou check -q
  children/2025-002.yaml:38:16: warning: talks[0].follow_up: open for 50 days (since 2026-03-01)
  children/2025-003.yaml:40:16: warning: talks[0].follow_up: open for 41 days (since 2026-03-10)

Corrections by command, each written (and committed with --commit) like any write: a wrong
entry deleted by its day (--kind or --by when the day has several; an entry whose follow-up a
later one closes stays until that one goes), a field entered by mistake cleared with enroll
--unset (never the id or the name).

  $ mkdir ../fix && cd ../fix && liushou init . --school 测试小学 --year 2025-2026 -q && liushou -q staff add --name 张老师
  $ liushou -q enroll --id A1 --name 王芳 --enrolled-on 2025-09-01 --guardian-phone 13812345678 --mother-work-place 东莞
  $ liushou -q log-talk 王芳 --by 张老师 --date 2026-03-02 --summary 谈心 --follow-up 联系母亲 && liushou -q log-talk A1 --by 张老师 --date 2026-03-02 --kind 家访 --summary 家访 && liushou -q log-talk A1 --by 张老师 --date 2026-03-09 --summary 已联系 --close-follow-up 2026-03-02
  $ liushou log-talk A1 --delete 2026-03-02
  liushou: --delete: A1 has 2 entries of 2026-03-02 (talk by T001, home_visit by T001); say which with --kind or --by; nothing was changed
  [1]
  $ liushou log-talk A1 --delete 2026-03-02 --kind 谈心
  liushou: --delete: the entry of 2026-03-09 closes its follow-up; delete that one first; nothing was changed
  [1]
  $ liushou --commit log-talk A1 --delete 2026-03-09 | sed 's/[0-9a-f]\{7,\}/HASH/' && liushou log-talk A1 --delete 2026-03-02 --kind 谈心 && git log --format=%s -2
  deleted the entry of 2026-03-09 for A1
  committed HASH (1 file)
  deleted the entry of 2026-03-02 for A1
  log-talk A1 --delete 2026-03-09
  $ liushou report child A1 | sed -n '/^## 谈心/,/^## /p' | grep 2026
  | 2026-03-02 | 家访 | 张老师（T001） | 家访 |  |  |
  $ liushou log-talk A1 --delete 2026-03-20
  liushou: --delete: 2026-03-20 is in the future
  [1]
  $ liushou enroll A1 --unset guardian_phone --unset 母亲务工地址 && grep -c -E 'phone|东莞' children/A1.yaml
  updated A1: guardian_phone, mother_work_place
  0
  [1]
  $ liushou enroll A1 --unset name --unset 籍贯
  liushou enroll: --unset name: name cannot be cleared
  liushou enroll: --unset 籍贯: no such field (see liushou enroll --help)
  liushou enroll: A1 was not changed
  [1]
