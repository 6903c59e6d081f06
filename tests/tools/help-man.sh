#!/usr/bin/env bash
# Checks that every command's --help and its man page name the same options:
# each option in `liushou CMD [SUB] --help` appears in man/liushou-CMD.1, and each option the
# page's OPTIONS section describes exists in the help. Prints each disagreement; exit 1 if any.
#   help-man.sh MANDIR   (liushou on PATH)
set -u
export LIUSHOU_LANG=en  # the option names are read from English help
man=$1 status=0
help_options() {  # the long options of `liushou $* --help`, one per line
  # Every name of an option (-o,--output; --from,--from-csv): the first word of its line.
  liushou "$@" --help | sed -n '/^Options:/,/^$/p' | grep -oE '^ +-[^ ]+' | tr ',' '\n' |
    grep -oE -- '^ *--[a-z][a-z-]*' | tr -d ' ' | grep -v -- '--help'
}
page_options() {  # the options a page's OPTIONS section describes: the tag line after each .TP
  sed -n '/^\.SH OPTIONS/,/^\.SH /p' "$1" | awk 'tag { print; tag = 0 } /^\.TP/ { tag = 1 }' | sed 's/\\-/-/g' |
    grep -oE -- '--[a-z][a-z-]*' | grep -v -x -- '--help' | sort -u
}
subcommands() {
  liushou "$@" --help | sed -n '/^Subcommands:/,/^$/p' | awk 'NR > 1 && NF { print $1 }'
}
check() {  # check PAGE "help options"
  local page=$1 in_help=$2 opt
  for opt in $in_help; do
    sed 's/\\-/-/g' "$page" | grep -q -- "$opt\b" || { echo "$(basename "$page"): $opt is in --help but not in the page"; status=1; }
  done
  for opt in $(page_options "$page"); do
    grep -qx -- "$opt" <<< "$in_help$globals" || { echo "$(basename "$page"): $opt is in the page but not in --help"; status=1; }
  done
}
globals=$'\n'$(help_options)  # a command's page may recall a global option such as --root
check "$man/liushou.1" "$(help_options)"
for cmd in $(subcommands); do
  page=$man/liushou-$cmd.1
  [ -f "$page" ] || { echo "liushou-$cmd.1: missing"; status=1; continue; }
  opts=$(help_options "$cmd")
  for sub in $(subcommands "$cmd"); do opts+=$'\n'$(help_options "$cmd" "$sub"); done
  check "$page" "$(sort -u <<< "$opts" | grep .)"
done
[ $status -eq 0 ] && echo "every command's --help and man page name the same options"
exit $status
