A copied tree is data, never code (#40, "git as data"). A tree's repository travels with it
(a USB stick, a zip, a clone of another school's repository), and git runs programs its
.git/config, .git/info/attributes, .git/hooks and included files name. Every case of
tests/hostile/git-config (README there) is put into a school's work tree (a county `path:`
entry) and a bare repository (a `git:` entry); then every command and report of liushou that
runs git or reads the tree runs on them, with and without --rev HEAD, and the case's program
must never run (its sentinel file never made), nor anything outside the tree change (a
before/after listing, tests/tools/listing.sh). Each case ends with its control: one plain git
command that does run the program, proving the case is armed.

Two schools, three children each (K1..K3, a talk each), committed; 杨集小学 pushed to a bare
repository.

  $ export LIUSHOU_TODAY=2026-04-30 CORPUS=$TESTDIR/../hostile/git-config LISTING=$TESTDIR/../tools/listing.sh
  $ mk() { liushou -q init $1 --school $2 --county 京山县 --year 2025-2026 && cd $1 && liushou -q staff add --name 张老师 >/dev/null &&
  >   for i in 1 2 3; do liushou -q enroll --id K$i --name $2$i --gender 男 --birth-date 2017-05-01 \
  >   --grade 3 --class 1 --left-behind 双亲外出 --home-address 某村1组 --father-name 某父 \
  >   --father-phone 13800000001 --father-work-place 深圳 --guardian-relation 奶奶 --guardian-name 某奶奶 \
  >   --guardian-phone 13800000002 --guardian-address 同上 --guardian-occupation 务农 --guardian-health 良好 \
  >   --guardian-age 66 --enrolled-on 2025-09-01 >/dev/null && liushou -q pair K$i --teacher T001 --since 2025-09-01 &&
  >   liushou -q log-talk K$i --by T001 --date 2026-03-1$i --kind talk --summary 记录; done &&
  >   git add -A && git commit -qm $2 && cd ..; }
  $ mk base-a 孙桥小学 && mk base-b 杨集小学 && git clone -q --bare base-b base-b.git && ls
  base-a
  base-b
  base-b.git

Every command that runs git or reads the tree, run in the school's work tree (the county's
from its parent folder). Writes commit (--commit) so that liushou's own `git add` and `git
commit` run too; `init --hooks` installs liushou's hooks, and the next commit runs them;
merge-file on files that are not records falls back to `git merge-file`. The count of those
that succeeded shows they did their work; the ones over a partial clone that lost a child's
blob fail reading it (the fetch that would run the program is refused).

  $ every() {
  >   local n=0 ok=0 cmd
  >   while IFS= read -r cmd; do
  >     n=$((n + 1)); (eval "liushou $cmd") >> ../log 2>&1 && ok=$((ok + 1))
  >   done <<'END'
  > list
  > list --rev HEAD
  > check
  > check --staged
  > report summary
  > report summary --rev HEAD
  > report child K1
  > report child K1 --rev HEAD
  > report class 3-1
  > report class 3-1 --rev HEAD
  > report talks --month 2026-03
  > report talks --month 2026-03 --rev HEAD
  > report subsidies
  > report subsidies --rev HEAD
  > schedule --month 2026-04
  > schedule --month 2026-04 --rev HEAD
  > county status --county ../county.yaml
  > county status --county ../county.yaml --format json
  > report summary --county ../county.yaml --from 2026-03-01 --to 2026-04-30
  > list --county ../county.yaml
  > county init ../c2.yaml --county-name 京山县 --school ../repo.git --school .
  > log-talk K1 --by T001 --date 2026-04-01 --kind talk --summary 记录 --commit
  > enroll --id K9 --name 新生 --gender 女 --birth-date 2017-06-01 --grade 3 --class 1 --enrolled-on 2026-04-01 --commit
  > init . --hooks
  > log-talk K2 --by T001 --date 2026-04-02 --kind talk --summary 记录 --commit
  > check --staged
  > merge-file ../m-base ../m-ours ../m-theirs
  > END
  >   echo "$ok/$n"
  > }

Each case: the fragment put in place, its control run first on a copy of the school (and the
sentinel emptied again), then every command on the school; one line a case. Three cases run
at a time, each in its own folder.

  $ run_case() {
  >   local name=$1 c=$PWD/c/$1 g ran changed=no armed=no result
  >   mkdir -p $c/outside $c/sentinel && cp -a base-a $c/school && cp -a base-b.git $c/repo.git &&
  >   printf 'county: 京山县\nschools:\n  - path: school\n  - git: repo.git\n' > $c/county.yaml &&
  >   printf '1\n2\n3\n4\n5\n' > $c/m-base && printf '1\n2\n3\n4\nV\n' > $c/m-ours && printf 'I\n2\n3\n4\n5\n' > $c/m-theirs
  >   for g in $c/repo.git $c/school/.git; do
  >     sed "s#@SENTINEL@#$c/sentinel#g; s#@OUTSIDE@#$c/outside#g" $CORPUS/$name.config >> $g/config
  >     if [ -f $CORPUS/$name.attributes ]; then mkdir -p $g/info && cat $CORPUS/$name.attributes >> $g/info/attributes; fi
  >     if [ -f $CORPUS/$name.sh ]; then GIT_DIR=$g SENTINEL=$c/sentinel OUTSIDE=$c/outside sh $CORPUS/$name.sh; fi
  >   done
  >   cp -a $c/school $c/control && (cd $c/control && eval "$(sed -n 's/^# control: //p' $CORPUS/$name.config)") > /dev/null 2>&1
  >   [ "$(ls $c/sentinel | wc -l)" -gt 0 ] && armed=yes
  >   rm -rf $c/control $c/sentinel/*
  >   $LISTING $c/outside $c/sentinel $HOME base-a base-b.git > $c/before
  >   result=$(cd $c/school && every)
  >   $LISTING $c/outside $c/sentinel $HOME base-a base-b.git > $c/after
  >   ran=$(ls $c/sentinel | wc -l)
  >   cmp -s $c/before $c/after || changed=yes
  >   echo "$name: $result succeeded; programs run: $ran; outside changed: $changed; control runs it: $armed" > $c/summary
  > }
  $ export -f run_case every && ls $CORPUS/*.config | xargs -n1 basename | sed 's/\.config$//' > cases &&
  >   xargs -P 3 -I{} bash -c 'run_case {}' < cases && while read -r name; do cat c/$name/summary; done < cases
  diff-external: 27/27 succeeded; programs run: 0; outside changed: no; control runs it: yes
  editor: 27/27 succeeded; programs run: 0; outside changed: no; control runs it: yes
  filter-clean: 27/27 succeeded; programs run: 0; outside changed: no; control runs it: yes
  filter-odd-name: 27/27 succeeded; programs run: 0; outside changed: no; control runs it: yes
  filter-process: 27/27 succeeded; programs run: 0; outside changed: no; control runs it: yes
  filter-smudge: 27/27 succeeded; programs run: 0; outside changed: no; control runs it: yes
  fsmonitor: 27/27 succeeded; programs run: 0; outside changed: no; control runs it: yes
  git-proxy: 13/27 succeeded; programs run: 0; outside changed: no; control runs it: yes
  gpg: 27/27 succeeded; programs run: 0; outside changed: no; control runs it: yes
  hooks-marked: 27/27 succeeded; programs run: 0; outside changed: no; control runs it: yes
  hooks-path: 27/27 succeeded; programs run: 0; outside changed: no; control runs it: yes
  hooks-planted: 27/27 succeeded; programs run: 0; outside changed: no; control runs it: yes
  include-if: 27/27 succeeded; programs run: 0; outside changed: no; control runs it: yes
  include: 27/27 succeeded; programs run: 0; outside changed: no; control runs it: yes
  pager: 27/27 succeeded; programs run: 0; outside changed: no; control runs it: yes
  protocol-ext: 13/27 succeeded; programs run: 0; outside changed: no; control runs it: yes
  ssh-command: 13/27 succeeded; programs run: 0; outside changed: no; control runs it: yes
  textconv: 27/27 succeeded; programs run: 0; outside changed: no; control runs it: yes

A repository is data too, and a small one can describe a huge tree: here 400 KB whose
children/ names one blob 100,000 times (git mktree from a generated listing). It is refused
before any file is read, naming the repository and the limit (liushou-records(5)), within 2 s,
and `county status` says so in one line instead of listing its entries. (The target is 200 MB
in a Release build, measured by `scripts/bench --bombs`; this sanitizer build is allowed 300.)

  $ git init -q --bare bomb.git && export GIT_DIR=bomb.git && k=$(git hash-object -w base-b/children/K1.yaml) &&
  >   l=$(git hash-object -w base-b/liushou.yaml) && s=$(git hash-object -w base-b/staff.yaml) &&
  >   c=$(seq 1 100000 | sed "s/.*/100644 blob $k\tK&.yaml/" | git mktree) &&
  >   t=$(printf '100644 blob %s\tliushou.yaml\n100644 blob %s\tstaff.yaml\n040000 tree %s\tchildren\n' $l $s $c | git mktree) &&
  >   git update-ref refs/heads/master $(git commit-tree -m bomb $t) && unset GIT_DIR &&
  >   [ $(du -sk bomb.git | cut -f1) -lt 1024 ] && echo "under 1 MB"
  under 1 MB
  $ printf 'county: 京山县\nschools:\n  - path: base-a\n  - git: bomb.git\n' > bomb.yaml
  $ /usr/bin/time -f '%e %M' -o cost liushou county status --county bomb.yaml
  学校        来源                 最后提交    儿童  错误  距今
  孙桥小学    base-a               2026-03-15  3     0     46 天
  （找不到）  bomb.git (ref HEAD)
  bomb.git（ref HEAD）：bomb.git：提交 HEAD：/ 中的文件超过 65536 个，未读取即拒绝（liushou 档案目录最多 65536 个文件）
  共 2 所学校：1 所找不到，0 所有错误
  [1]
  $ tail -1 cost | awk '{ print ($1 < 2 && $2 < 300 * 1024) ? "within 2 s and 300 MB" : "took " $1 " s and " $2 " KB" }'
  within 2 s and 300 MB
  $ /usr/bin/time -f '%e %M' -o cost liushou --root bomb.git --rev HEAD list
  ! liushou：bomb.git：提交 HEAD：/ 中的文件超过 65536 个，未读取即拒绝（liushou 档案目录最多 65536 个文件）
  [3]
  $ tail -1 cost | awk '{ print ($1 < 2 && $2 < 300 * 1024) ? "within 2 s and 300 MB" : "took " $1 " s and " $2 " KB" }'
  within 2 s and 300 MB
  $ LIUSHOU_LANG=en liushou report summary --root bomb.git --rev HEAD
  ! liushou: bomb.git: commit HEAD: / holds more than 65536 files; refused unread (a liushou tree holds at most 65536 files)
  [3]

Nothing of the cases is left for the suite's --rev comparison of every tree (cram.sh), which
a partial clone missing a blob cannot pass.

  $ rm -rf c bomb.git
