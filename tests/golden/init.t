init creates the tree: school file with the seed's plan, staff list, children/ and git files.

  $ liushou init school --school 孙桥镇中心小学 --county 京山县 --year 2025-2026
  已在 school 建立孙桥镇中心小学（2025-2026 学年）的档案目录（新的 git 仓库）
  合并驱动：.git/config 中的 merge.liushou（children/*.yaml 和 liushou.yaml merge=liushou）
  下一步：liushou staff add --name 姓名 --role head_teacher --grade 年级 --class 班
        liushou enroll --from 花名册.xlsx
  $ find school -path school/.git -prune -o -print | sort
  school
  school/.gitattributes
  school/.gitignore
  school/children
  school/liushou.yaml
  school/staff.yaml
  $ cat school/liushou.yaml school/staff.yaml school/.gitignore school/.gitattributes
  schema: 2
  school: 孙桥镇中心小学
  county: 京山县
  school_year: "2025-2026"
  terms:
    - name: 第一学期
      from: 2025-09-01
      to: 2026-01-31
    - name: 第二学期
      from: 2026-02-01
      to: 2026-07-31
      family_calls_from: 4
  leading_group:
    leader: ""
    deputies: []
    members: []
  plan:
    2:
      - 讨论并制定学校关爱留守儿童工作计划
      - 开展教师家访和学生谈心活动
    3:
      - 留守儿童信息更新
      - 成立学校关爱留守儿童领导专班
    4:
      - 开展师生结对活动
      - 档案信息更新
      - 开通留守儿童亲情电话
    5:
      - 召开一次留守儿童家长会
      - 继续开展师生结对活动
      - 留守儿童“五一”联欢会
    6:
      - 留守儿童主题班会活动
      - 留守儿童减免落实情况检查
      - 留守儿童“六一”庆祝活动
      - 留守儿童工作经验交流及论文撰写
    7:
      - 班级及学校留守儿童工作总结
      - 留守儿童工作档案整理
  events:
    - name: 元旦
      date: "01-01"
    - name: 五一
      date: "05-01"
    - name: 六一
      date: "06-01"
  rules:
    talks_per_month: 1
    family_calls_per_month: 1
    home_visits_per_term: 1
    guardian_meetings_per_term: 1
    months_without_talks: [1, 2, 7, 8]
    language: zh
  staff: []
  # liushou's derived data (cache, lock): safe to delete.
  .liushou/
  # liushou: records are UTF-8 text with LF line ends on every platform, and children's
  # files merge record by record (liushou merge-file; liushou init --hooks in a new clone).
  *.yaml text eol=lf
  children/*.yaml merge=liushou
  liushou.yaml merge=liushou
  $ stat -c '%a %n' school/children
  700 school/children
  $ git -C school rev-parse --is-inside-work-tree
  true

Commands find the tree from a subdirectory, like git.

  $ cd school/children && liushou list && cd ../..
  学号  姓名  性别  年级  班级  留守类型  帮扶教师  状态  档案
  共 0 名

Without --year, the school year is the one today falls in (LIUSHOU_TODAY=2026-03-15).

  $ liushou init other --school 其他小学 --no-git -q && grep school_year other/liushou.yaml
  school_year: "2025-2026"
  $ test -d other/.git || echo "no git repository"
  no git repository

A tree is never initialised twice, and bad years are refused.

  $ liushou init school --school 别的小学
  ! liushou：school/liushou.yaml：已是 liushou 档案目录（liushou.yaml 已存在）
  [2]
  $ liushou init y --school 某小学 --year 2025-2027
  ! liushou：--year 2025-2027：学年请写作 2025-2026
  [2]
  $ test -e y/liushou.yaml || echo "nothing written"
  nothing written
  $ liushou init z
  ! liushou：缺少 --school：liushou init 目录 --school 学校名
  [2]
  $ liushou list
  ! liushou：不在 liushou 档案目录中（这里和上级目录都没有 liushou.yaml）；请用 --root 目录、设置 LIUSHOU_ROOT，或用 liushou init 目录 --school 学校名 新建
  [2]
