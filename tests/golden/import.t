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
  other.csv:1:2: error: 家长电话: unknown column; map it with --map or skip it with --ignore-column
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
