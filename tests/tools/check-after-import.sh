#!/usr/bin/env bash
# Stands in for liushou in a golden test run with CRAM_CHECK_IMPORTS=1 (tests/cram.sh): runs
# the real binary ($CHECK_REAL_BIN) with the test's arguments, untouched, and after every
# import that exits 0 and writes (enroll --from, log-talk --from; not --dry-run), runs
# `liushou check --allow-incomplete` on the tree the import wrote to, as it ran before the
# import too. An error line the check did not report before the import is the import's doing
# (#39: "a test runs check after every import"): it is appended to $CHECK_LOG with the
# command, and cram.sh fails the test. The test's own output and exit code are not changed.
set -u
real=${CHECK_REAL_BIN:?}
log=${CHECK_LOG:?}

command="" import=0 dry=0 roots=()
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  a=${args[i]}
  case $a in
    --root) roots+=(--root "${args[i + 1]:-}"); i=$((i + 1)) ;;
    --root=*) roots+=("$a") ;;
    --rev | --county | --lang | --lock-timeout | --jobs) i=$((i + 1)) ;;
    --from | --from=* | --from-csv | --from-csv=*) import=1 ;;
    --dry-run) dry=1 ;;
    -*) ;;
    *) [ -z "$command" ] && command=$a ;;
  esac
done
case $command in enroll | log-talk) ;; *) import=0 ;; esac
[ $dry = 1 ] && import=0
if [ $import = 0 ]; then
  exec "$real" "$@"
fi

# The check's error lines, in English whatever the test's language (stable to compare), the
# check's own lines only (it runs with stdin closed, never asking anything).
errors() {
  LIUSHOU_LANG=en "$real" "${roots[@]}" check --allow-incomplete --no-cache </dev/null 2>&1 |
    grep -E ': error: ' | sort -u
}
before=$(errors)
"$real" "$@"
rc=$?
if [ $rc = 0 ]; then
  after=$(errors)
  new=$(comm -13 <(printf '%s\n' "$before") <(printf '%s\n' "$after") | grep -v '^$')
  if [ -n "$new" ]; then
    {
      printf 'after: liushou %s\n' "$*"
      printf '%s\n' "$new" | sed 's/^/  /'
    } >> "$log"
  fi
fi
exit $rc
