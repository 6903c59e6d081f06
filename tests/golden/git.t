liushou in git: --commit, the pre-commit hook, and two clones merging record by record.

  $ liushou -q --commit init origin --school 孙桥镇中心小学 --year 2025-2026 && cd origin && cat .gitattributes && git config merge.liushou.driver
  # liushou: records are UTF-8 text with LF line ends on every platform, and children's
  # files merge record by record (liushou merge-file; liushou init --hooks in a new clone).
  *.yaml text eol=lf
  children/*.yaml merge=liushou
  liushou.yaml merge=liushou
  liushou merge-file %O %A %B %P
  $ liushou --commit staff add --name 张老师 && liushou -q --commit staff add --name 李老师 && git log --format=%s
  已添加 T001 张老师
  已提交 f7c8a22（1 个文件）
  T002
  staff add T002
  staff add T001
  init
  $ liushou --commit enroll 2025-001 --name 徐紫涵 --gender 女 --birth-date 2016-05-04 --grade 4 --class 2 --enrolled-on 2022-09-01 --left-behind 双亲外出 --guardian-phone 13800000001 --home-address 石龙村1组1号 --notes 家中困难
  已添加 2025-001 徐紫涵
  已提交 b948612（1 个文件）

Commit messages carry ids, dates and the action, never a name, a phone number, an address or
a note; each commit holds exactly the files the command wrote.

  $ liushou -q --commit log-talk 2025-001 --date 2026-03-10 --by T001 --summary 想念妈妈 --follow-up 联系父亲
  $ liushou -q --commit enroll 2025-001 --grade 5 --guardian-phone 13800000002
  $ gensheet --rows 3 --ids --enrolled-on 2025-09-01 | sed 1,2d > sheet.csv; (gensheet --rows 3 --ids --enrolled-on 2025-09-01 | head -1; cat sheet.csv) > more.csv && liushou -q --commit enroll --from-csv more.csv
  $ git log --format='%s%n%b' | grep -v '^$'
  enroll --from: 2 added, 0 updated: 2 children
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
  children/2025-001.yaml:1:1: 警告：档案不完整（建档），缺：父母信息（至少一位家长的姓名、电话和务工地址）、监护人关系、监护人姓名、监护人住址、监护人职业、监护人健康状况、监护人年龄
  $ liushou -q log-talk 2025-001 --date 2026-03-11 --by T002 --summary 家访 --kind home_visit && git log -1 --format=%s
  log-talk 2025-001 2026-03-11 home_visit
  $ cd .. && liushou init --no-git loose --school 孙桥镇中心小学 -q && liushou --root loose --commit staff add --name 王老师; echo "exit $?"; grep -c 王老师 loose/staff.yaml
  已添加 T001 王老师
  exit 4
  1
  ! liushou：loose：--commit：档案目录不在 git 仓库中（文件已写入；请运行 git init）

The pre-commit hook runs check on what is staged: a broken record cannot be committed.

  $ git clone -q origin a && git clone -q origin b && cd a && liushou init --hooks
  合并驱动：.git/config 中的 merge.liushou（children/*.yaml 和 liushou.yaml merge=liushou）
  pre-commit 钩子：liushou check --staged
  pre-merge-commit 钩子：liushou check --staged
  $ sed -i 's/^grade: 5/grade: 9/' children/2025-001.yaml && git commit -qam broken; echo "exit $?"
  exit 1
  ! children/2025-001.yaml:1:1: 警告：档案不完整（建档），缺：父母信息（至少一位家长的姓名、电话和务工地址）、监护人关系、监护人姓名、监护人住址、监护人职业、监护人健康状况、监护人年龄
  ! children/2025-001.yaml:6:8: 错误：年级：9 年级不是小学年级（1-6）
  $ git checkout -q children && git status --porcelain

The hook checks only what the commit changes, with liushou.yaml and staff.yaml (which every
record is judged by) and the records that name a child the commit deletes; a commit that
changes liushou.yaml or staff.yaml checks every file, as check without --staged does.

  $ liushou -q pair 2025-002 --teacher T001 --buddy 2025-003 && git log -1 --format=%s
  pair 2025-002
  $ sed -i 's/^grade: .*/grade: 7/' children/2025-003.yaml && git add children && liushou check --staged --allow-incomplete 2>&1 | sed -n '$p'
  已检查 3 个文件：1 个错误，0 个警告
  [1]
  $ git checkout -q HEAD children && git rm -q children/2025-003.yaml && liushou check --staged --allow-incomplete
  children/2025-002.yaml:35:10: 错误：pairing.buddy：没有儿童 2025-003
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 3 个文件：1 个错误，0 个警告
  [1]
  $ git reset -q HEAD children && git checkout -q children && sed -i 's/name: 李老师/name: 李老师甲/' staff.yaml && git add staff.yaml && liushou check --staged --allow-incomplete | sed -n '$p'
  已检查 5 个文件：0 个错误，1 个警告
  $ git checkout -q HEAD staff.yaml && git status --porcelain

Two teachers log talks for the same child in their clones and change different fields; the
merge keeps both talks in date order and both changes, and check is clean.

  $ liushou -q log-talk 2025-001 --date 2026-03-12 --by T001 --summary 甲 && liushou -q enroll 2025-001 --health 一般
  $ cd ../b && liushou -q init --hooks && liushou -q log-talk 2025-001 --date 2026-03-06 --by T002 --summary 乙 && liushou -q enroll 2025-001 --guardian-age 70 && git log -1 --format=%s
  enroll 2025-001 guardian_age
  $ cd ../a && git pull -q --no-rebase ../b master && git log --format=%s -1 && liushou check --allow-incomplete && grep -E '^  - date|^    summary|^health|^  age' children/2025-001.yaml
  Auto-merging children/2025-001.yaml
  Merge branch 'master' of ../b
  children/2025-001.yaml:1:1: 警告：档案不完整（建档），缺：父母信息（至少一位家长的姓名、电话和务工地址）、监护人关系、监护人姓名、监护人住址、监护人职业、监护人健康状况
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 5 个文件：0 个错误，1 个警告
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
  ! children/2025-001.yaml:1:1: 警告：档案不完整（建档），缺：父母信息（至少一位家长的姓名、电话和务工地址）、监护人关系、监护人姓名、监护人住址、监护人职业、监护人健康状况

The same field changed differently on both sides is a conflict, marked on that field alone;
check names it until someone chooses.

  $ cd ../b && git pull -q --no-rebase ../a master && liushou -q enroll 2025-001 --guardian-phone 13900000009
  $ cd ../a && liushou -q enroll 2025-001 --guardian-phone 13700000007 && git pull -q --no-rebase ../b master; echo "exit $?"; git status --porcelain
  Auto-merging children/2025-001.yaml
  CONFLICT (content): Merge conflict in children/2025-001.yaml
  Automatic merge failed; fix conflicts and then commit the result.
  exit 1
  UU children/2025-001.yaml
  ! liushou merge-file：监护人电话：两边改得不一样；请在 <<<<<<< ours 与 >>>>>>> theirs 之间选定
  $ grep -n -A4 '^<<<<<<<' children/2025-001.yaml; liushou check --allow-incomplete
  14:<<<<<<< ours
  15-  phone: "13700000007"
  16-=======
  17-  phone: "13900000009"
  18->>>>>>> theirs
  children/2025-001.yaml:14:1: 错误：有未解决的合并冲突：请保留其中一方的内容，删去 <<<<<<<、======= 和 >>>>>>> 这几行
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 5 个文件：1 个错误，0 个警告
  [1]
  $ sed -i '/^<<<<<<< ours$/,/^=======$/d; /^>>>>>>> theirs$/d' children/2025-001.yaml && liushou check --allow-incomplete -q && git commit -qam merged && grep 'phone' children/2025-001.yaml
  children/2025-001.yaml:1:1: 警告：档案不完整（建档），缺：父母信息（至少一位家长的姓名、电话和务工地址）、监护人关系、监护人姓名、监护人住址、监护人职业、监护人健康状况
    phone: "13900000009"
  ! children/2025-001.yaml:1:1: 警告：档案不完整（建档），缺：父母信息（至少一位家长的姓名、电话和务工地址）、监护人关系、监护人姓名、监护人住址、监护人职业、监护人健康状况
