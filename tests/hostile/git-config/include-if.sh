cat > "$OUTSIDE/evil.gitconfig" <<END
[core]
	fsmonitor = "touch $SENTINEL/PWNED-include-if; false"
	hooksPath = $OUTSIDE
	pager = "touch $SENTINEL/PWNED-include-if; cat"
[filter "included-if"]
	clean = "touch $SENTINEL/PWNED-include-if; cat"
	smudge = "touch $SENTINEL/PWNED-include-if; cat"
[diff]
	external = "touch $SENTINEL/PWNED-include-if; true"
END
printf '#!/bin/sh\ntouch %s/PWNED-include-if\n' "$SENTINEL" > "$OUTSIDE/post-index-change"
chmod +x "$OUTSIDE/post-index-change"
cp "$OUTSIDE/post-index-change" "$OUTSIDE/pre-commit"
