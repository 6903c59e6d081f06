#!/usr/bin/env bash
# The zh/en leak test: every error path of the golden suite, read in Chinese and run in
# English, must speak one language (tests/tools/leak-scan.py says how that is judged).
#   leak-check.sh zh GOLDEN_DIR   the golden files themselves, whose trees are Chinese, scanned
#                                 as they are; then every command's --help in zh
#                                 (tests/tools/help-leak.sh)
#   leak-check.sh en CASE.t       one golden file run again with LIUSHOU_LANG=en (tests/cram.sh,
#                                 CRAM_LANG) and its actual output scanned
# (with LIUSHOU_BIN and the golden tests' environment). tests/CMakeLists.txt makes the zh run
# the test `messages` and each en run a test messages/NAME of its own: run one after another
# in one test, the en runs cost as much as the whole golden suite and passed a single
# timeout on a slow machine. The tests that only kill writers or time things have no en run:
# their error paths are the same messages as no-loss.t's.
set -u
mode=$1 here=$(dirname "$(realpath "$0")") status=0
case $mode in
  zh)
    python3 "$here/leak-scan.py" --lang zh "$2"/*.t || status=1
    # Every command's --help, which no golden file fails with, in zh.
    LIUSHOU_BIN=${LIUSHOU_BIN:-liushou} bash "$here/help-leak.sh" || status=1
    ;;
  en)
    out=$(mktemp -d "${TMPDIR:-/tmp}/liushou-leak.XXXXXX")
    trap 'rm -rf "$out"' EXIT
    CRAM_LANG=en CRAM_ACTUAL="$out/$(basename "$2")" bash "$here/../cram.sh" "$2" > /dev/null 2>&1
    [ -s "$out/$(basename "$2")" ] || { echo "no output from $2 in en"; exit 1; }
    python3 "$here/leak-scan.py" --lang en "$out"/*.t || status=1
    ;;
  *) echo "usage: leak-check.sh zh GOLDEN_DIR | en CASE.t" >&2; exit 2 ;;
esac
[ $status = 0 ] && echo "no message in the wrong language"
exit $status
