#!/usr/bin/env bash
# The package test: the .deb CPack makes from this build (the build's own CPackConfig, into a
# temporary directory) is lintian-clean at --fail-on error,warning, and recommends or suggests
# every program an output needs. Says "skipped" and why (exit 77) without dpkg-deb or lintian.
#   package-lint.sh   (BUILD: the build directory)
set -u
for tool in cpack dpkg-deb lintian; do
  command -v $tool > /dev/null || { echo "skipped: $tool is not installed (apt install $tool)"; exit 77; }
done
out=$(mktemp -d "${TMPDIR:-/tmp}/liushou-deb.XXXXXX")
trap 'rm -rf "$out"' EXIT
cpack --config "$BUILD/CPackConfig.cmake" -G DEB -B "$out" > "$out/cpack.log" 2>&1 ||
  { cat "$out/cpack.log"; exit 1; }
deb=$(ls "$out"/liushou_*.deb)
status=0
# What each output needs: docx (pandoc), chart pictures (librsvg2-bin), printing (chromium,
# fonts-noto-cjk), sync (age), purging history (git-filter-repo), and git itself.
wanted="git age pandoc librsvg2-bin chromium fonts-noto-cjk git-filter-repo"
offered=$(dpkg-deb -f "$deb" Depends Recommends Suggests | sed 's/^[A-Za-z]*: //' | tr ',|' '\n\n' |
  sed 's/(.*//; s/ //g' | grep .)
for p in $wanted; do
  grep -qx -- "$p" <<< "$offered" || { echo "$p: neither recommended nor suggested"; status=1; }
done
dpkg-deb -f "$deb" Recommends Suggests
# The unused-override warning of a stale override is a warning too.
# A sanitizer build is position-dependent on purpose (CMakeLists.txt says why); a shipped
# one is a PIE, which install.t checks. Only that one tag is left out, and only there.
suppress=()
grep -q '^LIUSHOU_SANITIZE:BOOL=ON' "$BUILD/CMakeCache.txt" 2>/dev/null &&
  suppress=(--suppress-tags hardening-no-pie)
lintian --fail-on error,warning "${suppress[@]}" "$deb" 2>/dev/null || { echo "lintian: not clean"; status=1; }
[ $status = 0 ] && echo "lintian: clean at --fail-on error,warning"
exit $status
