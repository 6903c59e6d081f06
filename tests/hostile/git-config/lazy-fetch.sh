# Not a case: makes a partial clone lose the blob of children/K2.yaml, which a read of the
# commit then fetches from the promisor remote. Sourced by the *.sh of such cases.
blob=$(git --git-dir="$GIT_DIR" rev-parse HEAD:children/K2.yaml)
rm -f "$GIT_DIR/objects/$(printf %s "$blob" | cut -c1-2)/$(printf %s "$blob" | cut -c3-)"
printf %s "$blob" > "$OUTSIDE/../missing-blob"
