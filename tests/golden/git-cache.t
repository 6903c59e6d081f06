A report's header says the commit and whether the records differ from it. git's answer
(`git status`, 35-55 ms at 10,000 children) is kept in .liushou/cache/git.bin and served while
nothing it depends on has changed: the commit, the index, every file under the records, the
ignore files. LIUSHOU_STATS=1 counts the `git status` run (git-status=N). Each `sleep 0.3`
lets the last change settle: an answer over a file changed in the same instant is not kept.

  $ liushou -q --commit init school --school 孙桥镇中心小学 --year 2025-2026 && cd school
  $ liushou -q --commit staff add --name 张老师
  T001
  $ gensheet --rows 6 --ids --enrolled-on 2025-09-01 > ../sheet.csv && liushou -q --commit enroll --from-csv ../sheet.csv
  $ head() { liushou report summary | grep 数据来源 | sed 's/git [0-9a-f]*/git COMMIT/'; }
  $ asked() { LIUSHOU_STATS=1 liushou report summary 2>&1 >/dev/null | grep -o 'git-status=.*'; }

git's answer is kept only where the cache's folder is: `list` makes it here. (A report's
first read makes it too, but on another thread than the one asking git, so whether that read
already keeps git's answer is a race.) The answer is then kept in two steps: the first read
keeps it with a digest of the commit, the index, the settings and the tree's top-level files
and folders; the next also walks every file below children/ and activities/ (10,000 lstat's,
not taken while git must be asked anyway); the third is served, and so on.

  $ liushou list > /dev/null && sleep 0.3 && asked && asked && asked && asked && head
  git-status=1 commits-listed=0
  git-status=1 commits-listed=0
  git-status=0 commits-listed=0
  git-status=0 commits-listed=0
  - 数据来源：孙桥镇中心小学（2025-2026），git COMMIT

Every kind of change is seen: a record edited in place (its folder unchanged: the walk sees
it), the edit staged, committed; a file added to children/ (untracked), then ignored; a
record removed.

  $ echo '# 备注' >> children/2025-001.yaml && sleep 0.3 && asked && asked && head
  git-status=1 commits-listed=0
  git-status=0 commits-listed=0
  - 数据来源：孙桥镇中心小学（2025-2026），git COMMIT + 未提交的修改
  $ git add children/2025-001.yaml && sleep 0.3 && asked && head
  git-status=1 commits-listed=0
  - 数据来源：孙桥镇中心小学（2025-2026），git COMMIT + 未提交的修改
  $ git commit -qm 备注 && sleep 0.3 && asked && asked && head
  git-status=1 commits-listed=0
  git-status=1 commits-listed=0
  - 数据来源：孙桥镇中心小学（2025-2026），git COMMIT
  $ mkdir children/old && touch children/old/notes.txt && sleep 0.3 && head
  - 数据来源：孙桥镇中心小学（2025-2026），git COMMIT + 未提交的修改
  $ echo 'children/old/' >> .gitignore && sleep 0.3 && asked && head
  git-status=1 commits-listed=0
  - 数据来源：孙桥镇中心小学（2025-2026），git COMMIT
  $ rm children/2025-006.yaml && sleep 0.3 && head && git checkout -q children/2025-006.yaml
  - 数据来源：孙桥镇中心小学（2025-2026），git COMMIT + 未提交的修改

A change made within the same instant as the answer is never served from it (cache.hpp's
racy rule, as git's): until a file has settled every read asks git again. A file dated in
the future (a clock set wrong) never settles.

  $ liushou -q log-talk 2025-002 --date 2026-03-10 --by T001 --summary 谈心 && asked
  git-status=1 commits-listed=0
  $ touch -d '+1 hour' children/2025-002.yaml && sleep 0.3 && asked && asked
  git-status=1 commits-listed=0
  git-status=1 commits-listed=0
  $ touch -d '-1 hour' children/2025-002.yaml && sleep 0.3 && asked && asked && head
  git-status=1 commits-listed=0
  git-status=1 commits-listed=0
  - 数据来源：孙桥镇中心小学（2025-2026），git COMMIT + 未提交的修改

Where git is pointed elsewhere (a hook's GIT_DIR or GIT_INDEX_FILE), or with --no-cache, git
is asked every time; a workbook of the list, whose base names the commit, takes the answer a
summary kept.

  $ GIT_INDEX_FILE=.git/index asked && liushou --no-cache report summary | grep -c 未提交的修改
  git-status=1 commits-listed=0
  1
  $ LIUSHOU_STATS=1 liushou list --format xlsx -o ../list.xlsx 2>&1 >/dev/null | grep -o 'git-status=.*'
  git-status=1 commits-listed=0

A setting that names files the digest cannot follow (an included config file, an ignore file
of the user's choosing) or a replaced commit (`git replace`) has git asked every time. A FIFO
planted in place of git.bin (a copied tree) is passed over, never waited on.

  $ git config include.path ../common.cfg && sleep 0.3 && asked && asked && asked
  git-status=1 commits-listed=0
  git-status=1 commits-listed=0
  git-status=1 commits-listed=0
  $ git config --unset include.path && git config core.excludesFile ../ignore && sleep 0.3 && asked && asked && asked
  git-status=1 commits-listed=0
  git-status=1 commits-listed=0
  git-status=1 commits-listed=0
  $ git config --unset core.excludesFile && git replace HEAD HEAD~1 && sleep 0.3 && asked && asked && asked
  git-status=1 commits-listed=0
  git-status=1 commits-listed=0
  git-status=1 commits-listed=0
  $ git replace -d HEAD > /dev/null && rm .liushou/cache/git.bin && mkfifo .liushou/cache/git.bin && timeout 20 liushou report summary | grep -c 数据来源
  1
