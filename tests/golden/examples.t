The sample school in examples/ is a clean tree apart from three files still being completed.

  $ cp -r "$EXAMPLES/school" school && cd school
  $ liushou check
  children/2025-004.yaml:1:1: error: incomplete file (建档), missing: guardian.phone, guardian.age
  children/2025-011.yaml:1:1: error: incomplete file (建档), missing: home_address
  children/2025-023.yaml:1:1: error: incomplete file (建档), missing: parents[0].work_place
  checked 32 files: 3 errors, 0 warnings
  [1]
  $ liushou list --grade 3
  学号      姓名    性别  年级  班级  留守类型  帮扶教师  状态  档案
  2025-002  林宇轩  女    3     2     父亲外出            在读  完整
  2025-008  晏雨桐  女    3     3     双亲外出            在读  完整
  2025-028  李子涵  男    3     3     双亲外出            在读  完整
  共 3 名
  $ liushou staff list
  编号  姓名    职务      班级  电话
  T001  喻校长  领导            13800001001
  T002  张老师  班主任    1-1   13800001002
  T003  李老师  班主任    2-1   13800001003
  T004  王老师  班主任    3-1   13800001004
  T005  陈老师  班主任    4-1   13800001005
  T006  刘老师  班主任    5-1   13800001006
  T007  杨老师  班主任    6-1   13800001007
  T008  赵老师  任课教师        0716-7221008

The register sheet (UTF-8 and GB18030 copies) still holds the three fields cleared since, so
re-importing it names those children, and nothing else differs.

  $ cp "$EXAMPLES"/sheets/register*.csv .
  $ liushou enroll --from-csv register.csv --dry-run
  register.csv:5:1: error: row 5: child 2025-004 already exists and this row changes guardian_phone, guardian_age; import with --update to change it
  register.csv:12:1: error: row 12: child 2025-011 already exists and this row changes home_address; import with --update to change it
  register.csv:24:1: error: row 24: child 2025-023 already exists and this row changes father_work_place, mother_work_place; import with --update to change it
  register.csv: 3 problems; nothing was imported
  [1]
  $ liushou enroll --from-csv register-gb18030.csv --dry-run
  register-gb18030.csv:5:1: error: row 5: child 2025-004 already exists and this row changes guardian_phone, guardian_age; import with --update to change it
  register-gb18030.csv:12:1: error: row 12: child 2025-011 already exists and this row changes home_address; import with --update to change it
  register-gb18030.csv:24:1: error: row 24: child 2025-023 already exists and this row changes father_work_place, mother_work_place; import with --update to change it
  register-gb18030.csv: 3 problems; nothing was imported
  [1]
  $ liushou enroll --from-csv register-gb18030.csv --update --dry-run
  would update 2025-004 (row 5): guardian_phone, guardian_age
  would update 2025-011 (row 12): home_address
  would update 2025-023 (row 24): father_work_place, mother_work_place
  dry run, nothing written: register-gb18030.csv (30 rows, gb18030): 0 added, 3 updated, 27 unchanged
