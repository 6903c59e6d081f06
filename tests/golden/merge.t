Merging clones never drops or fuses a record, and parallel --commit writers all commit.

  $ liushou -q --commit init origin --school 孙桥镇中心小学 --year 2025-2026 && cd origin
  $ liushou -q --commit staff add --name 张老师 --role teacher
  T001
  $ liushou -q --commit enroll --id 2025-001 --name 王小明 --gender 男 --birth-date 2016-08-26 --enrolled-on 2022-09-01 --grade 4 --class 2 --health 良好
  2025-001
  $ liushou -q --commit log-talk 2025-001 --by T001 --date 2026-03-02 --summary 想念妈妈 --mood 低落
  $ cd .. && git clone -q origin a && git clone -q origin b && (cd a && liushou init --hooks -q) && (cd b && liushou init --hooks -q)

3. A value liushou cannot read is kept by the merge driver, not dropped; the merge commit is
then refused by the pre-merge-commit hook, as a commit is by the pre-commit hook.

  $ cd b && sed -i 's#^birth_date: 2016-08-26#birth_date: 2016/8/26#' children/2025-001.yaml && git commit -q --no-verify -am "a hand edit"
  $ cd ../a && liushou -q --commit enroll 2025-001 --health 一般 && git pull -q --no-rebase ../b master; echo "exit $?"
  Auto-merging children/2025-001.yaml
  exit 1
  ! children/2025-001.yaml:1:1: 警告：档案不完整（建档），缺：家庭住址、父母信息（至少一位家长的姓名、电话和务工地址）、监护人关系、监护人姓名、监护人电话、监护人住址、监护人职业、监护人健康状况、监护人年龄
  ! children/2025-001.yaml:5:13: 错误：出生日期：“2016/8/26”不是 YYYY-MM-DD 形式的日期
  ! Not committing merge; use 'git commit' to complete the merge.
  $ grep -E '^(birth_date|health):' children/2025-001.yaml
  birth_date: 2016/8/26
  health: 一般
  $ sed -i 's#^birth_date: 2016/8/26#birth_date: 2016-08-26#' children/2025-001.yaml && git commit -qam "merged, date fixed" && liushou check -q --allow-incomplete
  children/2025-001.yaml:1:1: 警告：档案不完整（建档），缺：家庭住址、父母信息（至少一位家长的姓名、电话和务工地址）、监护人关系、监护人姓名、监护人电话、监护人住址、监护人职业、监护人健康状况、监护人年龄

The same talk edited differently on both sides is one conflict, each side the whole talk;
with several conflicts each is marked in place, and check names the file until they are
resolved.

  $ cd ../b && git pull -q --no-rebase ../a master && liushou -q --commit log-talk 2025-001 --by T001 --date 2026-03-02 --summary 想念妈妈 --mood 好 --amend && liushou -q --commit enroll 2025-001 --health 较差
  $ cd ../a && liushou -q --commit log-talk 2025-001 --by T001 --date 2026-03-02 --summary 想念妈妈，哭了 --mood 低落 --amend && liushou -q --commit enroll 2025-001 --health 良好
  $ git pull -q --no-rebase ../b master; echo "exit $?"
  Auto-merging children/2025-001.yaml
  CONFLICT (content): Merge conflict in children/2025-001.yaml
  Automatic merge failed; fix conflicts and then commit the result.
  exit 1
  ! liushou merge-file：健康状况：两边改得不一样；请在 <<<<<<< ours 与 >>>>>>> theirs 之间选定
  ! liushou merge-file：talks (2026-03-02 talk T001)：两边改得不一样；请在 <<<<<<< ours 与 >>>>>>> theirs 之间选定
  $ sed -n '/^status/,$p' children/2025-001.yaml
  status: enrolled
  <<<<<<< ours
  health: 良好
  =======
  health: 较差
  >>>>>>> theirs
  talks:
  <<<<<<< ours
    - date: 2026-03-02
      kind: talk
      by: T001
      summary: 想念妈妈，哭了
      mood: low
  =======
    - date: 2026-03-02
      kind: talk
      by: T001
      summary: 想念妈妈
      mood: good
  >>>>>>> theirs
  $ liushou check -q --allow-incomplete
  children/2025-001.yaml:10:1: 错误：有未解决的合并冲突：请保留其中一方的内容，删去 <<<<<<<、======= 和 >>>>>>> 这几行
  [1]
  $ git checkout --theirs children/2025-001.yaml && liushou check -q --allow-incomplete && git checkout --ours children/2025-001.yaml && liushou check -q --allow-incomplete && git add children && git commit -qm merged
  children/2025-001.yaml:1:1: 警告：档案不完整（建档），缺：家庭住址、父母信息（至少一位家长的姓名、电话和务工地址）、监护人关系、监护人姓名、监护人电话、监护人住址、监护人职业、监护人健康状况、监护人年龄
  children/2025-001.yaml:1:1: 警告：档案不完整（建档），缺：家庭住址、父母信息（至少一位家长的姓名、电话和务工地址）、监护人关系、监护人姓名、监护人电话、监护人住址、监护人职业、监护人健康状况、监护人年龄
  ! Updated 1 path from the index
  ! Updated 1 path from the index

4. Two clones that each enrol a new child both take the next id. The merge does not put both
children in one file: it stops and says so, and liushou rename gives one of them a new id.

  $ cd ../b && git pull -q --no-rebase ../a master && liushou -q --commit enroll --name 陈思雨 --birth-date 2016-05-01 && ls children
  2025-002
  2025-001.yaml
  2025-002.yaml
  $ cd ../a && liushou -q --commit enroll --name 李浩然 --birth-date 2015-11-20 && ls children
  2025-002
  2025-001.yaml
  2025-002.yaml
  $ git pull -q --no-rebase ../b master; echo "exit $?"
  Auto-merging children/2025-002.yaml
  CONFLICT (add/add): Merge conflict in children/2025-002.yaml
  Automatic merge failed; fix conflicts and then commit the result.
  exit 1
  ! liushou merge-file：两边把同一个学号给了两名不同的儿童（姓名、出生日期或身份证号不同）。两份都保留在文件中 <<<<<<< ours 与 >>>>>>> theirs 之间。如要保留两名儿童：git checkout --theirs 文件；liushou rename 学号 新学号；git checkout --ours 文件；再 git add children/ 并提交
  $ git checkout --theirs children/2025-002.yaml && liushou rename 2025-002 2025-003 && git checkout --ours children/2025-002.yaml
  已把 2025-002 改为 2025-003
  ! Updated 1 path from the index
  ! Updated 1 path from the index
  $ git add children && git commit -qm "two new children" && liushou list --format csv | cut -d, -f1,2 && liushou check -q --allow-incomplete
  学号,姓名
  2025-001,王小明
  2025-002,李浩然
  2025-003,陈思雨
  children/2025-001.yaml:1:1: 警告：档案不完整（建档），缺：家庭住址、父母信息（至少一位家长的姓名、电话和务工地址）、监护人关系、监护人姓名、监护人电话、监护人住址、监护人职业、监护人健康状况、监护人年龄
  children/2025-002.yaml:1:1: 警告：档案不完整（建档），缺：性别、年级、班级、家庭住址、父母信息（至少一位家长的姓名、电话和务工地址）、监护人关系、监护人姓名、监护人电话、监护人住址、监护人职业、监护人健康状况、监护人年龄
  children/2025-003.yaml:1:1: 警告：档案不完整（建档），缺：性别、年级、班级、家庭住址、父母信息（至少一位家长的姓名、电话和务工地址）、监护人关系、监护人姓名、监护人电话、监护人住址、监护人职业、监护人健康状况、监护人年龄
  ! children/2025-003.yaml:1:1: 警告：档案不完整（建档），缺：性别、年级、班级、家庭住址、父母信息（至少一位家长的姓名、电话和务工地址）、监护人关系、监护人姓名、监护人电话、监护人住址、监护人职业、监护人健康状况、监护人年龄
  $ git log --format=%s -1 -- children/2025-003.yaml
  two new children

A rename changes buddy references too, and refuses an id that is taken.

  $ liushou -q --commit pair 2025-001 --teacher T001 --buddy 2025-003 && liushou --commit rename 2025-003 2025-004 && grep buddy children/2025-001.yaml && git status --porcelain
  已把 2025-003 改为 2025-004（更新了 1 处学习帮手）
  已提交 c33e5ad（3 个文件）
    buddy: "2025-004"
  $ liushou rename 2025-004 2025-001
  ! liushou：2025-001 已被 children/2025-001.yaml 使用，请换一个学号
  [1]
  $ liushou rename 2025-009 2025-010
  ! liushou：没有儿童 2025-009
  [2]

8. Parallel writers with --commit: every write is committed, none fails on git's index lock.

  $ for w in 1 2 3; do
  >   (for i in $(seq 1 15); do liushou -q --commit log-talk 2025-001 --by T001 --date 2026-03-10 --summary "w$w t$i" || echo "w$w t$i failed"; done) &
  > done; wait
  $ git log --format=%s | grep -c '^log-talk 2025-001 2026-03-10 talk'
  45
  $ git status --porcelain
