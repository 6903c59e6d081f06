#!/usr/bin/env bash
# Prints what is under each DIR, one line an entry, sorted: the path, type and mode,
# owner:group, and a hash of a file's bytes or a link's target. The hostile tests take one
# listing before and one after a command and compare them, proving the command changed
# nothing there (no file written, removed, chmod-ed or chown-ed outside the tree it was given).
# Usage: listing.sh DIR... [--exclude RELATIVE-PATH]...
set -euo pipefail
dirs=() excludes=()
while [ $# -gt 0 ]; do
  case $1 in
    --exclude) excludes+=("$2"); shift 2 ;;
    *) dirs+=("$1"); shift ;;
  esac
done
for d in "${dirs[@]}"; do
  args=()
  for e in "${excludes[@]}"; do args+=(-path "$d/$e" -prune -o); done
  find "$d" "${args[@]}" -printf '%y %m %u:%g %p\n' 2>/dev/null |
    while read -r type mode owner path; do
      case $type in
        f) sum=$(sha1sum < "$path" | cut -c1-12) ;;
        l) sum="-> $(readlink "$path")" ;;
        *) sum=- ;;
      esac
      printf '%s %s %s %s %s\n' "$path" "$type" "$mode" "$owner" "$sum"
    done
done | LC_ALL=C sort
