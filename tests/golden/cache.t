The record cache in .liushou/cache never serves stale data, and every report is the same with
and without it, and with one or two workers.

  $ liushou init school --school 孙桥镇中心小学 --year 2025-2026 -q && cd school
  $ liushou -q staff add --name 张老师
  T001
  $ gensheet --rows 40 --ids --enrolled-on 2025-09-01 > sheet.csv && liushou -q enroll --from-csv sheet.csv
  $ gensheet --talks --rows 40 --from 2025-09 --to 2026-02 --teachers 1 > talks.csv && liushou -q log-talk --from-csv talks.csv
  $ rm sheet.csv talks.csv && git add -A && git commit -qm records
  $ same() { liushou list --status all --format csv > ../with; liushou --no-cache list --status all --format csv > ../without; cmp ../with ../without && echo same; }
  $ same && ls .liushou/cache
  same
  children.bin
  staff.bin

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

The records of the seed's programme go through the cache too: several buddies, counselling
and greeting entries, a meeting of a class. Activities and liushou.yaml (the plan ticked off,
the leading group) are read fresh every time, so a hand edit of either shows at once.

  $ liushou -q pair 2025-005 --teacher T001 --buddy 2025-006 --buddy 2025-007 --buddy 陈小红
  $ liushou -q log-talk 2025-005 --kind 心理辅导 --by T001 --date 2026-03-02 --summary 情绪疏导
  $ liushou -q log-talk 2025-006 --kind 生日祝福 --by T001 --date 2026-03-03 --summary 送贺卡
  $ liushou -q log-talk --class 3-2 --kind 座谈会 --by T001 --date 2026-03-04 --summary 家长座谈会
  $ liushou -q activity add --date 2026-03-05 --kind 安全教育 --title 防溺水 --children all
  2026-03-05-safety-53c59a05
  $ liushou -q plan done 2026-03 1 --date 2026-03-05
  $ liushou -q group add --role 组长 --name 喻校长
  $ liushou list > /dev/null && same
  same
  $ liushou report child 2025-005 | grep -E '^\| 2026-03-15 起|心理辅导'
  | 2026-03-15 起 | 张老师（T001） | 晏雨桐（2025-006）、丁梦琪（2025-007）、陈小红 |  |
  | 2026-03-02 | 心理辅导 | 张老师（T001） | 情绪疏导 |  |  |
  $ liushou report summary | grep -E '^心理辅导|^共 .* 次活动|^生日祝福'
  心理辅导：1 次，1 名儿童，其中重点帮扶对象 0 名。
  生日祝福：期间 4 个生日，已祝福 0 个（0.0%）。
  共 1 次活动，参与 39 人次；期末在读的 39 名儿童中 39 名参加了至少一次（100.0%）。
  $ liushou plan list --month 2026-03 | sed -n 2p
  2026-03  1     留守儿童信息更新              2026-03-05
  $ sed -i 's/title: 防溺水/title: 防溺水安全教育/' activities/*.yaml && liushou schedule --month 2026-03 | grep 防溺水
  - 2026-03-05 安全教育：防溺水安全教育（39 名）
  $ sed -i 's/^  - month: "2026-03"$/  - month: "2026-04"/' liushou.yaml && liushou plan list --month 2026-03 | sed -n 2p
  2026-03  1     留守儿童信息更新              未完成
  $ git checkout -q liushou.yaml 2>/dev/null; liushou -q plan done 2026-03 1 --date 2026-03-05 && liushou list > /dev/null && same
  same

Every report is identical with and without the cache, and with one or two workers.

  $ for opts in "" "--no-cache" "--jobs 1" "--jobs 2" "--no-cache --jobs 2"; do
  >   { liushou $opts report summary --format json; liushou $opts schedule --month 2026-03;
  >     liushou $opts report talks --month 2026-03 --format csv; liushou $opts check;
  >     liushou $opts report child --all -o cards-$RANDOM/ -q && cat cards-*/*.md && rm -r cards-*; } | md5sum
  > done | sort -u | wc -l
  1

A warm summary or checklist reads each child's figures from .liushou/cache (figures.bin,
duties.bin) and decodes no child: the record cache is not even opened. The checklist printed
again with the same options is the one last printed (printed.bin). Any change to a child,
liushou.yaml, staff.yaml or an activity, or another day, is counted afresh, and equals
--no-cache.

  $ touch -d '2 hours ago' children/*.yaml && sleep 1.1 && liushou report summary > ../s1 && liushou schedule > ../c1 && rm .liushou/cache/children.bin*
  $ liushou report summary | cmp - ../s1 && liushou schedule | cmp - ../c1 && ls .liushou/cache
  duties.bin
  figures.bin
  git.bin
  places.bin
  printed.bin
  staff.bin
  $ mv .liushou/cache/duties.bin ../duties.bin && liushou schedule | cmp - ../c1 && ls .liushou/cache
  figures.bin
  git.bin
  places.bin
  printed.bin
  staff.bin
  $ mv ../duties.bin .liushou/cache/ && for opts in "--format json" "--teacher T001 --format csv" "--class 1-1" "--lang en"; do
  >   liushou schedule $opts | md5sum; liushou schedule $opts | md5sum; liushou --no-cache schedule $opts | md5sum
  > done | uniq | wc -l
  4
  $ liushou schedule | cmp - ../c1 && ls .liushou/cache
  duties.bin
  figures.bin
  git.bin
  places.bin
  printed.bin
  staff.bin
  $ sed -i 's/name: 张老师/name: 张丽/' staff.yaml && liushou schedule | grep -c '张丽'
  2
  $ liushou schedule | cmp - <(liushou --no-cache schedule) && git checkout -q staff.yaml && liushou schedule | cmp - ../c1 && echo same
  same
  $ head -c 100 /dev/urandom > .liushou/cache/printed.bin && liushou schedule | cmp - ../c1 && echo same
  same
  $ liushou -q log-talk 2025-010 --by T001 --date 2026-03-10 --summary 谈学习
  $ liushou report summary > ../s2 && liushou --no-cache report summary | cmp - ../s2 && ! cmp -s ../s1 ../s2 && echo changed
  changed
  $ liushou schedule > ../c2 && liushou --no-cache schedule | cmp - ../c2 && ! cmp -s ../c1 ../c2 && echo changed
  changed
  $ sed -i 's/talks_per_month: 1/talks_per_month: 2/' liushou.yaml && liushou report summary | cmp -s - ../s2 || echo recounted
  recounted
  $ liushou report summary --as-of 2026-03-01 | cmp - <(liushou --no-cache report summary --as-of 2026-03-01) && echo same
  same
  $ head -c 100 /dev/urandom > .liushou/cache/figures.bin && liushou report summary | cmp - <(liushou --no-cache report summary) && echo same
  same

Cards for every child (report child --all -o DIR) are made from the record cache when it holds
every file as it is, each record decoded as its card is made; otherwise from the files. Either
way they are the cards --no-cache makes, and say the same about a copied file, a file with a
problem, a changed child or a damaged cache.

  $ git checkout -q liushou.yaml && touch -d '2 hours ago' children/*.yaml && sleep 1.1 && liushou list > /dev/null
  $ cards() { rm -rf ../k1 ../k2; liushou report child --all -o ../k1/ 2> ../e1 > /dev/null; liushou --no-cache report child --all -o ../k2/ 2> ../e2 > /dev/null; diff -r ../k1 ../k2 && cmp ../e1 ../e2 && ls ../k1 | wc -l && cat ../e1; }
  $ cards
  39
  $ cp -p children/2025-001.yaml children/2025-099.yaml && sleep 1.1 && liushou list > /dev/null 2>&1; cards
  39
  children/2025-099.yaml：已略过，文件中的学号是 2025-001，文件名却是 2025-099.yaml（是副本吗？请运行 liushou check）
  $ rm children/2025-099.yaml && sed -i 's/^grade: .*/grade: [/' children/2025-006.yaml && sleep 1.1 && liushou list > /dev/null 2>&1; cards
  38
  children/2025-006.yaml：无法读取，已略过（请运行 liushou check）
  $ git checkout -q children && sed -i 's/^name: .*$/name: 新名字/' children/2025-005.yaml && cards && grep -l '新名字' ../k1/*
  40
  ../k1/2025-005.md
  $ sleep 1.1 && liushou list > /dev/null && head -c 3000 .liushou/cache/children.bin > ../bin && mv ../bin .liushou/cache/children.bin && cards
  40
  $ head -c 100 /dev/urandom > .liushou/cache/children.bin && cards
  40

Without the cache, the summary counts each child as it is read and lets its record go
(Tree::for_each_child): its figures and its messages, in order, are those of a read through the
cache, with one worker or two, in a tree with a copied file, a file that cannot be read, a
link and a file that is gone.

  $ cp -p children/2025-001.yaml children/2025-098.yaml && sed -i 's/^grade: .*/grade: [/' children/2025-006.yaml
  $ ln -s 2025-002.yaml children/2025-097.yaml && rm children/2025-010.yaml
  $ summaries() { liushou report summary $1 > ../s1 2> ../e1; echo "exit $?"; for o in "--no-cache" "--no-cache --jobs 1" "--no-cache --jobs 2"; do liushou $o report summary $1 > ../s2 2> ../e2; cmp ../s1 ../s2 && cmp ../e1 ../e2 || echo "differs: $o"; done; cat ../e1; }
  $ summaries
  exit 1
  children/2025-006.yaml：无法读取，已略过（请运行 liushou check）
  children/2025-097.yaml：已略过，文件中的学号是 2025-002，文件名却是 2025-097.yaml（是副本吗？请运行 liushou check）
  children/2025-098.yaml：已略过，文件中的学号是 2025-001，文件名却是 2025-098.yaml（是副本吗？请运行 liushou check）
  $ summaries "--format json" > /dev/null; grep -c '"id"' ../s1
  38
