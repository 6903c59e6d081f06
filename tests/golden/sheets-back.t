sheets-back: the month's sheets come back (#46): an activity's attendance on the sheet, what
each returned sheet leaves owed, and which came back in the checklist and the summary. The tree
is tests/tools/checklist-tree.sh's, then 张老师's 4-2 class meeting of 11 March is recorded, and
陈静 (A4), also of 4-2, is filed after it: the meeting expects her (its participants are 4-2)
but does not list her, so 张老师 owes a 活动签到 row.

  $ export LIUSHOU_TODAY=2028-03-20
  $ py=/usr/bin/python3 tools=$TESTDIR/../tools
  $ $tools/checklist-tree.sh && cd school
  $ liushou -q activity add --date 2028-03-11 --kind 主题班会 --title 感恩母亲节主题班会 \
  >   --children 4-2 --by 张老师
  2028-03-11-class_meeting-31c4e1b0
  $ liushou -q enroll --enrolled-on 2027-09-01 --id A4 --name 陈静 --gender 女 --grade 4 \
  >   --class 2 --birth-date 2018-06-01
  A4
  $ liushou -q pair A4 --teacher T001 --since 2027-09-01
  $ liushou schedule | sed -n '/^已记录的活动/,/^## /p'
  已记录的活动：
  
  - 2028-03-11 主题班会：感恩母亲节主题班会（2 名）
  
  到场尚未记录（活动签到）：
  
  - [ ] 2028-03-11 感恩母亲节主题班会：A4 陈静，四年级2班
  
  ## 谈心：本月尚欠 3 名（每月 1 次）
  $ liushou schedule --per-teacher
  教师    儿童  谈心  亲情电话  家访  座谈会  生日祝福  跟进事项  活动签到  工作安排  尚欠
  张老师  3     2     3         3     2       1         1         1         2         15
  李老师  1     1     1         1     1       0         0         0         2         6
  $ liushou schedule --per-teacher -o ../sheets/
  已写入 ../sheets/张老师-2028-03.xlsx
  已写入 ../sheets/李老师-2028-03.xlsx
  $ $py $tools/checklist-check.py ../sheets/张老师-2028-03.xlsx | sed -n '/ | /p'
  谈心 | A2 | 李华 | 四年级2班 | 已 0 次，应 1 次（本月） | 谈心
  谈心 | A4 | 陈静 | 四年级2班 | 已 0 次，应 1 次（本月） | 谈心
  亲情电话 | A1 | 王小明 | 四年级2班 | 已 0 次，应 1 次（本月） | 亲情电话
  亲情电话 | A2 | 李华 | 四年级2班 | 已 0 次，应 1 次（本月） | 亲情电话
  亲情电话 | A4 | 陈静 | 四年级2班 | 已 0 次，应 1 次（本月） | 亲情电话
  家访 | A1 | 王小明 | 四年级2班 | 已 0 次，应 1 次（本学期） | 家访
  家访 | A2 | 李华 | 四年级2班 | 已 0 次，应 1 次（本学期） | 家访
  家访 | A4 | 陈静 | 四年级2班 | 已 0 次，应 1 次（本学期） | 家访
  座谈会 | A1 | 王小明 | 四年级2班 | 已 0 次，应 1 次（本学期） | 座谈会
  座谈会 | A4 | 陈静 | 四年级2班 | 已 0 次，应 1 次（本学期） | 座谈会
  生日祝福 | A2 | 李华 | 四年级2班 | 10 岁生日（3月8日） | 生日祝福
  跟进事项 | A1 | 王小明 | 四年级2班 | 2028-03-02：联系母亲 | 谈心
  活动签到 | A4 | 陈静 | 四年级2班 | 2028-03-11：感恩母亲节主题班会 | 
  工作安排 |  |  |  | 任务 1：留守儿童信息更新 | 
  工作安排 |  |  |  | 任务 2：成立学校关爱留守儿童领导专班 | 

张老师 fills hers in (openpyxl): some rows 是 with what was done, some 否, 陈静 was at the
class meeting (no date needed: the activity's), the plan's first task done, and one extra row.
李老师 fills his: the first task of the plan too.

  $ $py $tools/fill-checklist.py ../sheets/张老师-2028-03.xlsx ../zhang.xlsx \
  >   '1:完成=是;日期=2028-03-05;内容=谈了新学期的打算;情绪=好' \
  >   '2:完成=是;日期=2028-03-06;内容=聊了新同学;情绪=一般' '3:完成=否' \
  >   '4:完成=是;日期=2028-03-07;内容=和妈妈视频' '5:完成=否' '6:完成=否' '7:完成=否' \
  >   '8:完成=否' '9:完成=是;日期=2028-03-10;内容=班级家长座谈会' \
  >   '10:完成=是;日期=2028-03-10;内容=班级家长座谈会' '11:完成=是;日期=2028-03-08;内容=送了生日贺卡' \
  >   '12:完成=否' '13:完成=是' '14:完成=是;日期=2028-03-16;内容=名册已更新' '15:完成=否' \
  >   '+:学号=A1;姓名=王小明;完成=是;日期=2028-03-15;类型=谈心;内容=课间聊天;情绪=一般'
  $ $py $tools/fill-checklist.py ../sheets/李老师-2028-03.xlsx ../li.xlsx \
  >   '1:完成=是;日期=2028-03-09;内容=谈了作业' '2:完成=否' '3:完成=是;日期=2028-03-14;内容=家访' \
  >   '4:完成=否' '5:完成=是;日期=2028-03-17;内容=名册已更新' '6:完成=否'

A copy where the attendance row's 姓名 was changed is refused, the row named, nothing logged.

  $ $py $tools/fill-checklist.py ../zhang.xlsx ../zhang-edited.xlsx '13:姓名=陈晶'
  $ liushou log-talk --from ../zhang-edited.xlsx
  ! ../zhang-edited.xlsx:14:4: 错误：第 14 行，姓名：学号、姓名或事项与生成清单时不同；这些格子不能修改：请改回原样，其他儿童的记录写在最后的空白行
  ! ../zhang-edited.xlsx：未登记任何记录
  [1]
  $ cat activities/*.yaml | grep -c A4
  0
  [1]

The sheets as filled in: --dry-run, then both.

  $ liushou log-talk --from ../zhang.xlsx --dry-run
  将登记 A2 2028-03-05 谈心（T001，第 2 行）
  将登记 A4 2028-03-06 谈心（T001，第 3 行）
  将登记 A2 2028-03-07 亲情电话（T001，第 5 行）
  将登记 A1 2028-03-10 座谈会（T001，第 10 行）
  将登记 A4 2028-03-10 座谈会（T001，第 11 行）
  将登记 A2 2028-03-08 生日祝福（T001，第 12 行）
  将登记 A1 2028-03-15 谈心（T001，第 17 行）
  将勾掉 2028-03 工作安排的第 1 项，完成于 2028-03-16（第 15 行）
  将登记 A4 参加了 2028-03-11 的活动“感恩母亲节主题班会”（第 14 行）
  试运行，未写入：../zhang.xlsx（7 行，xlsx）：将为 3 名儿童登记 7 条，已有 0 条
  $ liushou log-talk --from ../zhang.xlsx ../li.xlsx
  ../zhang.xlsx（7 行，xlsx）：为 3 名儿童登记 7 条，已有 0 条
  ../zhang.xlsx：张老师 2028-03 的工作清单：15 行中还有 7 行未完成
  ../zhang.xlsx：勾掉了工作安排中的 1 项，0 项原已勾掉
  ../zhang.xlsx：登记了 1 名儿童参加活动，0 名原已登记
  ../li.xlsx（2 行，xlsx）：为 1 名儿童登记 2 条，已有 0 条
  ../li.xlsx：李老师 2028-03 的工作清单：6 行中还有 3 行未完成
  ../li.xlsx：勾掉了工作安排中的 0 项，1 项原已勾掉
  $ sed -n '/^children:/,/^summary/p' activities/*.yaml
  children:
    - A1
    - A2
    - A4
  $ sed -n '/^returned_sheets:/,/^events/p' liushou.yaml
  returned_sheets:
    - month: "2028-03"
      teacher: T001
      name: 张老师
      file: zhang.xlsx
      date: 2028-03-20
      rows: 15
      owed: 7
    - month: "2028-03"
      teacher: T002
      name: 李老师
      file: li.xlsx
      date: 2028-03-20
      rows: 6
      owed: 3
  events:

A second time adds nothing, and liushou.yaml is as it was.

  $ cp liushou.yaml ../before.yaml
  $ liushou log-talk --from ../zhang.xlsx ../li.xlsx
  ../zhang.xlsx（7 行，xlsx）：为 0 名儿童登记 0 条，已有 7 条
  ../zhang.xlsx：张老师 2028-03 的工作清单：15 行中还有 7 行未完成
  ../zhang.xlsx：勾掉了工作安排中的 0 项，1 项原已勾掉
  ../zhang.xlsx：登记了 0 名儿童参加活动，1 名原已登记
  ../li.xlsx（2 行，xlsx）：为 0 名儿童登记 0 条，已有 2 条
  ../li.xlsx：李老师 2028-03 的工作清单：6 行中还有 3 行未完成
  ../li.xlsx：勾掉了工作安排中的 0 项，1 项原已勾掉
  $ cmp liushou.yaml ../before.yaml && cat children/*.yaml activities/*.yaml | grep -c 'date: 2028-03'
  11

The checklist afterwards owes exactly the rows marked 否: each teacher's new sheet lists the
rows of the returned one whose 完成 is 否 (事项, 学号, 姓名, 说明), and nothing else.

  $ owed() { $py -c "import openpyxl, sys
  > ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]; h = [c.value for c in ws[1]]
  > for r in ws.iter_rows(min_row=2, values_only=True):
  >     if r[0] and (sys.argv[2] == 'all' or r[h.index('完成')] == '否'):
  >         print(*(r[h.index(k)] or '' for k in ('事项', '学号', '姓名', '说明')))" "$@"; }
  $ liushou schedule --per-teacher -o ../again/
  已写入 ../again/张老师-2028-03.xlsx
  已写入 ../again/李老师-2028-03.xlsx
  $ owed ../zhang.xlsx 否 > ../zhang-no && owed ../again/张老师-2028-03.xlsx all > ../zhang-again
  $ diff ../zhang-no ../zhang-again && cat ../zhang-again
  亲情电话 A1 王小明 已 0 次，应 1 次（本月）
  亲情电话 A4 陈静 已 0 次，应 1 次（本月）
  家访 A1 王小明 已 0 次，应 1 次（本学期）
  家访 A2 李华 已 0 次，应 1 次（本学期）
  家访 A4 陈静 已 0 次，应 1 次（本学期）
  跟进事项 A1 王小明 2028-03-02：联系母亲
  工作安排   任务 2：成立学校关爱留守儿童领导专班
  $ owed ../li.xlsx 否 > ../li-no && owed ../again/李老师-2028-03.xlsx all | diff ../li-no -

schedule and the summary say which sheets came back and what each left owed.

  $ liushou schedule | sed -n '/^## 交回的工作清单/,/^## /p'
  ## 交回的工作清单
  
  - 张老师：zhang.xlsx（2028-03-20 交回，15 行中还有 7 行未完成）
  - 李老师：li.xlsx（2028-03-20 交回，6 行中还有 3 行未完成）
  
  ## 谈心：本月尚欠 0 名（每月 1 次）
  $ liushou schedule --teacher 李老师 --lang en | sed -n '/^## Sheets returned/,/^## /p'
  ## Sheets returned
  
  - 李老师: li.xlsx (returned 2028-03-20; 3 of 6 rows still owed)
  
  ## Talks: 0 still owed (1 a month)
  $ liushou report summary | sed -n '/^交回的工作清单/,/^## /p'
  交回的工作清单：
  
  - 2028-03 张老师：zhang.xlsx（2028-03-20 交回，15 行中还有 7 行未完成）
  - 2028-03 李老师：li.xlsx（2028-03-20 交回，6 行中还有 3 行未完成）
  
  ## 活动开展情况
  $ liushou report summary --lang en | sed -n '/^Checklist sheets returned/,/^## /p'
  Checklist sheets returned:
  
  - 2028-03 张老师: zhang.xlsx (returned 2028-03-20; 7 of 15 rows still owed)
  - 2028-03 李老师: li.xlsx (returned 2028-03-20; 3 of 6 rows still owed)
  
  ## Activities
