One 身份证号 is one child (#39, item 3). Two files holding one 身份证号 (a copy under another
name, an old id left behind by a rename) are an error in check, and every figure counts the
child once: the first of the files in natural id order (the older id) is counted, the other
is named on standard error as skipped, as a copy whose id disagrees with its name is.

  $ export LIUSHOU_TODAY=2026-03-15
  $ cp -r "$EXAMPLES/school" school && cd school
  $ liushou report summary | grep -E '^\| 期(初|末)在读 \|'
  | 期初在读 | 30 |
  | 期末在读 | 30 |
  $ sed 's/^id: .*/id: "2025-099"/' children/2025-001.yaml > children/2025-099.yaml
  $ liushou check --allow-incomplete 2>&1 | grep 身份证号相同
  children/2025-099.yaml:6:12: 错误：身份证号：与 children/2025-001.yaml 的身份证号相同：一名儿童有两个文件；请只保留一个
  [1]

Every report counts the child once, from the files or from the figures' cache (the second
run), the county's figures too.

  $ liushou report summary | grep -E '^\| 期(初|末)在读 \|'
  | 期初在读 | 30 |
  | 期末在读 | 30 |
  ! children/2025-099.yaml：已略过，与 children/2025-001.yaml 的身份证号相同，只计入后者（一名儿童有两个文件？请运行 liushou check）
  $ liushou report summary | grep -E '^\| 期(初|末)在读 \|'
  | 期初在读 | 30 |
  | 期末在读 | 30 |
  ! children/2025-099.yaml：已略过，与 children/2025-001.yaml 的身份证号相同，只计入后者（一名儿童有两个文件？请运行 liushou check）
  $ liushou report summary --format json > s.json && grep -m1 -o '"enrolled": [0-9]*' s.json
  "enrolled": 30
  ! children/2025-099.yaml：已略过，与 children/2025-001.yaml 的身份证号相同，只计入后者（一名儿童有两个文件？请运行 liushou check）
  $ cp -r . ../other && cd .. && liushou report summary --root school --root other | grep -E '^\| 期末在读 \|'; cd school
  | 期末在读 | 60 |
  ! school/children/2025-099.yaml：已略过，与 school/children/2025-001.yaml 的身份证号相同，只计入后者（一名儿童有两个文件？请运行 liushou check）
  ! other/children/2025-099.yaml：已略过，与 other/children/2025-001.yaml 的身份证号相同，只计入后者（一名儿童有两个文件？请运行 liushou check）
  $ liushou report class 4-2 | grep -c 陈欣怡
  1
  ! children/2025-099.yaml：已略过，与 children/2025-001.yaml 的身份证号相同，只计入后者（一名儿童有两个文件？请运行 liushou check）
  $ liushou report subsidies | grep -c 陈欣怡
  2
  ! children/2025-099.yaml：已略过，与 children/2025-001.yaml 的身份证号相同，只计入后者（一名儿童有两个文件？请运行 liushou check）
  $ liushou report talks --month 2026-03 | grep -c 陈欣怡
  1
  ! children/2025-099.yaml：已略过，与 children/2025-001.yaml 的身份证号相同，只计入后者（一名儿童有两个文件？请运行 liushou check）

The month's checklist lists the child once too, as often as with one file, and says so each time
(such a checklist is not kept as printed).

  $ mv children/2025-099.yaml ../aside.yaml && liushou schedule --month 2026-04 | grep -c 陈欣怡; mv ../aside.yaml children/2025-099.yaml
  5
  $ liushou schedule --month 2026-04 | grep -c 陈欣怡
  5
  ! children/2025-099.yaml：已略过，与 children/2025-001.yaml 的身份证号相同，只计入后者（一名儿童有两个文件？请运行 liushou check）
  $ liushou schedule --month 2026-04 | grep -c 陈欣怡
  5
  ! children/2025-099.yaml：已略过，与 children/2025-001.yaml 的身份证号相同，只计入后者（一名儿童有两个文件？请运行 liushou check）

The card of either file can still be read (it is how the two are compared), and in English
the warning says the same.

  $ liushou report child 2025-099 | head -1
  # 留守儿童档案卡：陈欣怡（2025-099）
  $ LIUSHOU_LANG=en liushou report subsidies >/dev/null
  ! children/2025-099.yaml: skipped, it has the same 身份证号 as children/2025-001.yaml, which is counted (one child in two files? run liushou check)

Which file is counted does not depend on the order the files are read in: with the copy
named before the original in natural order, the copy is counted and the original skipped.

  $ mv children/2025-099.yaml children/2024-900.yaml && sed -i 's/^id: .*/id: "2024-900"/' children/2024-900.yaml
  $ liushou report summary | grep -E '^\| 期末在读 \|'
  | 期末在读 | 30 |
  ! children/2025-001.yaml：已略过，与 children/2024-900.yaml 的身份证号相同，只计入后者（一名儿童有两个文件？请运行 liushou check）
  $ rm children/2024-900.yaml

Without 身份证号, two files are never merged: namesakes born on one day may be two children
(check warns of them), and both are counted.

  $ grep -v '^id_number:' children/2025-001.yaml | sed 's/^id: .*/id: "2025-099"/' > children/2025-099.yaml
  $ liushou check --allow-incomplete 2>&1 | grep 2025-099
  children/2025-099.yaml:3:7: 警告：姓名：与 children/2025-001.yaml 同名且出生日期相同；如是同一名儿童，请只保留一个文件；如是两名，请分别填写身份证号
  $ liushou report summary 2>&1 | grep -E '^\| 期末在读 \||略过'
  | 期末在读 | 31 |
  $ rm children/2025-099.yaml

On the way in, a row whose 身份证号 is another child's is refused naming both, with --update
as without it; nothing is written.

  $ liushou list --register -o reg.csv -q && grep '^2025-001,' reg.csv | cut -d, -f1-2
  2025-001,陈欣怡
  $ { head -1 reg.csv; grep '^2025-001,' reg.csv | sed 's/^2025-001,/2025-099,/'; } > renamed.csv
  $ liushou enroll --from renamed.csv --update
  ! renamed.csv:2:1: 警告：第 2 行，学号：陈欣怡（2016-08-25 出生）也在 children/2025-001.yaml（学号 2025-001）；这一行的学号 2025-099 按另一名同名同生日的儿童处理（如是同一名儿童，请改正学号；--namesakes 表示确是两人）
  ! renamed.csv:2:5: 错误：第 2 行，身份证号：这个身份证号已经属于 2025-001（children/2025-001.yaml）；如果是同一名儿童，请用学号 2025-001
  ! renamed.csv：2 处问题，未导入任何内容
  [1]
  $ liushou enroll --from renamed.csv
  ! renamed.csv:2:1: 警告：第 2 行，学号：陈欣怡（2016-08-25 出生）也在 children/2025-001.yaml（学号 2025-001）；这一行的学号 2025-099 按另一名同名同生日的儿童处理（如是同一名儿童，请改正学号；--namesakes 表示确是两人）
  ! renamed.csv:2:5: 错误：第 2 行，身份证号：这个身份证号已经属于 2025-001（children/2025-001.yaml）；如果是同一名儿童，请用学号 2025-001
  ! renamed.csv：2 处问题，未导入任何内容
  [1]
  $ ls children | grep -c 2025-099
  0
  [1]
