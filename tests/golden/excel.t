Excel in and out. The registers come from tests/tools/messy-register.py, written by
openpyxl (an independent writer) as an .xlsx workbook and as the GBK CSV that Excel saves on
Chinese Windows. The workbook has a 填表说明 sheet first, a title merged across the columns,
real date cells (one with a time), an Excel serial typed into a General cell, a phone typed as
a number, full-width digits, 班级 as 三(1)班, 单亲外出 and 父母双方外出, 住校/走读, and three
footers.

  $ py=/usr/bin/python3 tools=$TESTDIR/../tools
  $ $py $tools/messy-register.py . && $py $tools/messy-register.py . --corrected &&
  > $py $tools/messy-register.py . --corrected --by-id-number && ls
  登记表-更正-无学号.csv
  登记表-更正-无学号.xlsx
  登记表-更正.csv
  登记表-更正.xlsx
  登记表.csv
  登记表.xlsx
  $ liushou init csv --school 孙桥小学 --year 2025-2026 --no-git -q &&
  > liushou init xlsx --school 孙桥小学 --year 2025-2026 --no-git -q

The CSV and the workbook make identical trees, with the same warnings on the same rows (the
footers, and two 王小明 of one birth date with different 学号).

  $ liushou --root csv enroll --from 登记表.csv
  登记表.csv（5 行，gb18030）：新增 5，修改 0，未变 0
  ! 登记表.csv:6:1: 警告：第 6 行：与第 3 行同名且出生日期相同，但学号不同，按另一名儿童处理
  ! 登记表.csv:8:1: 警告：第 8 行：“填表人：张老师”是表尾，不是儿童，未导入
  ! 登记表.csv:9:1: 警告：第 9 行：“审核人：李校长”是表尾，不是儿童，未导入
  ! 登记表.csv:10:1: 警告：第 10 行：“制表日期：2026年3月1日”是表尾，不是儿童，未导入
  $ liushou --root xlsx enroll --from 登记表.xlsx
  ! 登记表.xlsx:1:1: 错误：第一个工作表“填表说明”没有表头行；工作簿中还有 花名册：请用 --sheet 指定花名册所在的工作表
  ! 登记表.xlsx：未导入任何内容
  [1]
  $ liushou --root xlsx enroll --from 登记表.xlsx --sheet 花名册
  登记表.xlsx（5 行，xlsx）：新增 5，修改 0，未变 0
  ! 登记表.xlsx:6:1: 警告：第 6 行：与第 3 行同名且出生日期相同，但学号不同，按另一名儿童处理
  ! 登记表.xlsx:8:1: 警告：第 8 行：“填表人：张老师”是表尾，不是儿童，未导入
  ! 登记表.xlsx:9:1: 警告：第 9 行：“审核人：李校长”是表尾，不是儿童，未导入
  ! 登记表.xlsx:10:1: 警告：第 10 行：“制表日期：2026年3月1日”是表尾，不是儿童，未导入
  $ diff -r csv xlsx && echo identical
  identical
  $ cat xlsx/children/2025-105.yaml
  schema: 2
  id: "2025-105"
  name: 陈思雨
  gender: female
  birth_date: 2016-01-02
  id_number: "420821201601020002"
  grade: 3
  class: 2
  enrolled_on: 2025-09-01
  status: enrolled
  left_behind: mother_away
  boarding: true
  parents:
    - relation: mother
      work_place: 浙江宁波
  guardian:
    phone: "0724-7654321"

The register corrected (a birth date and 身份证号 typed wrong, a guardian's new phone) imports
with --update over the same children; so does a copy without the 学号 column and with a
misspelt name put right, matched by 身份证号. No child is added twice.

  $ liushou --root xlsx enroll --from 登记表-更正.xlsx --sheet 花名册 --update 2>/dev/null
  登记表-更正.xlsx（5 行，xlsx）：新增 0，修改 2，未变 3
  $ liushou --root xlsx enroll --from 登记表-更正-无学号.csv --update 2>/dev/null
  登记表-更正-无学号.csv（5 行，gb18030）：新增 0，修改 1，未变 4
  $ liushou --root xlsx enroll --from 登记表-更正-无学号.xlsx --sheet 花名册 --update 2>/dev/null
  登记表-更正-无学号.xlsx（5 行，xlsx）：新增 0，修改 0，未变 5
  $ liushou --root xlsx list
  学号      姓名    性别  年级  班级  留守类型  帮扶教师  状态  档案
  2025-101  王小明  男    3     1     双亲外出            在读  缺8项
  2025-102  李桦    女    3     2     母亲外出            在读  缺9项
  2025-104  王小明  男    3     2     父亲外出            在读  缺8项
  2025-105  陈思雨  女    3     2     母亲外出            在读  缺9项
  2025-103  张三    女    4     2     双亲外出            在读  缺8项
  共 5 名
  $ grep -h -E '^(name|birth_date|id_number)|  phone' xlsx/children/2025-10[245].yaml
  name: 李桦
  birth_date: 2015-03-08
  id_number: "420821201503084520"
    phone: "13812345679"
  name: 王小明
  birth_date: 2015-03-18
  id_number: "420821201503187773"
    phone: "13812345671"
  name: 陈思雨
  birth_date: 2016-01-02
  id_number: "420821201601020002"
    phone: "13900001111"

A workbook out is the register: every field under the headers the import reads, dates as date
cells, 18-digit 身份证号 and phone numbers as text; and it imports back as the same children.

  $ liushou --root xlsx list -o 名册.xlsx
  已写入 名册.xlsx
  $ $py $tools/xlsx-dump.py 名册.xlsx --rows 3 --widths
  sheet 留守儿童名册: 6 rows, 33 columns, frozen above A2, filter A1:AG6
  widths: 12 10 7 14 23 7 7 7 14 12 12 12 12 12 12 12 16 16 12 12 16 16 14 14 15 14 14 18 14 16 7 21 7
  学号 | 姓名 | 性别 | 出生日期 | 身份证号 | 民族 | 年级 | 班级 | 入学日期 | 入学方式 | 留守类型 | 是否寄宿 | 健康状况 | 家庭住址 | 父亲姓名 | 父亲电话 | 父亲务工地址 | 父亲单位电话 | 母亲姓名 | 母亲电话 | 母亲务工地址 | 母亲单位电话 | 监护人姓名 | 监护人关系 | 监护人电话 | 监护人职业 | 监护人住址 | 监护人健康状况 | 监护人年龄 | 重点帮扶对象 | 资助 | 个别教育管理方案 | 备注
  2025-101 | 王小明 | 男 | @2015-03-08 | 420821201503081231 |  | #3 | #1 | @2025-09-01 |  | 双亲外出 | 是 |  |  |  |  |  |  |  |  |  |  |  |  | 13812345678 |  |  |  |  | 否 |  |  |
  2025-102 | 李桦 | 女 | @2015-03-08 | 420821201503084520 |  | #3 | #2 | @2025-09-01 |  | 母亲外出 | 否 |  |  |  |  |  |  |  |  | 广东东莞 |  |  |  | 13812345679 |  |  |  |  | 否 |  |  |
  sheet liushou: 8 rows, 2 columns, frozen above A2, filter A1:B8
  widths: 12 23
  format | liushou register 1
  revision |
  made | 2026-03-15
  $ liushou init again --school 孙桥小学 --year 2025-2026 --no-git -q
  $ liushou --root again enroll --from 名册.xlsx
  名册.xlsx（5 行，xlsx）：新增 5，修改 0，未变 0
  $ diff -r xlsx/children again/children && echo same children
  same children
  $ liushou --root xlsx list --format xlsx > piped.xlsx && $py $tools/xlsx-dump.py piped.xlsx --rows 1
  sheet 留守儿童名册: 6 rows, 33 columns, frozen above A2, filter A1:AG6
  学号 | 姓名 | 性别 | 出生日期 | 身份证号 | 民族 | 年级 | 班级 | 入学日期 | 入学方式 | 留守类型 | 是否寄宿 | 健康状况 | 家庭住址 | 父亲姓名 | 父亲电话 | 父亲务工地址 | 父亲单位电话 | 母亲姓名 | 母亲电话 | 母亲务工地址 | 母亲单位电话 | 监护人姓名 | 监护人关系 | 监护人电话 | 监护人职业 | 监护人住址 | 监护人健康状况 | 监护人年龄 | 重点帮扶对象 | 资助 | 个别教育管理方案 | 备注
  sheet liushou: 8 rows, 2 columns, frozen above A2, filter A1:B8
  format | liushou register 1

The other tables: the staff list, a class roster, the month's talks (a talk sheet that
log-talk --from reads back), the summary's figures as numbers, and the checklist with a row
for each thing to do.

  $ cd $EXAMPLES/school
  $ liushou staff list -o $OLDPWD/staff.xlsx -q && $py $tools/xlsx-dump.py $OLDPWD/staff.xlsx --rows 3
  sheet 教师名单: 9 rows, 5 columns, frozen above A2, filter A1:E9
  编号 | 姓名 | 职务 | 班级 | 电话
  T001 | 喻校长 | 领导 |  | 13800001001
  T002 | 张老师 | 班主任 | 1-1 | 13800001002
  $ liushou report class 3-2 -o $OLDPWD/class.xlsx -q && $py $tools/xlsx-dump.py $OLDPWD/class.xlsx
  sheet 班级名册: 2 rows, 8 columns, frozen above A2, filter A1:H2
  学号 | 姓名 | 性别 | 留守类型 | 监护人 | 帮扶教师 | 学习帮手 | 上次谈心
  2025-002 | 林宇轩 | 女 | 父亲外出 | 外公 林德梓 | 李老师（T003） |  | @2026-03-07
  $ liushou report talks --month 2026-03 -o $OLDPWD/talks.xlsx -q && $py $tools/xlsx-dump.py $OLDPWD/talks.xlsx --rows 4
  sheet 谈心记录: 32 rows, 9 columns, frozen above A2, filter A1:I32
  日期 | 学号 | 姓名 | 班级 | 类型 | 教师 | 内容 | 情绪 | 跟进事项
  @2026-03-03 | 2025-011 | 何子涵 | 二年级2班 | 谈心 | 李老师（T003） | 上课爱走神，约定每天读书半小时 | 好 |
  @2026-03-03 | 2025-020 | 陈博文 | 四年级1班 | 谈心 | 王老师（T004） | 周末在家帮奶奶干农活 | 低落 |
  @2026-03-03 | 2025-028 | 李子涵 | 三年级3班 | 谈心 | 王老师（T004） | 数学单元测验不理想，安排同学帮扶 | 一般 |
  $ liushou report summary -o $OLDPWD/summary.xlsx -q && $py $tools/xlsx-dump.py $OLDPWD/summary.xlsx --rows 6
  sheet 工作总结: 795 rows, 8 columns, frozen above A2, filter A1:H795
  范围 | 学校 | 年级 | 班级 | 项目 | 完成 | 应完成 | 比率（%）
  合计 |  |  |  | 期初在读 | #30 |  |
  合计 |  |  |  | 新入学 | #0 |  |
  合计 |  |  |  | 转入 | #0 |  |
  合计 |  |  |  | 转出 | #0 |  |
  合计 |  |  |  | 辍学 | #0 |  |
  sheet 尚未达到: 70 rows, 6 columns, frozen above A2, filter A1:F70
  学校 | 班级 | 学号 | 姓名 | 未达到 | 时间
  孙桥镇中心小学 | 一年级1班 | 2025-024 | 徐诗涵 | 未家访 | 第二学期
  孙桥镇中心小学 | 一年级1班 | 2025-024 | 徐诗涵 | 未参加座谈会 | 第二学期
  孙桥镇中心小学 | 一年级2班 | 2025-006 | 王家乐 | 未谈心 | 2026-03
  孙桥镇中心小学 | 一年级2班 | 2025-006 | 王家乐 | 未家访 | 第二学期
  孙桥镇中心小学 | 一年级2班 | 2025-006 | 王家乐 | 未参加座谈会 | 第二学期
  $ $py -c "import openpyxl, sys; ws = openpyxl.load_workbook(sys.argv[1]).active; print(sorted({c.number_format for c in ws['H'][1:] if c.value is not None}))" $OLDPWD/summary.xlsx
  ['0.0']
  $ liushou schedule --month 2026-03 -o $OLDPWD/schedule.xlsx -q && $py $tools/xlsx-dump.py $OLDPWD/schedule.xlsx --rows 5
  sheet 工作清单: 76 rows, 8 columns, frozen above A2, filter A1:H76
  事项 | 教师 | 学号 | 姓名 | 班级 | 日期 | 完成 | 说明
  工作安排 |  |  |  |  | @2026-03-10 | 是 | 留守儿童信息更新：30名儿童的档案已更新
  工作安排 |  |  |  |  |  |  | 成立学校关爱留守儿童领导专班
  谈心 | 张老师 | 2025-009 | 赵磊 | 六年级3班 | @2025-12-04 |  | 已 0 次，应 1 次；日期为上次
  谈心 | 刘老师 | 2025-006 | 王家乐 | 一年级2班 | @2025-12-13 |  | 已 0 次，应 1 次；日期为上次
  $ liushou --lang en schedule --month 2026-03 --format xlsx -o $OLDPWD/schedule-en.xlsx -q && $py $tools/xlsx-dump.py $OLDPWD/schedule-en.xlsx --rows 3
  sheet Checklist: 76 rows, 8 columns, frozen above A2, filter A1:H76
  Item | Teacher | ID | Name | Class | Date | Done | Note
  Plan |  |  |  |  | @2026-03-10 | yes | 留守儿童信息更新: 30名儿童的档案已更新
  Plan |  |  |  |  |  |  | 成立学校关爱留守儿童领导专班
  $ cd $OLDPWD

The talks workbook logs into a copy of the school without its talks, as the same entries; a
second time changes nothing.

  $ cp -r $EXAMPLES/school copy && sed -i '/^talks:/,$d' copy/children/*.yaml
  $ liushou --root copy log-talk --from talks.xlsx
  talks.xlsx（31 行，xlsx）：为 24 名儿童登记 31 条，已有 0 条
  $ liushou --root copy log-talk --from talks.xlsx
  talks.xlsx（31 行，xlsx）：为 0 名儿童登记 0 条，已有 31 条
  $ liushou --root copy report talks --month 2026-03 --format csv > copied.csv &&
  > liushou --root $EXAMPLES/school report talks --month 2026-03 --format csv | cmp - copied.csv && echo the same talks
  the same talks

What is not a register is refused, naming the file; nothing is written.

  $ cd csv
  $ liushou enroll --from ../登记表.xlsx --sheet 名单
  ! liushou：../登记表.xlsx：没有名为“名单”的工作表；工作簿中有：填表说明, 花名册
  [1]
  $ liushou enroll --from ../登记表.csv --sheet 花名册
  ! liushou：--sheet 只用于 .xlsx 工作簿，../登记表.csv 是 CSV 文件
  [2]
  $ liushou enroll --from ../登记表.xlsx --encoding gb18030
  ! liushou：--encoding 只用于 CSV 表格，Excel 工作簿自带编码
  [2]
  $ echo hello > fake.xlsx && liushou enroll --from fake.xlsx
  ! liushou：fake.xlsx：不是 Excel 工作簿（.xlsx）：不是 zip 压缩文件
  [1]
  $ printf '\320\317\021\340old' > old.xls && liushou enroll --from old.xls
  ! liushou：old.xls：这是旧版 Excel 97-2003 工作簿（.xls）；请另存为 .xlsx（Excel 2007 或更新版本）或 CSV
  [1]
  $ $py -c 'import zipfile; zipfile.ZipFile("other.xlsx", "w").writestr("a.txt", "hi")' && liushou enroll --from other.xlsx
  ! liushou：other.xlsx：是 zip 文件，但不是 Excel 工作簿（没有 xl/workbook.xml）
  [1]
  $ $py -c '
  > import openpyxl, re, zipfile; wb = openpyxl.Workbook(); ws = wb.active; ws.title = "花名册"
  > ws.append(["姓名", "性别", "出生日期"]); ws.append(["赵六", "女", "2015-03-08"]); wb.save("ok.xlsx")
  > src, out = zipfile.ZipFile("ok.xlsx"), zipfile.ZipFile("index.xlsx", "w")
  > for part in src.infolist():
  >     data = src.read(part.filename)
  >     if part.filename.startswith("xl/worksheets/"):
  >         data = re.sub(rb"<c r=.B2. t=.inlineStr.>.*?</c>", b"<c r=\"B2\" t=\"s\"><v>99999</v></c>", data)
  >     out.writestr(part, data)
  > out.close()' && liushou enroll --from index.xlsx
  ! liushou：index.xlsx：工作表“花名册”的 B2 单元格：该单元格引用第 99999 号共享字符串，但工作簿只有 0 个共享字符串（从 0 编号）；文件是否已损坏？
  [1]
  $ $py -c '
  > import openpyxl; wb = openpyxl.Workbook(); ws = wb.active
  > ws.append(["姓名", "身份证号", "出生日期"]); ws.append(["赵六", 420821201503081234, "2015-03-08"])
  > wb.save("number.xlsx")' && liushou enroll --from number.xlsx
  ! number.xlsx:2:2: 错误：第 2 行，身份证号：单元格是超过 15 位的数字，Excel 只保留数字的前 15 位，后几位已经丢失；请把这一列设为文本格式，重新输入
  ! number.xlsx：未导入任何内容
  [1]
  $ liushou list --format xlsx --encoding gb18030 -o x.xlsx
  ! liushou：--encoding 只用于 CSV，Excel 工作簿总是 UTF-8
  [2]
  $ ls children | wc -l
  5

Workbooks as other spreadsheets write them (tests/fixtures/, made once by
tests/tools/make-xlsx-fixtures.sh). LibreOffice declares its "General" format as a code of its
own, which holds an e: a register typed in Calc keeps 学号 7 and 101 and 备注 2024 as numbers,
not dates. Excel's and WPS's codes with letters that are no dates (0.00E+00, [Red]0, "ed"0,
\d0, _e0, G/通用格式) are numbers; 2016年5月1日, yyyy/m/d;@ and built-in 14 are dates.

  $ cd .. && fixtures=$TESTDIR/../fixtures && liushou init calc --school 测试小学 --year 2025-2026 --no-git -q
  $ liushou --root calc enroll --from $fixtures/lo-typed.xlsx --blank-left-behind both_parents -q && liushou --root calc list --register --format csv | cut -d, -f1-9,33
  学号,姓名,性别,出生日期,身份证号,民族,年级,班级,入学日期,备注
  7,王小明,男,2016-05-01,,,3,1,2022-09-01,2024
  101,李桦,女,2015-03-08,,,4,2,2021-09-01,3.5
  $ { liushou --root calc check -q --allow-incomplete 2>&1 && echo checked; } | grep -v 档案不完整
  checked
  $ liushou init formats --school 测试小学 --year 2025-2026 --no-git -q
  $ liushou --root formats enroll --from $fixtures/excel-formats.xlsx --blank-left-behind both_parents -q && liushou --root formats list --register --format csv | cut -d, -f1-8,33
  学号,姓名,性别,出生日期,身份证号,民族,年级,班级,备注
  7,王小明,男,2016-05-01,,,3,1,2024
  101,李桦,女,2015-03-08,,,4,2,12
  102,张三,女,2015-07-09,,,4,2,0.5
  $ liushou --root formats enroll --from $fixtures/wps-formats.xlsx --blank-left-behind both_parents --update | sed 's|.*/||' && liushou --root formats list --register --format csv | cut -d, -f1-8,33
  wps-formats.xlsx（2 行，xlsx）：新增 0，修改 1，未变 1
  学号,姓名,性别,出生日期,身份证号,民族,年级,班级,备注
  7,王小明,男,2016-05-01,,,3,1,2024
  101,李桦,女,2015-03-08,,,4,2,2024
  102,张三,女,2015-07-09,,,4,2,0.5

liushou's own workbook, opened and saved unchanged by LibreOffice (which rewrites every style
and format), imports back over the tree it came from with nothing changed; so does the CSV.

  $ liushou init lo --school 测试小学 --year 2025-2026 --no-git -q && cd lo && liushou enroll --from $fixtures/lo-tree.csv -q
  $ liushou enroll --from $fixtures/lo-resaved.xlsx --update 2>&1 | sed 's|.*/||'
  lo-resaved.xlsx（3 行，xlsx）：新增 0，修改 0，未变 3
  $ liushou list -o own.xlsx -q && liushou enroll --from own.xlsx --update
  own.xlsx（3 行，xlsx）：新增 0，修改 0，未变 3
  $ { liushou check -q --allow-incomplete 2>&1 && echo checked; } | grep -v 档案不完整
  checked
