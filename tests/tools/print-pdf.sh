#!/usr/bin/env bash
# The print test: the sample school's cards and summary printed to PDF by headless Chromium,
# as a school prints them from a browser. Checks one card a page, and that the text layer
# holds each child's name on its own page and every rate of the summary.
#   print-pdf.sh   (with LIUSHOU_BIN and EXAMPLES; exits 77, "skipped", without chromium)
set -euo pipefail
for tool in chromium pdfinfo pdftotext jq; do
  if ! command -v "$tool" > /dev/null; then
    echo "skipped: $tool is not installed (Debian: apt install chromium fonts-noto-cjk poppler-utils jq)"
    exit 77
  fi
done
[ -n "$(fc-list ':lang=zh' family 2> /dev/null)" ] ||
  { echo "skipped: no Chinese font (Debian: apt install fonts-noto-cjk)"; exit 77; }
work=$(mktemp -d "${TMPDIR:-/tmp}/liushou-print.XXXXXX")
trap 'rm -rf "$work"' EXIT
cp -r "${EXAMPLES:?}/school" "$work/school"
cd "$work/school"
export LIUSHOU_TODAY=2026-03-15 LIUSHOU_LANG=zh
liushou=${LIUSHOU_BIN:?}
"$liushou" report child --all -o cards.html -q
"$liushou" report summary -o summary.html -q
"$liushou" report summary --format json > summary.json
print() {  # page.html -> page.pdf; chromium's own profile stays in the work directory
  timeout 120 chromium --headless --no-sandbox --disable-gpu --no-first-run \
    --user-data-dir="$work/profile" --no-pdf-header-footer \
    --print-to-pdf="$work/school/$1.pdf" "file://$work/school/$1.html" > /dev/null 2>&1
}
print cards
print summary
failed=0
fail() { echo "FAIL: $*"; failed=1; }

# One card a page, in the order of the ids, each page naming its child.
children=$(ls children | wc -l)
pages=$(pdfinfo cards.pdf | awk '/^Pages:/ {print $2}')
[ "$pages" = "$children" ] || fail "cards.pdf has $pages pages for $children children"
i=0
while IFS=$'\t' read -r id name; do
  i=$((i + 1))
  text=$(pdftotext -f "$i" -l "$i" -layout cards.pdf -)
  grep -qF "$name（$id）" <<< "$text" || fail "page $i does not hold $name（$id）"
done < <("$liushou" list --format json | jq -r '.children[] | [.id, .name] | @tsv' | sort)
echo "cards: $pages pages for $children children, each naming its child"

# The summary: the school, each rate of the rates table (from the JSON), the chart's labels.
text=$(pdftotext summary.pdf -)
school=$(jq -r '.schools[0].school // empty' summary.json)
[ -n "$school" ] || school=$(sed -n 's/^school: //p' liushou.yaml)
grep -qF "$school" <<< "$text" || fail "the summary does not name $school"
checked=0
for key in filed enrolment retention paired talks home_visits meetings; do
  percent=$(jq -r ".total.rates.$key.percent // empty" summary.json)
  [ -n "$percent" ] || continue
  shown=$(printf '%.1f%%' "$percent")
  grep -qF "$shown" <<< "$text" || fail "the summary does not show $key $shown"
  checked=$((checked + 1))
done
for label in 建档率 每月谈心完成率 各班建档率 各班谈心完成率; do
  grep -qF "$label" <<< "$text" || fail "the summary does not show $label"
done
summary_pages=$(pdfinfo summary.pdf | awk '/^Pages:/ {print $2}')
echo "summary: $summary_pages pages, $checked rates and the charts' titles in its text"
exit $failed
