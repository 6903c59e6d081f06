dir=$GIT_DIR/hooks
mkdir -p "$dir"
for h in pre-commit prepare-commit-msg commit-msg post-commit post-index-change \
         reference-transaction pre-auto-gc post-checkout post-rewrite; do
  printf '#!/bin/sh\ntouch %s/PWNED-hooks-planted\n' "$SENTINEL" > "$dir/$h"
  chmod +x "$dir/$h"
done
