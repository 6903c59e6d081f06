Sync by file (#42): a coordinator and two teachers, no server, records on a USB stick,
encrypted with age to every PC of the school (man liushou-sync).

**Keys.** Each PC makes its own key, outside the tree (mode 0600, never replaced); liushou.yaml
records only public keys.

  $ export LIUSHOU_KEY=$HOME/keys/coordinator.txt && liushou key new | sed "s#$HOME#~#; s/age1[a-z0-9]*/age1…/"
  made this PC's key：~/keys/coordinator.txt (keep it; never copy it into the tree)
  its public key, for liushou key add on every PC of the school:
  age1…
  $ stat -c %a $LIUSHOU_KEY && liushou key new 2>&1 | sed "s#$HOME#~#"; echo "exit ${PIPESTATUS[0]}"
  600
  liushou：~/keys/coordinator.txt：this PC already has a key; liushou never replaces one (what was sent to it could no longer be read). liushou key show prints its public key
  exit 2
  $ LIUSHOU_KEY=$HOME/keys/t1.txt liushou -q key new > t1.pub && LIUSHOU_KEY=$HOME/keys/t2.txt liushou -q key new > t2.pub && liushou key show > c.pub
  $ cp -r $EXAMPLES/school c && cd c && git init -q && git add -A && git commit -qm start && liushou init --hooks -q
  $ liushou -q key add 教导处 $(cat ../c.pub) && liushou -q key add 张老师 $(cat ../t1.pub) && liushou --commit key add 李老师 $(cat ../t2.pub) | sed 's/已提交 [0-9a-f]*/已提交 …/'
  已添加 recipient 李老师
  已提交 …（1 个文件）
  $ liushou key list | sed 's/age1[a-z0-9]*/age1…/'
  教导处	age1…	(this PC)
  张老师	age1…
  李老师	age1…
  $ liushou key add 王老师 age1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq
  liushou：age1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq：not an age public key (age1 and 58 letters and digits, as liushou key show prints it)
  [2]
  $ liushou key add 王老师 "$(sed -n 3p $LIUSHOU_KEY)" 2>&1 | sed 's/AGE-SECRET-KEY-[A-Z0-9]*/AGE-SECRET-KEY-…/'
  liushou：that is a private key：never give it to liushou key add (nor to anyone); give the public key, which liushou key show prints on its PC
  [2]
  $ liushou key add 赵老师 $(cat ../t1.pub); liushou key remove 赵老师
  liushou：that key is already recorded as 张老师
  liushou：no recipient 赵老师 (recipients：教导处, 张老师, 李老师)
  [2]
  $ liushou key add 校长 $(cat ../t1.pub | tr a-z A-Z)
  liushou：AGE1RGPNQSN7M87PJS79QVJDGC3AY9N8DV3868XULGG72Z3YRMN6E9VSS4L4PD：not an age public key (age1 and 58 letters and digits, as liushou key show prints it)
  [2]

A private key anywhere in the tree is an error of check (the pre-commit hook refuses it).

  $ cp $LIUSHOU_KEY notes.txt && liushou check -q --allow-incomplete; rm notes.txt
  children/2025-004.yaml:1:1: 警告：档案不完整（建档），缺：监护人电话、监护人年龄
  children/2025-011.yaml:1:1: 警告：档案不完整（建档），缺：家庭住址
  children/2025-011.yaml:43:16: 警告：第 1 条谈心记录的跟进事项：已 84 天未关闭（自 2025-12-21 起）
  children/2025-013.yaml:42:16: 警告：第 1 条谈心记录的跟进事项：已 84 天未关闭（自 2025-12-21 起）
  children/2025-018.yaml:47:16: 警告：第 1 条谈心记录的跟进事项：已 89 天未关闭（自 2025-12-16 起）
  children/2025-023.yaml:1:1: 警告：档案不完整（建档），缺：父亲务工地址
  children/2025-024.yaml:44:16: 警告：第 1 条谈心记录的跟进事项：已 88 天未关闭（自 2025-12-17 起）
  children/2025-025.yaml:44:16: 警告：第 1 条谈心记录的跟进事项：已 101 天未关闭（自 2025-12-04 起）
  notes.txt:1:1: 错误：holds an age private key (AGE-SECRET-KEY-…)：remove it from the tree and make a new key (liushou key new), since this one may have been copied

**Rounds.** Two teachers clone the coordinator's tree; then all three edit the same children at
once: talks, visits, corrections of fields, an activity, ticks of the plan.

  $ cd .. && git clone -q c t1 && git clone -q c t2 && (cd t1 && liushou init --hooks -q) && (cd t2 && liushou init --hooks -q) && mkdir stick
  $ cd c && liushou -q --commit log-talk 2025-001 --by T001 --date 2026-03-12 --summary 协调员谈心 && liushou -q --commit enroll 2025-002 --health 较差 && liushou -q --commit plan done 2026-03 2 --date 2026-03-10
  $ cd ../t1 && export LIUSHOU_KEY=$HOME/keys/t1.txt && liushou -q log-talk 2025-001 --by T001 --date 2026-03-12 --kind home_visit --summary 张老师家访 && liushou -q enroll 2025-003 --health 一般 && liushou -q activity add --date 2026-03-13 --kind 安全教育 --title 防溺水 --children 2025-001,2025-002
  2026-03-13-safety-b8105002
  $ liushou sync --to ../stick
  liushou：committed the records written since the last commit
  已写入 ../stick/5838ff8bde22-2026-03-15-张老师.liushou (22582 bytes, the whole history, encrypted to 3 recipient[s])
  $ cd ../t2 && export LIUSHOU_KEY=$HOME/keys/t2.txt && liushou -q --commit log-talk 2025-001 --by T002 --date 2026-03-12 --summary 李老师谈心 && liushou -q --commit log-talk 2025-002 --by T002 --date 2026-03-11 --kind family_call --summary 打电话 && liushou -q --commit plan done 2026-03 1 --date 2026-03-11 --amend
  $ liushou sync --to ../stick
  已写入 ../stick/5838ff8bde22-2026-03-15-李老师.liushou (22390 bytes, the whole history, encrypted to 3 recipient[s])

The coordinator takes both files in, then sends one back; each teacher takes it.

  $ cd ../c && export LIUSHOU_KEY=$HOME/keys/coordinator.txt && for f in ../stick/*张老师.liushou ../stick/*李老师.liushou; do liushou -q sync --from $f || echo failed; done
  $ liushou sync --to ../stick --full | sed 's/([0-9]* bytes/(… bytes/'
  已写入 ../stick/5838ff8bde22-2026-03-15-教导处.liushou (… bytes, the whole history, encrypted to 3 recipient[s])
  $ cd ../t1 && LIUSHOU_KEY=$HOME/keys/t1.txt liushou -q sync --from ../stick/*教导处.liushou && cd ../t2 && LIUSHOU_KEY=$HOME/keys/t2.txt liushou -q sync --from ../stick/*教导处.liushou && cd ..

The three trees are identical, nothing was lost, and check passes.

  $ for pc in c t1 t2; do git -C $pc rev-parse HEAD^{tree}; git -C $pc status --short; done | uniq -c | sed 's/[0-9a-f]\{40\}/TREE/'
        3 TREE
  $ grep -c -E '协调员谈心|张老师家访|李老师谈心' c/children/2025-001.yaml && grep -E '^health|打电话' c/children/2025-00[23].yaml && grep -A1 -E 'month: "2026-03"' c/liushou.yaml -A2 | grep -E 'task|date' && ls c/activities | grep -c 2026-03-13
  3
  c/children/2025-002.yaml:health: 较差
  c/children/2025-002.yaml:    summary: 打电话
  c/children/2025-003.yaml:health: 一般
      task: 1
      date: 2026-03-11
      task: 2
      date: 2026-03-10
  1
  $ cd c && liushou check -q --allow-incomplete && cd ..
  children/2025-004.yaml:1:1: 警告：档案不完整（建档），缺：监护人电话、监护人年龄
  children/2025-011.yaml:1:1: 警告：档案不完整（建档），缺：家庭住址
  children/2025-011.yaml:43:16: 警告：第 1 条谈心记录的跟进事项：已 84 天未关闭（自 2025-12-21 起）
  children/2025-013.yaml:42:16: 警告：第 1 条谈心记录的跟进事项：已 84 天未关闭（自 2025-12-21 起）
  children/2025-018.yaml:47:16: 警告：第 1 条谈心记录的跟进事项：已 89 天未关闭（自 2025-12-16 起）
  children/2025-023.yaml:1:1: 警告：档案不完整（建档），缺：父亲务工地址
  children/2025-024.yaml:44:16: 警告：第 1 条谈心记录的跟进事项：已 88 天未关闭（自 2025-12-17 起）
  children/2025-025.yaml:44:16: 警告：第 1 条谈心记录的跟进事项：已 101 天未关闭（自 2025-12-04 起）

**What a file shows.** No value of the tree (names, phones, id numbers, addresses, the school's
name) is in any file sync wrote; git cannot read one.

  $ python3 $GOLDEN/../tools/sync-leak.py c stick/*.liushou | sed 's/looked for [0-9]* values/looked for … values/'
  looked for … values in 3 file(s): 0 found
  $ git bundle verify stick/*教导处.liushou 2>&1 | sed 's/^error: .* does not look/error: … does not look/'
  error: … does not look like a v2 or v3 bundle file
  [1]

**Refused, tree byte-identical**: a wrong key, a changed byte, a cut file, another school's
file, one whose earlier part this PC never received.

  $ cd t1 && export LIUSHOU_KEY=$HOME/keys/t1.txt && liushou -q --commit log-talk 2025-004 --by T001 --date 2026-03-14 --summary 又一次 && $GOLDEN/../tools/listing.sh . > ../before
  $ LIUSHOU_KEY=$HOME/keys/nobody.txt liushou -q key new > /dev/null && LIUSHOU_KEY=$HOME/keys/nobody.txt liushou sync --from ../stick/*教导处.liushou 2>&1 | sed 's/(age1[a-z0-9]*)/(age1…)/'
  liushou：../stick/5838ff8bde22-2026-03-15-教导处.liushou：not encrypted to this PC's key (age1…); the sender adds it with liushou key add and syncs again. Nothing was changed
  [1]
  $ f=$(ls ../stick/*教导处.liushou) && python3 -c "import sys; d=bytearray(open(sys.argv[1],'rb').read()); d[len(d)//2]^=1; open('../changed.liushou','wb').write(d)" $f && liushou sync --from ../changed.liushou
  liushou：../changed.liushou：cannot be decrypted：it was changed or cut short after it was written (or is no sync file)；未作任何改动
  [1]
  $ head -c 3000 $f > ../cut.liushou && liushou sync --from ../cut.liushou
  liushou：../cut.liushou：cannot be decrypted：it was changed or cut short after it was written (or is no sync file)；未作任何改动
  [1]
  $ echo 'not a sync file' > ../other.liushou && liushou sync --from ../other.liushou
  liushou：../other.liushou：not a liushou sync file；未作任何改动
  [1]
  $ (cd .. && liushou -q init other --school 杨集小学 --year 2025-2026 && cd other && git add -A && git commit -qm start && liushou -q key add 张老师 $(cat ../t1.pub) && liushou sync --to ../other-school.liushou > /dev/null) && liushou sync --from ../other-school.liushou 2>&1 | sed 's/school [0-9a-f]\{12\}/school …/g'
  liushou：committed the records written since the last commit
  liushou：../other-school.liushou：the file is another school's (school …; this tree is school …)；未作任何改动
  [1]
  $ cd ../c && export LIUSHOU_KEY=$HOME/keys/coordinator.txt && liushou -q --commit log-talk 2025-005 --by T001 --date 2026-03-14 --summary 第一份 && mkdir ../later && liushou -q sync --to ../later && liushou -q --commit log-talk 2025-006 --by T001 --date 2026-03-14 --summary 第二份 && liushou sync --to ../later/next.liushou | sed 's/([0-9]* bytes/(… bytes/; s/since [0-9a-f]*/since …/'
  已写入 ../later/next.liushou (… bytes, the commits since …, encrypted to 3 recipient[s])
  $ cd ../t1 && export LIUSHOU_KEY=$HOME/keys/t1.txt && liushou sync --from ../later/next.liushou 2>&1 | sed 's/e\.g\. [0-9a-f]*/e.g. …/'
  liushou：../later/next.liushou：the file continues an earlier sync this PC has not received (1 commit[s] missing, e.g. …); ask 教导处 for a full one (liushou sync --to … --full). Nothing was changed
  [1]
  $ $GOLDEN/../tools/listing.sh . > ../after && cmp ../before ../after && echo byte-identical
  byte-identical

The earlier file first, then the later one: both merge.

  $ liushou -q sync --from ../later/$(ls ../later | grep -v next) && liushou -q sync --from ../later/next.liushou && grep -h -c -E '第一份|第二份' children/2025-00[56].yaml
  1
  1

**Conflicts.** The same talk corrected differently on two PCs cannot be merged: the sync stops
with the tree as before and names the child's file and the field.

  $ cd ../c && LIUSHOU_KEY=$HOME/keys/coordinator.txt liushou -q sync --from ../stick/*张老师.liushou; liushou -q --commit log-talk 2025-001 --by T001 --date 2026-03-12 --kind home_visit --summary 家访：改正 --amend && LIUSHOU_KEY=$HOME/keys/coordinator.txt liushou -q sync --to ../stick
  $ cd ../t1 && liushou -q --commit log-talk 2025-001 --by T001 --date 2026-03-12 --kind home_visit --summary 家访：另一种改正 --amend && $GOLDEN/../tools/listing.sh . --exclude .git > ../before
  $ liushou sync --from ../stick/*教导处.liushou 2>&1 | sed "s#$PWD#.#"
  children/2025-001.yaml：talks (2026-03-12 home_visit T001)：changed differently on both sides
  liushou：1 conflict[s] the merge cannot settle (above); the tree is as before. Edit the file[s] in ./.git/liushou/sync/conflicts (keep one side between <<<<<<< ours and >>>>>>> theirs), then liushou sync --continue; or liushou sync --abort
  [1]
  $ $GOLDEN/../tools/listing.sh . --exclude .git > ../after && cmp ../before ../after && echo byte-identical && liushou sync --status | grep waiting | sed "s#$PWD#.#"
  byte-identical
  waiting：5838ff8bde22-2026-03-15-教导处.liushou from 教导处, 1 file[s] to resolve in ./.git/liushou/sync/conflicts
  $ liushou sync --from ../stick/*教导处.liushou
  liushou：a sync is waiting for its conflicts to be resolved：liushou sync --continue after editing them, or liushou sync --abort
  [2]
  $ liushou sync --continue 2>&1 | sed "s#$PWD#.#"
  ./.git/liushou/sync/conflicts/children/2025-001.yaml：a conflict is still marked (<<<<<<< … >>>>>>>)
  liushou：resolve every conflict first (or liushou sync --abort)；未作任何改动
  [1]
  $ sed -i '/^<<<<<<< ours$/,/^=======$/d; /^>>>>>>> theirs$/d' .git/liushou/sync/conflicts/children/2025-001.yaml && liushou sync --continue | sed 's/at [0-9a-f]*/at …/' && grep -c 家访：改正 children/2025-001.yaml && liushou check -q --allow-incomplete
  synced 5838ff8bde22-2026-03-15-教导处.liushou (from 教导处)：the tree is at …
  1
  children/2025-004.yaml:1:1: 警告：档案不完整（建档），缺：监护人电话、监护人年龄
  children/2025-011.yaml:1:1: 警告：档案不完整（建档），缺：家庭住址
  children/2025-011.yaml:43:16: 警告：第 1 条谈心记录的跟进事项：已 84 天未关闭（自 2025-12-21 起）
  children/2025-013.yaml:42:16: 警告：第 1 条谈心记录的跟进事项：已 84 天未关闭（自 2025-12-21 起）
  children/2025-018.yaml:47:16: 警告：第 1 条谈心记录的跟进事项：已 89 天未关闭（自 2025-12-16 起）
  children/2025-023.yaml:1:1: 警告：档案不完整（建档），缺：父亲务工地址
  children/2025-024.yaml:44:16: 警告：第 1 条谈心记录的跟进事项：已 88 天未关闭（自 2025-12-17 起）
  children/2025-025.yaml:44:16: 警告：第 1 条谈心记录的跟进事项：已 101 天未关闭（自 2025-12-04 起）

--abort drops a stopped sync and leaves the tree as it was.

  $ liushou -q --commit log-talk 2025-001 --by T001 --date 2026-03-12 --kind home_visit --summary 又改了 --amend && (cd ../c && LIUSHOU_KEY=$HOME/keys/coordinator.txt liushou -q --commit log-talk 2025-001 --by T001 --date 2026-03-12 --kind home_visit --summary 也改了 --amend && LIUSHOU_KEY=$HOME/keys/coordinator.txt liushou -q sync --to ../stick) && git rev-parse HEAD > ../head
  $ liushou -q sync --from ../stick/*教导处.liushou 2>/dev/null; liushou sync --abort && git rev-parse HEAD | cmp - ../head && git status --short && liushou sync --abort
  sync aborted; the tree is as before
  liushou：no sync is waiting; nothing to abort
  [2]

**Status**: per folder written to and PC received from.

  $ liushou sync --status | sed 's/[0-9a-f]\{12\}/…/g' | sed "s#$(dirname $PWD)#..#"
  sent to ../stick：…-2026-03-15-张老师.liushou on 2026-03-15 (…, the whole history)
  received from 教导处：…-2026-03-15-教导处.liushou of 2026-03-15 (…)

**--plain** writes an unencrypted file, with a warning; with no recipient, sync refuses.

  $ liushou sync --to ../plain.liushou --plain | sed 's/([0-9]* bytes/(… bytes/'
  liushou：警告：the file is not encrypted：anyone who finds it can read every record in it
  已写入 ../plain.liushou (… bytes, the whole history, not encrypted)
  $ (cd ../other && liushou -q key remove 张老师 && liushou sync --to ../x.liushou; ls ../x.liushou)
  liushou：liushou.yaml names no recipient, so the file could be read by anyone who finds it：liushou key add NAME AGE1… for every PC of the school (--plain writes it unencrypted)
  ls: cannot access '../x.liushou': No such file or directory
  [2]

**Networks.** Where there is one, the same merge runs through git pull and push to a county's
bare repository: the merge driver (init --hooks in each clone) keeps both sides' talks.

  $ cd .. && git clone -q --bare c county.git && (cd c && git remote add county ../county.git) && (cd t2 && git remote add county ../county.git)
  $ (cd t2 && git pull -q --no-rebase county master && liushou -q --commit log-talk 2025-007 --by T002 --date 2026-03-14 --summary 网上一 && git push -q county HEAD:master)
  $ cd c && liushou -q --commit log-talk 2025-007 --by T001 --date 2026-03-14 --summary 网上二 && git pull -q --no-rebase county master && git push -q county HEAD:master && grep -c -E '网上一|网上二' children/2025-007.yaml
  Auto-merging children/2025-007.yaml
  2
