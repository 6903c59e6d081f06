A register exported weeks ago and corrected in a spreadsheet changes only what the spreadsheet
changed (#39): each cell is merged three ways, as exported, as the sheet has it, as the tree
has it now. The fixtures are the register of tests/fixtures/lo-tree.csv's tree, corrected
(7's 健康状况, 101's 监护人电话) and saved by LibreOffice (tests/tools/make-stale-fixtures.sh).

  $ fixtures=$TESTDIR/../fixtures && cp $fixtures/stale-lo.csv $fixtures/stale-lo.xlsx . && liushou init school --school 测试小学 --year 2025-2026 --no-git -q && cd school
  $ liushou -q enroll --from $fixtures/lo-tree.csv

An unchanged export re-imported changes nothing, as CSV and as a workbook.

  $ liushou -q list --register -o reg.csv && liushou -q list -o reg.xlsx && head -1 reg.csv | tr , '\n' | tail -2
  备注
  校验
  $ liushou enroll --from reg.csv --update && liushou enroll --from reg.xlsx --update
  reg.csv（3 行，utf-8 (BOM)）：新增 0，修改 0，未变 3
  reg.xlsx（3 行，xlsx）：新增 0，修改 0，未变 3

Since the export the tree moved on: 张三 changed class (a tree-only change).

  $ liushou -q enroll 2025-003 --class 3 --on 2026-03-10
  $ cp -r children ../before

Sheet-only change applied, tree-only change kept: 7's 健康状况 is the sheet's, 张三 stays in
class 3, and 101's new phone (only the sheet changed it) is applied.

  $ liushou enroll --from ../stale-lo.csv --update --dry-run
  将修改 7（第 2 行）：健康状况
  将修改 101（第 3 行）：监护人电话
  试运行，未写入：../stale-lo.csv（3 行，utf-8）：将新增 0，将修改 2，未变 1

Both changed: 101's 监护人电话 changed on file too. A conflict, listed with its three values
(masked), and nothing of the file is imported.

  $ liushou -q enroll 101 --guardian-phone 13700000004
  $ liushou enroll --from ../stale-lo.csv --update
  ! ../stale-lo.csv:3:25: 错误：第 3 行，监护人电话：101：导出之后表格（“139******04”）和档案（“137******04”）都改过；导出时的值无从得知
  ! ../stale-lo.csv：1 个格子与档案中的值冲突；未导入任何内容（--prefer-sheet 采用表格中的值，--prefer-tree 保留档案中的值）
  ! ../stale-lo.csv：1 处问题，未导入任何内容
  [1]
  $ liushou enroll --from ../stale-lo.xlsx --update
  ! ../stale-lo.xlsx:3:25: 错误：第 3 行，监护人电话：101：导出之后表格（“139******04”）和档案（“137******04”）都改过；导出时的值无从得知
  ! ../stale-lo.xlsx：1 个格子与档案中的值冲突；未导入任何内容（--prefer-sheet 采用表格中的值，--prefer-tree 保留档案中的值）
  ! ../stale-lo.xlsx：1 处问题，未导入任何内容
  [1]
  $ { diff -r ../before children || true; } | grep -c '^[<>]'
  2

The same as a workbook saved by LibreOffice (the hidden sheet liushou keeps the fingerprints),
and the user's choice: --prefer-tree keeps 101's phone on file and applies the rest.

  $ liushou enroll --from ../stale-lo.xlsx --update --prefer-tree
  ../stale-lo.xlsx（3 行，xlsx）：新增 0，修改 1，未变 2
  ! ../stale-lo.xlsx:3:25: 警告：第 3 行，监护人电话：101：导出之后表格（“139******04”）和档案（“137******04”）都改过；导出时的值无从得知；保留档案中的值
  $ grep -h -E '^health|phone: "?137' children/7.yaml children/101.yaml
  health: 近视
  health: 良好
    phone: "13700000004"
  $ grep -c 'class: 3' children/2025-003.yaml
  1

Without a base (a register typed by hand, no 校验): a value that goes back to an earlier
value of the field is a conflict too.

  $ printf '学号,班级\n2025-003,2\n' > typed.csv
  $ liushou enroll --from typed.csv --update
  ! typed.csv:2:2: 错误：第 2 行，班级：2025-003：表格中是“2”，是这一项以前的值；档案中现为“3”
  ! typed.csv：1 个格子与档案中的值冲突；未导入任何内容（--prefer-sheet 采用表格中的值，--prefer-tree 保留档案中的值）
  ! typed.csv：1 处问题，未导入任何内容
  [1]

A dated change never lands after the child left.

  $ liushou -q enroll 101 --status transferred --on 2026-03-12
  $ printf '学号,班级\n101,3\n' > moved.csv
  $ liushou enroll --from moved.csv --update
  ! moved.csv:2:2: 错误：第 2 行，班级：101 已于 2026-03-12 离开（转出）；从今天起的改动会落在离开之后：请用 enroll 101 --class 值 --on 离开前的日期 修改，或让这一格保持原样
  ! moved.csv：1 处问题，未导入任何内容
  [1]

In git, a workbook names the commit it was exported from, and the rows are merged with the
files of that commit. The issue's case: export, then change a guardian phone and a class
(--on) and transfer the child out, then import the untouched export: nothing goes back.

  $ cd .. && liushou -q --commit init g --school 测试小学 --year 2025-2026 && cd g
  $ liushou -q --commit enroll --from $fixtures/lo-tree.csv && liushou -q list -o old.xlsx
  $ liushou -q --commit enroll 7 --guardian-phone 13600000003 && liushou -q --commit enroll 7 --class 2 --on 2026-03-02
  $ liushou -q --commit enroll 7 --status transferred --on 2026-03-05
  $ liushou enroll --from old.xlsx --update
  old.xlsx（3 行，xlsx）：新增 0，修改 0，未变 3
  $ grep -E 'phone: "?136|^class' children/7.yaml
  class: 2
    phone: "13600000003"
