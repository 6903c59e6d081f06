A read right after a write re-reads the file written, and the racy ones, never the tree: every
other child's figures come from the per-child cache, every other record from the record cache.
LIUSHOU_STATS=1 prints what a command read (docs/hacking.md): child files decoded from YAML,
records served by the record cache, children's figures (or duties) served and worked out again.
Each `sleep 1.1` puts the next cache's writing in a later second than the last change, so that
no file is racy by chance.

  $ liushou init school --school 孙桥镇中心小学 --year 2025-2026 -q && cd school
  $ liushou -q staff add --name 张老师
  T001
  $ gensheet --rows 40 --ids --enrolled-on 2025-09-01 > sheet.csv && liushou -q enroll --from-csv sheet.csv
  $ gensheet --talks --rows 40 --from 2025-09 --to 2026-02 --teachers 1 > talks.csv && liushou -q log-talk --from-csv talks.csv
  $ rm sheet.csv talks.csv && n=$(ls children | wc -l) && echo $n
  40
  $ stats() { LIUSHOU_STATS=1 liushou "$@" 2>&1 >/dev/null | grep '^liushou-stats'; }
  $ sleep 1.1 && stats report summary
  liushou-stats: parsed=40 records-cached=0 figures-cached=0 figures-recounted=0 staff-cached=0 git-status=0 commits-listed=0
  $ stats schedule
  liushou-stats: parsed=0 records-cached=40 figures-cached=0 figures-recounted=0 staff-cached=1 git-status=0 commits-listed=0
  $ stats report summary && stats schedule
  liushou-stats: parsed=0 records-cached=0 figures-cached=40 figures-recounted=0 staff-cached=0 git-status=0 commits-listed=0
  liushou-stats: parsed=0 records-cached=0 figures-cached=0 figures-recounted=0 staff-cached=1 git-status=0 commits-listed=0

Every other read after a warm summary decodes no file either: the list, a child's card and
check take the records from the record cache. Those carry no positions, so check's findings
(here open follow-ups) are placed by reading their files again, the first time only: where
each field sits is kept in places.bin, and the next check reads nothing and says the same,
as --no-cache does. A file touched since (its stat changed, not its text) is read again,
alone: once for its record, once to place its findings.

  $ stats list && stats report child 2025-001
  liushou-stats: parsed=0 records-cached=40 figures-cached=0 figures-recounted=0 staff-cached=0 git-status=0 commits-listed=0
  liushou-stats: parsed=0 records-cached=40 figures-cached=0 figures-recounted=0 staff-cached=0 git-status=0 commits-listed=0
  $ stats check
  liushou-stats: parsed=22 records-cached=40 figures-cached=0 figures-recounted=0 staff-cached=0 git-status=0 commits-listed=0
  $ stats check
  liushou-stats: parsed=0 records-cached=40 figures-cached=0 figures-recounted=0 staff-cached=0 git-status=0 commits-listed=0
  $ liushou check > ../check1; liushou --no-cache check | cmp - ../check1 && echo same
  same
  $ grep -c 跟进事项 ../check1
  26
  $ f=$(grep -m1 -o '^children/[^:]*' ../check1) && touch -d '1 hour ago' $f && sleep 1.1
  $ stats check
  liushou-stats: parsed=2 records-cached=39 figures-cached=0 figures-recounted=0 staff-cached=0 git-status=0 commits-listed=0
  $ stats check && stats report summary
  liushou-stats: parsed=0 records-cached=40 figures-cached=0 figures-recounted=0 staff-cached=0 git-status=0 commits-listed=0
  liushou-stats: parsed=0 records-cached=1 figures-cached=39 figures-recounted=1 staff-cached=0 git-status=0 commits-listed=0
  $ liushou check | cmp - ../check1 && echo same
  same

One talk logged: the summary after it decodes that one file and counts that one child again;
the 39 others are served. The file goes to the record cache's delta (children.bin.delta), so
the list, the checklist and the check after it decode nothing; the child's figures and duties
counted again go to the deltas of figures.bin and duties.bin, so no read rewrites a whole set.

  $ liushou -q log-talk 2025-007 --by T001 --date 2026-02-20 --summary 谈心一次 && sleep 1.1
  $ stats report summary
  liushou-stats: parsed=1 records-cached=0 figures-cached=39 figures-recounted=1 staff-cached=0 git-status=0 commits-listed=0
  $ stats list
  liushou-stats: parsed=0 records-cached=40 figures-cached=0 figures-recounted=0 staff-cached=0 git-status=0 commits-listed=0
  $ stats schedule
  liushou-stats: parsed=0 records-cached=2 figures-cached=38 figures-recounted=2 staff-cached=1 git-status=0 commits-listed=0
  $ stats check
  liushou-stats: parsed=0 records-cached=40 figures-cached=0 figures-recounted=0 staff-cached=0 git-status=0 commits-listed=0
  $ liushou check | cmp - <(liushou --no-cache check) && echo same
  same
  $ ls .liushou/cache
  children.bin
  children.bin.delta
  duties.bin
  duties.bin.delta
  figures.bin
  figures.bin.delta
  places.bin
  printed.bin
  staff.bin
  $ liushou report summary | cmp - <(liushou --no-cache report summary) && echo same
  same

A script's loop needs no second between its steps: a file written 0.2 s before a read began
has settled (the filesystem dates it in nanoseconds), so the read keeps it, and the next
reads serve it, in whatever second each runs (until #48, one in the second of the last write
read the file again).

  $ for talk in 第二次 第三次; do liushou -q log-talk 2025-008 --by T001 --date 2026-02-21 --summary $talk && sleep 0.2 && stats report summary && stats schedule && stats list; done
  liushou-stats: parsed=1 records-cached=0 figures-cached=39 figures-recounted=1 staff-cached=0 git-status=0 commits-listed=0
  liushou-stats: parsed=0 records-cached=1 figures-cached=39 figures-recounted=1 staff-cached=1 git-status=0 commits-listed=0
  liushou-stats: parsed=0 records-cached=40 figures-cached=0 figures-recounted=0 staff-cached=0 git-status=0 commits-listed=0
  liushou-stats: parsed=1 records-cached=0 figures-cached=39 figures-recounted=1 staff-cached=0 git-status=0 commits-listed=0
  liushou-stats: parsed=0 records-cached=1 figures-cached=39 figures-recounted=1 staff-cached=1 git-status=0 commits-listed=0
  liushou-stats: parsed=0 records-cached=40 figures-cached=0 figures-recounted=0 staff-cached=0 git-status=0 commits-listed=0

A racy file (dated an hour ahead, as after a clock step: never older than the cache) is read
again by every read, alone; the others stay served.

  $ touch -d 'now + 1 hour' children/2025-011.yaml
  $ stats report summary
  liushou-stats: parsed=1 records-cached=0 figures-cached=39 figures-recounted=1 staff-cached=0 git-status=0 commits-listed=0
  $ stats report summary
  liushou-stats: parsed=1 records-cached=0 figures-cached=39 figures-recounted=1 staff-cached=0 git-status=0 commits-listed=0
  $ stats list
  liushou-stats: parsed=1 records-cached=39 figures-cached=0 figures-recounted=0 staff-cached=0 git-status=0 commits-listed=0

A changed file that now holds another child's record (a copy), or that no longer reads, is
not counted from the cache: the whole read reports it, as --no-cache does.

  $ touch -d '1 hour ago' children/2025-011.yaml && cp children/2025-001.yaml children/2025-013.yaml && sleep 1.1
  $ liushou report summary > ../s1; liushou --no-cache report summary 2>&1 > ../s2; cmp ../s1 ../s2 && echo same
  children/2025-013.yaml：已略过，文件中的学号是 2025-001，文件名却是 2025-013.yaml（是副本吗？请运行 liushou check）
  same
  ! children/2025-013.yaml：已略过，文件中的学号是 2025-001，文件名却是 2025-013.yaml（是副本吗？请运行 liushou check）
  $ rm children/2025-013.yaml

  $ touch -d '1 hour ago' children/2025-011.yaml && sed -i 's/^grade: .*/grade: [/' children/2025-012.yaml
  $ liushou report summary > /dev/null
  ! children/2025-012.yaml：无法读取，已略过（请运行 liushou check）
  [1]

Every state a school is in reads only what changed (#48): committed in git; a child written
and staged, as the pre-commit hook leaves it; right after an import of talks. Each summary
decodes the files written, and the first checklist, list, card and check after it decode
nothing (a check reads again only a file written since it placed its findings); every output
equals --no-cache.

  $ cd .. && liushou init states --school 孙桥镇中心小学 --year 2025-2026 -q && cd states
  $ liushou -q staff add --name 张老师
  T001
  $ gensheet --rows 30 --ids --enrolled-on 2025-09-01 > ../sheet.csv && liushou -q enroll --from-csv ../sheet.csv
  $ gensheet --talks --rows 30 --from 2025-09 --to 2026-02 --teachers 1 > ../talks.csv && liushou -q log-talk --from-csv ../talks.csv
  $ git add -A && git commit -qm 建档 && sleep 1.1 && liushou report summary > /dev/null && liushou schedule > /dev/null && liushou check > /dev/null; sleep 1.1
  $ stats report summary && stats schedule && stats check
  liushou-stats: parsed=0 records-cached=0 figures-cached=30 figures-recounted=0 staff-cached=0 git-status=1 commits-listed=0
  liushou-stats: parsed=0 records-cached=0 figures-cached=0 figures-recounted=0 staff-cached=1 git-status=0 commits-listed=0
  liushou-stats: parsed=0 records-cached=30 figures-cached=0 figures-recounted=0 staff-cached=0 git-status=0 commits-listed=0
  $ liushou -q log-talk 2025-003 --by T001 --date 2026-02-20 --summary 谈心一次 && git add children/2025-003.yaml && sleep 1.1
  $ stats report summary && stats schedule && stats list && stats report child 2025-003 && stats check
  liushou-stats: parsed=1 records-cached=0 figures-cached=29 figures-recounted=1 staff-cached=0 git-status=1 commits-listed=0
  liushou-stats: parsed=0 records-cached=1 figures-cached=29 figures-recounted=1 staff-cached=1 git-status=0 commits-listed=0
  liushou-stats: parsed=0 records-cached=30 figures-cached=0 figures-recounted=0 staff-cached=0 git-status=0 commits-listed=0
  liushou-stats: parsed=0 records-cached=30 figures-cached=0 figures-recounted=0 staff-cached=0 git-status=1 commits-listed=0
  liushou-stats: parsed=0 records-cached=30 figures-cached=0 figures-recounted=0 staff-cached=0 git-status=0 commits-listed=0
  $ printf '学号,日期,类型,教师,内容\n2025-005,2026-02-21,谈心,T001,批量一\n2025-006,2026-02-21,谈心,T001,批量二\n2025-007,2026-02-21,谈心,T001,批量三\n' > ../three.csv
  $ liushou -q log-talk --from-csv ../three.csv && sleep 1.1
  $ stats report summary && stats schedule && stats list && stats report child 2025-006 && stats check
  liushou-stats: parsed=3 records-cached=0 figures-cached=27 figures-recounted=3 staff-cached=0 git-status=1 commits-listed=0
  liushou-stats: parsed=0 records-cached=3 figures-cached=27 figures-recounted=3 staff-cached=1 git-status=0 commits-listed=0
  liushou-stats: parsed=0 records-cached=30 figures-cached=0 figures-recounted=0 staff-cached=0 git-status=0 commits-listed=0
  liushou-stats: parsed=0 records-cached=30 figures-cached=0 figures-recounted=0 staff-cached=0 git-status=1 commits-listed=0
  liushou-stats: parsed=3 records-cached=30 figures-cached=0 figures-recounted=0 staff-cached=0 git-status=0 commits-listed=0
  $ for c in "report summary" schedule check "report child 2025-006"; do liushou $c 2>&1 | cmp - <(liushou --no-cache $c 2>&1) || echo "$c differs"; done

Every write reads staff.yaml to know the teacher it names. The list is kept in staff.bin: the
next write takes it from there while staff.yaml is unchanged. A teacher added by hand (here
dated an hour ahead, as after a clock step: never settled) is read again by every write and
not kept until the file has settled; a list with a problem is never kept, and every write
reports it. --no-cache reads the file.

  $ stats log-talk 2025-009 --by T001 --date 2026-03-02 --summary 一次 -q
  liushou-stats: parsed=1 records-cached=0 figures-cached=0 figures-recounted=0 staff-cached=1 git-status=0 commits-listed=0
  $ printf '  - id: T002\n    name: 李老师\n' >> staff.yaml && touch -d 'now + 1 hour' staff.yaml && stats log-talk 2025-010 --by T002 --date 2026-03-02 --summary 二次 -q
  liushou-stats: parsed=1 records-cached=0 figures-cached=0 figures-recounted=0 staff-cached=0 git-status=0 commits-listed=0
  $ stats log-talk 2025-011 --by T002 --date 2026-03-02 --summary 三次 -q
  liushou-stats: parsed=1 records-cached=0 figures-cached=0 figures-recounted=0 staff-cached=0 git-status=0 commits-listed=0
  $ touch -d '1 hour ago' staff.yaml && sleep 0.2 && stats log-talk 2025-012 --by 李老师 --date 2026-03-02 --summary 四次 -q
  liushou-stats: parsed=1 records-cached=0 figures-cached=0 figures-recounted=0 staff-cached=0 git-status=0 commits-listed=0
  $ stats log-talk 2025-013 --by T002 --date 2026-03-02 --summary 五次 -q && stats --no-cache log-talk 2025-015 --by T002 --date 2026-03-02 --summary 五次 -q
  liushou-stats: parsed=1 records-cached=0 figures-cached=0 figures-recounted=0 staff-cached=1 git-status=0 commits-listed=0
  liushou-stats: parsed=1 records-cached=0 figures-cached=0 figures-recounted=0 staff-cached=0 git-status=0 commits-listed=0
  $ printf '    grade: 三\n' >> staff.yaml && touch -d '1 hour ago' staff.yaml && sleep 0.2 && stats log-talk 2025-014 --by T001 --date 2026-03-02 --summary 六次 -q; liushou -q log-talk 2025-014 --by T001 --date 2026-03-02 --summary 七次; echo "exit $?"
  liushou-stats: parsed=1 records-cached=0 figures-cached=0 figures-recounted=0 staff-cached=0 git-status=0 commits-listed=0
  exit 1
  ! staff.yaml:6:12: 错误：第 2 名教师的年级：应为整数，实际是“三”
  ! liushou：staff.yaml：请先改正上面的问题（liushou check）；liushou 不改写不能完整读取的文件
  $ grep -c 'summary: [一二三四五六七]次' children/2025-0{09,10,11,12,13,14,15}.yaml
  children/2025-009.yaml:1
  children/2025-010.yaml:1
  children/2025-011.yaml:1
  children/2025-012.yaml:1
  children/2025-013.yaml:1
  children/2025-014.yaml:0
  children/2025-015.yaml:1
