#!/usr/bin/env bash
# Reading a commit is reading its checkout: for every liushou tree a golden test left under
# DIR, commits a copy, and checks that what the read commands print for a clean checkout of
# that commit equals, byte for byte, what they print with --rev from a bare clone (cold, then
# from the blob-keyed cache). Exit codes must agree too. cram.sh runs it after each test.
#   tests/tools/rev-equivalence.sh DIR
# Not compared: a tree holding a symbolic link or a special file (on disk a link inside the
# tree is followed, in a commit every link is refused, by design), and standard error, which
# names files with the commit (children/x.yaml@HEAD).
set -u
dir=$1
scratch=$(mktemp -d "${TMPDIR:-/tmp}/liushou-rev.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
month=$(printf '%s' "${LIUSHOU_TODAY:-2026-03-15}" | cut -c1-7)
commands=(
  "report summary"
  "report summary --format json"
  "report summary --format csv"
  "schedule"
  "schedule --format json"
  "list --status all --format csv"
  "report talks --month $month --format csv"
  "check --allow-incomplete"
)
failed=0 trees=0
while IFS= read -r -d '' file; do
  tree=$(dirname "$file")
  case "$tree/" in */.git/* | */.liushou/* | "$scratch"/*) continue ;; esac
  [ -n "$(find "$tree" \( -name .git -o -name .liushou \) -prune -o ! -type f ! -type d -print -quit 2>/dev/null)" ] && continue
  trees=$((trees + 1))
  work=$scratch/$trees
  mkdir -p "$work/copy"
  tar -C "$tree" --exclude=./.git --exclude=./.liushou -cf - . 2>/dev/null | tar -C "$work/copy" -xf - 2>/dev/null
  (cd "$work/copy" && git init -q && git add -A && git commit -qm tree) > /dev/null 2>&1 || continue
  git clone -q "$work/copy" "$work/checkout" 2>/dev/null && git clone -q --bare "$work/copy" "$work/bare.git" 2>/dev/null || continue
  for c in "${commands[@]}"; do
    # Each run from inside its tree, so that the paths check prints are the same.
    # shellcheck disable=SC2086
    (cd "$work/checkout" && liushou --no-cache $c > "$work/want" 2>/dev/null; echo "exit $?" >> "$work/want")
    for run in cold warm; do
      # shellcheck disable=SC2086
      (cd "$work/bare.git" && liushou --rev HEAD $c 2>/dev/null | sed 's/@HEAD//g' > "$work/got"; echo "exit ${PIPESTATUS[0]}" >> "$work/got")
      if ! cmp -s "$work/want" "$work/got"; then
        echo "rev-equivalence: ${tree#"$dir"/}: liushou $c ($run) differs between a checkout and --rev HEAD:"
        diff "$work/want" "$work/got" | head -20
        failed=1
      fi
    done
  done
  rm -rf "$work"
done < <(find "$dir" -name liushou.yaml -type f -print0 2>/dev/null | sort -z)
echo "rev-equivalence: $trees trees compared"
exit $failed
