#!/usr/bin/env bash
# The zh/en leak test: every error path of the golden suite, read in Chinese and run in
# English, must speak one language (tests/tools/leak-scan.py says how that is judged).
#   leak-check.sh GOLDEN_DIR   (with LIUSHOU_BIN and the golden tests' environment)
# zh: the golden files themselves, whose trees are Chinese, are scanned as they are.
# en: each golden file is run again with LIUSHOU_LANG=en (tests/cram.sh, CRAM_LANG), and its
# actual output scanned. The tests that only kill writers or time things are left out: their
# error paths are the same messages as no-loss.t's. Then every command's --help in zh
# (tests/tools/help-leak.sh).
set -u
golden=$1 here=$(dirname "$(realpath "$0")") status=0
out=$(mktemp -d "${TMPDIR:-/tmp}/liushou-leak.XXXXXX")
trap 'rm -rf "$out"' EXIT
python3 "$here/leak-scan.py" --lang zh "$golden"/*.t || status=1
skip=' crash concurrent random-writes progress '
for t in "$golden"/*.t; do
  name=$(basename "$t" .t)
  case $skip in *" $name "*) continue ;; esac
  echo "$t"
done | xargs -P 2 -I{} sh -c 'CRAM_LANG=en CRAM_ACTUAL="$1/$(basename "$2")" bash "$0" "$2" > /dev/null 2>&1' \
  "$here/../cram.sh" "$out" {}
python3 "$here/leak-scan.py" --lang en "$out"/*.t || status=1
# Every command's --help, which no golden file fails with, in zh.
LIUSHOU_BIN=${LIUSHOU_BIN:-liushou} bash "$here/help-leak.sh" || status=1
[ $status = 0 ] && echo "no message in the wrong language"
exit $status
