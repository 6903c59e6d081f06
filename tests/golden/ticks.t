Ticks are entries too (#41): `plan done` on a task already ticked off with another day or note
is refused, naming the tick there; `--amend` changes what is given and keeps the old value in the
tick's `changes:`, as a child's file keeps its dated changes.

  $ export LIUSHOU_TODAY=2026-03-15
  $ liushou -q init school --school 孙桥小学 --year 2025-2026 && cd school
  $ liushou -q plan done 2026-02 1 --date 2026-02-20 --note 已开会 && liushou -q plan done 2026-02 2 --date 2026-02-25
  $ rate() { liushou report summary --format json "$@" | jq -c '.plan_by_month[] | select(.month == "2026-02") | [.rate.num, .rate.den]'; }
  $ rate && rate --as-of 2026-02-28
  [2,2]
  [2,2]

Ticking it again, today or with another note, is refused; February keeps its 2 of 2.

  $ liushou plan done 2026-02 1
  ! liushou：plan done：第 1 项（2026-02）已经打勾（2026-02-20：已开会）；如要修改其日期，请加 --amend 再运行同样的命令
  [1]
  $ liushou plan done 2026-02 1 --date 2026-02-20 --note 另一句
  ! liushou：plan done：第 1 项（2026-02）已经打勾（2026-02-20：已开会）；如要修改其备注，请加 --amend 再运行同样的命令
  [1]
  $ liushou plan done 2026-02 1 --date 2026-02-20
  2026-02 第 1 项已于 2026-02-20 完成过：讨论并制定学校关爱留守儿童工作计划
  $ rate && rate --as-of 2026-02-28 && sed -n '/^plan_done:/,/^events:/p' liushou.yaml
  [2,2]
  [2,2]
  plan_done:
    - month: "2026-02"
      task: 1
      date: 2026-02-20
      note: 已开会
    - month: "2026-02"
      task: 2
      date: 2026-02-25
  events:

--amend changes the note, keeping the old one; the day is kept when not given.

  $ liushou --commit plan done 2026-02 1 --note 已开会，5人到会 --amend | sed 's/[0-9a-f]\{7,\}/HASH/' && git log -1 --format=%s
  2026-02 第 1 项已修改：于 2026-02-20 完成：讨论并制定学校关爱留守儿童工作计划
  已提交 HASH（1 个文件）
  plan done 2026-02 1 (amended)
  $ rate && rate --as-of 2026-02-28 && sed -n '/^plan_done:/,/^events:/p' liushou.yaml
  [2,2]
  [2,2]
  plan_done:
    - month: "2026-02"
      task: 1
      date: 2026-02-20
      note: 已开会，5人到会
      changes:
        - date: 2026-03-15
          field: note
          was: 已开会
    - month: "2026-02"
      task: 2
      date: 2026-02-25
  events:
  $ liushou check -q --allow-incomplete

A day corrected with --amend moves the tick (and the figures as of a day before it with it:
as of 02-28 February is then 1 of 2), the wrong day kept in changes:.

  $ liushou plan done 2026-02 2 --date 2026-03-02 --amend
  2026-02 第 2 项已修改：于 2026-03-02 完成：开展教师家访和学生谈心活动
  $ rate && rate --as-of 2026-02-28 && sed -n '/^plan_done:/,/^events:/p' liushou.yaml
  [2,2]
  [1,2]
  plan_done:
    - month: "2026-02"
      task: 1
      date: 2026-02-20
      note: 已开会，5人到会
      changes:
        - date: 2026-03-15
          field: note
          was: 已开会
    - month: "2026-02"
      task: 2
      date: 2026-03-02
      changes:
        - date: 2026-03-15
          field: date
          was: "2026-02-25"
  events:
  $ liushou plan done 2026-02 2 --date 2026-03-02 --amend
  2026-02 第 2 项已于 2026-03-02 完成过：开展教师家访和学生谈心活动

--amend of a task not ticked, and --amend with --undo, are refused.

  $ liushou plan done 2026-03 1 --amend
  ! liushou：plan done：第 1 项（2026-03）还没有打勾；请不加 --amend 打勾
  [1]
  $ liushou plan done 2026-02 1 --amend --undo
  ! liushou：--undo 和 --amend 只能用其一
  [2]

check reads a tick's changes as it reads a child's: each needs its day (not in the future),
names the date or the note, and a replaced date reads as one; each problem is named by file,
line and field.

  $ cp liushou.yaml good.yaml
  $ sed -i 's/^        field: note$/        field: colour/; s/^        was: "2026-02-25"$/        was: 2月25日/; 0,/^      - date: 2026-03-15$/s//      - date: 2026-13-15/' liushou.yaml
  $ sed -n '/^plan_done:/,/^events:/p' liushou.yaml
  plan_done:
    - month: "2026-02"
      task: 1
      date: 2026-02-20
      note: 已开会，5人到会
      changes:
        - date: 2026-13-15
          field: colour
          was: 已开会
    - month: "2026-02"
      task: 2
      date: 2026-03-02
      changes:
        - date: 2026-03-15
          field: date
          was: 2月25日
  events:
  $ liushou check -q --allow-incomplete
  liushou.yaml:46:15: 错误：plan_done[0].changes[0].date：“2026-13-15”中没有 13 月
  liushou.yaml:47:16: 错误：plan_done[0].changes[0].field：“colour”不是打勾记录中可记变动的字段（date 或 note）
  liushou.yaml:55:14: 错误：plan_done[1].changes[0].was：“2月25日”不是 2026-03-10 这样的日期
  [1]
  $ cp good.yaml liushou.yaml && sed -i '0,/^      - date: 2026-03-15$/s//      - date: 2026-04-01/' liushou.yaml && liushou check -q --allow-incomplete
  liushou.yaml:46:15: 错误：plan_done[0].changes[0].date：2026-04-01 是将来的日期
  [1]
  $ cp good.yaml liushou.yaml && liushou check -q --allow-incomplete && echo accepted
  accepted
