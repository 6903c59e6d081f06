Sync by file (#42): a coordinator and two teachers, no server, records on a USB stick,
encrypted with age to every PC of the school (man liushou-sync).

**Keys.** Each PC makes its own key, outside the tree (mode 0600, never replaced); liushou.yaml
records only public keys.

  $ export LIUSHOU_KEY=$HOME/keys/coordinator.txt && liushou key new | sed "s#$HOME#~#; s/age1[a-z0-9]*/age1…/"
  已生成本机密钥：~/keys/coordinator.txt（请妥善保管；切勿复制到档案目录中）
  它的公钥（在学校每台电脑上用 liushou key add 记入）：
  age1…
  $ stat -c %a $LIUSHOU_KEY && liushou key new 2>&1 | sed "s#$HOME#~#"; echo "exit ${PIPESTATUS[0]}"
  600
  liushou：~/keys/coordinator.txt：本机已有密钥；liushou 从不替换密钥（否则发给它的文件将再也无法读取）。liushou key show 可显示其公钥
  exit 2
  $ LIUSHOU_KEY=$HOME/keys/t1.txt liushou -q key new > t1.pub && LIUSHOU_KEY=$HOME/keys/t2.txt liushou -q key new > t2.pub && liushou key show > c.pub
  $ cp -r $EXAMPLES/school c && cd c && git init -q && git add -A && git commit -qm start && liushou init --hooks -q
  $ liushou -q key add 教导处 $(cat ../c.pub) && liushou -q key add 张老师 $(cat ../t1.pub) && liushou --commit key add 李老师 $(cat ../t2.pub) | sed 's/已提交 [0-9a-f]*/已提交 …/'
  已添加接收方 李老师
  已提交 …（1 个文件）
  $ liushou key list | sed 's/age1[a-z0-9]*/age1…/'
  教导处	age1…	（本机）
  张老师	age1…
  李老师	age1…
  $ liushou key add 王老师 age1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq
  ! liushou：age1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq：不是 age 公钥（age1 加 58 个字母和数字，即 liushou key show 显示的样子）
  [2]
  $ liushou key add 王老师 "$(sed -n 3p $LIUSHOU_KEY)" 2>&1 | sed 's/AGE-SECRET-KEY-[A-Z0-9]*/AGE-SECRET-KEY-…/'
  liushou：这是私钥：切勿交给 liushou key add（也不要给任何人）；请给出公钥，在那台电脑上用 liushou key show 显示
  [2]
  $ liushou key add 赵老师 $(cat ../t1.pub); liushou key remove 赵老师
  ! liushou：这个公钥已记为 张老师
  ! liushou：没有接收方 赵老师（现有接收方：教导处, 张老师, 李老师）
  [2]
  $ liushou key add 校长 $(cat ../t1.pub | tr a-z A-Z) 2>&1 | sed 's/AGE1[A-Z0-9]*/AGE1…/'
  liushou：AGE1…：不是 age 公钥（age1 加 58 个字母和数字，即 liushou key show 显示的样子）
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
  notes.txt:1:1: 错误：含有 age 私钥（AGE-SECRET-KEY-…）：请把它移出档案目录并生成新密钥（liushou key new），因为这个密钥可能已被复制

**Rounds.** Two teachers clone the coordinator's tree; then all three edit the same children at
once: talks, visits, corrections of fields, an activity, ticks of the plan.

  $ cd .. && git clone -q c t1 && git clone -q c t2 && (cd t1 && liushou init --hooks -q) && (cd t2 && liushou init --hooks -q) && mkdir stick
  $ cd c && liushou -q --commit log-talk 2025-001 --by T001 --date 2026-03-12 --summary 协调员谈心 && liushou -q --commit enroll 2025-002 --health 较差 && liushou -q --commit plan done 2026-03 2 --date 2026-03-10
  $ cd ../t1 && export LIUSHOU_KEY=$HOME/keys/t1.txt && liushou -q log-talk 2025-001 --by T001 --date 2026-03-12 --kind home_visit --summary 张老师家访 && liushou -q enroll 2025-003 --health 一般 && liushou -q activity add --date 2026-03-13 --kind 安全教育 --title 防溺水 --children 2025-001,2025-002
  2026-03-13-safety-b8105002
  $ liushou sync --to ../stick | sed 's/（[0-9]* 字节/（… 字节/'
  已写入 ../stick/f90c62b4ddf2-2026-03-15-张老师.liushou（… 字节，全部历史，已加密给 3 个接收方）
  ! liushou：已提交上次提交之后写入的档案
  $ cd ../t2 && export LIUSHOU_KEY=$HOME/keys/t2.txt && liushou -q --commit log-talk 2025-001 --by T002 --date 2026-03-12 --summary 李老师谈心 && liushou -q --commit log-talk 2025-002 --by T002 --date 2026-03-11 --kind family_call --summary 打电话 && liushou -q --commit plan done 2026-03 1 --date 2026-03-11 --amend
  $ liushou sync --to ../stick | sed 's/（[0-9]* 字节/（… 字节/'
  已写入 ../stick/f90c62b4ddf2-2026-03-15-李老师.liushou（… 字节，全部历史，已加密给 3 个接收方）

The coordinator takes both files in, then sends one back; each teacher takes it.

  $ cd ../c && export LIUSHOU_KEY=$HOME/keys/coordinator.txt && for f in ../stick/*张老师.liushou ../stick/*李老师.liushou; do liushou -q sync --from $f || echo failed; done
  $ liushou sync --to ../stick --full | sed 's/（[0-9]* 字节/（… 字节/'
  已写入 ../stick/f90c62b4ddf2-2026-03-15-教导处.liushou（… 字节，全部历史，已加密给 3 个接收方）
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
  $ git bundle verify stick/*教导处.liushou 2>&1 | sed 's/^error: .* does not look/git: error: … does not look/'
  git: error: … does not look like a v2 or v3 bundle file
  [1]

**Refused, tree byte-identical**: a wrong key, a changed byte, a cut file, another school's
file, one whose earlier part this PC never received.

  $ cd t1 && export LIUSHOU_KEY=$HOME/keys/t1.txt && liushou -q --commit log-talk 2025-004 --by T001 --date 2026-03-14 --summary 又一次 && $GOLDEN/../tools/listing.sh . > ../before
  $ LIUSHOU_KEY=$HOME/keys/nobody.txt liushou -q key new > /dev/null && LIUSHOU_KEY=$HOME/keys/nobody.txt liushou sync --from ../stick/*教导处.liushou 2>&1 | sed 's/（age1[a-z0-9]*）/（age1…）/'
  liushou：../stick/f90c62b4ddf2-2026-03-15-教导处.liushou：这个文件不是加密给本机密钥（age1…）的；请发送方用 liushou key add 加上本机后重新同步。未作任何改动
  [1]
  $ f=$(ls ../stick/*教导处.liushou) && python3 -c "import sys; d=bytearray(open(sys.argv[1],'rb').read()); d[len(d)//2]^=1; open('../changed.liushou','wb').write(d)" $f && liushou sync --from ../changed.liushou
  ! liushou：../changed.liushou：无法解密：文件写出后被改动或被截断（或者不是同步文件）；未作任何改动
  [1]
  $ head -c 3000 $f > ../cut.liushou && liushou sync --from ../cut.liushou
  ! liushou：../cut.liushou：无法解密：文件写出后被改动或被截断（或者不是同步文件）；未作任何改动
  [1]
  $ echo 'not a sync file' > ../other.liushou && liushou sync --from ../other.liushou
  ! liushou：../other.liushou：不是 liushou 同步文件；未作任何改动
  [1]
  $ (cd .. && liushou -q init other --school 杨集小学 --year 2025-2026 && cd other && git add -A && git commit -qm start && liushou -q key add 张老师 $(cat ../t1.pub) && liushou sync --to ../other-school.liushou > /dev/null) && liushou sync --from ../other-school.liushou 2>&1 | sed 's/学校 [0-9a-f]\{12\}/学校 …/g'
  liushou：../other-school.liushou：这是另一所学校的文件（学校 …；本档案是学校 …）；未作任何改动
  ! liushou：已提交上次提交之后写入的档案
  [1]
  $ cd ../c && export LIUSHOU_KEY=$HOME/keys/coordinator.txt && liushou -q --commit log-talk 2025-005 --by T001 --date 2026-03-14 --summary 第一份 && mkdir ../later && liushou -q sync --to ../later && liushou -q --commit log-talk 2025-006 --by T001 --date 2026-03-14 --summary 第二份 && liushou sync --to ../later/next.liushou | sed 's/（[0-9]* 字节，[0-9a-f]* 之后/（… 字节，… 之后/'
  已写入 ../later/next.liushou（… 字节，… 之后的提交，已加密给 3 个接收方）
  $ cd ../t1 && export LIUSHOU_KEY=$HOME/keys/t1.txt && liushou sync --from ../later/next.liushou 2>&1 | sed 's/如 [0-9a-f]*/如 …/'
  liushou：../later/next.liushou：这个文件接续本机尚未收到的一次较早的同步（缺少 1 个提交，如 …）；请 教导处 发一份完整的（liushou sync --to … --full）。未作任何改动
  [1]
  $ $GOLDEN/../tools/listing.sh . > ../after && cmp ../before ../after && echo byte-identical
  byte-identical

A tracked file changed by hand outside the records would be mixed into the merge: refused before
anything is committed.

  $ echo '# 手工改动' >> .gitattributes && liushou sync --from ../later/$(ls ../later | grep -v next) 2>&1 | sed "s#$PWD#.#"
  liushou：.：档案以外的文件有未提交的改动（git status 可列出）；请先提交或撤销；未进行同步
  [2]
  $ git checkout -q .gitattributes && git status --short

The earlier file first, then the later one: both merge.

  $ liushou -q sync --from ../later/$(ls ../later | grep -v next) && liushou -q sync --from ../later/next.liushou && grep -h -c -E '第一份|第二份' children/2025-00[56].yaml
  1
  1

**Conflicts.** The same talk corrected differently on two PCs cannot be merged: the sync stops
with the tree as before and names the child's file and the field.

  $ cd ../c && LIUSHOU_KEY=$HOME/keys/coordinator.txt liushou -q sync --from ../stick/*张老师.liushou; liushou -q --commit log-talk 2025-001 --by T001 --date 2026-03-12 --kind home_visit --summary 家访：改正 --amend && LIUSHOU_KEY=$HOME/keys/coordinator.txt liushou -q sync --to ../stick
  $ cd ../t1 && liushou -q --commit log-talk 2025-001 --by T001 --date 2026-03-12 --kind home_visit --summary 家访：另一种改正 --amend && $GOLDEN/../tools/listing.sh . --exclude .git > ../before
  $ liushou sync --from ../stick/*教导处.liushou 2>&1 | sed "s#$PWD#.#"
  children/2025-001.yaml：talks (2026-03-12 home_visit T001)：两边改得不一样
  liushou：有 1 处冲突无法自动合并（见上）；档案保持原样。请修改 ./.git/liushou/sync/conflicts 中的文件（在 <<<<<<< ours 与 >>>>>>> theirs 之间保留一方），然后运行 liushou sync --continue；或运行 liushou sync --abort
  [1]
  $ $GOLDEN/../tools/listing.sh . --exclude .git > ../after && cmp ../before ../after && echo byte-identical && liushou sync --status | grep 等待中 | sed "s#$PWD#.#"
  byte-identical
  等待中：f90c62b4ddf2-2026-03-15-教导处.liushou（来自 教导处），有 1 个文件待在 ./.git/liushou/sync/conflicts 中解决
  $ liushou sync --from ../stick/*教导处.liushou
  ! liushou：有一次同步在等待解决冲突：改好后运行 liushou sync --continue，或运行 liushou sync --abort
  [2]
  $ liushou sync --continue 2>&1 | sed "s#$PWD#.#"
  ./.git/liushou/sync/conflicts/children/2025-001.yaml：仍有标出的冲突（<<<<<<< … >>>>>>>）
  liushou：请先解决所有冲突（或运行 liushou sync --abort）；未作任何改动
  [1]
  $ sed -i '/^<<<<<<< ours$/,/^=======$/d; /^>>>>>>> theirs$/d' .git/liushou/sync/conflicts/children/2025-001.yaml && liushou sync --continue | sed 's/档案现在是 [0-9a-f]*/档案现在是 …/' && grep -c 家访：改正 children/2025-001.yaml && liushou check -q --allow-incomplete
  已同步 f90c62b4ddf2-2026-03-15-教导处.liushou（来自 教导处）：档案现在是 …
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
  已放弃同步；档案保持原样
  ! liushou：没有等待中的同步；无需放弃
  [2]

**Status**: per folder written to and PC received from.

  $ liushou sync --status | sed 's/[0-9a-f]\{12\}/…/g' | sed "s#$(dirname $PWD)#..#"
  发往 ../stick：…-2026-03-15-张老师.liushou，2026-03-15（…，全部历史）
  收自 教导处：…-2026-03-15-教导处.liushou，2026-03-15（…）

**--plain** writes an unencrypted file, with a warning; with no recipient, sync refuses.

  $ liushou sync --to ../plain.liushou --plain | sed 's/（[0-9]* 字节/（… 字节/'
  已写入 ../plain.liushou（… 字节，全部历史，未加密）
  ! liushou：警告：文件没有加密：谁捡到都能读到其中每一份档案
  $ (cd ../other && liushou -q key remove 张老师 && liushou sync --to ../x.liushou; ls ../x.liushou)
  ! liushou：liushou.yaml 中没有接收方，写出的文件谁捡到都能读：请为学校的每台电脑运行 liushou key add 名称 AGE1…（--plain 则不加密写出）
  ! ls: cannot access '../x.liushou': No such file or directory
  [2]

**Networks.** Where there is one, the same merge runs through git pull and push to a county's
bare repository: the merge driver (init --hooks in each clone) keeps both sides' talks.

  $ cd .. && git clone -q --bare c county.git && (cd c && git remote add county ../county.git) && (cd t2 && git remote add county ../county.git)
  $ (cd t2 && git pull -q --no-rebase county master && liushou -q --commit log-talk 2025-007 --by T002 --date 2026-03-14 --summary 网上一 && git push -q county HEAD:master)
  $ cd c && liushou -q --commit log-talk 2025-007 --by T001 --date 2026-03-14 --summary 网上二 && git pull -q --no-rebase county master && git push -q county HEAD:master && grep -c -E '网上一|网上二' children/2025-007.yaml
  Auto-merging children/2025-007.yaml
  2

**A new PC** (a teaching point's, never networked) gets its first tree from a whole file: sync
--from FILE --clone DIR makes DIR (new, or an empty folder) only once the bundle verifies and
check passes, with the merge driver and hook set up; a file holding only what is new since an
earlier sync, or a folder already in use, is refused and nothing is made.

  $ cd .. && export LIUSHOU_KEY=$HOME/keys/t2.txt && liushou sync --from later/next.liushou --clone 新电脑; ls -d 新电脑 .新电脑* 2>/dev/null
  ! liushou：later/next.liushou：这个文件只含上次同步以来的新内容；新电脑需要完整的文件：请 教导处 用 liushou sync --to … --full 导出。未作任何改动
  [2]
  $ (cd c && LIUSHOU_KEY=$HOME/keys/coordinator.txt liushou -q sync --to ../whole.liushou --full) && liushou sync --from whole.liushou --clone 新电脑 | sed 's/档案处于 [0-9a-f]*/档案处于 …/'
  已在 新电脑 用 whole.liushou 建立新的档案目录（来自 教导处，2026-03-15）：档案处于 …
  $ git -C 新电脑 rev-parse HEAD^{tree} | cmp - <(git -C c rev-parse HEAD^{tree}) && git -C 新电脑 status --short && git -C 新电脑 config merge.liushou.driver | cut -d' ' -f1-2 && liushou --root 新电脑 sync --status | sed 's/[0-9a-f]\{12\}/…/'
  liushou merge-file
  收自 教导处：whole.liushou，2026-03-15（…）
  $ liushou sync --from whole.liushou --clone 新电脑 && echo 'not shown'
  ! liushou：新电脑：--clone：该文件夹已存在且不是空的；请给出一个新文件夹
  [2]
  $ (cd 新电脑 && liushou -q --commit log-talk 2025-008 --by T002 --date 2026-03-15 --summary 教学点谈心 && liushou -q sync --to ../back.liushou) && (cd c && LIUSHOU_KEY=$HOME/keys/coordinator.txt liushou -q sync --from ../back.liushou && grep -c 教学点谈心 children/2025-008.yaml)
  1

**Killed.** sync --from killed with SIGKILL at moments spread over its life, and at the
renames of its batch: the records are as before or fully synced, and the same sync again ends
as one never killed (tests/tools/sync-kill.sh; the figures go to kills.log).

  $ bash $GOLDEN/../tools/sync-kill.sh kills 6 2> /dev/null
  every killed sync left the records as before or fully synced, and the same sync again ended as one never killed
