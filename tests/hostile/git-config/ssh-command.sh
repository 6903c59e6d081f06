. "$CORPUS/lazy-fetch.sh"
