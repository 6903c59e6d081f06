enroll adds one child from options named after the schema keys, updates fields, and records
status changes.

  $ liushou init school --school 孙桥镇中心小学 --year 2025-2026 --no-git -q && cd school
  $ liushou staff add --name 张老师 --role 班主任 --grade 3 --class 2 --phone 13700000000
  added T001 张老师
  $ liushou enroll --name 王小明 --gender 男 --birth-date 2015/3/8 --grade 三年级 --class 2 \
  >   --left-behind 双亲外出 --boarding 否 --home-address 湖北省京山县孙桥镇某村3组12号 \
  >   --father-name 王建国 --father-phone 13812345678 --father-work-place 广东省深圳市某电子厂 \
  >   --guardian-relation 奶奶 --guardian-name 李秀英 --guardian-phone 13987654321 \
  >   --guardian-occupation 务农 --guardian-address 同上 --guardian-health 一般 --guardian-age 68 \
  >   --enrolled-on 2023-09-01 --id-number 420821201503081231
  added 2025-001 王小明
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
  added 2025-002 李华
  $ liushou check -q
  children/2025-002.yaml:1:1: error: incomplete file (建档), missing: grade, class, home_address, parents (a parent with name, phone and work_place), guardian.relation, guardian.name, guardian.phone, guardian.address, guardian.occupation, guardian.health, guardian.age
  [1]

Updating one field rewrites only that line; a hand-added key survives; no change writes nothing.

  $ printf 'hobby: 画画\n' >> children/2025-001.yaml && cp children/2025-001.yaml before.yaml
  $ liushou enroll 2025-001 --guardian-phone 13987650000
  updated 2025-001: guardian_phone
  $ diff before.yaml children/2025-001.yaml
  24c24
  <   phone: "13987654321"
  ---
  >   phone: "13987650000"
  [1]
  $ cp children/2025-001.yaml again.yaml && liushou enroll 2025-001 --guardian-phone 13987650000
  unchanged 2025-001
  $ cmp again.yaml children/2025-001.yaml && echo byte-identical
  byte-identical

A status change, and a date that is not possible.

  $ liushou enroll 2025-002 --status transferred --on 2026-03-01
  updated 2025-002: status
  $ grep -E '^status' children/2025-002.yaml
  status: transferred
  status_on: 2026-03-01
  $ liushou enroll 2025-002 --status dropped_out --on 2026-02-30
  liushou enroll: --on: "2026-02-30" is not a real date (2026-02 has 28 days)
  liushou enroll: 2025-002 was not changed
  [1]
  $ liushou enroll 2025-002 --status moved
  liushou enroll: --status: "moved" is not one of enrolled | transferred | dropped_out | graduated | left | not_enrolled
  liushou enroll: 2025-002 was not changed
  [1]
  $ liushou enroll 2025-002 --on 2026-03-01
  liushou: --on goes with --status, or with a field that changes over time (--grade, --class, --left-behind, --boarding, --key-child, --subsidies, --individual-plan)
  [2]

Bad values are all reported, nothing is written, and phone numbers are not echoed.

  $ liushou enroll 2025-001 --guardian-phone 1398765 --grade 7 --birth-date 2027-01-01 --gender x
  liushou enroll: --gender: "x" is not 男/女 (male/female)
  liushou enroll: --birth-date: 2027-01-01 is in the future
  liushou enroll: --grade: "7" is not a number from 1 to 6
  liushou enroll: --guardian-phone: not a mobile (11 digits) or landline number with area code
  liushou enroll: 2025-001 was not changed
  [1]
  $ grep -c 1398765 children/2025-001.yaml
  1
  $ liushou enroll 2025-002 --id-number 420821201503081231
  liushou enroll: id_number: the birth date in the number differs from birth_date
  liushou enroll: id_number: digit 17 says male but gender is female
  liushou enroll: 2025-002 was not changed
  [1]

Ids that could leave children/ are refused and nothing is written anywhere.

  $ liushou enroll --id ../x --name 甲
  liushou: the id "../x" must start with a letter or digit
  [2]
  $ liushou enroll --id a/b --name 甲
  liushou: the id "a/b" may hold only letters, digits, '.', '_' and '-' (no '/', spaces or other characters)
  [2]
  $ liushou enroll ../x --grade 3
  liushou: the id "../x" must start with a letter or digit
  [2]
  $ ls .. ; ls children
  school
  2025-001.yaml
  2025-002.yaml

A new child needs a name; an id that does not exist is a new child.

  $ liushou enroll --grade 3
  liushou: a new child needs --name (or give the id of an existing child to update it)
  [2]
  $ liushou enroll 2025-404 --grade 3
  liushou: no child 2025-404; a new child needs --name
  [2]
  $ liushou enroll --id X-1 --name 甲 && ls children
  added X-1 甲
  2025-001.yaml
  2025-002.yaml
  X-1.yaml

A file liushou cannot read completely is never rewritten.

  $ printf 'schema: 1\nid: X-1\nname: [broken\n' > children/X-1.yaml
  $ liushou enroll X-1 --grade 3
  children/X-1.yaml:4:1: error: not valid YAML: end of sequence flow not found
  liushou: children/X-1.yaml: fix the problems above first (liushou check); liushou does not rewrite a file it cannot read completely
  [1]
  $ cat children/X-1.yaml
  schema: 1
  id: X-1
  name: [broken
