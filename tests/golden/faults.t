Disk full, I/O errors and crashes in the middle of a write (LIUSHOU_FAULT injects them into
the store's writes of tree files; see README.md, Development). The original file is always intact, the
message says what failed, and nothing is left behind that blocks the next command.

  $ liushou init school --school 孙桥镇中心小学 --year 2025-2026 -q && cd school
  $ liushou -q staff add --name 张老师 && liushou -q enroll 2025-001 --name 徐紫涵 --gender 女 --birth-date 2016-05-04 --grade 4 --class 2 --enrolled-on 2022-09-01 --left-behind 双亲外出
  $ liushou -q log-talk 2025-001 --date 2026-03-02 --by T001 --summary "$(printf '谈心%.0s' $(seq 200))"
  $ cp children/2025-001.yaml ../before && wc -c < ../before && git add -A && git commit -qm start
  1434
  $ talk() { liushou -q log-talk 2025-001 --date 2026-03-${1:-10} --by T001 --summary 谈心; }

A full disk after half the file was written, a failing fsync, a failing rename:

  $ for step in write fsync rename; do LIUSHOU_FAULT=$step talk; echo "exit $?"; cmp children/2025-001.yaml ../before && echo unchanged; done
  liushou: children/2025-001.yaml: write failed: No space left on device (the file is unchanged)
  exit 3
  unchanged
  liushou: children/2025-001.yaml: fsync failed: Input/output error (the file is unchanged)
  exit 3
  unchanged
  liushou: children/2025-001.yaml: rename failed: Input/output error (the file is unchanged)
  exit 3
  unchanged
  $ ls -A children; git status --porcelain
  2025-001.yaml

A real limit rather than an injected one: a file size limit of 1 KiB, smaller than the record.

  $ (trap '' XFSZ; ulimit -f 1; talk); echo "exit $?"; cmp children/2025-001.yaml ../before && echo unchanged
  liushou: children/2025-001.yaml: write failed: File too large (the file is unchanged)
  exit 3
  unchanged

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

Killed just after the rename: the write is complete.

  $ { LIUSHOU_FAULT=kill-after-rename talk 12; } 2>/dev/null; echo "exit $?"; grep -c 'date: 2026-03' children/2025-001.yaml; liushou check --allow-incomplete -q; echo "exit $?"
  exit 137
  3
  children/2025-001.yaml:1:1: warning: incomplete file (建档), missing: home_address, parents (a parent with name, phone and work_place), guardian.relation, guardian.name, guardian.phone, guardian.address, guardian.occupation, guardian.health, guardian.age
  exit 0

An import that fails on its third file says how far it got; running it again finishes it.

  $ cd .. && liushou init county --school 孙桥镇中心小学 --year 2025-2026 -q && cd county
  $ gensheet --rows 5 --ids --enrolled-on 2025-09-01 > sheet.csv
  $ LIUSHOU_FAULT=write@3 liushou -q enroll --from-csv sheet.csv; echo "exit $?"; ls children
  liushou: children/2025-003.yaml: write failed: No space left on device (nothing was written)
  sheet.csv: 2 files had been written before this one; once the cause is fixed, run the same import again to finish (rows already written are left as they are)
  exit 3
  2025-001.yaml
  2025-002.yaml
  $ liushou enroll --from-csv sheet.csv && ls children && liushou check -q; echo "exit $?"
  sheet.csv (5 rows, utf-8): 3 added, 0 updated, 2 unchanged
  2025-001.yaml
  2025-002.yaml
  2025-003.yaml
  2025-004.yaml
  2025-005.yaml
  exit 0
