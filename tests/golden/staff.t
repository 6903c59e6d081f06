staff add and staff list keep the teacher list.

  $ liushou init school --school 孙桥镇中心小学 --year 2025-2026 --no-git -q && cd school
  $ liushou staff add --name 张老师 --role 班主任 --grade 3 --class 2 --phone 13700000000
  added T001 张老师
  $ liushou staff add --name 李老师 --role teacher
  added T002 李老师
  $ liushou staff add --id T009 --name 王校长 --role leader --phone 0716-7221008
  added T009 王校长
  $ cat staff.yaml
  staff:
    - id: T001
      name: 张老师
      role: head_teacher
      grade: 3
      class: 2
      phone: "13700000000"
    - id: T002
      name: 李老师
      role: teacher
    - id: T009
      name: 王校长
      role: leader
      phone: "0716-7221008"
  $ liushou staff list
  编号  姓名    职务      班级  电话
  T001  张老师  班主任    3-2   13700000000
  T002  李老师  任课教师
  T009  王校长  领导            0716-7221008
  $ liushou staff list --lang en --format csv
  ID,Name,Role,Class,Phone
  T001,张老师,head_teacher,3-2,13700000000
  T002,李老师,teacher,,
  T009,王校长,leader,,0716-7221008
  $ liushou staff list --format json
  [
   {"id": "T001", "name": "张老师", "role": "head_teacher", "grade": 3, "class": 2, "phone": "13700000000"},
   {"id": "T002", "name": "李老师", "role": "teacher", "grade": null, "class": null, "phone": ""},
   {"id": "T009", "name": "王校长", "role": "leader", "grade": null, "class": null, "phone": "0716-7221008"}
  ]
  $ liushou staff add --id T001 --name 重复
  liushou: staff id T001 already exists in staff.yaml
  [2]
  $ liushou staff add --name 赵老师 --role 校工
  liushou: --role 校工: use one of head_teacher | teacher | leader | other (班主任/任课教师/领导/其他)
  [2]
  $ liushou staff add --name 钱老师 --phone 12345
  liushou staff add: --phone: not a mobile (11 digits) or landline number with area code
  [1]
  $ liushou staff add --id ../T --name 坏
  liushou: --id: the id "../T" must start with a letter or digit
  [2]
  $ liushou staff
  A subcommand is required
  Run with --help for more information.
  [2]
  $ liushou staff list --format csv -o 教师.csv && head -c 3 教师.csv | od -An -tx1 && tail -c +4 教师.csv | cmp - <(liushou staff list --format csv) && echo same
  wrote 教师.csv
   ef bb bf
  same
