Writers killed with SIGKILL at random moments, at least 200 times (tests/tools/crash-writers.sh):
every file still parses, every write that reported success is present, and the next command is
neither locked out nor confused by temporary files.

  $ bash $TESTDIR/../tools/crash-writers.sh tree 200
  T001
  at least 200 writers killed
  no writer failed other than by the kill
  check: every file parses
  every acknowledged write is present
  the next write succeeds
  no temporary file is left
