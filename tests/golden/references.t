One reference map (#41): every place an id can appear is described once (domain/fields.cpp);
rename rewrites all of them, activities included, and staff remove is refused while any
remains, naming the file and the field.

  $ export LIUSHOU_TODAY=2026-03-15
  $ liushou -q init school --school 孙桥小学 --year 2025-2026 && cd school
  $ liushou -q staff add --name 张老师 && liushou -q staff add --name 李老师 && liushou -q staff add --name 王老师
  T001
  T002
  T003
  $ for i in 1 2 3; do liushou -q enroll --id 2025-00$i --name 学生$i --gender 女 --grade 3 --class 2 --enrolled-on 2025-09-01; done
  2025-001
  2025-002
  2025-003
  $ liushou -q pair 2025-001 --teacher T001 --buddy 2025-003 && liushou -q activity add --date 2026-03-10 --kind 主题班会 --title 感恩班会 --children 2025-001,2025-003 --by T002 >/dev/null
  $ git init -q . && git add -A && git commit -qm start

rename rewrites the buddy and the activity's children and participants; check still accepts the
tree, and the commit counts two children (the renamed one and its buddy's partner).

  $ liushou --commit rename 2025-003 R-003 | sed 's/[0-9a-f]\{7,\}/HASH/' && git log -1 --format=%B
  已把 2025-003 改为 R-003（更新了 1 处学习帮手和 1 项活动）
  已提交 HASH（4 个文件）
  rename 2025-003 R-003: 2 children
  
  R-003
  2025-001
  2025-003
  
  $ grep -A3 '^children:' activities/*.yaml && grep participants activities/*.yaml && grep -A1 buddy children/2025-001.yaml
  children:
    - "2025-001"
    - R-003
  participants: "2025-001,R-003"
    buddy: R-003
    since: 2026-03-15
  $ liushou check -q --allow-incomplete >/dev/null && echo accepted
  accepted
  $ liushou report child R-003 | grep -A4 '参加的活动' | tail -1
  | 2026-03-10 | 主题班会 | 感恩班会 |

staff remove is refused while an activity's by: or a child's pairing names the teacher.

  $ liushou staff remove T002
  ! liushou：T002 李老师 出现在 1 个文件中（activities/2026-03-10-class_meeting-5d67da8b.yaml by[0]），所以保留在教师名单中。请先给儿童重新结对（liushou pair 学号 --teacher 教师）；做过谈心或组织过活动的教师会留作记录
  [1]
  $ liushou staff remove T001
  ! liushou：T001 张老师 出现在 1 个文件中（children/2025-001.yaml pairing.teacher），所以保留在教师名单中。请先给儿童重新结对（liushou pair 学号 --teacher 教师）；做过谈心或组织过活动的教师会留作记录
  [1]
  $ liushou staff remove T003 && liushou check -q --allow-incomplete >/dev/null && echo accepted
  已删除 T003 王老师
  accepted

A write check would refuse is refused by the command: a transfer dated before the pairing
began (the pairing would count nowhere).

  $ liushou -q pair 2025-002 --teacher T002 --since 2026-03-12
  $ liushou enroll 2025-002 --status transferred --on 2026-03-11
  ! liushou enroll：--on：与 T002 的结对从 2026-03-12 开始，那时该儿童已不在读；请先结束结对或改动其开始日期（liushou pair 2025-002 --since 日期）
  ! liushou enroll：2025-002 未作改动
  [1]
  $ liushou -q enroll 2025-002 --status transferred --on 2026-03-13 && liushou check -q --allow-incomplete >/dev/null && echo accepted
  accepted

Entries' handles are in report child's JSON too, so that a script can delete or amend the one
it means: two talks of one day by one teacher differ only in their handle.

  $ liushou -q log-talk 2025-001 --by T001 --date 2026-03-10 --summary 第一次 && liushou -q log-talk 2025-001 --by T001 --date 2026-03-10 --summary 第二次 && liushou -q log-talk 2025-001 --by T001 --date 2026-03-11 --summary 第三次
  $ liushou report child 2025-001 --format json | jq -c '.child.talks[] | [.handle, .summary]'
  ["2026-03-10#1","第一次"]
  ["2026-03-10#2","第二次"]
  ["2026-03-11","第三次"]
  $ h=$(liushou report child 2025-001 --format json | jq -r '.child.talks[] | select(.summary == "第二次") | .handle') && liushou log-talk 2025-001 --delete "$h"
  已删除 2026-03-10#2 的记录（2025-001）
  $ liushou report child 2025-001 --format json | jq -c '.child.talks[] | [.handle, .summary]'
  ["2026-03-10","第一次"]
  ["2026-03-11","第三次"]

An entry that closes another's follow-up names it by its day: amending that entry's day moves
the closing entry's reference with it, so the follow-up stays closed and the entry stays
protected from --delete; a day after the closing entry is refused.

  $ liushou -q log-talk 2025-002 --by T002 --date 2026-03-01 --summary 想妈妈 --follow-up 联系母亲 && liushou -q log-talk 2025-002 --by T002 --date 2026-03-05 --summary 已联系 --close-follow-up 2026-03-01
  $ liushou log-talk 2025-002 --amend=2026-03-01 --date 2026-03-02 && grep -E 'date|closes' children/2025-002.yaml | tail -3
  已修改 2025-002 2026-03-02 谈心（T002）
    - date: 2026-03-02
    - date: 2026-03-05
      closes: 2026-03-02
  $ liushou log-talk 2025-002 --delete 2026-03-02
  ! liushou：--delete：2026-03-05 的记录关闭了一项跟进事项；请先删除那一条；未作任何改动
  [1]
  $ liushou log-talk 2025-002 --amend=2026-03-02 --date 2026-03-06
  ! liushou：--amend：2026-03-05 的记录关闭了 2026-03-02 的跟进事项，改后它会关闭一件日期更晚的跟进事项；请先修改或删除那一条（未作任何改动）
  [1]
  $ liushou check -q --allow-incomplete >/dev/null && echo accepted
  accepted
