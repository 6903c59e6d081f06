Every input path validates as check does: random values (YAML's special words and marks,
controls, C1 and bidi characters, decomposed text, invalid UTF-8 ...) through enroll,
log-talk, staff add and pair. After each write that exits 0, check accepts the tree; after
each one refused, every file is byte-for-byte as it was. Three seeds.

  $ liushou init school --school 孙桥镇中心小学 --year 2025-2026 --no-git -q
  $ liushou --root school -q staff add --name 张老师 --role teacher
  T001
  $ liushou --root school -q enroll --id 2025-001 --name 王小明 --birth-date 2016-01-01 --enrolled-on 2022-09-01
  2025-001
  $ for seed in 1 2 3; do python3 $TESTDIR/../tools/random-writes.py school --seed $seed --writes 80; done
  80 random writes: 44 accepted, each leaving a tree that check accepts; 36 refused, each leaving every file unchanged
  80 random writes: 40 accepted, each leaving a tree that check accepts; 40 refused, each leaving every file unchanged
  80 random writes: 41 accepted, each leaving a tree that check accepts; 39 refused, each leaving every file unchanged
