Writers killed with SIGKILL at random moments, at least 200 times (tests/tools/crash-writers.sh):
every file still parses, every write that reported success is present, and the next command is
neither locked out nor confused by temporary files. The batch writers (a register import and a
talk sheet, each of twenty files; a rename, which rewrites the renamed child, its buddy's file
and an activity and removes the old file; a --class meeting of eight children; activity add)
are also killed at a chosen rename or right after their journal is down: after the next
command each such batch is in all of its files or in none.
(Standard error is bash's own "Killed" notes.)

  $ bash $TESTDIR/../tools/crash-writers.sh tree 200 2> /dev/null
  T001
  at least 200 writers killed
  no writer failed other than by the kill
  every killed batch is whole or absent after the next command (at least 50 of them)
  check: every file parses
  every acknowledged write is present
  the next write succeeds
  no temporary file is left
