Every format speaks the reader's words (#39, item 8). A child's card as CSV or a workbook has
the Markdown card's labels and values: 项目,内容, 性别 男, enums and subsidies in Chinese, a
parent by relation, teachers as 李老师（T003） and buddies by name; in English the same in
English. In a workbook each date is a date cell, though the column holds other values too.

  $ export LIUSHOU_TODAY=2026-03-15 py=/usr/bin/python3 tools=$TESTDIR/../tools
  $ cp -r "$EXAMPLES/school" school && cd school
  $ liushou report child 2025-001 --format csv
  项目,内容
  学号,2025-001
  姓名,陈欣怡
  性别,男
  出生日期,2016-08-25
  身份证号,420821201608252711
  民族,汉族
  年级,4
  班级,2
  入学日期,2022-09-01
  状态,在读
  留守类型,父亲外出
  寄宿,否
  健康状况,良好
  家庭住址,湖北省京山县孙桥镇石龙村1组35号
  父亲·关系,父亲
  父亲·姓名,陈建紫
  父亲·电话,13800004633
  父亲·务工地址,福建省厦门市集美区某鞋厂
  父亲·单位电话,0592-62158640
  母亲·关系,母亲
  母亲·姓名,高秀杰
  母亲·电话,13800000834
  监护人·关系,奶奶
  监护人·姓名,陈德俊
  监护人·职业,家务
  监护人·住址,同上
  监护人·电话,13800001697
  监护人·健康状况,良好
  监护人·年龄,74
  帮扶·重点帮扶对象,否
  帮扶·资助,两免一补、营养餐
  结对帮扶·帮扶教师,张老师（T002）
  结对帮扶·学习帮手,李博文（2025-030）、王小雨
  结对帮扶·代理家长,张丽（2025-030 的母亲）
  结对帮扶·起,2026-03-15
  谈心记录1·日期,2025-12-22
  谈心记录1·类型,谈心
  谈心记录1·教师,喻校长（T001）
  谈心记录1·内容,想念妈妈，学习压力大
  谈心记录1·情绪,好
  谈心记录2·日期,2025-12-26
  谈心记录2·类型,亲情电话
  谈心记录2·教师,喻校长（T001）
  谈心记录2·内容,与在外务工的父母通话
  谈心记录3·日期,2026-03-14
  谈心记录3·类型,谈心
  谈心记录3·教师,喻校长（T001）
  谈心记录3·内容,作业完成较好，字迹工整
  谈心记录3·情绪,一般
  谈心记录3·跟进事项,请数学老师课后辅导
  $ LIUSHOU_LANG=en liushou report child 2025-001 --format csv | head -20
  Field,Value
  ID,2025-001
  Name,陈欣怡
  Gender,male
  Born,2016-08-25
  ID number,420821201608252711
  Ethnicity,汉族
  Grade,4
  Class,2
  Enrolled,2022-09-01
  Status,enrolled
  Left behind,father_away
  Boarding,no
  Health,良好
  Home address,湖北省京山县孙桥镇石龙村1组35号
  Father · Relation,father
  Father · Name,陈建紫
  Father · Phone,13800004633
  Father · Works at,福建省厦门市集美区某鞋厂
  Father · Work phone,0592-62158640
  $ liushou report child 2025-001 -o card.xlsx -q && $py $tools/xlsx-dump.py card.xlsx --rows 12
  sheet 档案卡: 51 rows, 2 columns, frozen above A2, filter A1:B51
  项目 | 内容
  学号 | 2025-001
  姓名 | 陈欣怡
  性别 | 男
  出生日期 | @2016-08-25
  身份证号 | 420821201608252711
  民族 | 汉族
  年级 | 4
  班级 | 2
  入学日期 | @2022-09-01
  状态 | 在读
  留守类型 | 父亲外出
  $ liushou report child --all -o cards.xlsx -q && $py $tools/xlsx-dump.py cards.xlsx --rows 5 > cards.txt && sed -n 1,6p cards.txt
  sheet 2025-001: 51 rows, 2 columns, frozen above A2, filter A1:B51
  项目 | 内容
  学号 | 2025-001
  姓名 | 陈欣怡
  性别 | 男
  出生日期 | @2016-08-25

The register says 资助 and every enum in Chinese, in CSV, a workbook and the table.

  $ liushou list --register --format csv | grep -E '^(学号|2025-001),' | cut -d, -f1,3,11,12,30,31
  学号,性别,留守类型,是否寄宿,重点帮扶对象,资助
  2025-001,男,父亲外出,否,否,两免一补、营养餐
  $ liushou list --register -o reg.xlsx -q && $py $tools/xlsx-dump.py reg.xlsx | sed '/^sheet liushou:/,$d' | grep -E '^(学号|2025-001) ' | cut -d'|' -f1,3,11,12,30,31
  学号 | 性别 | 留守类型 | 是否寄宿 | 重点帮扶对象 | 资助 
  2025-001 | 男 | 父亲外出 | 否 | 否 | 两免一补、营养餐 
  $ liushou list --register | grep -E '^2025-001 ' | grep -o '两免一补、营养餐'
  两免一补、营养餐

Teachers are 李老师（T003） wherever the Markdown shows them: the class roster and the month's
talks in CSV too (buddies by name as well), and log-talk --from reads the talks back as they
are: nothing is logged twice, and a teacher whose name is not the id's is refused.

  $ liushou report class 4-2 --format csv | grep -E '^(学号|2025-001),'
  学号,姓名,性别,留守类型,监护人,帮扶教师,学习帮手,上次谈心
  2025-001,陈欣怡,男,父亲外出,奶奶 陈德俊,张老师（T002）,李博文（2025-030）、王小雨,2026-03-14
  $ liushou report talks --month 2026-03 --format csv | head -3
  日期,学号,姓名,班级,类型,教师,内容,情绪,跟进事项
  2026-03-03,2025-011,何子涵,二年级2班,谈心,李老师（T003）,上课爱走神，约定每天读书半小时,好,
  2026-03-03,2025-020,陈博文,四年级1班,谈心,王老师（T004）,周末在家帮奶奶干农活,低落,
  $ liushou report talks --month 2026-03 --format csv > talks.csv && liushou log-talk --from talks.csv
  talks.csv（31 行，utf-8）：为 0 名儿童登记 0 条，已有 31 条
  $ LIUSHOU_LANG=en liushou report talks --month 2026-03 --format csv > talks-en.csv && sed -n 2p talks-en.csv && liushou log-talk --from talks-en.csv
  2026-03-03,2025-011,何子涵,2-2,talk,李老师 (T003),上课爱走神，约定每天读书半小时,good,
  talks-en.csv（31 行，utf-8）：为 0 名儿童登记 0 条，已有 31 条
  $ sed -i '2s/李老师（T003）/张老师（T003）/' talks.csv && liushou log-talk --from talks.csv
  ! talks.csv:2:6: 错误：第 2 行，教师：张老师（T003）：教师名单（staff.yaml）中 T003 是 李老师，不是 张老师
  ! talks.csv：1 处问题，未登记任何记录
  [1]
