sheets: the month's checklist as a workbook each teacher fills in, and log-talk --from taking
it back (#46). The tree is tests/tools/checklist-tree.sh's: 张老师 (T001) has 王小明 (A1,
whose follow-up of 2 March is open) and 李华 (A2, ten on 8 March, at the term's meeting in
February); 李老师 (T002) has 赵六 (A3).

  $ export LIUSHOU_TODAY=2028-03-20
  $ py=/usr/bin/python3 tools=$TESTDIR/../tools fixtures=$TESTDIR/../fixtures
  $ cp $fixtures/checklist-* . && $tools/checklist-tree.sh && cd school

On the 1st the coordinator writes every teacher's sheet; without -o, --per-teacher says what
each sheet lists.

  $ liushou schedule --per-teacher
  教师    儿童  谈心  亲情电话  家访  座谈会  生日祝福  跟进事项  活动签到  工作安排  尚欠
  张老师  2     1     2         2     1       1         1         0         2         10
  李老师  1     1     1         1     1       0         0         0         2         6
  $ liushou schedule --per-teacher -o ../sheets/
  已写入 ../sheets/张老师-2028-03.xlsx
  已写入 ../sheets/李老师-2028-03.xlsx

What Excel is asked to do, as openpyxl reads it: the list's cells locked (in the empty rows,
学号, 姓名 and 班级 open), no password, 完成, 类型 and 情绪 dropdowns, 日期 only within the month,
填写说明, and the hidden base.

  $ $py $tools/checklist-check.py ../sheets/张老师-2028-03.xlsx
  sheet 工作清单: visible, protected True, password False
  sheet 填写说明: visible, protected True, password False
  sheet liushou: hidden, protected True, password False
  header: 编号 事项 学号 姓名 班级 说明 完成 日期 类型 内容 情绪 跟进事项
  rows: 10 of the list, 10 empty
  locked in a list row: 编号 事项 学号 姓名 班级 说明
  locked in an empty row: 编号 事项 说明
  validation list "是,否" on G2:G21: 做完了选“是”，没做成选“否”
  validation date 2028-03-01 2028-03-31 on H2:H21: 哪一天做的：2028-03-01 到 2028-03-31
  validation list "谈心,家访,亲情电话,座谈会,心理辅导,生日祝福" on I2:I21: 
  validation prompt on J2:J21: 谈了什么、做了什么
  validation list "好,一般,低落" on K2:K21: 
  validation prompt on L2:L21: 以后还要跟进的事（没有就空着）
  谈心 | A2 | 李华 | 四年级2班 | 已 0 次，应 1 次（本月） | 谈心
  亲情电话 | A1 | 王小明 | 四年级2班 | 已 0 次，应 1 次（本月） | 亲情电话
  亲情电话 | A2 | 李华 | 四年级2班 | 已 0 次，应 1 次（本月） | 亲情电话
  家访 | A1 | 王小明 | 四年级2班 | 已 0 次，应 1 次（本学期） | 家访
  家访 | A2 | 李华 | 四年级2班 | 已 0 次，应 1 次（本学期） | 家访
  座谈会 | A1 | 王小明 | 四年级2班 | 已 0 次，应 1 次（本学期） | 座谈会
  生日祝福 | A2 | 李华 | 四年级2班 | 10 岁生日（3月8日） | 生日祝福
  跟进事项 | A1 | 王小明 | 四年级2班 | 2028-03-02：联系母亲 | 谈心
  工作安排 |  |  |  | 任务 1：留守儿童信息更新 | 
  工作安排 |  |  |  | 任务 2：成立学校关爱留守儿童领导专班 | 
  $ $py -c "import openpyxl, sys; ws = openpyxl.load_workbook(sys.argv[1])['liushou']
  > [print(r[0].value, r[1].value) for r in ws.iter_rows()]" ../sheets/张老师-2028-03.xlsx
  format liushou checklist 1
  school 孙桥镇中心小学
  month 2028-03
  teacher T001
  teacher_name 张老师
  revision None
  made 2028-03-20
  rows 10
  $ $py -c "import openpyxl, sys; ws = openpyxl.load_workbook(sys.argv[1])['填写说明']
  > print(ws['A1'].value); print(ws['A3'].value)" ../sheets/张老师-2028-03.xlsx
  张老师2028年3月留守儿童工作清单：填写说明
  做完了的，在“完成”一栏选“是”，在“日期”一栏写哪一天做的（只能是本月的日子），在“内容”一栏写谈了什么，在“情绪”一栏选孩子当时的情绪；需要以后再跟进的，写在“跟进事项”里。“类型”已经按事项选好，如果其实是家访或电话，可以改选。

张老师 fills hers in Excel (openpyxl): rows 1, 2, 4, 6, 7 and 8 done (the follow-up's row by
a call), 3 and 5 not, the plan's first task done and its second not, and an extra row at the
end.

  $ $py $tools/fill-checklist.py ../sheets/张老师-2028-03.xlsx ../zhang.xlsx \
  >   '1:完成=是;日期=2028-03-05;内容=谈了新学期的打算;情绪=好' \
  >   '2:完成=是;日期=2028-03-06;内容=和爸爸视频，说了成绩' \
  >   '3:完成=否' \
  >   '4:完成=是;日期=2028-03-12;内容=家访，奶奶身体好;跟进事项=下月再去看看' \
  >   '5:完成=否' \
  >   '6:完成=是;日期=2028-03-10;内容=班级家长座谈会' \
  >   '7:完成=是;日期=2028-03-08;内容=送了生日贺卡' \
  >   '8:完成=是;日期=2028-03-09;类型=亲情电话;内容=已联系母亲，每周视频' \
  >   '9:完成=是;日期=2028-03-16;内容=名册已更新' '10:完成=否' \
  >   '+:学号=A1;姓名=王小明;完成=是;日期=2028-03-15;类型=谈心;内容=课间聊天;情绪=一般'

A copy in which a 姓名 was changed (the protection taken off), a 完成 is neither 是 nor 否,
and a date is of April is refused, with each row named, and nothing is logged.

  $ $py $tools/fill-checklist.py ../zhang.xlsx ../zhang-edited.xlsx '2:姓名=王小名' '3:完成=也许' \
  >   '7:日期=2028-04-01'
  $ liushou log-talk --from ../zhang-edited.xlsx
  ! ../zhang-edited.xlsx:3:4: 错误：第 3 行，姓名：学号、姓名或事项与生成清单时不同；这些格子不能修改：请改回原样，其他儿童的记录写在最后的空白行
  ! ../zhang-edited.xlsx:4:7: 错误：第 4 行，完成：也许：请填“是”（已完成）或“否”（未完成）
  ! ../zhang-edited.xlsx:8:8: 错误：第 8 行，日期：2028-04-01 不在本清单的月份 2028-03 内；别的月份的记录请写在那个月的清单上
  ! ../zhang-edited.xlsx：未登记任何记录
  [1]
  $ liushou report child A1 | grep -c 2028-03
  1

The sheet as filled in, with --dry-run first, then 李老师's as LibreOffice saved it (a
fixture: tests/tools/make-xlsx-fixtures.sh). His extra row records 王小明 at the same
meeting as 张老师's row 6, and he too ticks the plan's first task: each is logged once.

  $ liushou log-talk --from ../zhang.xlsx --dry-run
  将登记 A2 2028-03-05 谈心（T001，第 2 行）
  将登记 A1 2028-03-06 亲情电话（T001，第 3 行）
  将登记 A1 2028-03-12 家访（T001，第 5 行）
  将登记 A1 2028-03-10 座谈会（T001，第 7 行）
  将登记 A2 2028-03-08 生日祝福（T001，第 8 行）
  将登记 A1 2028-03-09 亲情电话（T001，第 9 行）
  将登记 A1 2028-03-15 谈心（T001，第 12 行）
  将勾掉 2028-03 工作安排的第 1 项，完成于 2028-03-16（第 10 行）
  试运行，未写入：../zhang.xlsx（7 行，xlsx）：将为 2 名儿童登记 7 条，已有 0 条
  $ liushou log-talk --from ../zhang.xlsx ../checklist-libreoffice.xlsx
  ../zhang.xlsx（7 行，xlsx）：为 2 名儿童登记 7 条，已有 0 条
  ../zhang.xlsx：张老师 2028-03 的工作清单：10 行中还有 3 行未完成
  ../zhang.xlsx：勾掉了工作安排中的 1 项，0 项原已勾掉
  ../checklist-libreoffice.xlsx（3 行，xlsx）：为 1 名儿童登记 2 条，已有 1 条
  ../checklist-libreoffice.xlsx：李老师 2028-03 的工作清单：6 行中还有 3 行未完成
  ../checklist-libreoffice.xlsx：勾掉了工作安排中的 0 项，1 项原已勾掉
  $ sed -n '/^talks:/,$p' children/A1.yaml
  talks:
    - date: 2028-03-02
      kind: talk
      by: T001
      summary: 想妈妈
      follow_up: 联系母亲
    - date: 2028-03-06
      kind: family_call
      by: T001
      summary: 和爸爸视频，说了成绩
    - date: 2028-03-09
      kind: family_call
      by: T001
      summary: 已联系母亲，每周视频
      closes: 2028-03-02
    - date: 2028-03-10
      kind: meeting
      by: T001
      summary: 班级家长座谈会
    - date: 2028-03-12
      kind: home_visit
      by: T001
      summary: 家访，奶奶身体好
      follow_up: 下月再去看看
    - date: 2028-03-15
      kind: talk
      by: T001
      summary: 课间聊天
      mood: ok

A second time, and the same 李老师 sheet saved as CSV by LibreOffice and as WPS writes it:
nothing is added.

  $ liushou log-talk --from ../zhang.xlsx ../checklist-libreoffice.xlsx \
  >   ../checklist-libreoffice.csv ../checklist-wps.xlsx
  ../zhang.xlsx（7 行，xlsx）：为 0 名儿童登记 0 条，已有 7 条
  ../zhang.xlsx：张老师 2028-03 的工作清单：10 行中还有 3 行未完成
  ../zhang.xlsx：勾掉了工作安排中的 0 项，1 项原已勾掉
  ../checklist-libreoffice.xlsx（3 行，xlsx）：为 0 名儿童登记 0 条，已有 3 条
  ../checklist-libreoffice.xlsx：李老师 2028-03 的工作清单：6 行中还有 3 行未完成
  ../checklist-libreoffice.xlsx：勾掉了工作安排中的 0 项，1 项原已勾掉
  ../checklist-libreoffice.csv（3 行，utf-8）：为 0 名儿童登记 0 条，已有 3 条
  ../checklist-libreoffice.csv：李老师 2028-03 的工作清单：6 行中还有 3 行未完成
  ../checklist-libreoffice.csv：勾掉了工作安排中的 0 项，1 项原已勾掉
  ../checklist-wps.xlsx（3 行，xlsx）：为 0 名儿童登记 0 条，已有 3 条
  ../checklist-wps.xlsx：李老师 2028-03 的工作清单：6 行中还有 3 行未完成
  ../checklist-wps.xlsx：勾掉了工作安排中的 0 项，1 项原已勾掉
  $ cat children/*.yaml | grep -c 'date: 2028-03'
  10

March's sheet in April is a mix-up unless --month says it is meant.

  $ LIUSHOU_TODAY=2028-04-02 liushou log-talk --from ../zhang.xlsx
  ! liushou：../zhang.xlsx：这是 2028-03 的工作清单，不是本月（2028-04）的；如确要登记，请加 --month 2028-03；未登记任何记录
  [1]
  $ LIUSHOU_TODAY=2028-04-02 liushou log-talk --from ../zhang.xlsx --month 2028-03
  ../zhang.xlsx（7 行，xlsx）：为 0 名儿童登记 0 条，已有 7 条
  ../zhang.xlsx：张老师 2028-03 的工作清单：10 行中还有 3 行未完成
  ../zhang.xlsx：勾掉了工作安排中的 0 项，1 项原已勾掉

The checklist afterwards owes exactly the rows marked 否 (and the follow-up written on the
home visit's row, open now).

  $ liushou schedule --per-teacher
  教师    儿童  谈心  亲情电话  家访  座谈会  生日祝福  跟进事项  活动签到  工作安排  尚欠
  张老师  2     0     1         1     0       0         1         0         1         4
  李老师  1     0     1         1     0       0         0         0         1         3
  $ liushou schedule --per-teacher -o ../again/
  已写入 ../again/张老师-2028-03.xlsx
  已写入 ../again/李老师-2028-03.xlsx
  $ $py $tools/checklist-check.py ../again/张老师-2028-03.xlsx | sed -n '/^rows/p;/ | /p'
  rows: 4 of the list, 10 empty
  亲情电话 | A2 | 李华 | 四年级2班 | 已 0 次，应 1 次（本月） | 亲情电话
  家访 | A2 | 李华 | 四年级2班 | 已 0 次，应 1 次（本学期） | 家访
  跟进事项 | A1 | 王小明 | 四年级2班 | 2028-03-12：下月再去看看 | 谈心
  工作安排 |  |  |  | 任务 2：成立学校关爱留守儿童领导专班 | 
  $ $py $tools/checklist-check.py ../again/李老师-2028-03.xlsx | sed -n '/^rows/p;/ | /p'
  rows: 3 of the list, 10 empty
  亲情电话 | A3 | 赵六 | 二年级1班 | 已 0 次，应 1 次（本月） | 亲情电话
  家访 | A3 | 赵六 | 二年级1班 | 已 0 次，应 1 次（本学期） | 家访
  工作安排 |  |  |  | 任务 2：成立学校关爱留守儿童领导专班 | 

A sheet of another school is refused; --per-teacher takes a folder, not a workbook.

  $ cd .. && liushou init other --school 别的小学 --year 2027-2028 --no-git -q && cd other
  $ liushou log-talk --from ../zhang.xlsx
  ! liushou：../zhang.xlsx：这是孙桥镇中心小学的工作清单，而这里是别的小学的档案；未登记任何记录
  [1]
  $ liushou schedule --per-teacher -o 三月.xlsx
  ! liushou：--per-teacher 把每位教师的工作簿写进一个文件夹：-o 文件夹/；只要一位教师的，请用 --teacher 教师 -o 文件.xlsx
  [2]
