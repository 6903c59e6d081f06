enroll --from-csv imports a whole sheet: all rows or none.

  $ liushou init school --school 孙桥镇中心小学 --year 2025-2026 --no-git -q

A 1,000-row GB18030 sheet with Chinese headers in shuffled column order makes 1,000 files.

  $ gensheet --rows 1000 --shuffle --encoding gb18030 > sheet.csv
  $ head -c 40 sheet.csv | iconv -f gb18030 -t utf-8; echo
  监护人关系,母亲电话,身份证号,民族,监护人
  $ liushou --root school enroll --from-csv sheet.csv
  sheet.csv (1000 rows, gb18030): 1000 added, 0 updated, 0 unchanged
  $ ls school/children | wc -l
  1000
  $ (cd school/children && cat *.yaml | md5sum) > first.md5

Importing it again changes nothing: every file stays byte-identical.

  $ liushou --root school enroll --from-csv sheet.csv
  sheet.csv (1000 rows, gb18030): 0 added, 0 updated, 1000 unchanged
  $ (cd school/children && cat *.yaml | md5sum) | cmp - first.md5 && echo byte-identical
  byte-identical
  $ liushou --root school check -q

A copy with one impossible date writes nothing and names the row.

  $ liushou init fresh --school 新小学 --year 2025-2026 --no-git -q
  $ gensheet --rows 1000 --shuffle --encoding gb18030 --bad-date-row 501 > bad.csv
  $ liushou --root fresh enroll --from-csv bad.csv
  bad.csv:501:9: error: row 501, 出生日期: "2016-02-30" is not a real date (2016-02 has 29 days)
  bad.csv: 1 problem; nothing was imported
  [1]
  $ ls fresh/children | wc -l
  0

UTF-8 with a BOM, a dry run, and an update matched by id.

  $ gensheet --rows 3 --ids --encoding utf-8-bom > small.csv
  $ liushou --root fresh enroll --from-csv small.csv --dry-run
  would add 2025-001 徐紫涵 (row 2)
  would add 2025-002 赵若曦 (row 3)
  would add 2025-003 晏静怡 (row 4)
  dry run, nothing written: small.csv (3 rows, utf-8 (BOM)): 3 added, 0 updated, 0 unchanged
  $ ls fresh/children | wc -l
  0
  $ liushou --root fresh enroll --from-csv small.csv
  small.csv (3 rows, utf-8 (BOM)): 3 added, 0 updated, 0 unchanged
  $ printf '学号,年级,健康状况\n2025-002,6,良好\n' > change.csv
  $ liushou --root fresh enroll --from-csv change.csv
  change.csv:2:1: error: row 2: child 2025-002 already exists and this row changes grade, health; import with --update to change it
  change.csv: 1 problem; nothing was imported
  [1]
  $ liushou --root fresh enroll --from-csv change.csv --update --dry-run
  would update 2025-002 (row 2): grade, health
  dry run, nothing written: change.csv (1 row, utf-8): 0 added, 1 updated, 0 unchanged
  $ liushou --root fresh enroll --from-csv change.csv --update
  change.csv (1 row, utf-8): 0 added, 1 updated, 0 unchanged
  $ grep -E '^(grade|health)' fresh/children/2025-002.yaml
  grade: 6
  health: 良好

Unknown columns are refused unless mapped or ignored; --map reads other headers.

  $ printf '学生姓名,家长电话,爱好\n周杰,13800001234,画画\n' > other.csv
  $ liushou --root fresh enroll --from-csv other.csv
  other.csv:1:3: error: 爱好: unknown column; map it with --map or skip it with --ignore-column
  other.csv: nothing was imported
  [1]
  $ printf '学生姓名: name\n家长电话: father_phone\n' > map.yaml
  $ liushou --root fresh enroll --from-csv other.csv --map map.yaml --ignore-column 爱好
  other.csv (1 row, utf-8): 1 added, 0 updated, 0 unchanged
  $ grep -A3 parents fresh/children/2025-004.yaml
  parents:
    - relation: father
      phone: "13800001234"

Quoted cells with commas and newlines; every bad row is reported at once.

  $ printf '姓名,出生日期,备注,监护人电话\n"吴, 一",2015-01-02,"第一行\n第二行",13800001111\n郑二,2015-13-01,,123\n' > quoted.csv
  $ liushou --root fresh enroll --from-csv quoted.csv
  quoted.csv:4:2: error: row 3, 出生日期: "2015-13-01" has no month 13
  quoted.csv:4:4: error: row 3, 监护人电话: not a mobile (11 digits) or landline number with area code
  quoted.csv: 2 problems; nothing was imported
  [1]
  $ printf '姓名,出生日期,备注\n"吴, 一",2015-01-02,"第一行\n第二行"\n' > quoted.csv
  $ liushou --root fresh -q enroll --from-csv quoted.csv && grep -E '^(name|notes)' fresh/children/2025-005.yaml
  name: 吴, 一
  notes: "第一行\n第二行"

Bytes that are neither UTF-8 nor GB18030, and a sheet that is not there.

  $ printf '姓名\n\x81\x20\n' > broken.csv
  $ liushou --root fresh enroll --from-csv broken.csv
  broken.csv:2:1: error: the sheet is neither UTF-8 nor GB18030 here; save it as CSV UTF-8
  [1]
  $ liushou --root fresh enroll --from-csv missing.csv
  liushou: missing.csv: cannot read: No such file or directory
  [3]
  $ liushou --root fresh enroll --from-csv small.csv --name 甲
  liushou: --name cannot be combined with --from-csv
  [2]

入学方式 says how a child arrived (新生 or 转入, or the English keys); it is what 基本情况 counts
as 新入学 or 转入 when the enrolment begins within a report's period. A class changed by a
later import with --update holds from the day of the import; earlier days keep the old one.

  $ printf '学号,姓名,年级,班级,入学日期,入学方式\nE1,甲,3,1,2026-03-02,新生\nE2,乙,3,1,2026-04-07,转入\nE3,丙,3,1,2025-09-01,插班\n' > entry.csv
  $ LIUSHOU_TODAY=2026-05-01 liushou --root fresh -q enroll --from-csv entry.csv && grep -h '^entry' fresh/children/E1.yaml fresh/children/E2.yaml fresh/children/E3.yaml
  entry: new
  entry: transfer
  entry: transfer
  $ printf '学号,入学方式\nE1,外来\n' > bad-entry.csv
  $ liushou --root fresh enroll --from-csv bad-entry.csv --update
  bad-entry.csv:2:2: error: row 2, 入学方式: "外来" is not 新生 or 转入 (new | transfer)
  bad-entry.csv: 1 problem; nothing was imported
  [1]
  $ printf '学号,班级\nE1,2\n' > move.csv
  $ LIUSHOU_TODAY=2026-05-06 liushou --root fresh -q enroll --from-csv move.csv --update && sed -n '/^changes/,$p' fresh/children/E1.yaml
  changes:
    - date: 2026-05-06
      field: class
      was: "1"
  $ LIUSHOU_TODAY=2026-05-06 liushou --root fresh report summary --from 2026-03-01 --to 2026-05-31 --as-of 2026-04-30 --format json | jq -c '[.by_class[] | select(.grade == 3 and .class == 1) | [.class, .new_pupils, .transferred_in, .enrolled]]'
  [[1,1,1,3]]

A register as schools keep it: a title line, a 序号 column, 出生年月 with a time or as an Excel
serial (42071 is 2015-03-08) or in full-width digits, 班级 as 三(1)班, 父母双方外出 and 单亲外出
(the one parent with a 务工地址 says which), 住校/走读, 联系电话 for the guardian, and footers.
Two rows of one name and birth date but another 学号 are two children, with a warning. A
problem in the header is placed on its line (2, below the title).

  $ mkdir messy && cd messy && liushou init . --school 孙桥小学 --year 2025-2026 --no-git -q
  $ printf '孙桥小学留守儿童登记表\n序号,学号,姓名,性别,出生年月,班级,留守类型,母亲务工地址,联系电话,住校\n1,2025-101,王小明,男,2015/3/8 0:00,三(1)班,父母双方外出,,13812345678,住校\n2,2025-102,李华,女,42071,3-2,单亲外出,广东东莞,13812345679,走读\n3,2025-103,张三,女,２０１６－０５－０１,四（2）班,双亲外出,,13812345670,否\n4,2025-104,王小明,男,2015-03-08,三(2)班,父亲外出,,13812345671,否\n填表人：张老师,,,,,,,,,\n合计：4 人,,,,,,,,,\n' > 登记表.csv
  $ liushou enroll --from-csv 登记表.csv
  登记表.csv:6:1: warning: row 6: same name and birth date as row 3, but another 学号: taken as another child
  登记表.csv:7:1: warning: row 7: "填表人：张老师" is a footer, not a child; not imported
  登记表.csv:8:1: warning: row 8: "合计：4 人" is a footer, not a child; not imported
  登记表.csv (4 rows, utf-8): 4 added, 0 updated, 0 unchanged
  $ liushou list --format csv | cut -d, -f1-7
  学号,姓名,性别,年级,班级,留守类型,帮扶教师
  2025-101,王小明,男,3,1,双亲外出,
  2025-102,李华,女,3,2,母亲外出,
  2025-104,王小明,男,3,2,父亲外出,
  2025-103,张三,女,4,2,双亲外出,
  $ grep -h -E '^(birth_date|boarding|left_behind)|phone' children/2025-10[12].yaml
  birth_date: 2015-03-08
  left_behind: both_parents
  boarding: true
    phone: "13812345678"
  birth_date: 2015-03-08
  left_behind: mother_away
  boarding: false
    phone: "13812345679"
  $ printf '花名册\n序号,姓名,出生年月,籍贯\n1,赵六,2015-01-01,湖北\n' > bad.csv && liushou enroll --from-csv bad.csv
  bad.csv:2:4: error: 籍贯: unknown column; map it with --map or skip it with --ignore-column
  bad.csv: nothing was imported
  [1]
  $ printf '标题\n姓名,出生日期,留守类型\n钱七,2015-01-01,单亲外出\n' > one.csv && liushou enroll --from-csv one.csv
  one.csv:3:3: error: row 3, 留守类型: 单亲外出 does not say which parent works away; write 父亲外出 or 母亲外出 (or give the one parent's 务工地址)
  one.csv: 1 problem; nothing was imported
  [1]
