liushou purge and liushou privacy (#43): forgetting children who left, in the files (one
journalled batch) and in git history (git-filter-repo), and keeping the data out afterwards.

A year of history on the sample school: a corrected phone number, a talk logged on the wrong
child and deleted, a mistyped guardian phone put right; then two children leave in July.

  $ cp -r $EXAMPLES/school school && cd school && git init -q -b main . && git add -A && git commit -qm "the sample school"
  $ liushou -q --commit enroll 2025-003 --guardian-phone 13911112222
  $ liushou -q --commit log-talk 2025-003 --date 2026-03-12 --by T001 --summary 误记在这名儿童名下的谈话 --follow-up 无
  $ liushou -q --commit log-talk 2025-003 --delete 2026-03-12#2
  $ liushou -q --commit enroll 2025-001 --guardian-phone 13977778888 && liushou -q --commit enroll 2025-001 --guardian-phone 13800001697
  $ export LIUSHOU_TODAY=2026-07-20
  $ liushou -q --commit enroll 2025-003 --status transferred --on 2026-07-10 && liushou -q --commit enroll 2025-005 --status graduated --on 2026-07-05
  $ git clone -q . ../old && mkdir ../orig && cp children/2025-003.yaml children/2025-005.yaml ../orig/
  $ for t in 第一学期 第二学期; do liushou report summary --term $t --format json > ../before-$t.json; done

Where personal data lives, and who is due. Without a retention, nobody is due:

  $ liushou privacy
  本档案中个人信息所在之处：
    children/*.yaml：姓名、身份证号、出生日期、住址、健康状况、父母和监护人的姓名与电话、备注、谈心记录
    activities/*.yaml：活动的标题和小结可能写有儿童姓名
    staff.yaml：教师的姓名和电话
    .liushou/cache：为加快速度而存的档案副本
    git 历史（.git）：这些文件的每一个旧版本，录入过的每一个值（git log -p）
  保留期限：未设定（liushou.yaml 中的 privacy.retention_years）
  已离校儿童：2 名
    2025-003：2026-07-10转出，保留
    2025-005：2026-07-05毕业，保留
  已清除的儿童：0 名
  git 历史从未改写

  $ printf 'privacy:\n  retention_years: 3\n' >> liushou.yaml && git commit -qam "retention" && liushou privacy | tail -6
  已离校儿童：2 名
    2025-003：2026-07-10转出，2029-07-10 到期应清除
    2025-005：2026-07-05毕业，2029-07-05 到期应清除
  现已到期应清除：0 名
  已清除的儿童：0 名
  git 历史从未改写

  $ liushou purge
  2023-07-20 之前离校的儿童，文件中都已没有个人信息

Asked without --yes and not at a terminal, purge lists and changes nothing:

  $ liushou purge --left-before 2026-07-15
  2025-003：2026-07-10转出；将删除：姓名、身份证号、民族、出生日（只留年月）、健康状况、家庭住址、父母的姓名、电话和务工地址、监护人信息、谈心的内容、情绪和跟进事项
  2025-005：2026-07-05毕业；将删除：姓名、身份证号、民族、出生日（只留年月）、健康状况、家庭住址、父母的姓名、电话和务工地址、监护人信息、帮扶计划和进步档案、谈心的内容、情绪和跟进事项
  ! liushou：未作任何改动：加上 --yes 才会执行（标准输入不是终端，liushou 无法询问）
  [2]

  $ git status --short

Bad dates:

  $ liushou purge --left-before 2026-7-32 --yes
  ! liushou：--left-before 2026-7-32：“2026-7-32”不是 YYYY-MM-DD 形式的日期
  [2]

  $ liushou purge --left-before 2027-01-01 --yes
  ! liushou：--left-before 2027-01-01：这一天还没到
  [2]

Nothing to rewrite yet; history needs everything committed, the tree at the top of its
repository, and a repository at all; --value goes alone:

  $ liushou purge --history --yes
  2023-07-20 之前离校的儿童，文件中都已没有个人信息
  ! liushou：还没有清除过任何儿童，没有历史要改写；请先运行 liushou purge --left-before 日期
  [2]
  $ echo "# 注" >> staff.yaml && liushou purge --value 误记在这名儿童名下的谈话 --yes; git checkout -q staff.yaml
  ! liushou：.：档案有尚未提交的改动；请先提交（git commit），因为改写会把文件重置为改写后的提交。未作任何改动
  $ mkdir ../outer && cp -r . ../outer/tree && rm -rf ../outer/tree/.git && cd ../outer && git init -q && git add -A && git commit -qm outer && liushou --root tree purge --value 误记在这名儿童名下的谈话 --yes; rm -rf .git tree/.liushou && liushou --root tree purge --value 误记在这名儿童名下的谈话 --yes; cd ../school && rm -rf ../outer
  ! liushou：tree：档案是 git 仓库中的一个文件夹（tree/）；purge --history 只改写以档案为顶层的仓库
  ! liushou：tree：不在 git 仓库中，没有历史可改写
  $ liushou purge --value 误记在这名儿童名下的谈话 --left-before 2026-07-15 --yes
  ! liushou：--value 只改写历史；--left-before 请另外运行
  [2]

A privacy section that does not read:

  $ cp liushou.yaml ../liushou.yaml.good && sed -i 's/retention_years: 3/retention_years: 永远/' liushou.yaml && liushou purge --yes; liushou check | grep liushou.yaml; cp ../liushou.yaml.good liushou.yaml
  liushou.yaml:1:1: 错误：privacy.retention_years：应为年数，1 到 100
  ! liushou.yaml:1:1: 错误：privacy.retention_years：应为年数，1 到 100

A kill right after the batch's journal is down: the next command finishes the purge. A kill
before it: the tree is as before. (Each on a copy.)

  $ cp -r . ../killed-after && cd ../killed-after && { LIUSHOU_FAULT=kill-after-journal@0 liushou -q purge --left-before 2026-07-15 --yes; } 2>/dev/null; echo "exit $?"; grep -c 孙俊杰 children/2025-003.yaml liushou.yaml; liushou -q list > /dev/null; grep -c 孙俊杰 children/2025-003.yaml; grep -c purged: children/2025-003.yaml children/2025-005.yaml
  exit 137
  children/2025-003.yaml:1
  liushou.yaml:0
  0
  children/2025-003.yaml:1
  children/2025-005.yaml:1
  ! liushou：上次中断的写入已补完：3 个文件已就位（.liushou/journal）

  $ cp -r ../school ../killed-before && cd ../killed-before && { LIUSHOU_FAULT=kill-before-journal@0 liushou -q purge --left-before 2026-07-15 --yes; } 2>/dev/null; echo "exit $?"; liushou -q purge --left-before 2020-01-01 --yes; git status --short; grep -c 孙俊杰 children/2025-003.yaml; cd ../school && rm -rf ../killed-after ../killed-before
  exit 137
  1
  ! liushou：上次写入在生效前中断，已撤销：删除了 3 个临时文件，档案没有改动

The purge, committed:

  $ liushou purge --left-before 2026-07-15 --yes
  2025-003：2026-07-10转出；将删除：姓名、身份证号、民族、出生日（只留年月）、健康状况、家庭住址、父母的姓名、电话和务工地址、监护人信息、谈心的内容、情绪和跟进事项
  2025-005：2026-07-05毕业；将删除：姓名、身份证号、民族、出生日（只留年月）、健康状况、家庭住址、父母的姓名、电话和务工地址、监护人信息、帮扶计划和进步档案、谈心的内容、情绪和跟进事项
  已清除 2 名儿童的个人信息：已从文件中删除；较早的版本仍留在 git 历史中，直到运行 liushou purge --history
  已提交 ffd8266（3 个文件）

  $ git log -1 --format='%s%n%b' && cat children/2025-003.yaml && tail -7 liushou.yaml
  purge: 2 children
  2025-003
  2025-005
  
  schema: 2
  id: "2025-003"
  name: "2025-003"
  gender: female
  birth_date: 2018-12-01
  grade: 2
  class: 1
  enrolled_on: 2024-09-01
  status: transferred
  status_on: 2026-07-10
  left_behind: father_away
  boarding: false
  support:
    key_child: true
    subsidies:
      - two_exemptions_one_subsidy
  pairing:
    teacher: T003
    since: 2026-03-15
  talks:
    - date: 2025-12-05
      kind: talk
      by: T003
    - date: 2025-12-27
      kind: family_call
      by: T003
    - date: 2026-03-06
      kind: talk
      by: T003
    - date: 2026-03-10
      kind: talk
      by: T003
    - date: 2026-03-12
      kind: counselling
      by: T003
  changes:
    - date: 2025-09-01
      field: key_child
      was: "no"
  purged: 2026-07-20
  privacy:
    retention_years: 3
    purged:
      - date: 2026-07-20
        ids:
          - "2025-003"
          - "2025-005"

Every past term's figures are as they were; only the names read as the ids:

  $ for t in 第一学期 第二学期; do liushou report summary --term $t --format json > ../after-$t.json; diff ../before-$t.json ../after-$t.json | grep '^[<>]' | sed 's/"commit": "[0-9a-f]*"/"commit": C/' | grep -v '"school_year"' | sed 's/, "grade".*//'; done
  <     {"school": "孙桥镇中心小学", "id": "2025-003", "name": "孙俊杰"
  >     {"school": "孙桥镇中心小学", "id": "2025-003", "name": "2025-003"
  <     {"school": "孙桥镇中心小学", "id": "2025-005", "name": "朱鹏"
  >     {"school": "孙桥镇中心小学", "id": "2025-005", "name": "2025-005"
  <     {"school": "孙桥镇中心小学", "id": "2025-003", "name": "孙俊杰"
  >     {"school": "孙桥镇中心小学", "id": "2025-003", "name": "2025-003"
  <     {"school": "孙桥镇中心小学", "id": "2025-005", "name": "朱鹏"
  >     {"school": "孙桥镇中心小学", "id": "2025-005", "name": "2025-005"
  [1]

The files no longer hold the values; git history still does:

  $ bash $TESTDIR/../tools/purged-values.sh ../orig 2025-003.yaml 2025-005.yaml
  values: 27
  in the files: 0, in git log -p --all: 27, in git's objects: 27

A sync file from a PC that had not had the purge, bringing a talk on a purged child, is
refused; the tree is byte-identical and git keeps none of what it brought:

  $ cd ../old && liushou -q --commit log-talk 2025-003 --date 2026-07-01 --by T003 --kind family_call --summary 与在外的父亲通话 && liushou -q sync --to ../old-incr.liushou --plain 2>/dev/null && cd ../school
  $ bash $TESTDIR/../tools/listing.sh . --exclude .git > ../listing-before && liushou sync --from ../old-incr.liushou; echo "exit $?"; bash $TESTDIR/../tools/listing.sh . --exclude .git | diff ../listing-before - && echo identical; git cat-file --batch-all-objects --batch | tr -d '\0' | grep -c 与在外的父亲通话 || true
  exit 1
  identical
  0
  ! liushou：警告：这个文件没有加密（用 --plain 写出）
  ! liushou：../old-incr.liushou：这个文件会带回 1 名已清除儿童的个人信息（2025-003）：它出自一台还没有清除的电脑；请那台电脑先换用新的克隆。未作任何改动

History rewritten: no commit, tag, reflog or object keeps a purged value.

  $ git tag before-purge HEAD~3 && liushou purge --history --yes
  2023-07-20 之前离校的儿童，文件中都已没有个人信息
  已改写 git 历史：替换了 6 个文件版本；任何提交、标签、reflog 或对象都不再保留已清除的值
  仓库的其他每一份副本（老师的电脑、县里的克隆、备份）仍保留旧的历史：请各换成这个仓库的新克隆；用文件同步的电脑，则用一次完整同步（liushou sync --to … --full）建一个新档案；此前写出的同步文件都会被拒收
  已提交 56a51d9（1 个文件）

  $ bash $TESTDIR/../tools/purged-values.sh ../orig 2025-003.yaml 2025-005.yaml
  values: 27
  in the files: 0, in git log -p --all: 0, in git's objects: 0

  $ git log --format=%s -3 && git status --short && tail -5 liushou.yaml | sed 's/- [0-9a-f]\{40\}$/- ROOT/'
  purge --history
  purge: 2 children
  retention
          - "2025-003"
          - "2025-005"
    history_rewritten: 2026-07-20
    replaced_roots:
      - ROOT

  $ liushou privacy | tail -5
    2025-003：2026-07-10转出，已于 2026-07-20 清除
    2025-005：2026-07-05毕业，已于 2026-07-20 清除
  现已到期应清除：0 名
  已清除的儿童：2 名
  git 历史上次改写：2026-07-20

A purged child's file restored from an old backup is an error in check, naming the file,
line and field:

  $ cp ../orig/2025-005.yaml children/ && liushou check | grep 2025-005 | head -4; liushou -q check > /dev/null; echo "exit $?"
  children/2025-005.yaml:1:1: 错误：该儿童的个人信息已于 2026-07-20 清除（见 liushou.yaml 的 privacy），但这个文件是清除之前的：是从备份恢复的，还是从旧的克隆合并来的？liushou purge --yes 可再次清除
  children/2025-005.yaml:3:7: 错误：姓名：已于 2026-07-20 清除的儿童的个人信息
  children/2025-005.yaml:5:13: 错误：出生日期：已于 2026-07-20 清除的儿童的个人信息
  children/2025-005.yaml:6:12: 错误：身份证号：已于 2026-07-20 清除的儿童的个人信息
  exit 1

  $ liushou purge --yes; git status --short; liushou -q check | grep 2025-005 || echo "check: nothing about 2025-005"
  2025-005：2026-07-05毕业；将删除：姓名、身份证号、民族、出生日（只留年月）、健康状况、家庭住址、父母的姓名、电话和务工地址、监护人信息、帮扶计划和进步档案、谈心的内容、情绪和跟进事项
  已清除 1 名儿童的个人信息：已从文件中删除；较早的版本仍留在 git 历史中，直到运行 liushou purge --history
  check: nothing about 2025-005

A full sync file from a clone made before the history was rewritten is refused, and the tree
is byte-identical; so is the earlier one:

  $ cd ../old && liushou -q --commit log-talk 2025-001 --date 2026-07-01 --by T001 --summary 旧电脑上的谈话 && liushou -q sync --to ../old-full.liushou --plain --full 2>/dev/null && cd ../school
  $ bash $TESTDIR/../tools/listing.sh . --exclude .git > ../listing-before && liushou sync --from ../old-full.liushou; echo "exit $?"; bash $TESTDIR/../tools/listing.sh . --exclude .git | diff ../listing-before - && echo identical
  exit 1
  identical
  ! liushou：警告：这个文件没有加密（用 --plain 写出）
  ! liushou：../old-full.liushou：这个文件出自 2026-07-20 改写（liushou purge --history）之前的历史，会带回已清除的信息；请发送方先换用新的克隆。未作任何改动

One value typed by mistake (a guardian's phone on the wrong child, put right the same day)
is removed from history; a value still in a file is refused:

  $ git log -p --all | grep -c 13977778888
  2
  $ liushou purge --value 13800001697 --yes
  ! children/2025-001.yaml:30:1: 错误：这个值仍在文件中；请先改正档案，再用 purge --value 把它从历史中删除。未作任何改动
  [1]

  $ liushou purge --value 13977778888 --yes
  已改写 git 历史：替换了 1 个文件版本；任何提交、标签、reflog 或对象都不再保留这个值
  仓库的其他每一份副本（老师的电脑、县里的克隆、备份）仍保留旧的历史：请各换成这个仓库的新克隆；用文件同步的电脑，则用一次完整同步（liushou sync --to … --full）建一个新档案；此前写出的同步文件都会被拒收

  $ git log -p --all | grep -c 13977778888; git cat-file --batch-all-objects --batch | grep -c 13977778888; git status --short
  0
  0

  $ liushou purge --value 13 --yes
  ! liushou：--value：请给出完整的误录值（至少 2 个字、4 个字节，一行），以免删到别的内容
  [2]

The same in English:

  $ liushou --lang en privacy | tail -4
    2025-005: graduated on 2026-07-05, purged on 2026-07-20
  due for purge now: 0
  purged children: 2
  git history last rewritten: 2026-07-20

A repository's own filters never run during a rewrite (git-filter-repo checks out the
rewritten commit; plain git would run the smudge filter there):

  $ git config filter.evil.smudge "touch ../SMUDGED; cat" && git config filter.evil.clean "touch ../CLEANED; cat" && echo "*.yaml filter=evil" > .git/info/attributes && liushou -q purge --history --yes; ls .. | grep -c -e SMUDGED -e CLEANED || true
  0
