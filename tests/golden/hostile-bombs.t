Bombs (#40, part 4 and 5): a copied tree's file that would make a reader run for minutes or
fill memory is refused, quickly, with a message naming the file, the line and the reason.
Each case proves with a before/after listing (tests/tools/listing.sh: modes, owners, hashes)
that nothing outside the tree it was given changed. scripts/bench --bombs measures them.

  $ L=$TESTDIR/../tools/listing.sh && H=$TESTDIR/../hostile
  $ liushou -q --commit init origin --school 孙桥镇中心小学 --year 2025-2026 && cd origin
  $ liushou -q --commit staff add --name 张老师 --role teacher
  T001
  $ liushou -q --commit enroll --id 2025-001 --name 王小明 --gender 男 --birth-date 2016-08-26 --enrolled-on 2022-09-01 --grade 4 --class 2 --health 良好
  2025-001
  $ cd .. && git clone -q origin a && git clone -q origin b && (cd a && liushou init --hooks -q) && (cd b && liushou init --hooks -q)

**merge-file and an alias bomb.** One clone commits a child's file ending in the corpus's
alias bomb (nine lists of nine, nested: billions of nodes once built). The other teacher's
`git pull` answers at once: the driver refuses the bomb's side before yaml-cpp builds it,
the whole file is one conflict (each side verbatim), and check names it until a side is kept.

  $ cd b && sed -n '/^a: &a/,$p' $H/records/alias-bomb.yaml >> children/2025-001.yaml && git commit -q --no-verify -am "a copied file"
  $ cd ../a && liushou -q --commit enroll 2025-001 --health 一般 && $L .. --exclude a --exclude before > ../before
  $ timeout 20 git pull -q --no-rebase ../b master; echo "exit $?"
  Auto-merging children/2025-001.yaml
  CONFLICT (content): Merge conflict in children/2025-001.yaml
  Automatic merge failed; fix conflicts and then commit the result.
  exit 1
  ! liushou merge-file：children/2025-001.yaml（对方）第 12 行：liushou 文件中不能用别名（*name），请直接写出值；没有合并：整个文件作为一处冲突放在 <<<<<<< ours 与 >>>>>>> theirs 之间（git checkout --ours 或 --theirs 文件 可保留其中一方）
  $ $L .. --exclude a --exclude before | diff ../before - && echo "nothing outside a changed"
  nothing outside a changed
  $ head -1 children/2025-001.yaml && grep -c '^=======$' children/2025-001.yaml && tail -1 children/2025-001.yaml
  <<<<<<< ours
  1
  >>>>>>> theirs
  $ liushou check -q --allow-incomplete
  children/2025-001.yaml:1:1: 错误：有未解决的合并冲突：请保留其中一方的内容，删去 <<<<<<<、======= 和 >>>>>>> 这几行
  [1]
  $ git checkout -q --ours children/2025-001.yaml && grep '^health' children/2025-001.yaml && liushou check -q --allow-incomplete 2>&1 | grep -c 错误
  health: 一般
  0
  [1]
  $ git add children && git commit -qm "kept ours" && cd ..

The driver run by hand, in English: each side is held to check's limits (the base too), with
the side and line named; a tag and nesting past the parser's guard are refused the same way, and a
side larger than 1 MiB is not read at all (the file is left as ours).

  $ cp a/children/2025-001.yaml base.yaml && cp base.yaml ours.yaml && cp $H/records/alias-bomb.yaml bomb.yaml
  $ LIUSHOU_LANG=en liushou merge-file bomb.yaml ours.yaml base.yaml children/2025-001.yaml; echo "exit $?"
  exit 1
  ! liushou merge-file: children/2025-001.yaml (the common ancestor), line 27: aliases (*name) are not allowed in liushou files; write the value out; not merged: the whole file is one conflict between <<<<<<< ours and >>>>>>> theirs (git checkout --ours or --theirs FILE keeps one side)
  $ cp base.yaml ours.yaml && (cat base.yaml; echo 'x: !!binary aGk=') > tagged.yaml && liushou merge-file base.yaml ours.yaml tagged.yaml children/2025-001.yaml; echo "exit $?"
  exit 1
  ! liushou merge-file：children/2025-001.yaml（对方）第 11 行：liushou 文件中不能用标签（!!binary）；没有合并：整个文件作为一处冲突放在 <<<<<<< ours 与 >>>>>>> theirs 之间（git checkout --ours 或 --theirs 文件 可保留其中一方）
  $ cp base.yaml ours.yaml && (cat base.yaml; printf 'x: '; head -c 3000 /dev/zero | tr '\0' '[') > deep.yaml && liushou merge-file base.yaml ours.yaml deep.yaml children/2025-001.yaml 2>&1 | grep -o '嵌套超过 [0-9]* 层'; echo "exit $?"
  嵌套超过 500 层
  exit 1
  $ cp base.yaml ours.yaml && (cat base.yaml; head -c 1100000 /dev/zero | tr '\0' 'x' | fold -w 80 | sed 's/^/# /') > big.yaml && liushou merge-file base.yaml ours.yaml big.yaml children/2025-001.yaml; echo "exit $?"; cmp base.yaml ours.yaml && echo "ours left as it was"
  exit 1
  ours left as it was
  ! liushou merge-file：children/2025-001.yaml（对方）：big.yaml：文件有 1.1 MB，超过 1 MiB 的上限；没有合并，文件保留我方的内容并标为冲突

**A report period of two thousand years.** `--from 0001-01-01` walked every month of it for
every child; a period may span at most 20 years up to the day the figures are for, whatever
its source. A far `--to` alone is fine: the figures stop at today.

  $ cd a && $L .. --exclude a --exclude before > ../before
  $ liushou report summary --from 0001-01-01 --to 9999-12-31
  ! liushou：0001-01-01 至 2026-03-15 这段时间超过 20 年，这是一份报告最长能涵盖的时间；请给一个更短的时段
  [2]
  $ liushou report summary --from 2025-09-01 --to 9999-12-31 | head -1
  # 孙桥镇中心小学 关爱留守儿童工作总结
  $ sed -i '0,/from: 2025-09-01/s//from: 0001-09-01/' liushou.yaml && liushou report summary --term 第一学期; echo "exit $?"; git checkout -q liushou.yaml
  exit 2
  ! liushou：liushou.yaml 中的第一学期（0001-09-01 至 2026-01-31）超过 20 年，这是一份报告最长能涵盖的时间；请给一个更短的时段
  $ $L .. --exclude a --exclude before | diff ../before - && echo "nothing outside a changed" && cd ..
  nothing outside a changed

**County manifests.** One school twice (the same directory, a tree and its clone, a link loop)
is refused naming both lines; every manifest error is printed with its line and reason, by
the reports and by county status.

  $ git clone -q --bare origin origin.git && $L . --exclude before > before
  $ liushou county init --county-name 京山县 --school a --school ./a/; echo "exit $?"
  exit 2
  ! liushou：--school a 与 --school ./a/ 是同一个目录；每所学校只列一次
  $ liushou county init --county-name 京山县 --school a --school origin.git; echo "exit $?"
  exit 2
  ! liushou：--school a 与 --school origin.git 是同一所学校（liushou.yaml 中的孙桥镇中心小学）；每所学校只列一次
  $ $L . --exclude before | diff before - && echo "nothing written"
  nothing written
  $ printf 'county: 京山县\nschools:\n  - path: a\n  - git: a\n  - path: ./a/.git/..\n' > twice.yaml && liushou county status --county twice.yaml
  ! twice.yaml:4:5: 错误：第 2 所学校：a（ref HEAD） 与第 3 行（a）是同一个目录：一所学校列了两次，其中的儿童会被算两次；请只保留一处
  ! twice.yaml:5:5: 错误：第 3 所学校：./a/.git/.. 与第 3 行（a）是同一个目录：一所学校列了两次，其中的儿童会被算两次；请只保留一处
  ! liushou：twice.yaml：请先改正学校清单，未生成报告
  [1]
  $ printf 'county: 京山县\nschools:\n  - path: a\n  - git: origin.git\n' > clone.yaml && liushou report summary --county clone.yaml
  ! liushou：clone.yaml:4：学校 origin.git（ref HEAD） 与第 3 行（a）是同一所学校（liushou.yaml 中的孙桥镇中心小学）：一所学校列了两次，其中的儿童会被算两次；请只保留一处
  [1]
  $ ln -s loop1 loop2 && ln -s loop2 loop1 && printf 'county: 京山县\nschools:\n  - path: a\n  - path: loop1\n' > loop.yaml && liushou county status --county loop.yaml
  ! loop.yaml:4:5: 错误：第 2 所学校：loop1：无法读取：符号链接层数过多（可能是链接绕成了圈）
  ! liushou：loop.yaml：请先改正学校清单，未生成报告
  [1]
  $ liushou county init --county-name 京山县 --school loop1; echo "exit $?"
  exit 2
  ! liushou：--school loop1：无法读取：符号链接层数过多（可能是链接绕成了圈）
  $ printf 'county: 京山县\nschools:\n  - path: a\n    git: b\n' > bad.yaml && liushou county status --county bad.yaml
  ! bad.yaml:3:5: 错误：第 1 所学校：请给出档案目录（path:）或仓库（git:），两者选一
  ! liushou：bad.yaml：请先改正学校清单，未生成报告
  [1]
  $ printf 'county: 京山县\nschools:\n  - path: a\n' > one.yaml && liushou county status --county one.yaml --format json | jq -c '.schools[] | [.school, .children]'
  ["孙桥镇中心小学",1]
