#!/usr/bin/env bash
# Writes the workbooks of tests/fixtures/ once; they are committed, so neither LibreOffice nor
# this script runs in CI. Run it again only to change a fixture, and review the goldens that
# read it (excel.t, import.t).
#
#   tests/tools/make-xlsx-fixtures.sh [BUILD_DIR]     (default build; needs soffice, python3-openpyxl)
#
# - lo-typed.xlsx: a register as a teacher types it in LibreOffice Calc (made from CSV text by
#   Calc's own number recognition): 学号 7 and 101, 备注 2024 are number cells in a "General"
#   format, which LibreOffice declares as numFmt 164 "General"; 出生日期 are date cells.
# - lo-resaved.xlsx: `liushou list -o` of tests/fixtures/lo-tree.csv's tree, opened and saved
#   unchanged by LibreOffice (every format and style rewritten by Calc).
# - excel-formats.xlsx: openpyxl (as Excel writes them) with built-in ids and custom codes whose
#   letters are not dates: 0.00E+00, [Red]0, "ed"0, \d0, _e0, [$-804]0 and dates in
#   yyyy"年"m"月"d"日", [h]:mm, built-in 14 and 31.
# - wps-formats.xlsx: the codes WPS writes: yyyy/m/d;@, [DBNum1][$-804]General, @ text.
# - checklist-libreoffice.xlsx: 李老师's March 2028 checklist (schedule --per-teacher on the
#   tree of tests/tools/checklist-tree.sh) filled in by tests/tools/fill-checklist.py, then
#   opened and saved by LibreOffice; checklist-libreoffice.csv the same list saved as CSV by
#   LibreOffice (UTF-8), as a teacher who chose 另存为 CSV; checklist-wps.xlsx the same rows
#   filled in as WPS writes them (dates in yyyy/m/d;@). sheets.t reads them.
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
liushou=$(realpath "$build/liushou")
out=tests/fixtures
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export LIUSHOU_TODAY=2026-03-01 LIUSHOU_LANG=zh
# LibreOffice keeps its profile here, not in the caller's home.
lo() { soffice -env:UserInstallation=file://$work/profile --headless "$@" > /dev/null 2>&1; }

# 1. Typed in Calc: CSV text that Calc reads as numbers and dates, saved as xlsx.
printf '学号,姓名,性别,出生日期,年级,班级,入学日期,备注\n7,王小明,男,2016-05-01,3,1,2022-09-01,2024\n101,李桦,女,2015-03-08,4,2,2021-09-01,3.5\n' \
  > "$work/lo-typed.csv"
lo --infilter="CSV:44,34,76,1,,0,false,true,true" --convert-to xlsx --outdir "$work/typed" "$work/lo-typed.csv"
cp "$work/typed/lo-typed.xlsx" "$out/lo-typed.xlsx"

# 2. liushou's own export, saved unchanged by Calc.
"$liushou" -q init "$work/tree" --school 测试小学 --year 2025-2026 --no-git
(cd "$work/tree" && "$liushou" -q enroll --from "$OLDPWD/$out/lo-tree.csv" &&
  "$liushou" list -o "$work/reg.xlsx")
lo --convert-to xlsx:"Calc MS Excel 2007 XML" --outdir "$work/resaved" "$work/reg.xlsx"
cp "$work/resaved/reg.xlsx" "$out/lo-resaved.xlsx"

# 3. and 4. Excel-style and WPS-style number formats, by openpyxl.
/usr/bin/python3 - "$out" <<'PY'
import datetime, sys
import openpyxl
out = sys.argv[1]

def book(path, rows):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "花名册"
    ws.append(["学号", "姓名", "性别", "出生日期", "年级", "班级", "备注"])
    for r, row in enumerate(rows, start=2):
        for c, (value, code) in enumerate(row, start=1):
            cell = ws.cell(row=r, column=c, value=value)
            if code is not None:
                cell.number_format = code
    wb.save(path)

d = datetime.datetime
book(out + "/excel-formats.xlsx", [
    [(7, "0.00E+00"), ("王小明", None), ("男", None), (d(2016, 5, 1), 'yyyy"年"m"月"d"日"'),
     (3, "[Red]0"), (1, '"ed"0'), (2024, "General")],
    [(101, "\\d0"), ("李桦", None), ("女", None), (d(2015, 3, 8), "mm-dd-yy"),
     (4, "_e0"), (2, "[$-804]0"), (12, "@")],
    [(102, "0"), ("张三", None), ("女", None), (d(2015, 7, 9), "yyyy-mm-dd"),
     (4, "#,##0;[Red]-#,##0"), (2, "0_ "), (0.5, "[h]:mm")],
])
book(out + "/wps-formats.xlsx", [
    [(7, "[DBNum1][$-804]General"), ("王小明", None), ("男", None), (d(2016, 5, 1), "yyyy/m/d;@"),
     (3, "General"), (1, "0_);[Red]\\(0\\)"), (2024, "@")],
    [(101, "General"), ("李桦", None), ("女", None), (d(2015, 3, 8), '[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy'),
     (4, "General"), (2, "G/通用格式"), ("2024", "@")],
])
PY
# 5. A checklist filled in, then as LibreOffice saves it (workbook and CSV), and WPS-style.
(mkdir -p "$work/checklist" && cd "$work/checklist" && export LIUSHOU_TODAY=2028-03-20 &&
  PATH="$(dirname "$liushou"):$PATH" "$OLDPWD/tests/tools/checklist-tree.sh" < /dev/null &&
  cd school && "$liushou" -q schedule --per-teacher -o "$work/sheets/")
fill=(
  '1:完成=是;日期=2028-03-09;内容=聊了和同学相处;情绪=一般'
  '2:完成=否'
  '3:完成=否'
  '4:完成=是;日期=2028-03-10;内容=班级家长座谈会'
  '5:完成=是;日期=2028-03-16;内容=名册已更新'
  '6:完成=否'
  '+:学号=A1;姓名=王小明;完成=是;日期=2028-03-10;类型=座谈会;内容=班级家长座谈会'
)
/usr/bin/python3 tests/tools/fill-checklist.py "$work/sheets/李老师-2028-03.xlsx" \
  "$work/checklist-libreoffice.xlsx" "${fill[@]}"
/usr/bin/python3 tests/tools/fill-checklist.py --wps "$work/sheets/李老师-2028-03.xlsx" \
  "$out/checklist-wps.xlsx" "${fill[@]}"
lo --convert-to xlsx:"Calc MS Excel 2007 XML" --outdir "$work/lo" "$work/checklist-libreoffice.xlsx"
cp "$work/lo/checklist-libreoffice.xlsx" "$out/checklist-libreoffice.xlsx"
lo --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1' --outdir "$work/lo" \
  "$work/checklist-libreoffice.xlsx"
cp "$work/lo/checklist-libreoffice.csv" "$out/checklist-libreoffice.csv"
ls -l "$out"
