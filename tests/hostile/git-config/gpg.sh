printf '#!/bin/sh\ntouch %s/PWNED-gpg\nexit 1\n' "$SENTINEL" > "$OUTSIDE/gpg"
chmod +x "$OUTSIDE/gpg"
