liushou in git: --commit, the pre-commit hook, and two clones merging record by record.

  $ liushou -q --commit init origin --school 孙桥镇中心小学 --year 2025-2026 && cd origin && cat .gitattributes && git config merge.liushou.driver
  # liushou: records are UTF-8 text with LF line ends on every platform, and children's
  # files merge record by record (liushou merge-file; liushou init --hooks in a new clone).
  *.yaml text eol=lf
  children/*.yaml merge=liushou
  liushou.yaml merge=liushou
  liushou merge-file %O %A %B %P
  $ liushou --commit staff add --name 张老师 && liushou -q --commit staff add --name 李老师 && git log --format=%s
  added T001 张老师
  committed f7c8a22 (1 file)
  staff add T002
  staff add T001
  init
  $ liushou --commit enroll 2025-001 --name 徐紫涵 --gender 女 --birth-date 2016-05-04 --grade 4 --class 2 --enrolled-on 2022-09-01 --left-behind 双亲外出 --guardian-phone 13800000001 --home-address 石龙村1组1号 --notes 家中困难
  added 2025-001 徐紫涵
  committed b948612 (1 file)

Commit messages carry ids, dates and the action, never a name, a phone number, an address or
a note; each commit holds exactly the files the command wrote.

  $ liushou -q --commit log-talk 2025-001 --date 2026-03-10 --by T001 --summary 想念妈妈 --follow-up 联系父亲
  $ liushou -q --commit enroll 2025-001 --grade 5 --guardian-phone 13800000002
  $ gensheet --rows 3 --ids --enrolled-on 2025-09-01 | sed 1,2d > sheet.csv; (gensheet --rows 3 --ids --enrolled-on 2025-09-01 | head -1; cat sheet.csv) > more.csv && liushou -q --commit enroll --from-csv more.csv
  $ git log --format='%s%n%b' | grep -v '^$'
  enroll --from-csv: 2 added, 0 updated: 2 children
  2025-002
  2025-003
  enroll 2025-001 grade, guardian_phone
  log-talk 2025-001 2026-03-10 talk
  enroll 2025-001
  staff add T002
  staff add T001
  init
  $ git log -p | grep -c -E '徐紫涵|13800000002|石龙村|家中困难|想念妈妈|联系父亲' > /dev/null && git log --format=%B | grep -E '徐紫涵|1380000|石龙村|困难|想念|联系' || echo 'the records hold them; no message does'
  the records hold them; no message does
  $ git show --stat --format=%s HEAD~1 | grep '|'
   children/2025-001.yaml | 8 ++++++--
  $ rm more.csv sheet.csv && git status --porcelain

git_commit: true in liushou.yaml does the same without the flag; no repository is an error
after the write.

  $ sed -i 's/^school_year: .*/&\ngit_commit: true/' liushou.yaml && git commit -qam "commit by default" && liushou check -q --allow-incomplete
  children/2025-001.yaml:1:1: warning: incomplete file (建档), missing: parents (a parent with name, phone and work_place), guardian.relation, guardian.name, guardian.address, guardian.occupation, guardian.health, guardian.age
  $ liushou -q log-talk 2025-001 --date 2026-03-11 --by T002 --summary 家访 --kind home_visit && git log -1 --format=%s
  log-talk 2025-001 2026-03-11 home_visit
  $ cd .. && liushou init --no-git loose --school 孙桥镇中心小学 -q && liushou --root loose --commit staff add --name 王老师; echo "exit $?"; grep -c 王老师 loose/staff.yaml
  added T001 王老师
  liushou: loose: --commit: the tree is not in a git repository (the files were written; run git init)
  exit 3
  1

The pre-commit hook runs check on what is staged: a broken record cannot be committed.

  $ git clone -q origin a && git clone -q origin b && cd a && liushou init --hooks
  merge driver: merge.liushou in .git/config (children/*.yaml and liushou.yaml merge=liushou)
  pre-commit hook: liushou check --staged
  pre-merge-commit hook: liushou check --staged
  $ sed -i 's/^grade: 5/grade: 9/' children/2025-001.yaml && git commit -qam broken; echo "exit $?"
  children/2025-001.yaml:1:1: warning: incomplete file (建档), missing: parents (a parent with name, phone and work_place), guardian.relation, guardian.name, guardian.address, guardian.occupation, guardian.health, guardian.age
  children/2025-001.yaml:6:8: error: grade: grade 9 is not a primary school grade (1-6)
  exit 1
  $ git checkout -q children && git status --porcelain

Two teachers log talks for the same child in their clones and change different fields; the
merge keeps both talks in date order and both changes, and check is clean.

  $ liushou -q log-talk 2025-001 --date 2026-03-12 --by T001 --summary 甲 && liushou -q enroll 2025-001 --health 一般
  $ cd ../b && liushou -q init --hooks && liushou -q log-talk 2025-001 --date 2026-03-06 --by T002 --summary 乙 && liushou -q enroll 2025-001 --guardian-age 70 && git log -1 --format=%s
  enroll 2025-001 guardian_age
  $ cd ../a && git pull -q --no-rebase ../b master && git log --format=%s -1 && liushou check --allow-incomplete && grep -E '^  - date|^    summary|^health|^  age' children/2025-001.yaml
  Auto-merging children/2025-001.yaml
  children/2025-001.yaml:1:1: warning: incomplete file (建档), missing: parents (a parent with name, phone and work_place), guardian.relation, guardian.name, guardian.address, guardian.occupation, guardian.health
  Merge branch 'master' of ../b
  children/2025-001.yaml:1:1: warning: incomplete file (建档), missing: parents (a parent with name, phone and work_place), guardian.relation, guardian.name, guardian.address, guardian.occupation, guardian.health
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 5 files: 0 errors, 1 warning
  health: 一般
    age: 70
    - date: 2026-03-06
      summary: 乙
    - date: 2026-03-10
      summary: 想念妈妈
    - date: 2026-03-11
      summary: 家访
    - date: 2026-03-12
      summary: 甲
    - date: 2026-03-15

The same field changed differently on both sides is a conflict, marked on that field alone;
check names it until someone chooses.

  $ cd ../b && git pull -q --no-rebase ../a master && liushou -q enroll 2025-001 --guardian-phone 13900000009
  $ cd ../a && liushou -q enroll 2025-001 --guardian-phone 13700000007 && git pull -q --no-rebase ../b master; echo "exit $?"; git status --porcelain
  liushou merge-file: guardian.phone: changed differently on both sides; choose between the <<<<<<< ours and >>>>>>> theirs lines
  Auto-merging children/2025-001.yaml
  CONFLICT (content): Merge conflict in children/2025-001.yaml
  Automatic merge failed; fix conflicts and then commit the result.
  exit 1
  UU children/2025-001.yaml
  $ grep -n -A4 '^<<<<<<<' children/2025-001.yaml; liushou check --allow-incomplete
  14:<<<<<<< ours
  15-  phone: "13700000007"
  16-=======
  17-  phone: "13900000009"
  18->>>>>>> theirs
  children/2025-001.yaml:14:1: error: an unresolved merge conflict: keep one side's lines and delete the <<<<<<<, ======= and >>>>>>> lines
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 5 files: 1 error, 0 warnings
  [1]
  $ sed -i '/^<<<<<<< ours$/,/^=======$/d; /^>>>>>>> theirs$/d' children/2025-001.yaml && liushou check --allow-incomplete -q && git commit -qam merged && grep 'phone' children/2025-001.yaml
  children/2025-001.yaml:1:1: warning: incomplete file (建档), missing: parents (a parent with name, phone and work_place), guardian.relation, guardian.name, guardian.address, guardian.occupation, guardian.health
  children/2025-001.yaml:1:1: warning: incomplete file (建档), missing: parents (a parent with name, phone and work_place), guardian.relation, guardian.name, guardian.address, guardian.occupation, guardian.health
    phone: "13900000009"
