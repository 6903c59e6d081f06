check reports every problem in every file, each with its file and line, and exits 1.

  $ liushou init school --school 孙桥镇中心小学 --year 2025-2026 --no-git -q && cd school
  $ liushou -q staff add --id T001 --name 张老师 --role head_teacher --grade 3 --class 2
  T001
  $ gensheet --rows 4 --ids > sheet.csv && liushou -q enroll --from-csv sheet.csv && rm sheet.csv
  $ liushou check
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 6 个文件：0 个错误，0 个警告

Four kinds of trouble: not YAML, a bad guardian phone, a wrong id-number check digit and a
pairing with an unknown teacher.

  $ printf 'schema: 1\nid: 2025-001\nname: [unclosed\n' > children/2025-001.yaml
  $ sed -i 's/^  phone: "\(1380000....\)"$/  phone: "1\1"/' children/2025-002.yaml
  $ sed -i 's/^id_number: "\(.................\)."$/id_number: "\10"/' children/2025-003.yaml
  $ printf 'pairing:\n  teacher: T999\n' >> children/2025-004.yaml
  $ liushou check
  children/2025-001.yaml:4:1: 错误：不是有效的 YAML：列表缺少结尾的 ]
  children/2025-002.yaml:30:10: 错误：监护人电话：不是手机号（11 位）或带区号的固定电话
  children/2025-003.yaml:6:12: 错误：身份证号：身份证号校验位不对（GB 11643），有数字输错了
  children/2025-004.yaml:36:12: 错误：pairing.teacher：教师 T999 不在教师名单（staff.yaml）中
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 6 个文件：4 个错误，0 个警告
  [1]

Other findings: an id that differs from the file name, a duplicate child, a comment, a stray
file, incomplete files (as warnings with --allow-incomplete) and an unknown schema version.

  $ cp children/2025-002.yaml children/2025-009.yaml
  $ printf '# a note\n' >> children/2025-004.yaml
  $ echo hello > children/notes.txt
  $ printf 'schema: 3\nid: X1\n' > children/X1.yaml
  $ printf 'schema: 1\nid: X2\nname: 空\n' > children/X2.yaml
  $ liushou check --allow-incomplete -q
  children/2025-001.yaml:4:1: 错误：不是有效的 YAML：列表缺少结尾的 ]
  children/2025-002.yaml:30:10: 错误：监护人电话：不是手机号（11 位）或带区号的固定电话
  children/2025-003.yaml:6:12: 错误：身份证号：身份证号校验位不对（GB 11643），有数字输错了
  children/2025-004.yaml:36:12: 错误：pairing.teacher：教师 T999 不在教师名单（staff.yaml）中
  children/2025-004.yaml:37:1: 警告：liushou 改写这个文件时会丢掉注释；备注请写在 notes 等字段里
  children/2025-009.yaml:2:5: 错误：学号：文件中的学号是 2025-002，文件名却是 2025-009.yaml
  children/2025-009.yaml:3:7: 警告：姓名：与 children/2025-002.yaml 同名且出生日期相同；如是同一名儿童，请只保留一个文件；如是两名，请分别填写身份证号
  children/2025-009.yaml:6:12: 错误：身份证号：与 children/2025-002.yaml 的身份证号相同：一名儿童有两个文件；请只保留一个
  children/2025-009.yaml:30:10: 错误：监护人电话：不是手机号（11 位）或带区号的固定电话
  children/X1.yaml:1:9: 错误：schema：这个版本的 liushou 不认识档案格式版本 3（只能读 1 到 2 版）
  children/X2.yaml:1:1: 警告：档案不完整（建档），缺：性别、出生日期、年级、班级、家庭住址、父母信息（至少一位家长的姓名、电话和务工地址）、监护人关系、监护人姓名、监护人电话、监护人住址、监护人职业、监护人健康状况、监护人年龄
  children/notes.txt:1:1: 警告：不是儿童档案文件（应为 children/<学号>.yaml，学号由字母、数字和 . _ - 组成）；liushou 不读它
  [1]

An entry dated outside an enrolment counts nowhere (liushou-rates(7), #47): a pairing begun
while the child was away (left 02-10, back 03-01), a history entry begun then, and a progress
note from before the child enrolled; every reason reads in Chinese.

  $ cd .. && liushou init gap --school 孙桥镇中心小学 --year 2025-2026 --no-git -q && cd gap
  $ liushou -q staff add --id T001 --name 张老师 --role head_teacher --grade 3 --class 2
  T001
  $ cat > children/G1.yaml <<'YAML'
  > schema: 2
  > id: G1
  > name: 甲一
  > grade: 3
  > class: 2
  > enrolled_on: 2026-03-01
  > entry: transfer
  > enrolment_history:
  >   - from: 2025-09-01
  >     to: 2026-02-10
  >     status: left
  > pairing:
  >   teacher: T001
  >   since: 2026-02-15
  >   history:
  >     - teacher: T001
  >       from: 2026-02-12
  >       to: 2026-02-14
  >   progress:
  >     - date: 2025-08-20
  >       note: 预习
  > YAML
  $ liushou check -q --allow-incomplete 2>&1 | grep -v 档案不完整
  children/G1.yaml:14:10: 错误：pairing.since：2026-02-15 晚于该儿童离校（离校，2026-02-10），此后到较晚才重新入学，这条记录不计入任何统计
  children/G1.yaml:17:13: 错误：第 1 条结对记录的开始日期：2026-02-12 晚于该儿童离校（离校，2026-02-10），此后到较晚才重新入学，这条记录不计入任何统计
  children/G1.yaml:20:13: 错误：第 1 条帮扶进展的日期：2025-08-20 早于该儿童入学（2025-09-01），这条记录不计入任何统计
  [1]
  $ liushou --lang en check -q --allow-incomplete 2>&1 | grep counts
  children/G1.yaml:14:10: error: pairing.since: 2026-02-15 is after the child left (left on 2026-02-10); it was not enrolled again until later; the entry counts nowhere
  children/G1.yaml:17:13: error: pairing.history[0].from: 2026-02-12 is after the child left (left on 2026-02-10); it was not enrolled again until later; the entry counts nowhere
  children/G1.yaml:20:13: error: pairing.progress[0].date: 2025-08-20 is before the child enrolled (2025-09-01); the entry counts nowhere
  [1]

The summary leaves the pairing out too: G1 is enrolled on the as-of day and unpaired, 结对率 0/1.

  $ liushou report summary --format json | grep -o '"paired": {[^}]*}' | head -1
  "paired": {"num": 0, "den": 1, "percent": 0.0}
