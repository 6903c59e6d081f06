Scripting (issue 18, first part): what a cron job or a CI step relies on.

  $ liushou init school --school 孙桥小学 --year 2025-2026 -q && cd school
  $ liushou -q staff add --name 张老师 --role head_teacher --grade 3 --class 2
  T001
  $ printf '学号,姓名,性别,出生日期,年级,班级\n2025-001,王小明,男,2015-03-08,3,2\n2025-002,李华,女,2015-05-01,3,2\n' > sheet.csv

Standard input is `-` for every input file: a register (CSV or a workbook, known by its
contents), a talk sheet, a header map.

  $ liushou enroll --from - --blank-left-behind both_parents < sheet.csv
  -（2 行，utf-8）：新增 2，修改 0，未变 0
  $ printf '学号,日期,类型,教师,内容\n2025-001,2026-03-02,谈心,张老师,想家\n' | liushou log-talk --from -
  -（1 行，utf-8）：为 1 名儿童登记 1 条，已有 0 条
  $ liushou list --format xlsx -o 名册.xlsx -q && liushou enroll --from - --update < 名册.xlsx
  -（2 行，xlsx）：新增 0，修改 0，未变 2
  $ printf '学生姓名: name\n' | liushou enroll --from sheet.csv --map - --dry-run 2>&1 | tail -1
  试运行，未写入：sheet.csv（2 行，utf-8）：将新增 0，将修改 0，未变 2

A failed write of standard output is an error (exit 3), not a silent cut-off list; a reader
that stops early (head) is no failure.

  $ liushou list --format csv > /dev/full
  ! liushou：无法写入标准输出：磁盘空间不足
  [3]
  $ liushou list --format csv >&-
  ! liushou：无法写入标准输出：文件描述符无效
  [3]
  $ liushou report summary | head -1
  # 孙桥小学 关爱留守儿童工作总结
  $ echo "[${PIPESTATUS[0]}]"
  [0]

Text typed under a locale whose character set cannot say what it is, is refused before
anything is written: no record is ever written in anything but UTF-8.

  $ LC_ALL=C liushou log-talk 2025-002 --by 张老师 --summary "$(printf '\xcf\xeb\xbc\xd2')"
  ! liushou：--summary 的值不是 UTF-8 文字，当前区域设置的字符集（ANSI_X3.4-1968）也无法识别；请使用 UTF-8 终端（LANG=zh_CN.UTF-8），或与文字编码相符的区域设置
  [2]
  $ grep -c talks children/2025-002.yaml
  0
  [1]

--lock-timeout 0 fails at once, with its own message and exit 3, while another writer holds
the tree; LIUSHOU_LOCK_TIMEOUT=0 does the same.

  $ (flock . sleep 2 &) ; sleep 0.5
  $ liushou --lock-timeout 0 log-talk 2025-002 --by 张老师 --summary 谈心
  ! liushou：.：另一个 liushou 正在写入（--lock-timeout 0 不等待），未写入任何内容
  [3]
  $ LIUSHOU_LOCK_TIMEOUT=0 liushou log-talk 2025-002 --by 张老师 --summary 谈心
  ! liushou：.：另一个 liushou 正在写入（--lock-timeout 0 不等待），未写入任何内容
  [3]
  $ sleep 2

The "uncommitted changes" stamp counts only the records: a report a cron job writes into the
repository does not flip it.

  $ git add -A && git commit -qm records
  $ mkdir -p reports && liushou report summary -o reports/summary.md -q
  $ liushou report summary | grep -c 未提交
  0
  [1]
  $ liushou -q enroll 2025-002 --health 良好 && liushou report summary | grep -o '+ 未提交的修改'
  + 未提交的修改

table and md are one format, the one for people, in every command: a script need not know
which command calls it which.

  $ liushou list --format md | cmp - <(liushou list --format table) && liushou staff list --format md | head -1
  编号  姓名    职务    班级  电话
  $ liushou report summary --format table | cmp - <(liushou report summary --format md) && liushou schedule --format table | head -1
  # 孙桥小学 2026年3月关爱留守儿童工作清单

What a script gets wrong is a usage error (exit 2) that says so: an unknown command, with the
nearest one; a teacher no school has; a talk without --summary or --by.

  $ liushou lst
  ! liushou：没有命令 lst；是不是要用 list？
  [2]
  $ liushou frobnicate
  ! liushou：没有命令 frobnicate；liushou --help 列出全部命令
  [2]
  $ liushou list --teacher T999
  ! liushou：--teacher：教师名单（staff.yaml）中没有 T999（请给出教师编号或姓名）
  [2]
  $ liushou list --teacher 张老师 --format csv
  学号,姓名,性别,年级,班级,留守类型,帮扶教师,状态,档案
  $ liushou log-talk 2025-001 --by 张老师
  ! liushou：--summary：请写明谈了什么
  [2]
  $ liushou log-talk 2025-001 --summary 想家
  ! liushou：--by：请写明谈心的教师（教师编号或姓名）
  [2]

A CSV liushou writes is one it reads: the list's own columns (帮扶教师, 状态, 档案) are skipped.

  $ liushou list --format csv > listed.csv && liushou enroll --from listed.csv
  listed.csv（2 行，utf-8）：新增 0，修改 0，未变 2

Re-running is safe: the same teacher or child again is refused (exit 1) unless --if-missing
says it is meant, and with -q a write that makes an id prints it, so a script can go on with
it; an import says which ids it gave with --print-ids (row, id, what was done). A follow-up closed once is already closed the second time.

  $ liushou staff add --name 张老师 --role teacher
  ! liushou：张老师 已是 staff.yaml 中的 T001；如要再添一位同名教师，请加 --force
  [1]
  $ liushou -q staff add --name 张老师 --role teacher --if-missing
  T001
  $ liushou -q staff add --name 李老师 --role teacher
  T002
  $ liushou -q enroll --name 赵六 --birth-date 2015-06-01
  2025-003
  $ liushou -q enroll --name 赵六 --birth-date 2015-06-01 --if-missing
  2025-003
  $ liushou enroll --name 赵六 --birth-date 2015-06-01 --if-missing
  已建档：2025-003 赵六
  $ printf '姓名,出生日期,年级,班级\n钱七,2015-07-01,3,2\n赵六,2015-06-01,3,1\n' > more.csv
  $ liushou enroll --from more.csv --blank-left-behind both_parents --update --print-ids --dry-run && ls children | wc -l
  2	2025-004	added
  3	2025-003	updated
  3
  $ liushou enroll --from more.csv --blank-left-behind both_parents --update --print-ids && liushou enroll --from more.csv --blank-left-behind both_parents --update --print-ids
  2	2025-004	added
  3	2025-003	updated
  $ liushou -q activity add --date 2026-03-10 --kind safety --title 防溺水 --children all
  2026-03-10-safety-53c59a05
  $ liushou -q activity add --date 2026-03-10 --kind safety --title 防溺水 --children all
  2026-03-10-safety-53c59a05
  $ liushou enroll --name 赵六 --birth-date 2015-06-01
  ! liushou enroll：赵六（2015-06-01 出生）已有档案 children/2025-003.yaml；如是另一名同名同生日的儿童，请给出其身份证号（--id-number）或加 --namesakes
  ! liushou enroll：未新增 2025-005
  [1]
  $ liushou -q log-talk 2025-001 --by 张老师 --summary 想妈妈 --follow-up 联系母亲 --date 2026-03-03
  $ liushou log-talk 2025-001 --by 张老师 --summary 已联系 --date 2026-03-05 --close-follow-up
  已登记 2025-001 2026-03-05 谈心（T001），并关闭 2026-03-03 的跟进事项
  $ liushou log-talk 2025-001 --by 张老师 --summary 已联系 --date 2026-03-05 --close-follow-up
  已有 2025-001 2026-03-05 谈心（T001），关闭 2026-03-03 的跟进事项

--commit that cannot commit exits 4 (the files are written and staged) with git's reason;
the next command with --commit, even one that writes nothing, commits what was left. (A hook
the tree did not get from liushou never runs in liushou's commits: a copied tree is data.)

  $ git add -A && git commit -qm before
  $ printf '#!/bin/sh\ntouch ../hook-ran\nexit 1\n' > .git/hooks/pre-commit && chmod +x .git/hooks/pre-commit
  $ GIT_COMMITTER_DATE=never liushou --commit enroll 2025-002 --health 一般
  已修改 2025-002：健康状况
  ! liushou：.：--commit：git commit 失败（文件已写入并已暂存；排除原因后，下一条带 --commit 的命令会提交它们）
  !   git 的原话：“fatal: invalid date format: never”
  [4]
  $ git diff --cached --name-only
  children/2025-002.yaml
  $ liushou --commit enroll 2025-002 --health 一般
  2025-002 未作改动
  已提交 253ec71（1 个文件）
  $ git log -1 --format=%s && git status --porcelain -- children && rm .git/hooks/pre-commit && ls ../hook-ran
  enroll 2025-002
  ! ls: cannot access '../hook-ran': No such file or directory
  [2]

A talk sheet can be tried first (--dry-run); -o writes only into a folder that is there; a tree given
twice is refused rather than counted twice, and a command that reads one tree says so.

  $ printf '学号,日期,类型,教师,内容\n2025-001,2026-03-09,家访,张老师,家访\n2025-001,2026-03-02,谈心,张老师,想家\n' > t.csv
  $ liushou log-talk --from t.csv --dry-run && grep -c 2026-03-09 children/2025-001.yaml
  将登记 2025-001 2026-03-09 家访（T001，第 2 行）
  试运行，未写入：t.csv（2 行，utf-8）：将为 1 名儿童登记 1 条，已有 1 条
  0
  [1]
  $ liushou report summary -o reports/2026-03/总结.md
  ! liushou：-o reports/2026-03/总结.md：没有文件夹 reports/2026-03；请先建好它（mkdir -p reports/2026-03）
  [2]
  $ mkdir reports/2026-03 && liushou report summary -o reports/2026-03/总结.md && test -s reports/2026-03/总结.md && echo written
  已写入 reports/2026-03/总结.md
  written
  $ cd .. && liushou --root school --root ./school/ list
  ! liushou：--root ./school/：同一个档案目录给了两次
  [2]
  $ liushou --root school --root school2 schedule
  ! liushou：这条命令只读一个档案目录，请只给一个 --root（report 和 list 可以读多个）
  [2]

check --format json is for CI: every problem with its place, the same in every language.

  $ cd school && printf 'schema: 2\nid: "2025-009"\nname: 钱七\ngrade: 9\n' > children/2025-009.yaml
  $ liushou check --format json --allow-incomplete | jq -c '.liushou_json, .errors, [.problems[] | select(.severity == "error")]'
  1
  1
  [{"file":"children/2025-009.yaml","line":4,"column":8,"severity":"error","field":"grade","message":"grade 9 is not a primary school grade (1-6)"}]
  [1]
  $ liushou --lang en check --format json --allow-incomplete | jq -c '.problems | length'
  6
  [1]
  $ rm children/2025-009.yaml

JSON's values do not change with the language: a class roster and a talk log say female and
good in Chinese too.

  $ liushou report class 3-2 --format json | jq -c '.children[0] | [.gender]'
  ["male"]
  $ liushou --lang en report class 3-2 --format json | jq -c '.children[0] | [.gender]'
  ["male"]
  $ liushou -q log-talk 2025-002 --by 张老师 --date 2026-03-10 --summary 开心 --mood 好
  $ liushou report talks --month 2026-03 --format json | jq -c '.talks[] | select(.id == "2025-002") | [.kind, .mood, .grade, .class]'
  ["talk","good",3,2]

pair's views have JSON too, versioned: who has no teacher, each teacher's load, and the
proposal (with how many --apply paired).

  $ liushou pair --unpaired --format json | jq -c '.liushou_json, .unpaired[0]'
  1
  {"id":"2025-001","name":"王小明","grade":3,"class":2}
  $ liushou pair --load --format json | jq -c '.load[]'
  {"id":"T001","name":"张老师","role":"head_teacher","grade":3,"class":2,"children":0,"in_staff":true}
  {"id":"T002","name":"李老师","role":"teacher","grade":null,"class":null,"children":0,"in_staff":true}
  $ liushou pair --suggest --apply --format json | jq -c '.suggestions[0], .paired'
  {"id":"2025-001","name":"王小明","grade":3,"class":2,"teacher":"T001","reason":"head_teacher"}
  4
  $ liushou pair --unpaired --format json | jq -c '.unpaired'
  []
  $ liushou pair 2025-001 --teacher 张老师 --format json
  ! liushou：--format 只用于 --unpaired、--load 和 --suggest
  [2]
