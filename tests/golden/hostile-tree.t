Copied trees are data (#40): a tree copied from a USB stick or cloned from another school may
hold a link where liushou keeps its own folders (.liushou/cache committed with git add -f, an
activities/ or reports/ link, GIT_DIR/liushou in a repository). liushou never reads, writes or
chmods through such a link: the command is refused, naming the link, and nothing outside the
tree changes. Each case compares a listing of everything outside the tree (modes, owners and
hashes: tests/tools/listing.sh) before and after; ../victim is a folder anyone may write, as
/tmp is.

  $ cp -r $EXAMPLES/school school && cd school && mkdir ../victim ../scratch && chmod 1777 ../victim
  $ outside() { $TESTDIR/../tools/listing.sh "$(dirname "$PWD")" "$HOME" --exclude school --exclude scratch; }
  $ try_all() {
  >   outside > ../scratch/before
  >   for cmd in "list" "check" "report summary" "report child 2025-001" "report talks" "schedule" \
  >              "report child --all -o cards" "activity list" "plan list" "staff list" \
  >              "log-talk 2025-001 --date 2026-03-10 --by T002 --summary 谈心" \
  >              "enroll 2025-001 --class 2 --on 2026-03-12" "pair 2025-002 --teacher T003"; do
  >     liushou $cmd > /dev/null 2> ../scratch/err; echo "$cmd: exit $? $(head -1 ../scratch/err)"
  >   done
  >   outside | diff ../scratch/before - && echo "outside the tree: unchanged"
  > }

.liushou/cache a link (the records' cache holds every phone number and 身份证号):

  $ mkdir -p .liushou && rm -rf .liushou/cache && ln -s ../../victim .liushou/cache && try_all
  list: exit 1 liushou：.liushou/cache：是符号链接；liushou 从不经由链接读写档案目录里的东西（请删除它，它不是档案数据）
  check: exit 1 liushou：.liushou/cache：是符号链接；liushou 从不经由链接读写档案目录里的东西（请删除它，它不是档案数据）
  report summary: exit 1 liushou：.liushou/cache：是符号链接；liushou 从不经由链接读写档案目录里的东西（请删除它，它不是档案数据）
  report child 2025-001: exit 1 liushou：.liushou/cache：是符号链接；liushou 从不经由链接读写档案目录里的东西（请删除它，它不是档案数据）
  report talks: exit 1 liushou：.liushou/cache：是符号链接；liushou 从不经由链接读写档案目录里的东西（请删除它，它不是档案数据）
  schedule: exit 1 liushou：.liushou/cache：是符号链接；liushou 从不经由链接读写档案目录里的东西（请删除它，它不是档案数据）
  report child --all -o cards: exit 1 liushou：.liushou/cache：是符号链接；liushou 从不经由链接读写档案目录里的东西（请删除它，它不是档案数据）
  activity list: exit 0 
  plan list: exit 0 
  staff list: exit 0 
  log-talk 2025-001 --date 2026-03-10 --by T002 --summary 谈心: exit 0 
  enroll 2025-001 --class 2 --on 2026-03-12: exit 0 
  pair 2025-002 --teacher T003: exit 0 
  outside the tree: unchanged
  $ ls -A ../victim; stat -c %a ../victim
  1777

.liushou itself a link:

  $ rm -rf .liushou && ln -s ../victim .liushou && try_all
  list: exit 1 liushou：.liushou/ 是符号链接；liushou 只在档案目录内读写（请把目录本身放在那里）
  check: exit 1 liushou：.liushou/ 是符号链接；liushou 只在档案目录内读写（请把目录本身放在那里）
  report summary: exit 1 liushou：.liushou/ 是符号链接；liushou 只在档案目录内读写（请把目录本身放在那里）
  report child 2025-001: exit 1 liushou：.liushou/ 是符号链接；liushou 只在档案目录内读写（请把目录本身放在那里）
  report talks: exit 1 liushou：.liushou/ 是符号链接；liushou 只在档案目录内读写（请把目录本身放在那里）
  schedule: exit 1 liushou：.liushou/ 是符号链接；liushou 只在档案目录内读写（请把目录本身放在那里）
  report child --all -o cards: exit 1 liushou：.liushou/ 是符号链接；liushou 只在档案目录内读写（请把目录本身放在那里）
  activity list: exit 1 liushou：.liushou/ 是符号链接；liushou 只在档案目录内读写（请把目录本身放在那里）
  plan list: exit 1 liushou：.liushou/ 是符号链接；liushou 只在档案目录内读写（请把目录本身放在那里）
  staff list: exit 1 liushou：.liushou/ 是符号链接；liushou 只在档案目录内读写（请把目录本身放在那里）
  log-talk 2025-001 --date 2026-03-10 --by T002 --summary 谈心: exit 1 liushou：.liushou/ 是符号链接；liushou 只在档案目录内读写（请把目录本身放在那里）
  enroll 2025-001 --class 2 --on 2026-03-12: exit 1 liushou：.liushou/ 是符号链接；liushou 只在档案目录内读写（请把目录本身放在那里）
  pair 2025-002 --teacher T003: exit 1 liushou：.liushou/ 是符号链接；liushou 只在档案目录内读写（请把目录本身放在那里）
  outside the tree: unchanged
  $ rm .liushou

activities/ a link (activities are read and written there):

  $ mv activities ../victim/activities && ln -s ../victim/activities activities && try_all
  list: exit 1 liushou：activities/ 是符号链接；liushou 只在档案目录内读写（请把目录本身放在那里）
  check: exit 1 liushou：activities/ 是符号链接；liushou 只在档案目录内读写（请把目录本身放在那里）
  report summary: exit 1 liushou：activities/ 是符号链接；liushou 只在档案目录内读写（请把目录本身放在那里）
  report child 2025-001: exit 1 liushou：activities/ 是符号链接；liushou 只在档案目录内读写（请把目录本身放在那里）
  report talks: exit 1 liushou：activities/ 是符号链接；liushou 只在档案目录内读写（请把目录本身放在那里）
  schedule: exit 1 liushou：activities/ 是符号链接；liushou 只在档案目录内读写（请把目录本身放在那里）
  report child --all -o cards: exit 1 liushou：activities/ 是符号链接；liushou 只在档案目录内读写（请把目录本身放在那里）
  activity list: exit 1 liushou：activities/ 是符号链接；liushou 只在档案目录内读写（请把目录本身放在那里）
  plan list: exit 1 liushou：activities/ 是符号链接；liushou 只在档案目录内读写（请把目录本身放在那里）
  staff list: exit 1 liushou：activities/ 是符号链接；liushou 只在档案目录内读写（请把目录本身放在那里）
  log-talk 2025-001 --date 2026-03-10 --by T002 --summary 谈心: exit 1 liushou：activities/ 是符号链接；liushou 只在档案目录内读写（请把目录本身放在那里）
  enroll 2025-001 --class 2 --on 2026-03-12: exit 1 liushou：activities/ 是符号链接；liushou 只在档案目录内读写（请把目录本身放在那里）
  pair 2025-002 --teacher T003: exit 1 liushou：activities/ 是符号链接；liushou 只在档案目录内读写（请把目录本身放在那里）
  outside the tree: unchanged
  $ rm activities && mv ../victim/activities activities && ls -A ../victim

With the links gone, everything works again, and the cache is made inside the tree, 0700:

  $ liushou report summary > /dev/null && stat -c '%a %n' .liushou .liushou/cache .liushou/cache/*
  700 .liushou
  700 .liushou/cache
  600 .liushou/cache/children.bin
  600 .liushou/cache/figures.bin

An output placed in the tree through a link in it (reports -> ../victim) is refused; the same
folder named outside the tree is the user's to choose.

  $ ln -s ../victim reports && outside > ../scratch/before
  $ liushou report summary -o reports/summary.md
  ! liushou：-o reports/summary.md：档案目录里的 reports 是符号链接；liushou 从不经由档案目录里的链接写文件（请给出档案目录之外的文件夹，或真实的文件夹）
  [2]
  $ liushou report child --all -o reports/cards
  ! liushou：-o reports/cards：档案目录里的 reports 是符号链接；liushou 从不经由档案目录里的链接写文件（请给出档案目录之外的文件夹，或真实的文件夹）
  [2]
  $ liushou -q report summary -o reports/sub/x.md
  ! liushou：-o reports/sub/x.md：档案目录里的 reports 是符号链接；liushou 从不经由档案目录里的链接写文件（请给出档案目录之外的文件夹，或真实的文件夹）
  [2]
  $ outside | diff ../scratch/before - && echo "outside the tree: unchanged"
  outside the tree: unchanged
  $ liushou report summary -o ../victim/summary.md && ls ../victim && rm ../victim/summary.md reports
  已写入 ../victim/summary.md
  summary.md

Reading a commit (--rev) keeps its cache in GIT_DIR/liushou: a link there is refused as well.

  $ git init -q && git add -A && git commit -qm 建档 && ln -s ../../victim .git/liushou && outside > ../scratch/before
  $ liushou report summary --rev HEAD > /dev/null
  ! liushou：.git/liushou：是符号链接；liushou 从不经由链接读写档案目录里的东西（请删除它，它不是档案数据）
  [1]
  $ liushou list --rev HEAD > /dev/null
  ! liushou：.git/liushou：是符号链接；liushou 从不经由链接读写档案目录里的东西（请删除它，它不是档案数据）
  [1]
  $ outside | diff ../scratch/before - && echo "outside the tree: unchanged"
  outside the tree: unchanged
  $ rm .git/liushou && liushou list --rev HEAD | tail -1 && stat -c %a .git/liushou
  共 30 名
  700
