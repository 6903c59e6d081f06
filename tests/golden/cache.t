The record cache in .liushou/cache never serves stale data, and every report is the same with
and without it, and with one or two workers.

  $ liushou init school --school 孙桥镇中心小学 --year 2025-2026 -q && cd school
  $ liushou -q staff add --name 张老师
  $ gensheet --rows 40 --ids --enrolled-on 2025-09-01 > sheet.csv && liushou -q enroll --from-csv sheet.csv
  $ gensheet --talks --rows 40 --from 2025-09 --to 2026-03 --teachers 1 > talks.csv && liushou -q log-talk --from-csv talks.csv
  talks.csv:322:2: error: row 322, 日期: 2026-03-21 is in the future
  talks.csv:323:2: error: row 323, 日期: 2026-03-27 is in the future
  talks.csv:325:2: error: row 325, 日期: 2026-03-27 is in the future
  talks.csv:327:2: error: row 327, 日期: 2026-03-16 is in the future
  talks.csv:328:2: error: row 328, 日期: 2026-03-16 is in the future
  talks.csv:330:2: error: row 330, 日期: 2026-03-24 is in the future
  talks.csv:332:2: error: row 332, 日期: 2026-03-26 is in the future
  talks.csv:333:2: error: row 333, 日期: 2026-03-19 is in the future
  talks.csv:334:2: error: row 334, 日期: 2026-03-26 is in the future
  talks.csv:336:2: error: row 336, 日期: 2026-03-26 is in the future
  talks.csv:339:2: error: row 339, 日期: 2026-03-26 is in the future
  talks.csv:341:2: error: row 341, 日期: 2026-03-25 is in the future
  talks.csv:343:2: error: row 343, 日期: 2026-03-25 is in the future
  talks.csv:345:2: error: row 345, 日期: 2026-03-26 is in the future
  talks.csv:346:2: error: row 346, 日期: 2026-03-17 is in the future
  talks.csv:348:2: error: row 348, 日期: 2026-03-26 is in the future
  talks.csv:350:2: error: row 350, 日期: 2026-03-24 is in the future
  talks.csv:352:2: error: row 352, 日期: 2026-03-26 is in the future
  talks.csv:354:2: error: row 354, 日期: 2026-03-27 is in the future
  talks.csv:356:2: error: row 356, 日期: 2026-03-25 is in the future
  talks.csv:358:2: error: row 358, 日期: 2026-03-25 is in the future
  talks.csv:360:2: error: row 360, 日期: 2026-03-26 is in the future
  talks.csv:362:2: error: row 362, 日期: 2026-03-17 is in the future
  talks.csv:363:2: error: row 363, 日期: 2026-03-24 is in the future
  talks.csv:365:2: error: row 365, 日期: 2026-03-24 is in the future
  talks.csv:366:2: error: row 366, 日期: 2026-03-19 is in the future
  talks.csv:367:2: error: row 367, 日期: 2026-03-24 is in the future
  talks.csv:368:2: error: row 368, 日期: 2026-03-18 is in the future
  talks.csv:369:2: error: row 369, 日期: 2026-03-25 is in the future
  talks.csv:371:2: error: row 371, 日期: 2026-03-27 is in the future
  talks.csv:373:2: error: row 373, 日期: 2026-03-25 is in the future
  talks.csv:374:2: error: row 374, 日期: 2026-03-20 is in the future
  talks.csv:375:2: error: row 375, 日期: 2026-03-26 is in the future
  talks.csv:377:2: error: row 377, 日期: 2026-03-24 is in the future
  talks.csv:379:2: error: row 379, 日期: 2026-03-27 is in the future
  talks.csv:380:2: error: row 380, 日期: 2026-03-18 is in the future
  talks.csv:381:2: error: row 381, 日期: 2026-03-27 is in the future
  talks.csv:383:2: error: row 383, 日期: 2026-03-25 is in the future
  talks.csv:384:2: error: row 384, 日期: 2026-03-20 is in the future
  talks.csv:385:2: error: row 385, 日期: 2026-03-24 is in the future
  talks.csv:386:2: error: row 386, 日期: 2026-03-19 is in the future
  talks.csv:387:2: error: row 387, 日期: 2026-03-24 is in the future
  talks.csv:389:2: error: row 389, 日期: 2026-03-25 is in the future
  talks.csv:390:2: error: row 390, 日期: 2026-03-17 is in the future
  talks.csv:391:2: error: row 391, 日期: 2026-03-25 is in the future
  talks.csv:393:2: error: row 393, 日期: 2026-03-24 is in the future
  talks.csv: 46 problems; nothing was logged
  [1]
  $ rm sheet.csv talks.csv && git add -A && git commit -qm records
  $ same() { liushou list --status all --format csv > ../with; liushou --no-cache list --status all --format csv > ../without; cmp ../with ../without && echo same; }
  $ same && ls .liushou/cache
  same
  children.bin

Read commands write nothing outside .liushou/ (which git ignores).

  $ liushou report summary > /dev/null && liushou schedule > /dev/null && liushou check -q > /dev/null; git status --porcelain

A change that keeps size, inode and mtime, to a file whose mtime is not older than the second
the cache was written in: the racy-entry rule reads the file again. (Git's rule. The file is
dated an hour ahead, as after a clock step, so that a slow machine cannot turn the same second
into the next one and make the test flaky.)

  $ touch -d 'now + 1 hour' children/2025-001.yaml && liushou list > /dev/null
  $ cp -p children/2025-001.yaml ../ref && stat -c '%s %i %y' children/2025-001.yaml > ../before && sed -n 's/^name: \(.*\)/\1/p' ../ref
  徐紫涵
  $ sed 's/^name: .\(.*\)$/name: 甲\1/' ../ref | dd of=children/2025-001.yaml conv=notrunc status=none && touch -r ../ref children/2025-001.yaml
  $ stat -c '%s %i %y' children/2025-001.yaml | cmp - ../before && echo "same size, inode and mtime"
  same size, inode and mtime
  $ liushou list --status all --format csv | grep 2025-001 | cut -d, -f2
  甲紫涵
  $ same
  same

A change that keeps the size (a later mtime), a file replaced by rename (a new inode, the same
size and mtime), a deleted file:

  $ sed -i 's/^name: .\(.*\)$/name: 乙\1/' children/2025-002.yaml && same
  same
  $ sed 's/^name: .\(.*\)$/name: 丙\1/' children/2025-003.yaml > ../new && touch -r children/2025-003.yaml ../new && mv ../new children/2025-003.yaml && same
  same
  $ liushou list --status all --format csv | grep -E '^2025-00[23],' | cut -d, -f2
  丙静怡
  乙若曦
  $ rm children/2025-004.yaml && same && liushou list --format csv | grep -c 2025-004
  same
  0
  [1]

A corrupt cache, a truncated one and one of another format are ignored and rebuilt.

  $ head -c 1000 /dev/urandom > .liushou/cache/children.bin && same
  same
  $ head -c 100 .liushou/cache/children.bin > ../cut && mv ../cut .liushou/cache/children.bin && same
  same
  $ liushou list > /dev/null && printf 'LSHCACH1' | dd of=.liushou/cache/children.bin conv=notrunc status=none && same
  same
  $ liushou list > /dev/null && head -c 8 .liushou/cache/children.bin; echo
  LSHCACH6

Every report is identical with and without the cache, and with one or two workers.

  $ for opts in "" "--no-cache" "--jobs 1" "--jobs 2" "--no-cache --jobs 2"; do
  >   { liushou $opts report summary --format json; liushou $opts schedule --month 2026-03;
  >     liushou $opts report talks --month 2026-03 --format csv; liushou $opts check;
  >     liushou $opts report child --all -o cards-$RANDOM -q && cat cards-*/*.md && rm -r cards-*; } | md5sum
  > done | sort -u | wc -l
  1
