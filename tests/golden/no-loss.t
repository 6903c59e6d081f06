Never lose, revert or fuse a record: each section is one way a school's edit or entry used to
vanish (issue "Never lose, revert or fuse a record"), and shows that it no longer can.

  $ liushou init school --school 孙桥镇中心小学 --year 2025-2026 --no-git -q && cd school
  $ liushou -q staff add --name 张老师 --role teacher && liushou -q staff add --name 李老师 --role teacher
  $ gensheet --rows 3 --ids > reg.csv && liushou -q enroll --from-csv reg.csv

1. The cache never reverts a hand edit. An edit in place that keeps the size, the inode and
the mtime (dd conv=notrunc, then the old mtime put back) is seen by check and by reports, and
a batch write decodes the file afresh instead of writing the cached record back.

  $ f=children/2025-001.yaml; touch -d '2026-03-01 10:00' $f && liushou -q list > /dev/null && ls .liushou/cache
  children.bin
  $ edit() {  # edit FILE OLD NEW: same length, in place, mtime kept
  >   local off; off=$(grep -bo "^$2" "$1" | cut -d: -f1)
  >   printf '%s' "$3" | dd of="$1" bs=1 seek="$off" conv=notrunc status=none
  >   touch -d '2026-03-01 10:00' "$1"
  > }
  $ before=$(stat -c '%s %i %Y' $f); edit $f 'grade: 6' 'grade: 9'; [ "$before" = "$(stat -c '%s %i %Y' $f)" ] && echo same size, inode and mtime
  same size, inode and mtime
  $ liushou check -q --allow-incomplete
  children/2025-001.yaml:8:8: error: grade: grade 9 is not a primary school grade (1-6)
  [1]
  $ edit $f 'grade: 9' 'grade: 5'; liushou list --grade 5 --format csv | cut -d, -f1-2
  学号,姓名
  2025-001,徐紫涵
  2025-002,赵若曦
  $ printf '学号,日期,类型,教师,内容\n2025-001,2026-03-02,谈心,T001,想家\n' > talks.csv && liushou log-talk --from-csv talks.csv
  talks.csv (1 row, utf-8): 1 logged for 1 child, 0 already there
  $ grep -c '^grade: 5' $f
  1
  $ edit $f 'grade: 5' 'grade: 4'; printf '学号,健康状况\n2025-001,较差\n' > reg2.csv
  $ liushou enroll --from-csv reg2.csv --update
  reg2.csv (1 row, utf-8): 0 added, 1 updated, 0 unchanged
  $ grep -E '^(grade|health):' $f
  grade: 4
  health: 较差

2. The writer lock survives deleting .liushou/ (derived data, safe to delete): three writers
while another process deletes it over and over; every acknowledged talk is in the file.

  $ for w in 1 2 3; do
  >   (for i in $(seq 1 40); do liushou -q log-talk 2025-002 --by T001 --date 2026-03-03 --summary "w$w t$i" && echo "w$w t$i" >> acked.$w; done) &
  > done
  > (for i in $(seq 1 400); do rm -rf .liushou; done) & wait
  $ cat acked.* | wc -l
  120
  $ cat acked.* | while read s; do grep -qx "    summary: $s" children/2025-002.yaml || echo "lost: $s"; done
  $ test ! -e .liushou/lock && echo "no lock file in .liushou/: the lock is the tree's own directory"
  no lock file in .liushou/: the lock is the tree's own directory

5. Cleaning up after a killed writer removes only its own temporary files: names that merely
look alike are someone's, and stay.

  $ touch .school.tmp.notes.txt children/.2025-001.yaml.tmp.backup children/.2025-001.yaml.tmp.99999999.0 .notes.tmp.1.2
  $ touch children/.2025-001.yaml.tmp.4000000.3 .staff.yaml.tmp.4000000.1 children/.2025-002.yaml.tmp.$$.7
  $ liushou -q log-talk 2025-003 --by T001 --date 2026-03-04 --summary 一次谈心
  $ ls -A . children | grep tmp | sed "s/\.$$\./.(a live pid)./"
  .notes.tmp.1.2
  .school.tmp.notes.txt
  .2025-001.yaml.tmp.backup
  .2025-002.yaml.tmp.(a live pid).7

6. Only an identical entry is a duplicate. The same talk with another mood or follow-up is
refused, naming what differs, and --amend changes the logged one; in a sheet too.

  $ liushou log-talk 2025-003 --by T001 --date 2026-03-05 --summary 想念妈妈 --mood 低落
  logged 2025-003 2026-03-05 talk by T001
  $ liushou log-talk 2025-003 --by T001 --date 2026-03-05 --summary 想念妈妈 --mood 低落
  already logged 2025-003 2026-03-05 talk by T001
  $ liushou log-talk 2025-003 --by T001 --date 2026-03-05 --summary 想念妈妈 --mood 好 --follow-up 每周通话
  liushou: 2025-003 already has this talk of 2026-03-05 by T001 with a different mood, follow_up; nothing was logged. To change the logged one, run the same command with --amend
  [1]
  $ liushou log-talk 2025-003 --by T001 --date 2026-03-05 --summary 想念妈妈，已好转 --mood 好 --follow-up 每周通话 --amend
  amended 2025-003 2026-03-05 talk by T001
  $ grep -A4 'date: 2026-03-05' children/2025-003.yaml
    - date: 2026-03-05
      kind: talk
      by: T001
      summary: 想念妈妈，已好转
      mood: good
  $ grep -c 'follow_up: 每周通话' children/2025-003.yaml
  1
  $ liushou log-talk 2025-003 --by T002 --date 2026-03-05 --summary x --amend
  liushou: --amend: 2025-003 has no talk of 2026-03-05 by T002 to amend; nothing was changed
  [1]
  $ printf '学号,日期,类型,教师,内容,情绪\n2025-003,2026-03-05,谈心,T001,想念妈妈，已好转,低落\n2025-002,2026-03-06,谈心,T001,甲,好\n2025-002,2026-03-06,谈心,T001,甲,低落\n' > moods.csv
  $ liushou log-talk --from-csv moods.csv
  moods.csv:2:5: error: row 2, 内容: the same talk (2026-03-05 talk by T001) is already logged with a different mood, follow_up; correct the row, or change the logged one with log-talk 2025-003 --amend
  moods.csv:4:5: error: row 4, 内容: the same talk (2026-03-06 talk by T001) is on row 3 with a different mood; correct the row, or change the logged one with log-talk 2025-002 --amend
  moods.csv: 2 problems; nothing was logged
  [1]

7. The same child twice. A row with another 学号 but an existing child's name and birth date
is another child of the same name (a register's 学号 decide), but said, since it may be a
mistyped id (--namesakes silences it); a new child by options with them is refused; a name
typed decomposed (NFD) is the same name; a copy such as children/2025-001.old.yaml is never
counted.

  $ head -1 reg.csv > same.csv && sed -n 2p reg.csv | sed 's/^2025-001,/2025-1,/' >> same.csv
  $ liushou enroll --from-csv same.csv --dry-run 2>&1 | cut -c1-120
  same.csv:2:1: warning: row 2, 学号: 徐紫涵, born 2014-08-23, is also children/2025-001.yaml (id 2025-001); this row
  would add 2025-1 徐紫涵 (row 2)
  dry run, nothing written: same.csv (1 row, utf-8): 1 added, 0 updated, 0 unchanged
  $ liushou enroll --from-csv same.csv --namesakes --dry-run
  would add 2025-1 徐紫涵 (row 2)
  dry run, nothing written: same.csv (1 row, utf-8): 1 added, 0 updated, 0 unchanged
  $ printf '姓名,出生日期,性别\nLu\xcc\x88 Xin,2016-05-01,女\n' > nfd.csv && printf '姓名,出生日期,性别\nL\xc3\xbc Xin,2016-05-01,女\n' > nfc.csv
  $ liushou enroll --from-csv nfd.csv && liushou enroll --from-csv nfc.csv && liushou -q enroll --name $'Lu\xcc\x88 Yu' --birth-date 2016-06-01
  nfd.csv (1 row, utf-8): 1 added, 0 updated, 0 unchanged
  nfc.csv (1 row, utf-8): 0 added, 0 updated, 1 unchanged
  $ cat children/*.yaml | grep -c $'^name: L\xc3\xbc '; cat children/*.yaml | grep -c $'u\xcc\x88'
  2
  0
  [1]
  $ cp children/2025-001.yaml children/2025-001.old.yaml && liushou list --format csv | cut -d, -f1
  children/2025-001.old.yaml: skipped, it says id 2025-001 but is named 2025-001.old.yaml (a copy? run liushou check)
  学号
  2025-003
  2025-001
  2025-002
  2025-004
  2025-005
  $ liushou check -q --allow-incomplete 2>&1 | grep old
  children/2025-001.old.yaml:2:5: error: id: the file says id 2025-001 but is named 2025-001.old.yaml
  children/2025-001.old.yaml:3:7: warning: name: the same name and birth date as children/2025-001.yaml; if this is one child, keep one file; if two, give each its 身份证号
  [1]
  $ rm children/2025-001.old.yaml

9. Nothing hangs or eats the memory: a FIFO at the cache's path is ignored, a sheet from
/dev/zero is refused at the limit, and a 1 MiB record of 100,000 unknown keys reads at once.

  $ rm -rf .liushou/cache && mkdir -p .liushou/cache && mkfifo .liushou/cache/children.bin
  $ timeout 20 liushou list --format csv | wc -l
  6
  $ rm .liushou/cache/children.bin
  $ timeout 60 liushou enroll --from-csv /dev/zero
  liushou: /dev/zero: more than the limit of 64 MiB; refused
  [1]
  $ seq 1 100000 | sed 's/^/k/; s/$/: 1/' >> children/2025-004.yaml && wc -c < children/2025-004.yaml
  988989
  $ timeout 60 liushou check -q --allow-incomplete; echo "exit $?"
  children/2025-004.yaml:1:1: warning: incomplete file (建档), missing: grade, class, home_address, parents (a parent with name, phone and work_place), guardian.relation, guardian.name, guardian.phone, guardian.address, guardian.occupation, guardian.health, guardian.age
  children/2025-005.yaml:1:1: warning: incomplete file (建档), missing: gender, grade, class, home_address, parents (a parent with name, phone and work_place), guardian.relation, guardian.name, guardian.phone, guardian.address, guardian.occupation, guardian.health, guardian.age
  exit 0
  $ timeout 60 liushou -q log-talk 2025-004 --by T001 --date 2026-03-07 --summary 很多键 && grep -c '^k[0-9]*: 1$' children/2025-004.yaml
  100000

10. A value no record may hold is refused on the way in, by every command and in sheets, so
the file stays one that check and the next write accept.

  $ for v in $'a\x1bb' $'a\x0bb' $'a\x0cb' $'a\rb' $'a\x7fb' $'a\x08b' $'a\xc2\x85b' $'a\xe2\x80\xaeb'; do
  >   liushou log-talk 2025-003 --by T001 --date 2026-03-08 --summary "$v"; echo "exit $?"
  > done 2>&1 | sort | uniq -c
        8 exit 2
        1 liushou: --summary's value holds the character U+0008, which no record may hold (a control or text-reordering character); remove it
        1 liushou: --summary's value holds the character U+000B, which no record may hold (a control or text-reordering character); remove it
        1 liushou: --summary's value holds the character U+000C, which no record may hold (a control or text-reordering character); remove it
        1 liushou: --summary's value holds the character U+000D, which no record may hold (a control or text-reordering character); remove it
        1 liushou: --summary's value holds the character U+001B, which no record may hold (a control or text-reordering character); remove it
        1 liushou: --summary's value holds the character U+007F, which no record may hold (a control or text-reordering character); remove it
        1 liushou: --summary's value holds the character U+0085, which no record may hold (a control or text-reordering character); remove it
        1 liushou: --summary's value holds the character U+202E, which no record may hold (a control or text-reordering character); remove it
  $ liushou enroll 2025-003 --home-address $'x\x1b[31m'; liushou staff add --name $'王\x1b'; liushou enroll --name $'\xe2\x80\xae王'
  liushou: --home-address's value holds the character U+001B, which no record may hold (a control or text-reordering character); remove it
  liushou: --name's value holds the character U+001B, which no record may hold (a control or text-reordering character); remove it
  liushou: --name's value holds the character U+202E, which no record may hold (a control or text-reordering character); remove it
  [2]
  $ printf '学号,日期,类型,教师,内容\n2025-003,2026-03-09,谈心,T001,"a\rb"\n' > cr.csv && liushou log-talk --from-csv cr.csv
  cr.csv:2:1: error: row 2: a cell holds a carriage return (U+000D) that is not part of a line end; remove it
  cr.csv: nothing was logged
  [1]
  $ printf '学号,日期,类型,教师,内容\n2025-003,2026-03-09,谈心,T001,a\xc2\x9bb\n' > c1.csv && liushou log-talk --from-csv c1.csv
  c1.csv:2:1: error: the sheet holds the invisible character U+009B here, which can make text display as something else; remove it
  c1.csv: nothing was logged
  [1]
  $ liushou check -q --allow-incomplete
  children/2025-004.yaml:1:1: warning: incomplete file (建档), missing: grade, class, home_address, parents (a parent with name, phone and work_place), guardian.relation, guardian.name, guardian.phone, guardian.address, guardian.occupation, guardian.health, guardian.age
  children/2025-005.yaml:1:1: warning: incomplete file (建档), missing: gender, grade, class, home_address, parents (a parent with name, phone and work_place), guardian.relation, guardian.name, guardian.phone, guardian.address, guardian.occupation, guardian.health, guardian.age

11. Messages that say what is wrong: a read-only tree, and a key typed with a full-width colon.

  $ sed -i 's/^health: /health：/' children/2025-003.yaml && liushou check -q --allow-incomplete 2>&1 | grep 2025-003
  children/2025-003.yaml:14:7: error: health: the key is followed by a full-width colon (：); write an ASCII colon and a space: health: …
  children/2025-003.yaml:15:13: error: not valid YAML: illegal map value
  [1]
  $ sed -i 's/^health：/health: /' children/2025-003.yaml
  $ chmod -R a-w . && chmod o+x .. ../.. && if [ "$(id -u)" = 0 ]; then chmod -R a+rX . && as() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }; else as() { "$@"; }; fi
  $ as liushou log-talk 2025-003 --by T001 --date 2026-03-10 --summary 只读
  liushou: .: the tree is read-only for this user; nothing was written
  [3]
  $ chmod -R u+w .
