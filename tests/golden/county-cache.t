A county's warm report reads each repository's figures, not its children (#48): the figures of
a school read at a commit are kept in GIT_DIR/liushou/figures.bin, keyed by each child's blob
id, so they hold for every commit with the same files and are never racy. LIUSHOU_STATS=1 says
what was read (docs/hacking.md): figures-cached counts children whose figures were served.

  $ export LIUSHOU_TODAY=2026-04-30
  $ school() { liushou -q init $1 --school $1 --county 京山县 --year 2025-2026 && liushou --root $1 -q staff add --name 张老师 > /dev/null &&
  >   gensheet --rows $2 --ids --enrolled-on 2025-09-01 > $1.csv && liushou --root $1 -q enroll --from-csv $1.csv && rm $1.csv &&
  >   git -C $1 add -A && git -C $1 commit -qm $1 && git clone -q --bare $1 $1.git; }
  $ school 孙桥小学 30 && school 杨集小学 20
  $ printf 'county: 京山县\nschools:\n  - git: 孙桥小学.git\n  - git: 杨集小学.git\n' > county.yaml
  $ stats() { LIUSHOU_STATS=1 liushou --county county.yaml "$@" 2>&1 >/dev/null | grep '^liushou-stats'; }

The first report works every child's figures out and keeps them; the next serves all 50.

  $ liushou --county county.yaml report summary > first.md && ls 孙桥小学.git/liushou
  children.bin
  figures.bin
  listing
  revs
  $ stats report summary
  liushou-stats: parsed=0 records-cached=0 figures-cached=50 figures-recounted=0 staff-cached=0 git-status=0 commits-listed=0
  $ liushou --county county.yaml report summary | cmp - first.md && echo same report
  same report

--no-cache reads no cache and keeps none: the same report from the objects.

  $ stats --no-cache report summary
  liushou-stats: parsed=50 records-cached=0 figures-cached=0 figures-recounted=0 staff-cached=0 git-status=0 commits-listed=2
  $ liushou --county county.yaml --no-cache report summary | cmp - first.md && echo same report
  same report

A warm report runs no git at all: the commit each ref named is kept in revs, and used while
the ref files (and packed-refs) lead to it, as git would read them.

  $ nogit() { env PATH=/nonexistent "$(command -v liushou)" "$@"; }
  $ nogit --county county.yaml report summary | cmp - first.md && echo same report without git
  same report without git

An annotated tag names a tag object, which git peels to its commit: git is asked every time.

  $ git -C 孙桥小学.git tag -a -m 期中 mid master
  $ printf 'county: 京山县\nschools:\n  - git: 孙桥小学.git\n    ref: mid\n' > tagged.yaml
  $ liushou --county tagged.yaml report summary > tagged.md && liushou --county tagged.yaml report summary | cmp - tagged.md && echo same
  same
  $ nogit --county tagged.yaml report summary > /dev/null
  ! liushou：tagged.yaml:3：学校 孙桥小学.git（ref mid）：孙桥小学.git：不是 git 仓库，无法读取 --rev mid（加 --skip-missing 可略过它并注明）
  [3]

A school that pushes a change is counted again from its commit; the other is still served.

  $ liushou --root 杨集小学 -q log-talk 2025-001 --by T001 --date 2026-04-10 --summary 谈心
  $ git -C 杨集小学 commit -qam 谈心 && git -C 杨集小学 push -q ../杨集小学.git HEAD:master
  $ stats report summary
  liushou-stats: parsed=1 records-cached=19 figures-cached=30 figures-recounted=0 staff-cached=0 git-status=0 commits-listed=1
  $ stats report summary
  liushou-stats: parsed=0 records-cached=0 figures-cached=50 figures-recounted=0 staff-cached=0 git-status=0 commits-listed=0
  $ liushou --county county.yaml report summary | cmp -s - first.md || echo the talk counts
  the talk counts

Another period is another set of figures: worked out again, then served.

  $ stats report summary --from 2026-03-01 --to 2026-04-30
  liushou-stats: parsed=0 records-cached=50 figures-cached=0 figures-recounted=0 staff-cached=0 git-status=0 commits-listed=0
  $ stats report summary --from 2026-03-01 --to 2026-04-30
  liushou-stats: parsed=0 records-cached=0 figures-cached=50 figures-recounted=0 staff-cached=0 git-status=0 commits-listed=0

One repository read at a revision: the command opens the commit twice (once to say its
messages in the tree's language, once to read it), and git lists its files once; the second
open is the first one's listing.

  $ LIUSHOU_STATS=1 liushou --root 孙桥小学.git --rev HEAD --no-cache report summary 2>&1 >/dev/null | grep -o 'parsed=[0-9]*\|commits-listed=.*'
  parsed=30
  commits-listed=1
