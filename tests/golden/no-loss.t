Never lose, revert or fuse a record: each section is one way a school's edit or entry used to
vanish (issue "Never lose, revert or fuse a record"), and shows that it no longer can.

  $ liushou init school --school 孙桥镇中心小学 --year 2025-2026 --no-git -q && cd school
  $ liushou -q staff add --name 张老师 --role teacher && liushou -q staff add --name 李老师 --role teacher
  T001
  T002
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
  children/2025-001.yaml:8:8: 错误：年级：9 年级不是小学年级（1-6）
  [1]
  $ edit $f 'grade: 9' 'grade: 5'; liushou list --grade 5 --format csv | cut -d, -f1-2
  学号,姓名
  2025-001,徐紫涵
  2025-002,赵若曦
  $ printf '学号,日期,类型,教师,内容\n2025-001,2026-03-02,谈心,T001,想家\n' > talks.csv && liushou log-talk --from-csv talks.csv
  talks.csv（1 行，utf-8）：为 1 名儿童登记 1 条，已有 0 条
  $ grep -c '^grade: 5' $f
  1
  $ edit $f 'grade: 5' 'grade: 4'; printf '学号,健康状况\n2025-001,较差\n' > reg2.csv
  $ liushou enroll --from-csv reg2.csv --update
  reg2.csv（1 行，utf-8）：新增 0，修改 1，未变 0
  $ grep -E '^(grade|health):' $f
  grade: 4
  health: 较差

2. The writer lock survives deleting .liushou/ (derived data, safe to delete): three writers
while another process deletes it over and over (and sometimes fails to, as the writers put
their cache and marker back); every acknowledged talk is in the file.

  $ for w in 1 2 3; do
  >   (for i in $(seq 1 40); do liushou -q log-talk 2025-002 --by T001 --date 2026-03-03 --summary "w$w t$i" && echo "w$w t$i" >> acked.$w; done) &
  > done
  > (for i in $(seq 1 400); do rm -rf .liushou 2>/dev/null; done) & wait
  $ cat acked.* | wc -l
  120
  $ cat acked.* | while read s; do grep -qx "    summary: $s" children/2025-002.yaml || echo "lost: $s"; done
  $ test ! -e .liushou/lock && echo "no lock file in .liushou/: the lock is the tree's own directory"
  no lock file in .liushou/: the lock is the tree's own directory

5. Cleaning up after a killed writer removes only its own temporary files: names that merely
look alike are someone's, and stay. A writer marks .liushou/writing before its first
temporary file and removes the mark when it ends, so a killed one leaves the mark, and only
then does the next writer search children/ (a single write does not list 50,000 files). The
caches' temporaries (a writer keeps staff.bin, a read git.bin) go too, uncounted: no record.

  $ mkdir -p .liushou && touch .liushou/writing
  $ touch .school.tmp.notes.txt children/.2025-001.yaml.tmp.backup children/.2025-001.yaml.tmp.99999999.0 .notes.tmp.1.2
  $ touch children/.2025-001.yaml.tmp.4000000.3 .staff.yaml.tmp.4000000.1 children/.2025-002.yaml.tmp.$$.7
  $ mkdir -p .liushou/cache && touch .liushou/cache/.staff.bin.tmp.4000000.2 .liushou/cache/.git.bin.tmp.4000000.5 .liushou/cache/.figures.bin.tmp.4000000.4
  $ liushou -q log-talk 2025-003 --by T001 --date 2026-03-04 --summary 一次谈心
  ! liushou：上次写入在生效前中断，已撤销：删除了 3 个临时文件，档案没有改动
  $ ls -A . children | grep tmp | sed "s/\.$$\./.(a live pid)./"; test -e .liushou/writing || echo "the mark is gone"
  .notes.tmp.1.2
  .school.tmp.notes.txt
  .2025-001.yaml.tmp.backup
  .2025-002.yaml.tmp.(a live pid).7
  the mark is gone
  $ ls -A .liushou/cache | grep tmp || echo "none left in the cache"
  none left in the cache

6. Only an identical entry is a duplicate. The same talk with another mood or follow-up is
refused, naming what differs, and --amend changes the logged one; in a sheet too.

  $ liushou log-talk 2025-003 --by T001 --date 2026-03-05 --summary 想念妈妈 --mood 低落
  已登记 2025-003 2026-03-05 谈心（T001）
  $ liushou log-talk 2025-003 --by T001 --date 2026-03-05 --summary 想念妈妈 --mood 低落
  已有 2025-003 2026-03-05 谈心（T001）
  $ liushou log-talk 2025-003 --by T001 --date 2026-03-05 --summary 想念妈妈 --mood 好 --follow-up 每周通话
  ! liushou：2025-003 已有 2026-03-05 的这次谈心（T001），但情绪、跟进事项不同；未登记。如要修改已登记的记录，请加 --amend 再运行同样的命令
  [1]
  $ liushou log-talk 2025-003 --by T001 --date 2026-03-05 --summary 想念妈妈，已好转 --mood 好 --follow-up 每周通话 --amend
  已修改 2025-003 2026-03-05 谈心（T001）
  $ grep -A4 'date: 2026-03-05' children/2025-003.yaml
    - date: 2026-03-05
      kind: talk
      by: T001
      summary: 想念妈妈，已好转
      mood: good
  $ grep -c 'follow_up: 每周通话' children/2025-003.yaml
  1
  $ liushou log-talk 2025-003 --by T002 --date 2026-03-05 --summary x --amend
  ! liushou：--amend：2025-003 没有 2026-03-05 的谈心（T002）可修改；未作任何改动
  [1]
  $ printf '学号,日期,类型,教师,内容,情绪\n2025-003,2026-03-05,谈心,T001,想念妈妈，已好转,低落\n2025-002,2026-03-06,谈心,T001,甲,好\n2025-002,2026-03-06,谈心,T001,甲,低落\n' > moods.csv
  $ liushou log-talk --from-csv moods.csv
  ! moods.csv:2:5: 错误：第 2 行，内容：同一次谈心（2026-03-05 谈心，T001）已登记，但情绪、跟进事项不同；请改正这一行，或用 log-talk 2025-003 --amend 修改已登记的记录
  ! moods.csv:4:5: 错误：第 4 行，内容：同一次谈心（2026-03-06 谈心，T001）在第 3 行也有，但情绪不同；请改正这一行，或用 log-talk 2025-002 --amend 修改已登记的记录
  ! moods.csv：2 处问题，未登记任何记录
  [1]

7. The same child twice. A row with another 学号 but an existing child's name and birth date
is another child of the same name (a register's 学号 decide), but said, since it may be a
mistyped id (--namesakes silences it); when it also carries that child's 身份证号 it is the
same child, and refused naming both; a new child by options with them is refused; a name
typed decomposed (NFD) is the same name; a copy such as children/2025-001.old.yaml is never
counted, and check says the two files share one 身份证号.

  $ head -1 reg.csv > same.csv && sed -n 2p reg.csv | sed 's/^2025-001,/2025-1,/' >> same.csv
  $ liushou enroll --from-csv same.csv --dry-run 2>&1 | cut -c1-120
  same.csv:2:1: 警告：第 2 行，学号：徐紫涵（2014-08-23 出生）也在 children/2025-001.yaml（学号 2025-
  same.csv:2:5: 错误：第 2 行，身份证号：这个身份证号已经属于 2025-001（children/2025-001.yaml）；
  same.csv：2 处问题，未导入任何内容
  [1]
  $ liushou enroll --from-csv same.csv --namesakes --dry-run
  ! same.csv:2:5: 错误：第 2 行，身份证号：这个身份证号已经属于 2025-001（children/2025-001.yaml）；如果是同一名儿童，请用学号 2025-001
  ! same.csv：1 处问题，未导入任何内容
  [1]
  $ printf '姓名,出生日期,性别\nLu\xcc\x88 Xin,2016-05-01,女\n' > nfd.csv && printf '姓名,出生日期,性别\nL\xc3\xbc Xin,2016-05-01,女\n' > nfc.csv
  $ liushou enroll --from-csv nfd.csv --blank-left-behind both_parents && liushou enroll --from-csv nfc.csv --blank-left-behind both_parents && liushou -q enroll --name $'Lu\xcc\x88 Yu' --birth-date 2016-06-01
  nfd.csv（1 行，utf-8）：新增 1，修改 0，未变 0
  nfc.csv（1 行，utf-8）：新增 0，修改 0，未变 1
  2025-005
  $ cat children/*.yaml | grep -c $'^name: L\xc3\xbc '; cat children/*.yaml | grep -c $'u\xcc\x88'
  2
  0
  [1]
  $ cp children/2025-001.yaml children/2025-001.old.yaml && liushou list --format csv | cut -d, -f1
  学号
  2025-003
  2025-001
  2025-002
  2025-004
  2025-005
  ! children/2025-001.old.yaml：已略过，文件中的学号是 2025-001，文件名却是 2025-001.old.yaml（是副本吗？请运行 liushou check）
  $ liushou check -q --allow-incomplete 2>&1 | grep old
  children/2025-001.old.yaml:2:5: 错误：学号：文件中的学号是 2025-001，文件名却是 2025-001.old.yaml
  children/2025-001.old.yaml:3:7: 警告：姓名：与 children/2025-001.yaml 同名且出生日期相同；如是同一名儿童，请只保留一个文件；如是两名，请分别填写身份证号
  children/2025-001.old.yaml:6:12: 错误：身份证号：与 children/2025-001.yaml 的身份证号相同：一名儿童有两个文件；请只保留一个
  [1]
  $ rm children/2025-001.old.yaml

9. Nothing hangs or eats the memory: a FIFO at the cache's path is ignored, a sheet from
/dev/zero is refused at the limit, and a 1 MiB record of 100,000 unknown keys reads at once.

  $ rm -rf .liushou/cache && mkdir -p .liushou/cache && mkfifo .liushou/cache/children.bin
  $ timeout 20 liushou list --format csv | wc -l
  6
  $ rm .liushou/cache/children.bin
  $ timeout 60 liushou enroll --from-csv /dev/zero
  ! liushou：/dev/zero：超过 64 MiB 的上限，拒绝读取
  [1]
  $ seq 1 100000 | sed 's/^/k/; s/$/: 1/' >> children/2025-004.yaml && wc -c < children/2025-004.yaml
  989015
  $ timeout 60 liushou check -q --allow-incomplete; echo "exit $?"
  children/2025-004.yaml:1:1: 警告：档案不完整（建档），缺：年级、班级、家庭住址、父母信息（至少一位家长的姓名、电话和务工地址）、监护人关系、监护人姓名、监护人电话、监护人住址、监护人职业、监护人健康状况、监护人年龄
  children/2025-005.yaml:1:1: 警告：档案不完整（建档），缺：性别、年级、班级、家庭住址、父母信息（至少一位家长的姓名、电话和务工地址）、监护人关系、监护人姓名、监护人电话、监护人住址、监护人职业、监护人健康状况、监护人年龄
  exit 0
  $ timeout 60 liushou -q log-talk 2025-004 --by T001 --date 2026-03-07 --summary 很多键 && grep -c '^k[0-9]*: 1$' children/2025-004.yaml
  100000

10. A value no record may hold is refused on the way in, by every command and in sheets, so
the file stays one that check and the next write accept.

  $ for v in $'a\x1bb' $'a\x0bb' $'a\x0cb' $'a\rb' $'a\x7fb' $'a\x08b' $'a\xc2\x85b' $'a\xe2\x80\xaeb'; do
  >   liushou log-talk 2025-003 --by T001 --date 2026-03-08 --summary "$v"; echo "exit $?"
  > done 2>&1 | sort | uniq -c
        8 exit 2
        1 liushou：--summary 的值含有字符 U+0008，档案中不能有这种字符（控制字符或改变文字顺序的字符），请删去
        1 liushou：--summary 的值含有字符 U+000B，档案中不能有这种字符（控制字符或改变文字顺序的字符），请删去
        1 liushou：--summary 的值含有字符 U+000C，档案中不能有这种字符（控制字符或改变文字顺序的字符），请删去
        1 liushou：--summary 的值含有字符 U+000D，档案中不能有这种字符（控制字符或改变文字顺序的字符），请删去
        1 liushou：--summary 的值含有字符 U+001B，档案中不能有这种字符（控制字符或改变文字顺序的字符），请删去
        1 liushou：--summary 的值含有字符 U+007F，档案中不能有这种字符（控制字符或改变文字顺序的字符），请删去
        1 liushou：--summary 的值含有字符 U+0085，档案中不能有这种字符（控制字符或改变文字顺序的字符），请删去
        1 liushou：--summary 的值含有字符 U+202E，档案中不能有这种字符（控制字符或改变文字顺序的字符），请删去
  $ liushou enroll 2025-003 --home-address $'x\x1b[31m'; liushou staff add --name $'王\x1b'; liushou enroll --name $'\xe2\x80\xae王'
  ! liushou：--home-address 的值含有字符 U+001B，档案中不能有这种字符（控制字符或改变文字顺序的字符），请删去
  ! liushou：--name 的值含有字符 U+001B，档案中不能有这种字符（控制字符或改变文字顺序的字符），请删去
  ! liushou：--name 的值含有字符 U+202E，档案中不能有这种字符（控制字符或改变文字顺序的字符），请删去
  [2]
  $ printf '学号,日期,类型,教师,内容\n2025-003,2026-03-09,谈心,T001,"a\rb"\n' > cr.csv && liushou log-talk --from-csv cr.csv
  ! cr.csv:2:1: 错误：第 2 行：单元格中有不属于换行的回车符（U+000D），请删去
  ! cr.csv：未登记任何记录
  [1]
  $ printf '学号,日期,类型,教师,内容\n2025-003,2026-03-09,谈心,T001,a\xc2\x9bb\n' > c1.csv && liushou log-talk --from-csv c1.csv
  ! c1.csv:2:1: 错误：表格这里有看不见的字符 U+009B，会让文字显示成别的样子，请删去
  ! c1.csv：未登记任何记录
  [1]
  $ liushou check -q --allow-incomplete
  children/2025-004.yaml:1:1: 警告：档案不完整（建档），缺：年级、班级、家庭住址、父母信息（至少一位家长的姓名、电话和务工地址）、监护人关系、监护人姓名、监护人电话、监护人住址、监护人职业、监护人健康状况、监护人年龄
  children/2025-005.yaml:1:1: 警告：档案不完整（建档），缺：性别、年级、班级、家庭住址、父母信息（至少一位家长的姓名、电话和务工地址）、监护人关系、监护人姓名、监护人电话、监护人住址、监护人职业、监护人健康状况、监护人年龄

11. Messages that say what is wrong: a read-only tree, and a key typed with a full-width colon.

  $ sed -i 's/^health: /health：/' children/2025-003.yaml && liushou check -q --allow-incomplete 2>&1 | grep 2025-003
  children/2025-003.yaml:14:7: 错误：健康状况：键后面是全角冒号（：）；请改为半角冒号加空格：健康状况: …
  children/2025-003.yaml:15:13: 错误：不是有效的 YAML：键值写法不对
  [1]
  $ sed -i 's/^health：/health: /' children/2025-003.yaml
  $ chmod -R a-w . && chmod o+x .. ../.. && if [ "$(id -u)" = 0 ]; then chmod -R a+rX . && as() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }; else as() { "$@"; }; fi
  $ git config --global --add safe.directory "$PWD" && as liushou log-talk 2025-003 --by T001 --date 2026-03-10 --summary 只读
  ! liushou：.：当前用户对档案目录只有读权限，未写入任何内容
  [3]
  $ chmod -R u+w . && git config --global --unset-all safe.directory
