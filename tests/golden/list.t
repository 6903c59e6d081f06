list shows children as a table, JSON or CSV, filtered.

  $ liushou init school --school 孙桥镇中心小学 --year 2025-2026 --no-git -q && cd school
  $ gensheet --rows 8 --ids > sheet.csv && liushou -q enroll --from-csv sheet.csv
  $ liushou enroll 2025-003 --status transferred --on 2026-01-10 -q
  $ liushou enroll 2025-005 --guardian-age "" -q
  $ liushou list
  学号      姓名    性别  年级  班级  留守类型  帮扶教师  状态  档案
  2025-004  王俊杰  女    1     1     双亲外出            在读  完整
  2025-005  周明轩  女    3     2     双亲外出            在读  缺1项
  2025-002  赵若曦  男    5     3     父亲外出            在读  完整
  2025-007  丁梦琪  女    6     2     父亲外出            在读  完整
  2025-008  黄欣怡  女    6     2     双亲外出            在读  完整
  2025-001  徐紫涵  男    6     3     双亲外出            在读  完整
  2025-006  晏雨桐  女    6     3     双亲外出            在读  完整
  共 7 名
  $ liushou list --lang en --grade 6
  ID        Name    Gender  Grade  Class  Left behind   Teacher  Status    File
  2025-007  丁梦琪  female  6      2      father_away            enrolled  complete
  2025-008  黄欣怡  female  6      2      both_parents           enrolled  complete
  2025-001  徐紫涵  male    6      3      both_parents           enrolled  complete
  2025-006  晏雨桐  female  6      3      both_parents           enrolled  complete
  4 children
  $ liushou list --status all --format csv
  学号,姓名,性别,年级,班级,留守类型,帮扶教师,状态,档案
  2025-004,王俊杰,女,1,1,双亲外出,,在读,完整
  2025-003,晏静怡,男,3,2,双亲外出,,转出,完整
  2025-005,周明轩,女,3,2,双亲外出,,在读,缺1项
  2025-002,赵若曦,男,5,3,父亲外出,,在读,完整
  2025-007,丁梦琪,女,6,2,父亲外出,,在读,完整
  2025-008,黄欣怡,女,6,2,双亲外出,,在读,完整
  2025-001,徐紫涵,男,6,3,双亲外出,,在读,完整
  2025-006,晏雨桐,女,6,3,双亲外出,,在读,完整
  $ liushou list --incomplete --format json
  {
    "liushou_json": 1,
    "children": [
      {"id": "2025-005", "name": "周明轩", "gender": "female", "grade": 3, "class": 2, "status": "enrolled", "left_behind": "both_parents", "teacher": null, "buddies": [], "complete": false, "missing": ["guardian.age"]}
    ]
  }
  $ liushou list --status transferred --lang en
  ID        Name    Gender  Grade  Class  Left behind   Teacher  Status       File
  2025-003  晏静怡  male    3      2      both_parents           transferred  complete
  1 child
  $ liushou list --unpaired --class 1 -q
  学号      姓名    性别  年级  班级  留守类型  帮扶教师  状态  档案
  2025-004  王俊杰  女    1     1     双亲外出            在读  完整
  $ liushou list --status gone
  ! liushou：--status gone：可用 all 或以下之一：enrolled | transferred | dropped_out | graduated | left | not_enrolled
  [2]
  $ liushou list --grade 9
  ! --grade：9 不在 1 到 6 之间
  ! 运行时加 --help 可查看用法。
  [2]

One class syntax in every command (liushou(1), CLASSES): 3-2, 3年级2班, 三年级二班, 三年二班,
三(2)班, 三（2）班 and full-width digits name the same class; a number alone stays a class
number where it had that meaning.

  $ for c in 6-3 6年级3班 六年级三班 六年三班 '六(3)班' 六（3）班 ６－３; do liushou list --class "$c" --format csv | md5sum; liushou report class "$c" | md5sum; liushou report class --class "$c" | md5sum; liushou schedule --class "$c" | md5sum; done | sort | uniq -c | sed 's/ [0-9a-f]*  -$//' | sort -n
        7
        7
       14
  $ liushou list --class 六年级三班 --format csv | cut -d, -f1,2
  学号,姓名
  2025-001,徐紫涵
  2025-006,晏雨桐
  $ liushou report class 6 3 | cmp - <(liushou report class '六(3)班') && echo same
  same
  $ liushou list --grade 6 --class 3 --format csv | wc -l && liushou list --class 3 --format csv | wc -l
  3
  4
  $ liushou list --grade 5 --class 6-3
  ! liushou：--grade 5 与 --class 6-3 的年级不一致
  [2]
  $ liushou report class 七年级一班
  ! liushou：班级 七年级一班：班级请写作 3-2、三年级二班或三(2)班（一至六年级）
  [2]
  $ liushou report class
  ! liushou：哪个班？例如 liushou report class 3-2
  [2]
  $ liushou -q staff add --name 班主任甲 --class '五(1)班' && liushou -q staff add --name 班主任乙 --grade 4 --class 2 && liushou staff list --format csv | tail -2
  T001
  T002
  T001,班主任甲,,5-1,
  T002,班主任乙,,4-2,
  $ liushou enroll 2025-002 --class '四（1）班' --on 2026-03-01 && grep -E '^(grade|class):' children/2025-002.yaml && liushou list --class 4-1 --format csv | cut -d, -f1
  已修改 2025-002：年级、班级
  grade: 4
  class: 1
  学号
  2025-002
  $ liushou enroll 2025-002 --grade 3 --class 4-1
  ! liushou enroll：--grade 3 与 --class 4-1 的年级不一致
  ! liushou enroll：2025-002 未作改动
  [1]
  $ liushou list --format csv -o 名单.csv && head -c 3 名单.csv | od -An -tx1 && tail -c +4 名单.csv | cmp - <(liushou list --format csv) && echo same
  已写入 名单.csv
   ef bb bf
  same
  $ liushou list --format csv --encoding gb18030 | iconv -f gb18030 -t utf-8 | cmp - <(liushou list --format csv) && echo same
  same
  $ liushou list --encoding gb18030
  ! liushou：--encoding 只用于 CSV，须与 --format csv 一起使用
  [2]
