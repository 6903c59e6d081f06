#!/usr/bin/env bash
# Writes the stale register exports of tests/fixtures/ (#39) once; they are committed, so
# neither LibreOffice nor this script runs in CI. golden/stale.t reads them; run this again
# only to change them, and review that golden.
#
#   tests/tools/make-stale-fixtures.sh [BUILD_DIR]   (default build; needs soffice, python3-openpyxl)
#
# The tree is tests/fixtures/lo-tree.csv's (three children, no git). Its register is exported
# with `list --register -o reg.csv` and `list -o reg.xlsx`, then corrected as a school would:
#   - 7 (王小明): 健康状况 良好 -> 近视 (only the sheet changes it: applied);
#   - 101 (李桦): 监护人电话 13800000004 -> 13900000004 (stale.t changes it on file too:
#     a conflict);
#   - 2025-003 (张三): left as exported (stale.t moves the child's class: kept).
# - stale-lo.csv: the corrected CSV opened and saved as CSV by LibreOffice Calc (it drops the
#   BOM and quotes text; the 校验 column of fingerprints comes back as it was, as text).
# - stale-lo.xlsx: the workbook corrected by openpyxl, then opened and saved by LibreOffice
#   (every format rewritten; the hidden sheet liushou with the fingerprints is kept).
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
liushou=$(realpath "$build/liushou")
out=tests/fixtures
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export LIUSHOU_TODAY=2026-03-15 LIUSHOU_LANG=zh
lo() { soffice -env:UserInstallation=file://$work/profile --headless "$@" > /dev/null 2>&1; }

"$liushou" -q init "$work/tree" --school 测试小学 --year 2025-2026 --no-git
(cd "$work/tree" && "$liushou" -q enroll --from "$OLDPWD/$out/lo-tree.csv" &&
  "$liushou" -q list --register -o "$work/reg.csv" && "$liushou" -q list -o "$work/reg.xlsx")

sed -i -e '/^7,/s/,良好,/,近视,/' -e '/^101,/s/,13800000004,/,13900000004,/' "$work/reg.csv"
mkdir "$work/csv" && cp "$work/reg.csv" "$work/csv/stale-lo.csv"
lo --infilter="CSV:44,34,76,1" --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1' \
  --outdir "$work/csv/out" "$work/csv/stale-lo.csv"
cp "$work/csv/out/stale-lo.csv" "$out/stale-lo.csv"

/usr/bin/python3 - "$work/reg.xlsx" "$work/stale-lo.xlsx" <<'PY'
import sys
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
header = [c.value for c in ws[1]]
for row in ws.iter_rows(min_row=2):
    if row[0].value == "7":
        row[header.index("健康状况")].value = "近视"
    if row[0].value == "101":
        row[header.index("监护人电话")].value = "13900000004"
wb.save(sys.argv[2])
PY
lo --convert-to xlsx:"Calc MS Excel 2007 XML" --outdir "$work/xlsx" "$work/stale-lo.xlsx"
cp "$work/xlsx/stale-lo.xlsx" "$out/stale-lo.xlsx"
