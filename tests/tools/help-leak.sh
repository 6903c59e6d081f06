#!/usr/bin/env bash
# Every command's --help in Chinese holds no English sentence: liushou --help, each
# `liushou CMD --help` and `liushou CMD SUB --help` (and `liushou help CMD`, the same text),
# read with LIUSHOU_LANG=zh and scanned by tests/tools/leak-scan.py as an error path is.
#   help-leak.sh   (liushou on PATH, or LIUSHOU_BIN)
set -u
here=$(dirname "$(realpath "$0")")
bin=${LIUSHOU_BIN:-liushou}
out=$(mktemp -d "${TMPDIR:-/tmp}/liushou-help.XXXXXX")
trap 'rm -rf "$out"' EXIT
subcommands() {  # the commands `liushou $* --help` lists (English help names them so)
  LIUSHOU_LANG=en "$bin" "$@" --help | sed -n '/^Subcommands:/,/^$/p' | awk 'NR > 1 && NF { print $1 }'
}
record() {  # one block of a cram file: the command, its output indented
  printf '  $ liushou %s --help\n' "$*"
  LIUSHOU_LANG=zh "$bin" "$@" --help 2>&1 | sed 's/^/  /'
}
{
  record
  for cmd in $(subcommands); do
    record "$cmd"
    for sub in $(subcommands "$cmd"); do record "$cmd" "$sub"; done
  done
} > "$out/help.t"
n=$(grep -c '^  \$ ' "$out/help.t")
python3 "$here/leak-scan.py" --lang zh --all "$out/help.t" 2>/dev/null || exit 1
echo "$n help texts, none with English prose in zh"
