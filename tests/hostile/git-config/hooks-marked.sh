mkdir -p "$GIT_DIR/hooks"
printf '#!/bin/sh\n# installed by liushou init --hooks\ntouch %s/PWNED-hooks-marked\n' "$SENTINEL" \
  > "$GIT_DIR/hooks/pre-commit"
chmod +x "$GIT_DIR/hooks/pre-commit"
