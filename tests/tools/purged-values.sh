#!/usr/bin/env bash
# Usage: purged-values.sh ORIG-DIR ID...   (run in a tree after `liushou purge`)
# The personal values the purged children's files held before the purge (ORIG-DIR holds those
# files as they were): every scalar of four bytes or more that no child who stays has and the
# purged file no longer keeps. Prints how many there are, then how many of them are found in
# the files, in `git log -p --all` and in any object of the repository (each should be 0).
set -euo pipefail
orig=$1; shift
values=$(mktemp)
sed -n 's/^ *\(- \)\{0,1\}[a-z_]*: *//p; s/^ *- //p' "${@/#/$orig/}" |
  sed 's/^"\(.*\)"$/\1/' | awk 'length($0) >= 4' | sort -u > "$values.all"
keep=()
for f in children/*.yaml; do keep+=("$f"); done
: > "$values"
while IFS= read -r v; do
  grep -qrF -- "$v" "${keep[@]}" && continue
  printf '%s\n' "$v" >> "$values"
done < "$values.all"
echo "values: $(wc -l < "$values")"
files=0 log=0 objects=0
log_text=$(git log -p --all)
objects_text=$(git cat-file --batch-all-objects --batch | tr -d '\0')
while IFS= read -r v; do
  grep -qrF -- "$v" children activities liushou.yaml staff.yaml 2>/dev/null && files=$((files + 1))
  grep -qF -- "$v" <<< "$log_text" && log=$((log + 1))
  grep -qF -- "$v" <<< "$objects_text" && objects=$((objects + 1))
done < "$values"
echo "in the files: $files, in git log -p --all: $log, in git's objects: $objects"
rm -f "$values" "$values.all"
