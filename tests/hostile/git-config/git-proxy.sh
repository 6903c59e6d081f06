. "$CORPUS/lazy-fetch.sh"
printf '#!/bin/sh\ntouch %s/PWNED-git-proxy\n' "$SENTINEL" > "$OUTSIDE/proxy"
chmod +x "$OUTSIDE/proxy"
