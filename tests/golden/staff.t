staff add and staff list keep the teacher list.

  $ liushou init school --school 孙桥镇中心小学 --year 2025-2026 --no-git -q && cd school
  $ liushou staff add --name 张老师 --role 班主任 --grade 3 --class 2 --phone 13700000000
  已添加 T001 张老师
  $ liushou staff add --name 李老师 --role teacher
  已添加 T002 李老师
  $ liushou staff add --id T009 --name 王校长 --role leader --phone 0716-7221008
  已添加 T009 王校长
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
  {
    "liushou_json": 1,
    "staff": [
      {"id": "T001", "name": "张老师", "role": "head_teacher", "grade": 3, "class": 2, "phone": "13700000000"},
      {"id": "T002", "name": "李老师", "role": "teacher", "grade": null, "class": null, "phone": null},
      {"id": "T009", "name": "王校长", "role": "leader", "grade": null, "class": null, "phone": "0716-7221008"}
    ]
  }
  $ liushou staff add --id T001 --name 重复
  ! liushou：教师编号 T001 在 staff.yaml 中已有
  [2]
  $ liushou staff add --name 赵老师 --role 校工
  ! liushou：--role 校工：可用的值：head_teacher | teacher | leader | other（班主任/任课教师/领导/其他）
  [2]
  $ liushou staff add --name 钱老师 --phone 12345
  ! liushou staff add：--phone：不是手机号（11 位）或带区号的固定电话
  [1]
  $ liushou staff add --id ../T --name 坏
  ! liushou：--id：学号“../T”须以字母或数字开头
  [2]
  $ liushou staff
  ! 请给出一个命令（如 liushou list）
  ! 运行时加 --help 可查看用法。
  [2]
  $ liushou staff list --format csv -o 教师.csv && head -c 3 教师.csv | od -An -tx1 && tail -c +4 教师.csv | cmp - <(liushou staff list --format csv) && echo same
  已写入 教师.csv
   ef bb bf
  same
