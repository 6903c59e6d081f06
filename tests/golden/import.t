enroll --from-csv imports a whole sheet: all rows or none.

  $ liushou init school --school 孙桥镇中心小学 --year 2025-2026 --no-git -q

A 1,000-row GB18030 sheet with Chinese headers in shuffled column order makes 1,000 files.

  $ gensheet --rows 1000 --shuffle --encoding gb18030 > sheet.csv
  $ head -c 40 sheet.csv | iconv -f gb18030 -t utf-8; echo
  监护人关系,母亲电话,身份证号,民族,监护人
  $ liushou --root school enroll --from-csv sheet.csv
  sheet.csv（1000 行，gb18030）：新增 1000，修改 0，未变 0
  $ ls school/children | wc -l
  1000
  $ (cd school/children && cat *.yaml | md5sum) > first.md5

Importing it again changes nothing: every file stays byte-identical.

  $ liushou --root school enroll --from-csv sheet.csv
  sheet.csv（1000 行，gb18030）：新增 0，修改 0，未变 1000
  $ (cd school/children && cat *.yaml | md5sum) | cmp - first.md5 && echo byte-identical
  byte-identical
  $ liushou --root school check -q

A copy with one impossible date writes nothing and names the row.

  $ liushou init fresh --school 新小学 --year 2025-2026 --no-git -q
  $ gensheet --rows 1000 --shuffle --encoding gb18030 --bad-date-row 501 > bad.csv
  $ liushou --root fresh enroll --from-csv bad.csv
  ! bad.csv:501:9: 错误：第 501 行，出生日期：“2016-02-30”不是有效日期（2016 年 02 月只有 29 天）
  ! bad.csv：1 处问题，未导入任何内容
  [1]
  $ ls fresh/children | wc -l
  0

UTF-8 with a BOM, a dry run, and an update matched by id.

  $ gensheet --rows 3 --ids --encoding utf-8-bom > small.csv
  $ liushou --root fresh enroll --from-csv small.csv --dry-run
  将新增 2025-001 徐紫涵（第 2 行）
  将新增 2025-002 赵若曦（第 3 行）
  将新增 2025-003 晏静怡（第 4 行）
  试运行，未写入：small.csv（3 行，utf-8 (BOM)）：将新增 3，将修改 0，未变 0
  $ ls fresh/children | wc -l
  0
  $ liushou --root fresh enroll --from-csv small.csv
  small.csv（3 行，utf-8 (BOM)）：新增 3，修改 0，未变 0
  $ printf '学号,年级,健康状况\n2025-002,6,良好\n' > change.csv
  $ liushou --root fresh enroll --from-csv change.csv
  ! change.csv:2:1: 错误：第 2 行：儿童 2025-002 已存在，这一行改动了年级、健康状况；如要修改，请加 --update 导入
  ! change.csv：1 处问题，未导入任何内容
  [1]
  $ liushou --root fresh enroll --from-csv change.csv --update --dry-run
  将修改 2025-002（第 2 行）：年级、健康状况
  试运行，未写入：change.csv（1 行，utf-8）：将新增 0，将修改 1，未变 0
  $ liushou --root fresh enroll --from-csv change.csv --update
  change.csv（1 行，utf-8）：新增 0，修改 1，未变 0
  $ grep -E '^(grade|health)' fresh/children/2025-002.yaml
  grade: 6
  health: 良好

Unknown columns are refused unless mapped or ignored; --map reads other headers.

  $ printf '学生姓名,家长电话,爱好\n周杰,13800001234,画画\n' > other.csv
  $ liushou --root fresh enroll --from-csv other.csv
  ! other.csv:1:3: 错误：爱好：不认识这一列；请用 --map 对应到字段，或用 --ignore-column 跳过
  ! other.csv：未导入任何内容
  [1]
  $ printf '学生姓名: name\n家长电话: father_phone\n' > map.yaml
  $ liushou --root fresh enroll --from-csv other.csv --blank-left-behind both_parents --map map.yaml --ignore-column 爱好
  other.csv（1 行，utf-8）：新增 1，修改 0，未变 0
  $ grep -A3 parents fresh/children/2025-004.yaml
  left_behind: both_parents
  parents:
    - relation: father
      phone: "13800001234"

Quoted cells with commas and newlines; every bad row is reported at once.

  $ printf '姓名,出生日期,备注,监护人电话\n"吴, 一",2015-01-02,"第一行\n第二行",13800001111\n郑二,2015-13-01,,123\n' > quoted.csv
  $ liushou --root fresh enroll --from-csv quoted.csv --blank-left-behind both_parents
  ! quoted.csv:4:2: 错误：第 3 行，出生日期：“2015-13-01”中没有 13 月
  ! quoted.csv:4:4: 错误：第 3 行，监护人电话：不是手机号（11 位）或带区号的固定电话
  ! quoted.csv：2 处问题，未导入任何内容
  [1]
  $ printf '姓名,出生日期,备注\n"吴, 一",2015-01-02,"第一行\n第二行"\n' > quoted.csv
  $ liushou --root fresh -q enroll --from-csv quoted.csv --blank-left-behind both_parents && grep -E '^(name|notes)' fresh/children/2025-005.yaml
  name: 吴, 一
  notes: "第一行\n第二行"

Bytes that are neither UTF-8 nor GB18030, and a sheet that is not there.

  $ printf '姓名\n\x81\x20\n' > broken.csv
  $ liushou --root fresh enroll --from-csv broken.csv
  ! broken.csv:2:1: 错误：表格这里既不是 UTF-8 也不是 GB18030 编码；请另存为“CSV UTF-8”
  [1]
  $ liushou --root fresh enroll --from-csv missing.csv
  ! liushou：missing.csv：无法读取：没有这个文件或目录
  [3]
  $ liushou --root fresh enroll --from-csv small.csv --name 甲
  ! liushou：--name 不能与 --from 同时使用
  [2]

入学方式 says how a child arrived (新生 or 转入, or the English keys); it is what 基本情况 counts
as 新入学 or 转入 when the enrolment begins within a report's period. A class changed by a
later import with --update holds from the day of the import; earlier days keep the old one.

  $ printf '学号,姓名,年级,班级,入学日期,入学方式\nE1,甲,3,1,2026-03-02,新生\nE2,乙,3,1,2026-04-07,转入\nE3,丙,3,1,2025-09-01,插班\n' > entry.csv
  $ LIUSHOU_TODAY=2026-05-01 liushou --root fresh -q enroll --from-csv entry.csv --blank-left-behind both_parents && grep -h '^entry' fresh/children/E1.yaml fresh/children/E2.yaml fresh/children/E3.yaml
  entry: new
  entry: transfer
  entry: transfer
  $ printf '学号,入学方式\nE1,外来\n' > bad-entry.csv
  $ liushou --root fresh enroll --from-csv bad-entry.csv --update
  ! bad-entry.csv:2:2: 错误：第 2 行，入学方式：“外来”不是新生或转入（new | transfer）
  ! bad-entry.csv：1 处问题，未导入任何内容
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
  登记表.csv（4 行，utf-8）：新增 4，修改 0，未变 0
  ! 登记表.csv:6:1: 警告：第 6 行：与第 3 行同名且出生日期相同，但学号不同，按另一名儿童处理
  ! 登记表.csv:7:1: 警告：第 7 行：“填表人：张老师”是表尾，不是儿童，未导入
  ! 登记表.csv:8:1: 警告：第 8 行：“合计：4 人”是表尾，不是儿童，未导入
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
  ! bad.csv:2:4: 错误：籍贯：不认识这一列；请用 --map 对应到字段，或用 --ignore-column 跳过
  ! bad.csv：未导入任何内容
  [1]
  $ printf '标题\n姓名,出生日期,留守类型\n钱七,2015-01-01,单亲外出\n' > one.csv && liushou enroll --from-csv one.csv
  one.csv（1 行，utf-8）：新增 1，修改 0，未变 0
  ! one.csv:3:3: 警告：第 3 行，留守类型：单亲外出没有说明是哪一方外出务工；按单亲外出记录，在基本情况中单列一行（知道时请改填父亲外出或母亲外出）

Round trips are identities (#39). The CSV writer puts a ' before a value a spreadsheet would
run as a formula (= + - @) and before a value's own leading ', and the reader takes exactly
that ' off: an unchanged export imports back with nothing changed, and exports again byte for
byte. A ' before anything else typed by hand is the value's own.

  $ cd .. && mkdir trip && cd trip && liushou init . --school 孙桥小学 --year 2025-2026 --no-git -q
  $ printf '姓名,性别,出生日期,健康状况,资助,备注\n'"'"'=李秀英,女,2015-01-01,'"'"'-2+3,两免一补、营养餐,'"''"'引号\n赵六,男,2015-02-02,'"'"'@home,,'"'"'0724\n' > in.csv && cat in.csv
  姓名,性别,出生日期,健康状况,资助,备注
  '=李秀英,女,2015-01-01,'-2+3,两免一补、营养餐,''引号
  赵六,男,2015-02-02,'@home,,'0724
  $ liushou enroll --from in.csv --blank-left-behind both_parents -q && grep -h -E '^(name|health|notes)' children/*.yaml
  name: "=李秀英"
  health: "-2+3"
  notes: "'引号"
  name: 赵六
  health: "@home"
  notes: "'0724"
  $ liushou list --register --format csv > out.csv && cut -d, -f2,13,31,33 out.csv
  姓名,健康状况,资助,备注
  '=李秀英,'-2+3,两免一补、营养餐,''引号
  赵六,'@home,,''0724
  $ liushou enroll --from out.csv --update && liushou list --register --format csv | cmp - out.csv && echo byte-identical
  out.csv（2 行，utf-8）：新增 0，修改 0，未变 2
  byte-identical
  $ liushou list -o out.xlsx -q && liushou enroll --from out.xlsx --update && liushou list -o again.xlsx -q && cmp out.xlsx again.xlsx && echo byte-identical
  out.xlsx（2 行，xlsx）：新增 0，修改 0，未变 2
  byte-identical
  $ liushou check -q --allow-incomplete 2>&1 | grep -v 档案不完整; echo checked
  checked

Identity is guarded (#39). A row that keeps one child's 学号 but carries another's 身份证号,
or without one the other's name and birth date (a sort slip), is refused naming both; so is a
new 学号 with a 身份证号 already on file (a renamed child imported under the old id), and one
身份证号 on two rows. Nothing is written.

  $ cd .. && mkdir ident && cd ident && liushou init . --school 孙桥小学 --year 2025-2026 --no-git -q
  $ printf '学号,姓名,性别,出生日期,身份证号\n2025-001,王小明,男,2015-03-08,420821201503081231\n2025-002,李桦,女,2015-03-08,420821201503084520\n' > in.csv && liushou enroll --from in.csv --blank-left-behind both_parents -q
  $ printf '学号,姓名,性别,出生日期,身份证号\n2025-001,李桦,女,2015-03-08,420821201503084520\n' > slip.csv && liushou enroll --from slip.csv --blank-left-behind both_parents --update
  ! slip.csv:2:5: 错误：第 2 行，身份证号：学号是 2025-001 的，身份证号却是 2025-002 的（children/2025-002.yaml）；是否排序时把行错开了？
  ! slip.csv：1 处问题，未导入任何内容
  [1]
  $ printf '学号,姓名,性别,出生日期\n2025-001,李桦,女,2015-03-08\n' > slip2.csv && liushou enroll --from slip2.csv --blank-left-behind both_parents --update
  ! slip2.csv:2:2: 错误：第 2 行，姓名：学号是 2025-001 的，姓名和出生日期却是 2025-002 的（children/2025-002.yaml）；是否排序时把行错开了？（如确是两名儿童，请加 --namesakes）
  ! slip2.csv：1 处问题，未导入任何内容
  [1]
  $ printf '学号,姓名,性别,出生日期,身份证号\n2025-009,王小明,男,2015-03-08,420821201503081231\n' > renamed.csv && liushou enroll --from renamed.csv --blank-left-behind both_parents
  ! renamed.csv:2:1: 警告：第 2 行，学号：王小明（2015-03-08 出生）也在 children/2025-001.yaml（学号 2025-001）；这一行的学号 2025-009 按另一名同名同生日的儿童处理（如是同一名儿童，请改正学号；--namesakes 表示确是两人）
  ! renamed.csv:2:5: 错误：第 2 行，身份证号：这个身份证号已经属于 2025-001（children/2025-001.yaml）；如果是同一名儿童，请用学号 2025-001
  ! renamed.csv：2 处问题，未导入任何内容
  [1]
  $ printf '姓名,性别,出生日期,身份证号\n陈思雨,女,2016-01-02,420821201601020002\n陈思宇,女,2016-01-02,420821201601020002\n' > twice.csv && liushou enroll --from twice.csv --blank-left-behind both_parents
  ! twice.csv:3:4: 错误：第 3 行，身份证号：第 2 行也是这个身份证号；一名儿童只占一行
  ! twice.csv：1 处问题，未导入任何内容
  [1]
  $ grep -h name: children/*.yaml
  name: 王小明
  name: 李桦

Two files with one 身份证号 (a copy under another name) are an error in check, naming the other.

  $ sed 's/^id: .*/id: "2025-003"/' children/2025-001.yaml > children/2025-003.yaml
  $ liushou check --allow-incomplete 2>&1 | grep 身份证号
  children/2025-003.yaml:3:7: 警告：姓名：与 children/2025-001.yaml 同名且出生日期相同；如是同一名儿童，请只保留一个文件；如是两名，请分别填写身份证号
  children/2025-003.yaml:6:12: 错误：身份证号：与 children/2025-001.yaml 的身份证号相同：一名儿童有两个文件；请只保留一个
  [1]

A group row above the field names (学生基本信息 / 父亲 / 监护人情况, each merged over its
fields) is recognised: the field names below it are the header, and positions name the rows
actually read.

  $ cd .. && mkdir group && cd group && liushou init . --school 孙桥小学 --year 2025-2026 --no-git -q
  $ printf '孙桥小学花名册\n学生基本信息,,,父亲,,监护人情况,\n姓名,性别,出生日期,父亲姓名,父亲务工地址,监护人姓名,监护人电话\n王小明,男,2015-03-08,王大,广东东莞,王奶奶,13800000001\n李桦,女,2015-04-08,李大,上海,李奶奶,1380000\n' > group.csv
  $ liushou enroll --from group.csv --blank-left-behind both_parents
  ! group.csv:5:7: 错误：第 5 行，监护人电话：不是手机号（11 位）或带区号的固定电话
  ! group.csv：1 处问题，未导入任何内容
  [1]
  $ /usr/bin/python3 -c '
  > import csv, openpyxl; wb = openpyxl.Workbook(); ws = wb.active
  > for r in csv.reader(open("group.csv", encoding="utf-8")): ws.append(r)
  > ws.merge_cells("A2:C2"); ws.merge_cells("D2:E2"); ws.merge_cells("F2:G2"); wb.save("group.xlsx")' && liushou enroll --from group.xlsx
  ! group.xlsx:3:1: 错误：第 3 行：表格没有“留守类型”一列，新儿童是否留守没有写明；请加上这一列（双亲外出、父亲外出、母亲外出、单亲外出或否），或用 --blank-left-behind 说明每一行的含义（both_parents；全校花名册用 none……）
  ! group.xlsx:5:7: 错误：第 5 行，监护人电话：不是手机号（11 位）或带区号的固定电话
  ! group.xlsx：2 处问题，未导入任何内容
  [1]

Limits on the way in (#39): a cell over the 32,767 characters a spreadsheet cell holds is
refused on import, naming the row and field; check refuses such a record, so that no writer
(an .xlsx register) fails on a record check passed.

  $ /usr/bin/python3 -c 'print("姓名,性别,出生日期,备注\n赵六,男,2015-02-02," + "长" * 33000)' > long.csv && liushou enroll --from long.csv
  ! long.csv:2:4: 错误：第 2 行，备注：有 33000 个字符，超过了电子表格一个单元格能容纳的 32,767 个；请缩短
  ! long.csv：1 处问题，未导入任何内容
  [1]
  $ /usr/bin/python3 -c 'print("姓名,性别,出生日期\n钱七,女,2015-02-02")' > ok.csv && liushou enroll --from ok.csv --blank-left-behind both_parents -q &&
  > /usr/bin/python3 -c 'import glob; open(glob.glob("children/*.yaml")[0], "a").write("notes: " + "x" * 33000 + "\n")' &&
  > liushou check --allow-incomplete 2>&1 | grep -a -v 档案不完整 | sed 's/，超过.*/……/'
  children/2025-001.yaml:8:8: 错误：备注：有 33000 个字符……
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 3 个文件：1 个错误，1 个警告
  [1]

A register of more rows than a register holds (100,000) is refused while it is read, naming
the first row over the limit, so that memory stays bounded (scripts/bench --imports).

  $ /usr/bin/python3 -c '
  > print("姓名,性别,出生日期")
  > for i in range(100001): print(f"童{i},男,2015-01-01")' > huge.csv && liushou enroll --from huge.csv
  ! huge.csv:100002:1: 错误：表格超过 100000 行，超出了一份花名册能容纳的行数；请拆分（例如按年级）后分别导入
  ! huge.csv：未导入任何内容
  [1]
