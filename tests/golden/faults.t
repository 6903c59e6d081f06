Disk full, I/O errors and crashes in the middle of a write (LIUSHOU_FAULT injects them into
the store's writes of tree files; see docs/hacking.md, Hardening). The original file is always intact, the
message says what failed, and nothing is left behind that blocks the next command.

  $ liushou init school --school 孙桥镇中心小学 --year 2025-2026 -q && cd school
  $ liushou -q staff add --name 张老师 && liushou -q enroll 2025-001 --name 徐紫涵 --gender 女 --birth-date 2016-05-04 --grade 4 --class 2 --enrolled-on 2022-09-01 --left-behind 双亲外出
  T001
  2025-001
  $ liushou -q log-talk 2025-001 --date 2026-03-02 --by T001 --summary "$(printf '谈心%.0s' $(seq 200))"
  $ cp children/2025-001.yaml ../before && wc -c < ../before && git add -A && git commit -qm start
  1434
  $ talk() { liushou -q log-talk 2025-001 --date 2026-03-${1:-10} --by T001 --summary 谈心; }

A full disk after half the file was written, a failing fsync, a failing rename:

  $ for step in write fsync rename; do LIUSHOU_FAULT=$step talk; echo "exit $?"; cmp children/2025-001.yaml ../before && echo unchanged; done
  exit 3
  unchanged
  exit 3
  unchanged
  exit 3
  unchanged
  ! liushou：children/2025-001.yaml：写入失败：磁盘空间不足（文件保持原样）
  ! liushou：children/2025-001.yaml：同步到磁盘失败：输入/输出错误（文件保持原样）
  ! liushou：children/2025-001.yaml：改名失败：输入/输出错误（文件保持原样）
  $ ls -A children; git status --porcelain
  2025-001.yaml

A real limit rather than an injected one: a file size limit of 1 KiB, smaller than the record.

  $ (trap '' XFSZ; ulimit -f 1; talk); echo "exit $?"; cmp children/2025-001.yaml ../before && echo unchanged
  exit 3
  unchanged
  ! liushou：children/2025-001.yaml：写入失败：文件过大（文件保持原样）

The writer killed after its temporary file is complete but before the rename: the record is the
old one, the temporary file is left, and the next write removes it and succeeds.

  $ { LIUSHOU_FAULT=kill-before-rename talk; } 2>/dev/null; echo "exit $?"; cmp children/2025-001.yaml ../before && echo unchanged; ls -A children | sed 's/tmp\.[0-9]*\./tmp.PID./'
  exit 137
  unchanged
  .2025-001.yaml.tmp.PID.0
  2025-001.yaml
  $ talk && ls -A children && grep -c 'date: 2026-03' children/2025-001.yaml
  2025-001.yaml
  2
  ! liushou：上次写入在生效前中断，已撤销：删除了 1 个临时文件，档案没有改动

Killed just after the rename: the write is complete.

  $ { LIUSHOU_FAULT=kill-after-rename talk 12; } 2>/dev/null; echo "exit $?"; grep -c 'date: 2026-03' children/2025-001.yaml; liushou check --allow-incomplete -q; echo "exit $?"
  exit 137
  3
  children/2025-001.yaml:1:1: 警告：档案不完整（建档），缺：家庭住址、父母信息（至少一位家长的姓名、电话和务工地址）、监护人关系、监护人姓名、监护人电话、监护人住址、监护人职业、监护人健康状况、监护人年龄
  exit 0

An import is all or nothing: one that fails on its third file writes none of them, and says so;
running it again does it all.

  $ cd .. && liushou init county --school 孙桥镇中心小学 --year 2025-2026 -q && cd county
  $ gensheet --rows 5 --ids --enrolled-on 2025-09-01 > sheet.csv
  $ LIUSHOU_FAULT=write@3 liushou -q enroll --from-csv sheet.csv; echo "exit $?"; ls children
  exit 3
  ! liushou：children/2025-003.yaml：写入失败：磁盘空间不足（未写入任何内容）
  ! sheet.csv：没有写入任何内容（一批写入要么全部生效，要么都不生效）；排除原因后，再运行一次同样的导入即可
  $ liushou enroll --from-csv sheet.csv && ls children && liushou check -q; echo "exit $?"
  sheet.csv（5 行，utf-8）：新增 5，修改 0，未变 0
  2025-001.yaml
  2025-002.yaml
  2025-003.yaml
  2025-004.yaml
  2025-005.yaml
  exit 0

Its renames are journaled: once every temporary file is on disk (one flush), .liushou/journal
lists them, and only then are they renamed. Killed before its third rename, or right after the
journal is down, the next command (any command, a read too) finishes the import and says so:
every file is new, no temporary file or journal is left.

  $ printf '学号,健康状况\n2025-001,体弱\n2025-002,体弱\n2025-003,体弱\n2025-004,体弱\n2025-005,体弱\n' > ill.csv
  $ { LIUSHOU_FAULT=kill-before-rename@3 liushou -q enroll --from ill.csv --update; } 2>/dev/null; echo "exit $?"; grep -l '体弱' children/* | wc -l
  exit 137
  2
  $ liushou list | tail -1; grep -l '体弱' children/* | wc -l; ls -A children .liushou | grep -c 'tmp\|journal'
  共 5 名
  5
  0
  ! liushou：上次中断的写入已补完：3 个文件已就位（.liushou/journal）
  [1]
  $ sed 's/体弱/良好/' ill.csv > well.csv && { LIUSHOU_FAULT=kill-after-journal@0 liushou -q enroll --from well.csv --update; } 2>/dev/null; echo "exit $?"; grep -l '良好' children/* | wc -l
  exit 137
  5
  $ liushou -q check --allow-incomplete; grep -l '良好' children/* | wc -l
  5
  ! liushou：上次中断的写入已补完：5 个文件已就位（.liushou/journal）

Killed before the journal (while the temporaries are written), nothing of it is in place; the
next writer removes the temporaries and says so.

  $ sed 's/体弱/一般/' ill.csv > fair.csv && { LIUSHOU_FAULT=kill-before-journal@0 liushou -q enroll --from fair.csv --update; } 2>/dev/null; echo "exit $?"; grep -l '一般' children/* | wc -l; liushou -q staff add --name 李老师; grep -l '一般' children/* | wc -l
  exit 137
  0
  T001
  0
  ! liushou：上次写入在生效前中断，已撤销：删除了 5 个临时文件，档案没有改动
  [1]

Failing a rename (an I/O error after the journal), the files before it are in place and the rest
stay in the journal; the next command puts them in place.

  $ LIUSHOU_FAULT=rename@2 liushou -q enroll --from ill.csv --update; echo "exit $?"; grep -l '体弱' children/* | wc -l
  exit 3
  1
  ! liushou：children/2025-002.yaml：改名失败：输入/输出错误（下一条 liushou 命令会按 .liushou/journal 补完这次写入）
  ! ill.csv：已有 1 个文件就位；下一条 liushou 命令会按 .liushou/journal 让其余文件就位
  $ liushou list | tail -1; grep -c '体弱' children/*
  共 5 名
  children/2025-001.yaml:1
  children/2025-002.yaml:1
  children/2025-003.yaml:1
  children/2025-004.yaml:1
  children/2025-005.yaml:1
  ! liushou：上次中断的写入已补完：4 个文件已就位（.liushou/journal）
