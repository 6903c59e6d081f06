pair records 结对帮扶: teacher, buddy and proxy parent over time, help plans and progress.

  $ liushou init school --school 孙桥镇中心小学 --year 2025-2026 --no-git -q && cd school
  $ liushou -q staff add --name 张老师 --role head_teacher --grade 6 --class 3
  T001
  $ liushou -q staff add --name 李老师 --role teacher
  T002
  $ liushou -q staff add --name 王老师 --role teacher
  T003
  $ liushou -q staff add --name 王老师 --role leader --force
  T004
  $ gensheet --rows 6 --ids > sheet.csv && liushou -q enroll --from-csv sheet.csv

A first pairing, then a re-pairing: the old one moves to history, ending the day before.

  $ liushou pair 2025-001 --teacher T001 --buddy 2025-002 --proxy-parent "张丽（2025-002 的母亲）" --since 2025-09-01
  已为 2025-001 结对帮扶教师 T001，自 2025-09-01 起，学习帮手 2025-002
  $ cp children/2025-001.yaml before.yaml
  $ liushou pair 2025-001 --teacher 李老师 --since 2026-03-01
  已为 2025-001 结对帮扶教师 T002，自 2026-03-01 起，学习帮手 2025-002（此前为 T001，至 2026-02-28）
  $ diff before.yaml children/2025-001.yaml
  36c36
  <   teacher: T001
  ---
  >   teacher: T002
  39c39,45
  <   since: 2025-09-01
  ---
  >   since: 2026-03-01
  >   history:
  >     - teacher: T001
  >       buddy: "2025-002"
  >       proxy_parent: 张丽（2025-002 的母亲）
  >       from: 2025-09-01
  >       to: 2026-02-28
  [1]
  $ liushou pair 2025-001 --teacher T002 --since 2026-03-01
  2025-001 未作改动
  $ liushou pair 2025-001 --buddy 赵小红 --since 2026-03-01
  已为 2025-001 结对帮扶教师 T002，自 2026-03-01 起，学习帮手 赵小红
  $ sed -n '/^pairing/,$p' children/2025-001.yaml
  pairing:
    teacher: T002
    buddy: 赵小红
    proxy_parent: 张丽（2025-002 的母亲）
    since: 2026-03-01
    history:
      - teacher: T001
        buddy: "2025-002"
        proxy_parent: 张丽（2025-002 的母亲）
        from: 2025-09-01
        to: 2026-02-28

Help plans and progress notes; the same one twice is kept once.

  $ liushou pair 2025-001 --plan 数学每周两次辅导 --from 2026-03-01 --to 2026-06-30 --goal 期末数学及格
  已为 2025-001 添加帮扶计划（2026-03-01 至 2026-06-30）
  $ liushou pair 2025-001 --plan 数学每周两次辅导 --from 2026-03-01 --to 2026-06-30 --goal 期末数学及格
  2025-001 未作改动
  $ liushou pair 2025-001 --progress "单元测验 72 分，比上次提高 15 分" --subject 数学 --score 72 --date 2026-03-10
  已为 2025-001 添加 2026-03-10 的进步记录
  $ sed -n '/^  plan/,$p' children/2025-001.yaml
    plan:
      - from: 2026-03-01
        to: 2026-06-30
        content: 数学每周两次辅导
        goal: 期末数学及格
    progress:
      - date: 2026-03-10
        note: 单元测验 72 分，比上次提高 15 分
        subject: 数学
        score: "72"

Mistakes are refused and nothing is written.

  $ liushou pair 2025-003 --teacher T009
  ! liushou pair：--teacher：教师名单（staff.yaml）中没有 T009（请给出教师编号或姓名）
  ! liushou pair：2025-003 未作改动
  [1]
  $ liushou pair 2025-003 --teacher 王老师
  ! liushou pair：--teacher：王老师 是 T003, T004 的名字；请给出教师编号
  ! liushou pair：2025-003 未作改动
  [1]
  $ liushou pair 2025-003 --teacher T001 --buddy 2025-003
  ! liushou pair：--buddy：2025-003：儿童不能做自己的学习帮手
  ! liushou pair：2025-003 未作改动
  [1]
  $ liushou pair 2025-003 --teacher T001 --buddy 2025-404
  ! liushou pair：--buddy：没有儿童 2025-404（请给出儿童的学号或同学的姓名）
  ! liushou pair：2025-003 未作改动
  [1]
  $ liushou pair 2025-001 --teacher T001 --since 2026-01-01
  ! liushou pair：--since：2026-01-01 早于当前结对开始的日期（2026-03-01）
  ! liushou pair：2025-001 未作改动
  [1]
  $ liushou pair 2025-003 --teacher T001 --since 2026-04-01
  ! liushou：--since：2026-04-01 是将来的日期
  [1]
  $ liushou pair 2025-003 --plan 阅读 --from 2026-03-01
  ! liushou：帮扶计划须给出 --from 和 --to
  [2]
  $ liushou pair 2025-003 --plan 阅读 --from 2026-06-01 --to 2026-03-01
  ! liushou pair：--to：计划的结束日期早于开始日期
  ! liushou pair：2025-003 未作改动
  [1]
  $ liushou pair 2025-003 --progress ""
  ! liushou pair：--progress：请写明取得了什么进步
  ! liushou pair：2025-003 未作改动
  [1]
  $ liushou pair 2025-003 --buddy 2025-001
  ! liushou pair：--teacher：结对须有帮扶教师（--teacher）
  ! liushou pair：2025-003 未作改动
  [1]
  $ liushou pair 2025-003
  ! liushou：请说明要记录什么：--teacher/--buddy/--proxy-parent、--since、--plan 或 --progress（或用 --unpaired、--load、--suggest）
  [2]
  $ liushou pair ../x --teacher T001
  ! liushou：学号“../x”须以字母或数字开头
  [2]
  $ liushou pair 2025-404 --teacher T001
  ! liushou：没有儿童 2025-404
  [2]
  $ grep -c pairing children/2025-003.yaml
  0
  [1]

The school-wide views: who is unpaired, the load per teacher, and a proposal (the class's head
teacher first, then whoever has fewest children), applied with --apply.

  $ liushou pair --unpaired
  学号      姓名    班级
  2025-002  赵若曦  5-3
  2025-003  晏静怡  3-2
  2025-004  王俊杰  1-1
  2025-005  周明轩  3-2
  2025-006  晏雨桐  6-3
  共 5 名未结对
  $ liushou pair --load
  编号  姓名    职务      班级  帮扶人数
  T001  张老师  班主任    6-3   0
  T002  李老师  任课教师        1
  T003  王老师  任课教师        0
  T004  王老师  领导            0
  $ liushou pair --suggest
  学号      姓名    班级  帮扶教师  教师姓名  理由
  2025-002  赵若曦  5-3   T001      张老师    帮扶人数最少
  2025-003  晏静怡  3-2   T003      王老师    帮扶人数最少
  2025-004  王俊杰  1-1   T001      张老师    帮扶人数最少
  2025-005  周明轩  3-2   T002      李老师    帮扶人数最少
  2025-006  晏雨桐  6-3   T001      张老师    本班班主任
  未写入；加 --apply 按此结对
  $ liushou pair --suggest --apply --lang en
  ID        Name    Class  Teacher  Teacher's name  Why
  2025-002  赵若曦  5-3    T001     张老师          fewest children
  2025-003  晏静怡  3-2    T003     王老师          fewest children
  2025-004  王俊杰  1-1    T001     张老师          fewest children
  2025-005  周明轩  3-2    T002     李老师          fewest children
  2025-006  晏雨桐  6-3    T001     张老师          head teacher of the class
  paired 5 children
  $ liushou pair --load --lang en
  ID    Name    Role          Class  Children
  T001  张老师  head_teacher  6-3    3
  T002  李老师  teacher              2
  T003  王老师  teacher              1
  T004  王老师  leader               0
  $ liushou pair --unpaired -q
  学号  姓名  班级
  $ liushou pair 2025-001 --unpaired
  ! liushou：--unpaired、--load 和 --suggest 不带学号
  [2]

Several buddies (学习帮手 "一个以上"): --buddy again for each. A name is taken as a child's
when exactly one child has it (and stored as the id, so a rename follows it), else as a
classmate's name as written; a name two children share is refused, and so is the child itself.

  $ liushou -q enroll --id 2025-007 --name 赵若曦 --gender 女 --birth-date 2016-02-03 --grade 4 --class 1 --enrolled-on 2025-09-01
  2025-007
  $ liushou pair 2025-003 --teacher T003 --buddy 王俊杰 --buddy 2025-005 --buddy 陈小红 --since 2026-03-15
  已为 2025-003 结对帮扶教师 T003，自 2026-03-15 起，学习帮手 2025-004, 2025-005, 陈小红
  $ sed -n '/^pairing/,$p' children/2025-003.yaml
  pairing:
    teacher: T003
    buddy:
      - "2025-004"
      - "2025-005"
      - 陈小红
    since: 2026-03-15
  $ liushou pair 2025-003 --buddy 赵若曦
  ! liushou pair：--buddy：赵若曦 是 2 名儿童的名字：2025-002（五年级3班，男，2015-07-14 出生）、2025-007（四年级1班，女，2016-02-03 出生）；请给出学号
  ! liushou pair：2025-003 未作改动
  [1]
  $ liushou pair 2025-003 --buddy 2025-004 --buddy 晏静怡
  ! liushou pair：--buddy：晏静怡：儿童不能做自己的学习帮手
  ! liushou pair：2025-003 未作改动
  [1]

A new set from a later day moves the old one to history, as a new teacher does; the card and
the class roster show each buddy in the school by name.

  $ export LIUSHOU_TODAY=2026-04-10
  $ liushou pair 2025-003 --buddy 2025-004 --buddy 2025-007 --since 2026-03-20
  已为 2025-003 结对帮扶教师 T003，自 2026-03-20 起，学习帮手 2025-004, 2025-007（此前为 T003，至 2026-03-19）
  $ liushou report child 2025-003 | sed -n '/^## 结对帮扶/,/^## 学习帮扶计划/p'
  ## 结对帮扶
  
  | 期间 | 帮扶教师 | 学习帮手 | 代理家长 |
  | --- | --- | --- | --- |
  | 2026-03-20 起 | 王老师（T003） | 王俊杰（2025-004）、赵若曦（2025-007） |  |
  | 2026-03-15 – 2026-03-19 | 王老师（T003） | 王俊杰（2025-004）、周明轩（2025-005）、陈小红 |  |
  
  ## 学习帮扶计划
  $ liushou report child 2025-003 --lang en | sed -n '/^## Pairing/,/^## Help plans/p' | grep 2026
  | from 2026-03-20 | 王老师 (T003) | 王俊杰 (2025-004), 赵若曦 (2025-007) |  |
  | 2026-03-15 – 2026-03-19 | 王老师 (T003) | 王俊杰 (2025-004), 周明轩 (2025-005), 陈小红 |  |
  $ liushou report class 3 2 | grep 2025-003
  | 2025-003 | 晏静怡 | 男 | 双亲外出 | 爷爷 晏德敏 | 王老师（T003） | 王俊杰（2025-004）、赵若曦（2025-007） |  |
  $ liushou report class 3 2 --format csv | grep 2025-003
  2025-003,晏静怡,男,双亲外出,爷爷 晏德敏,王老师（T003）,王俊杰（2025-004）、赵若曦（2025-007）,
  $ liushou list --format json | grep -o '"buddies": [^]]*]' | sort | uniq -c
        1 "buddies": ["2025-004", "2025-007"]
        1 "buddies": ["赵小红"]
        5 "buddies": []

A rename follows the buddy into every list, the history's too; check reads the lists.

  $ liushou rename 2025-004 2025-104
  已把 2025-004 改为 2025-104（更新了 1 处学习帮手）
  $ grep -c '"2025-104"' children/2025-003.yaml
  2
  $ liushou check -q --allow-incomplete && echo clean
  children/2025-007.yaml:1:1: 警告：档案不完整（建档），缺：家庭住址、父母信息（至少一位家长的姓名、电话和务工地址）、监护人关系、监护人姓名、监护人电话、监护人住址、监护人职业、监护人健康状况、监护人年龄
  clean
  $ sed -i 's/- "2025-007"/- 晏静怡/' children/2025-003.yaml
  $ liushou check -q --allow-incomplete
  children/2025-003.yaml:39:7: 错误：第 2 名学习帮手：儿童不能做自己的学习帮手
  children/2025-007.yaml:1:1: 警告：档案不完整（建档），缺：家庭住址、父母信息（至少一位家长的姓名、电话和务工地址）、监护人关系、监护人姓名、监护人电话、监护人住址、监护人职业、监护人健康状况、监护人年龄
  [1]

With --buddy "" the buddies end; a pairing then has none.

  $ sed -i 's/- 晏静怡/- "2025-007"/' children/2025-003.yaml
  $ liushou pair 2025-003 --buddy "" --since 2026-03-25
  已为 2025-003 结对帮扶教师 T003，自 2026-03-25 起（此前为 T003，至 2026-03-24）
  $ sed -n '/^pairing/,/^  history/p' children/2025-003.yaml
  pairing:
    teacher: T003
    since: 2026-03-25
    history:

Names wherever ids: a child is given by id or by a name only one child has; a name two
children share lists them with class and id (exit 2); a Chinese word that is nobody's name
is no child.

  $ liushou log-talk 周明轩 --by 李老师 --summary 谈心 --date 2026-04-01
  已登记 2025-005 2026-04-01 谈心（T002）
  $ liushou log-talk 赵若曦 --by 李老师 --summary 谈心
  ! liushou：赵若曦 是 2 名儿童的名字：2025-002（五年级3班，男，2015-07-14 出生）、2025-007（四年级1班，女，2016-02-03 出生）；请给出学号
  [2]
  $ liushou log-talk 陈思雨 --by 李老师 --summary 谈心
  ! liushou：没有儿童 陈思雨（没有儿童叫这个名字，它也不是学号）
  [2]
  $ liushou log-talk 周明轩 晏雨桐 --kind 座谈会 --by 李老师 --summary 家长会 --date 2026-04-02
  已登记 2026-04-02 座谈会（T002），2 名儿童中的 2 名：2025-005 2025-006
  $ liushou report child 晏雨桐 | head -1 && liushou report child 赵若曦
  # 留守儿童档案卡：晏雨桐（2025-006）
  ! liushou：赵若曦 是 2 名儿童的名字：2025-002（五年级3班，男，2015-07-14 出生）、2025-007（四年级1班，女，2016-02-03 出生）；请给出学号
  [2]
  $ liushou pair 晏雨桐 --teacher 李老师 --since 2026-04-03 | sed 's/，.*//'
  已为 2025-006 结对帮扶教师 T002
  $ liushou activity add --date 2026-04-03 --kind 文体活动 --title 跳绳比赛 --children 周明轩,2025-106,赵若曦
  ! liushou：--children 2025-106：不是儿童的学号或姓名，也不是班级（3-2、三(2)班）或 all
  [2]
  $ liushou activity add --date 2026-04-03 --kind 文体活动 --title 跳绳比赛 --children 周明轩,晏雨桐,2025-007
  已记录 2026-04-03-arts_sports-57f55473：文体活动 跳绳比赛，3 名儿童
  $ liushou activity add --date 2026-04-03 --kind 文体活动 --title 拔河 --children 陈思雨
  ! liushou：--children 陈思雨：不是儿童的学号或姓名，也不是班级（3-2、三(2)班）或 all
  [2]

--since alone moves the current pairing's start (#41): a pairing entered with the wrong day,
or one that must begin before a transfer (enroll's refusal says so). The pairing before it,
which ended the day before the old start, then ends the day before the new one. A start not
after the pairing before it, on a day the child was not enrolled, in the future, or of a
child without a pairing is refused, and the file is left as it was.

  $ cd .. && liushou -q init moved --school 孙桥小学 --year 2025-2026 --no-git && cd moved
  $ export LIUSHOU_TODAY=2026-03-31
  $ liushou -q staff add --name 张老师 && liushou -q staff add --name 李老师
  T001
  T002
  $ liushou -q enroll --id 2025-001 --name 学生甲 --gender 女 --grade 3 --class 2 --enrolled-on 2025-09-01
  2025-001
  $ liushou -q enroll --id 2025-002 --name 学生乙 --gender 男 --grade 3 --class 2 --enrolled-on 2026-01-10
  2025-002
  $ liushou -q pair 2025-001 --teacher T001 --since 2025-10-01 && liushou -q pair 2025-001 --teacher T002 --since 2026-03-12
  $ liushou pair 2025-001 --since 2026-03-02 && sed -n '/^pairing/,$p' children/2025-001.yaml
  2025-001 与 T002 的结对现从 2026-03-02 开始（原为 2026-03-12）
  pairing:
    teacher: T002
    since: 2026-03-02
    history:
      - teacher: T001
        from: 2025-10-01
        to: 2026-03-01
  $ cp children/2025-001.yaml before.yaml
  $ liushou pair 2025-001 --since 2025-10-01
  ! liushou pair：--since：2025-10-01 不晚于上一次结对开始的日期（2025-10-01）
  ! liushou pair：2025-001 未作改动
  [1]
  $ liushou pair 2025-001 --since 2026-04-02
  ! liushou：--since：2026-04-02 是将来的日期
  [1]
  $ liushou pair 2025-002 --since 2026-02-01
  ! liushou pair：--since：2025-002 没有结对，无从改动开始日期；请用 --teacher 教师 结对
  ! liushou pair：2025-002 未作改动
  [1]
  $ liushou -q pair 2025-002 --teacher T001 --since 2026-02-01 && liushou pair 2025-002 --since 2026-01-05
  ! liushou pair：--since：2026-01-05 早于该儿童入学（2026-01-10）
  ! liushou pair：2025-002 未作改动
  [1]
  $ liushou pair 2025-001 --since 2026-03-05 --progress 进步
  ! liushou：单独的 --since 用于改动结对的开始日期；--plan 或 --progress 请另行运行
  [2]
  $ cmp before.yaml children/2025-001.yaml && echo unchanged
  unchanged

A transfer before the pairing began is refused, naming the command; moved, the transfer is
accepted and check with it.

  $ liushou enroll 2025-001 --status transferred --on 2026-03-01
  ! liushou enroll：--on：与 T002 的结对从 2026-03-02 开始，那时该儿童已不在读；请先结束结对或改动其开始日期（liushou pair 2025-001 --since 日期）
  ! liushou enroll：2025-001 未作改动
  [1]
  $ liushou pair 2025-001 --since 2026-02-20 && liushou -q enroll 2025-001 --status transferred --on 2026-03-01
  2025-001 与 T002 的结对现从 2026-02-20 开始（原为 2026-03-02）
  $ sed -n '/^pairing/,$p' children/2025-001.yaml && liushou check -q --allow-incomplete >/dev/null && echo accepted
  pairing:
    teacher: T002
    since: 2026-02-20
    history:
      - teacher: T001
        from: 2025-10-01
        to: 2026-02-19
  accepted
