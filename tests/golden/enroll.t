enroll adds one child from options named after the schema keys, updates fields, and records
status changes.

  $ liushou init school --school 孙桥镇中心小学 --year 2025-2026 --no-git -q && cd school
  $ liushou staff add --name 张老师 --role 班主任 --grade 3 --class 2 --phone 13700000000
  已添加 T001 张老师
  $ liushou enroll --name 王小明 --gender 男 --birth-date 2015/3/8 --grade 三年级 --class 2 \
  >   --left-behind 双亲外出 --boarding 否 --home-address 湖北省京山县孙桥镇某村3组12号 \
  >   --father-name 王建国 --father-phone 13812345678 --father-work-place 广东省深圳市某电子厂 \
  >   --guardian-relation 奶奶 --guardian-name 李秀英 --guardian-phone 13987654321 \
  >   --guardian-occupation 务农 --guardian-address 同上 --guardian-health 一般 --guardian-age 68 \
  >   --enrolled-on 2023-09-01 --id-number 420821201503081231
  已添加 2025-001 王小明
  $ cat children/2025-001.yaml
  schema: 2
  id: "2025-001"
  name: 王小明
  gender: male
  birth_date: 2015-03-08
  id_number: "420821201503081231"
  grade: 3
  class: 2
  enrolled_on: 2023-09-01
  status: enrolled
  left_behind: both_parents
  boarding: false
  home_address: 湖北省京山县孙桥镇某村3组12号
  parents:
    - relation: father
      name: 王建国
      phone: "13812345678"
      work_place: 广东省深圳市某电子厂
  guardian:
    relation: 奶奶
    name: 李秀英
    occupation: 务农
    address: 同上
    phone: "13987654321"
    health: 一般
    age: 68
  $ liushou enroll --name 李华 --gender female --birth-date 2016-05-01
  已添加 2025-002 李华
  $ liushou check -q
  children/2025-002.yaml:1:1: 错误：档案不完整（建档），缺：年级、班级、家庭住址、父母信息（至少一位家长的姓名、电话和务工地址）、监护人关系、监护人姓名、监护人电话、监护人住址、监护人职业、监护人健康状况、监护人年龄
  [1]

Updating one field rewrites only that line; a hand-added key survives; no change writes nothing.

  $ printf 'hobby: 画画\n' >> children/2025-001.yaml && cp children/2025-001.yaml before.yaml
  $ liushou enroll 2025-001 --guardian-phone 13987650000
  已修改 2025-001：监护人电话
  $ diff before.yaml children/2025-001.yaml
  24c24
  <   phone: "13987654321"
  ---
  >   phone: "13987650000"
  [1]
  $ cp children/2025-001.yaml again.yaml && liushou enroll 2025-001 --guardian-phone 13987650000
  2025-001 未作改动
  $ cmp again.yaml children/2025-001.yaml && echo byte-identical
  byte-identical

A status change, and a date that is not possible.

  $ liushou enroll 2025-002 --status transferred --on 2026-03-01
  已修改 2025-002：状态
  $ grep -E '^status' children/2025-002.yaml
  status: transferred
  status_on: 2026-03-01
  $ liushou enroll 2025-002 --status dropped_out --on 2026-02-30
  ! liushou enroll：--on：“2026-02-30”不是有效日期（2026 年 02 月只有 28 天）
  ! liushou enroll：2025-002 未作改动
  [1]
  $ liushou enroll 2025-002 --status moved
  ! liushou enroll：--status：“moved”不是可用的值（enrolled | transferred | dropped_out | graduated | left | not_enrolled）
  ! liushou enroll：2025-002 未作改动
  [1]
  $ liushou enroll 2025-002 --on 2026-03-01
  ! liushou：--on 须与 --status 或随时间变化的字段（--grade, --class, --left-behind, --boarding, --key-child, --subsidies, --individual-plan）一起使用
  [2]

Bad values are all reported, nothing is written, and phone numbers are not echoed.

  $ liushou enroll 2025-001 --guardian-phone 1398765 --grade 7 --birth-date 2027-01-01 --gender x
  ! liushou enroll：--gender：“x”不是男或女
  ! liushou enroll：--birth-date：2027-01-01 是将来的日期
  ! liushou enroll：--grade：“7”不是 1 到 6 之间的数字
  ! liushou enroll：--guardian-phone：不是手机号（11 位）或带区号的固定电话
  ! liushou enroll：2025-001 未作改动
  [1]
  $ grep -c 1398765 children/2025-001.yaml
  1
  $ liushou enroll 2025-002 --id-number 420821201503081231
  ! liushou enroll：身份证号：身份证号中的出生日期与出生日期（birth_date）不一致
  ! liushou enroll：身份证号：身份证号第 17 位表示男，但性别填的是女
  ! liushou enroll：2025-002 未作改动
  [1]

Ids that could leave children/ are refused and nothing is written anywhere.

  $ liushou enroll --id ../x --name 甲
  ! liushou：学号“../x”须以字母或数字开头
  [2]
  $ liushou enroll --id a/b --name 甲
  ! liushou：学号“a/b”只能含字母、数字、'.'、'_' 和 '-'（不能有 '/'、空格或其他字符）
  [2]
  $ liushou enroll ../x --grade 3
  ! liushou：学号“../x”须以字母或数字开头
  [2]
  $ ls .. ; ls children
  school
  2025-001.yaml
  2025-002.yaml

A new child needs a name; an id that does not exist is a new child.

  $ liushou enroll --grade 3
  ! liushou：新儿童须给出 --name（如要修改已有儿童，请给出其学号）
  [2]
  $ liushou enroll 2025-404 --grade 3
  ! liushou：没有学号为 2025-404 的儿童；新儿童须给出 --name
  [2]
  $ liushou enroll --id X-1 --name 甲 && ls children
  已添加 X-1 甲
  2025-001.yaml
  2025-002.yaml
  X-1.yaml

A file liushou cannot read completely is never rewritten.

  $ printf 'schema: 1\nid: X-1\nname: [broken\n' > children/X-1.yaml
  $ liushou enroll X-1 --grade 3
  ! children/X-1.yaml:4:1: 错误：不是有效的 YAML：列表缺少结尾的 ]
  ! liushou：children/X-1.yaml：请先改正上面的问题（liushou check）；liushou 不改写不能完整读取的文件
  [1]
  $ cat children/X-1.yaml
  schema: 1
  id: X-1
  name: [broken

A write is accepted only if check would accept the file it leaves (#41): a transfer dated
before a talk already logged would make that talk count nowhere, an error in check, so it is
refused, naming the entry, and the file is unchanged. An error the file had before the
command (here a malformed guardian phone) does not stop a write that adds none.

  $ cd .. && cp -r $EXAMPLES/school guard && cd guard && sed -i 's/^  since: .*/  since: 2026-01-05/' children/2025-001.yaml && cp children/2025-001.yaml ../b1.yaml
  $ liushou enroll 2025-001 --status transferred --on 2026-03-10; cmp children/2025-001.yaml ../b1.yaml && echo unchanged
  unchanged
  ! children/2025-001.yaml:1:1: 错误：第 3 条谈心记录的日期：2026-03-14 晚于该儿童离校（转出，2026-03-10），这条记录不计入任何统计；未写入任何内容（否则 check 会报这个文件有错）
  $ liushou -q enroll 2025-001 --status transferred --on 2026-03-15 && { liushou check -q | grep 'children/2025-001' || echo 'check: nothing about 2025-001'; }
  check: nothing about 2025-001
  $ sed -i 's/^  phone: .*/  phone: "123"/' children/2025-002.yaml && { liushou check -q || true; } | grep -c 'children/2025-002.*电话' && liushou -q log-talk 2025-002 --date 2026-03-12 --by T003 --summary 谈心 && grep -c '谈心$' children/2025-002.yaml
  1
  1
