#!/usr/bin/env bash
# Kills `liushou sync --from` with SIGKILL at moments spread over its whole life, and at each
# of its batch's renames (LIUSHOU_FAULT), then proves what liushou-sync(1) promises: the
# records are as before or fully synced, the next command opens the tree, and running the
# same sync again ends exactly where a sync never killed ends.
#   sync-kill.sh DIR [KILLS]   (liushou on PATH, age installed, EXAMPLES set; DIR must not exist)
# Prints the outcome; the figures (runs, kills, which side each kill left) go to DIR.log.
set -u
dir=$1 want=${2:-40}
mkdir -p "$dir" && cd "$dir" || exit 1
export LIUSHOU_KEY=$PWD/key.txt LIUSHOU_TODAY=2026-03-31
liushou -q key new > pub || exit 1
cp -r "$EXAMPLES/school" c || exit 1
(cd c && git init -q && git add -A && git commit -qm start && liushou init --hooks -q &&
  liushou -q --commit key add pc "$(cat ../pub)") || exit 1
git clone -q c t && (cd t && liushou init --hooks -q) || exit 1
# Edits on both PCs, so the sync is a record-wise merge that rewrites several files: talks on
# the same child, a field corrected, a child enrolled, an activity.
(cd c && liushou -q --commit log-talk 2025-001 --by T001 --date 2026-03-12 --summary 教导处谈心 &&
  liushou -q --commit enroll 2025-003 --health 偶有感冒 &&
  liushou -q --commit enroll --id 2026-001 --name 新生甲 --gender 男 --birth-date 2019-01-01 --grade 1 --class 1 > /dev/null &&
  liushou -q --commit activity add --date 2026-03-20 --kind 安全教育 --title 防溺水 > /dev/null &&
  liushou -q sync --to ../stick.liushou) || exit 1
(cd t && liushou -q --commit log-talk 2025-001 --by T001 --date 2026-03-13 --kind home_visit --summary 张老师家访 &&
  liushou -q --commit log-talk 2025-002 --by T001 --date 2026-03-14 --summary 谈心) || exit 1
# A kill before the batch's journal leaves liushou's hidden temporaries (.NAME.tmp.PID.N):
# not records; the next writer removes them, and the second sync below proves it.
records() { (cd "$1" && find children activities liushou.yaml staff.yaml -type f ! -name '.*.tmp.*' | sort | xargs sha1sum | sha1sum | cut -c1-40); }
cp -a t ref && (cd ref && liushou -q sync --from ../stick.liushou) || exit 1
before=$(records t) after=$(records ref) after_tree=$(git -C ref rev-parse 'HEAD^{tree}')
[ "$before" != "$after" ] || { echo "the sync changes nothing: no test"; exit 1; }
# How long one sync takes here, to spread the kills over its life (as crash-writers.sh does).
now_ms() { local t=${EPOCHREALTIME/./}; echo $((t / 1000)); }
cp -a t probe && start=$(now_ms) && (cd probe && liushou -q sync --from ../stick.liushou) && rm -rf probe
span=$(( ($(now_ms) - start) * 12 / 10 ))
[ $span -gt 5 ] || span=5
files=$(git -C ref diff --name-only HEAD~1 HEAD -- children activities | wc -l)
RANDOM=42
runs=0 kills=0 as_before=0 synced=0 bad=0
while [ $kills -lt "$want" ] && [ $runs -lt $((want * 10)) ]; do
  runs=$((runs + 1))
  rm -rf run && cp -a t run
  fault=()
  # One run in three is killed at a chosen rename of the records' batch (or right after its
  # journal): kills by time mostly land in the decryption and the merge.
  case $((runs % 3)) in
    0) fault=(LIUSHOU_FAULT=kill-before-rename@$((RANDOM % files + 1))) ;;
    1) [ $((runs % 6)) = 1 ] && fault=(LIUSHOU_FAULT=kill-after-journal@0) ;;
  esac
  (cd run && exec env "${fault[@]}" liushou -q sync --from ../stick.liushou > /dev/null 2>&1) &
  pid=$!
  if [ ${#fault[@]} = 0 ]; then
    sleep "$(awk -v ms=$((RANDOM % span)) 'BEGIN { printf "%.3f", ms / 1000 }')"
    kill -9 $pid 2> /dev/null
  fi
  wait $pid
  rc=$?
  [ $rc = 137 ] || [ $rc = 0 ] || { echo "run $runs: sync exited $rc"; bad=$((bad + 1)); continue; }
  [ $rc = 137 ] || continue
  kills=$((kills + 1))
  # The next command (any, here check) opens the tree: the lock finishes or undoes the batch.
  (cd run && liushou -q check --allow-incomplete > /dev/null 2>&1) ||
    { echo "run $runs: check refuses the tree after the kill"; bad=$((bad + 1)); continue; }
  now=$(records run)
  if [ "$now" = "$before" ]; then as_before=$((as_before + 1));
  elif [ "$now" = "$after" ]; then synced=$((synced + 1));
  else echo "run $runs (${fault[*]:-by time}): the records are neither as before nor synced"; bad=$((bad + 1)); continue; fi
  # The same sync again ends where an unkilled one does, with nothing left over.
  (cd run && liushou -q sync --from ../stick.liushou > /dev/null 2>&1) ||
    { echo "run $runs: the sync again fails"; bad=$((bad + 1)); continue; }
  [ "$(git -C run rev-parse 'HEAD^{tree}')" = "$after_tree" ] && [ "$(records run)" = "$after" ] &&
    [ -z "$(git -C run status --porcelain)" ] ||
    { echo "run $runs: the sync again does not end as a sync never killed"; bad=$((bad + 1)); }
done
echo "runs $runs kills $kills as-before $as_before synced $synced bad $bad" > "../$(basename "$dir").log"
if [ $bad = 0 ] && [ $kills -ge "$want" ]; then
  echo "every killed sync left the records as before or fully synced, and the same sync again ended as one never killed"
else
  echo "FAILED: $bad bad runs, $kills kills of $want"
fi
