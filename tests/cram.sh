#!/usr/bin/env bash
# Runs one golden test (a .t file), in the manner of cram and ledger's baseline tests:
#   - a line "  $ command" is run by bash, "  > more" continues it;
#   - the lines indented by two spaces after it are its expected output: standard output
#     first, then standard error with each line marked "! ", then "[N]" when it exits with
#     N != 0. The streams are kept apart (as hledger's shelltests do), so a message that moves
#     from one to the other, or a warning in the middle of JSON, fails the test;
#   - every other line is commentary.
# The test passes when the file rebuilt with the actual output is identical to the file.
# CRAM_UPDATE=1 rewrites the file with the actual output (review it with git diff).
# CRAM_LANG=zh|en runs every command with LIUSHOU_LANG set, and CRAM_ACTUAL=FILE then writes
# the actual file there and compares nothing (tests/tools/leak-check.sh reads it).
set -u
case_file=$(realpath "$1")
work=$(mktemp -d "${TMPDIR:-/tmp}/liushou-golden.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bin" "$work/out" "$work/home" "$work/tmp"
if [ "${CRAM_CHECK_IMPORTS:-0}" = 1 ]; then
  # CRAM_CHECK_IMPORTS=1: liushou is tests/tools/check-after-import.sh, which runs check after
  # every import that exits 0 and notes the errors it brings in $work/imports.log.
  # bash by its path: a test may run liushou with a PATH that has no bash (shell.t).
  printf '#!%s\nCHECK_REAL_BIN=%q CHECK_LOG=%q exec %q %q "$@"\n' "$BASH" \
    "${LIUSHOU_BIN:?set LIUSHOU_BIN to the built liushou}" "$work/imports.log" "$BASH" \
    "$(dirname "$(realpath "$0")")/tools/check-after-import.sh" > "$work/bin/liushou"
  chmod +x "$work/bin/liushou"
else
  ln -s "${LIUSHOU_BIN:?set LIUSHOU_BIN to the built liushou}" "$work/bin/liushou"
fi
[ -n "${GENSHEET:-}" ] && ln -s "$GENSHEET" "$work/bin/gensheet"

# 1. The script: each command's output goes to out/N, its exit code to out/N.rc.
script=$work/script.sh
{
  echo 'set +e -o pipefail'  # a failing liushou before a pipe must show its exit code
  n=0 in_cmd=0 cont=0
  while IFS= read -r line || [ -n "$line" ]; do
    if [[ $line == '  $ '* ]]; then
      [ $in_cmd = 1 ] && printf '} > "$CRAM_OUT/%d" 2> "$CRAM_OUT/%d.err" </dev/null\necho $? > "$CRAM_OUT/%d.rc"\n' $n $n $n
      n=$((n + 1)) in_cmd=1 cont=1
      printf '{ %s\n' "${line:4}"
      continue
    elif [[ $line == '  > '* ]] && [ $cont = 1 ]; then
      printf '%s\n' "${line:4}"
      continue
    fi
    cont=0
    if [ $in_cmd = 1 ] && [[ $line != '  '* ]]; then
      printf '} > "$CRAM_OUT/%d" 2> "$CRAM_OUT/%d.err" </dev/null\necho $? > "$CRAM_OUT/%d.rc"\n' $n $n $n
      in_cmd=0
    fi
  done < "$case_file"
  [ $in_cmd = 1 ] && printf '} > "$CRAM_OUT/%d" 2> "$CRAM_OUT/%d.err" </dev/null\necho $? > "$CRAM_OUT/%d.rc"\n' $n $n $n
  echo 'printf "%s" "${LIUSHOU_TODAY:-}" > "$CRAM_OUT/today"'  # for the --rev check below
} > "$script"

# 2. Run it in an empty directory with a fixed date and a clean environment.
(
  cd "$work/tmp" &&
  env -u LIUSHOU_ROOT -u LIUSHOU_LANG ${CRAM_LANG:+LIUSHOU_LANG=$CRAM_LANG} \
      PATH="$work/bin:$PATH" HOME="$work/home" CRAM_OUT="$work/out" LIUSHOU_TODAY="${LIUSHOU_TODAY:-2026-03-15}" NO_COLOR=1 LC_ALL=C.UTF-8 \
      TESTDIR="$(dirname "$case_file")" EXAMPLES="${EXAMPLES:-}" \
      GIT_AUTHOR_NAME=test GIT_AUTHOR_EMAIL=test@example.invalid \
      GIT_COMMITTER_NAME=test GIT_COMMITTER_EMAIL=test@example.invalid \
      GIT_AUTHOR_DATE="2026-03-15T12:00:00+0800" GIT_COMMITTER_DATE="2026-03-15T12:00:00+0800" \
      bash "$script" > "$work/script.log" 2>&1
)

# 2b. Every tree the test left must read the same from a commit as from its checkout
# (report --rev); CRAM_REV=0 skips this.
rev_failed=0
[ -n "${CRAM_ACTUAL:-}" ] && CRAM_REV=0
if [ "${CRAM_REV:-1}" = 1 ]; then
  (
    cd "$work" &&
    env -u LIUSHOU_ROOT -u LIUSHOU_LANG PATH="$work/bin:$PATH" HOME="$work/home" NO_COLOR=1 \
        LC_ALL=C.UTF-8 LIUSHOU_TODAY="$(cat "$work/out/today" 2>/dev/null)" TMPDIR="$work" \
        GIT_AUTHOR_NAME=test GIT_AUTHOR_EMAIL=test@example.invalid \
        GIT_COMMITTER_NAME=test GIT_COMMITTER_EMAIL=test@example.invalid \
        bash "$(dirname "$(realpath "$0")")/tools/rev-equivalence.sh" "$work/tmp"
  ) > "$work/rev.log" 2>&1 || rev_failed=1
  # CRAM_REV_LOG=FILE collects how many trees each test compared.
  [ -n "${CRAM_REV_LOG:-}" ] && tail -1 "$work/rev.log" | sed "s|^|$(basename "$case_file"): |" >> "$CRAM_REV_LOG"
fi

# 3. Rebuild the file with the actual output.
actual=$work/actual.t
emit() {  # the output of command $1: standard output, then standard error marked "! "
  local f=$work/out/$1
  if [ -s "$f" ]; then
    sed 's/^/  /' "$f"
    [ -n "$(tail -c1 "$f")" ] && echo " (no-eol)"
  fi
  if [ -s "$f.err" ]; then
    sed 's/^/  ! /' "$f.err"
    [ -n "$(tail -c1 "$f.err")" ] && echo " (no-eol)"
  fi
  local rc; rc=$(cat "$f.rc" 2>/dev/null || echo '?')
  [ "$rc" != 0 ] && echo "  [$rc]"
  return 0
}
{
  n=0 in_cmd=0 cont=0
  while IFS= read -r line || [ -n "$line" ]; do
    if [[ $line == '  $ '* ]]; then
      [ $in_cmd = 1 ] && emit $n
      n=$((n + 1)) in_cmd=1 cont=1
      printf '%s\n' "$line"
      continue
    elif [[ $line == '  > '* ]] && [ $cont = 1 ]; then
      printf '%s\n' "$line"
      continue
    fi
    cont=0
    if [[ $line == '  '* ]]; then
      :  # old expected output: replaced by the actual output
    else
      [ $in_cmd = 1 ] && emit $n
      in_cmd=0
      printf '%s\n' "$line"
    fi
  done < "$case_file"
  [ $in_cmd = 1 ] && emit $n
} > "$actual"

if [ -n "${CRAM_ACTUAL:-}" ]; then
  cp "$actual" "$CRAM_ACTUAL"
  exit 0
fi
if [ -s "$work/imports.log" ]; then
  cat "$work/imports.log"
  echo "FAILED: $case_file (an import left errors that liushou check reports)"
  exit 1
fi
if [ $rev_failed = 1 ]; then
  cat "$work/rev.log"
  echo "FAILED: $case_file (a tree reads differently from a commit than from its checkout)"
  exit 1
fi
if cmp -s "$case_file" "$actual"; then
  exit 0
fi
if [ "${CRAM_UPDATE:-0}" = 1 ]; then
  cp "$actual" "$case_file"
  echo "updated $case_file"
  exit 0
fi
cp "$actual" "$case_file.err"
diff -u "$case_file" "$actual"
echo "FAILED: $case_file (actual output in $case_file.err; CRAM_UPDATE=1 accepts it)"
exit 1
