check reports every problem in every file, each with its file and line, and exits 1.

  $ liushou init school --school 孙桥镇中心小学 --year 2025-2026 --no-git -q && cd school
  $ liushou -q staff add --id T001 --name 张老师 --role head_teacher --grade 3 --class 2
  $ gensheet --rows 4 --ids > sheet.csv && liushou -q enroll --from-csv sheet.csv && rm sheet.csv
  $ liushou check
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 6 files: 0 errors, 0 warnings

Four kinds of trouble: not YAML, a bad guardian phone, a wrong id-number check digit and a
pairing with an unknown teacher.

  $ printf 'schema: 1\nid: 2025-001\nname: [unclosed\n' > children/2025-001.yaml
  $ sed -i 's/^  phone: "\(1380000....\)"$/  phone: "1\1"/' children/2025-002.yaml
  $ sed -i 's/^id_number: "\(.................\)."$/id_number: "\10"/' children/2025-003.yaml
  $ printf 'pairing:\n  teacher: T999\n' >> children/2025-004.yaml
  $ liushou check
  children/2025-001.yaml:4:1: error: not valid YAML: end of sequence flow not found
  children/2025-002.yaml:30:10: error: guardian.phone: not a mobile (11 digits) or landline number with area code
  children/2025-003.yaml:6:12: error: id_number: the check digit is wrong (GB 11643): a digit was mistyped
  children/2025-004.yaml:36:12: error: pairing.teacher: teacher T999 is not in staff.yaml
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 6 files: 4 errors, 0 warnings
  [1]

Other findings: an id that differs from the file name, a duplicate child, a comment, a stray
file, incomplete files (as warnings with --allow-incomplete) and an unknown schema version.

  $ cp children/2025-002.yaml children/2025-009.yaml
  $ printf '# a note\n' >> children/2025-004.yaml
  $ echo hello > children/notes.txt
  $ printf 'schema: 3\nid: X1\n' > children/X1.yaml
  $ printf 'schema: 1\nid: X2\nname: 空\n' > children/X2.yaml
  $ liushou check --allow-incomplete -q
  children/2025-001.yaml:4:1: error: not valid YAML: end of sequence flow not found
  children/2025-002.yaml:30:10: error: guardian.phone: not a mobile (11 digits) or landline number with area code
  children/2025-003.yaml:6:12: error: id_number: the check digit is wrong (GB 11643): a digit was mistyped
  children/2025-004.yaml:36:12: error: pairing.teacher: teacher T999 is not in staff.yaml
  children/2025-004.yaml:37:1: warning: comments are dropped when liushou rewrites this file; keep notes in a field such as notes
  children/2025-009.yaml:2:5: error: id: the file says id 2025-002 but is named 2025-009.yaml
  children/2025-009.yaml:3:7: warning: name: the same name and birth date as children/2025-002.yaml; if this is one child, keep one file; if two, give each its 身份证号
  children/2025-009.yaml:30:10: error: guardian.phone: not a mobile (11 digits) or landline number with area code
  children/X1.yaml:1:9: error: schema: schema version 3 is not known to this liushou (it reads versions 1 to 2)
  children/X2.yaml:1:1: warning: incomplete file (建档), missing: gender, birth_date, grade, class, home_address, parents (a parent with name, phone and work_place), guardian.relation, guardian.name, guardian.phone, guardian.address, guardian.occupation, guardian.health, guardian.age
  children/notes.txt:1:1: warning: not a child file (children/<id>.yaml, id of letters, digits, . _ -); liushou ignores it
  [1]
