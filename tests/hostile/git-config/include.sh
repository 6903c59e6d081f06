cat > "$OUTSIDE/evil.gitconfig" <<END
[core]
	fsmonitor = "touch $SENTINEL/PWNED-include; false"
	hooksPath = $OUTSIDE
	pager = "touch $SENTINEL/PWNED-include; cat"
[filter "included"]
	clean = "touch $SENTINEL/PWNED-include; cat"
	smudge = "touch $SENTINEL/PWNED-include; cat"
[diff]
	external = "touch $SENTINEL/PWNED-include; true"
END
printf '#!/bin/sh\ntouch %s/PWNED-include\n' "$SENTINEL" > "$OUTSIDE/post-index-change"
chmod +x "$OUTSIDE/post-index-change"
cp "$OUTSIDE/post-index-change" "$OUTSIDE/pre-commit"
