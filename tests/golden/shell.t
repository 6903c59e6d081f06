The command line as a new user meets it (#44): help as git and hledger have it, hints for a
mistyped command, namesakes told apart, git's own words in Chinese, init --hooks upgrading a
tree made by an older liushou, and completion on the first TAB of a fresh zsh.

  $ cp -r $EXAMPLES/school school && cd school

liushou help [COMMAND] is COMMAND --help; help alone is the main help.

  $ liushou help > a && liushou --help > b && cmp a b && sed -n 1p a && tail -1 a
  liushou（留守）：学校关爱留守儿童工作的档案、清单与报告
  运行“liushou help 命令”或“liushou 命令 --help”查看命令的选项；详见 man liushou。
  $ liushou help log-talk > a && liushou log-talk --help > b && cmp a b && sed -n 2p a
  用法: liushou log-talk [选项] [id] [more...]
  $ liushou help report summary | sed -n 2p; liushou --lang en help report summary | sed -n 2p
  用法: liushou report summary [选项]
  Usage: liushou report summary [OPTIONS]
Only the command named is given its options (a start builds no other's); a global option's
value is no command, and the words parse as before:
  $ liushou --jobs 2 --lang en help staff > a && liushou staff --help --lang en --jobs 2 > b && cmp a b && grep -c -e '^  add' -e '^  list' a
  2
  $ liushou --root list staff --help > /dev/null; echo $?
  0
  $ liushou --lang en staff add --name 王老师 --bogus
  ! The following argument was not expected: --bogus
  ! Run with --help for more information.
  [2]
  $ liushou help lsit
  ! liushou：没有命令 lsit；是不是要用 list？
  [2]
  $ liushou help frobnicate
  ! liushou：没有命令 frobnicate；liushou --help 列出全部命令
  [2]

A hint counts a swap of two neighbouring letters as one edit (Damerau–Levenshtein).

  $ liushou lsit; liushou reprot summary; liushou --root . satff list; liushou ehlp
  ! liushou：没有命令 lsit；是不是要用 list？
  ! liushou：没有命令 reprot；是不是要用 report？
  ! liushou：没有命令 satff；是不是要用 staff？
  ! liushou：没有命令 ehlp；是不是要用 help？
  [2]
  $ liushou --lang en ilst
  ! liushou: unknown command ilst; did you mean list?
  [2]

No help line is English in zh (tests/tools/help-leak.sh reads every command's --help).

  $ liushou log-talk --help | grep -- '--date'; liushou activity add --help | grep -- '--date'
    --date DATE                 日期（默认今天）
    --date DATE                 日期（默认今天）
  $ bash $TESTDIR/../tools/help-leak.sh
  45 help texts, none with English prose in zh

Namesakes: every message that lists children of one name gives each its id, class (三年级1班),
gender and birth date, so that two of one class are told apart.

  $ liushou -q enroll 2025-040 --name 罗磊 --gender 男 --grade 4 --class 3 --birth-date 2016-03-02
  2025-040
  $ liushou log-talk 罗磊 --by T002 --summary 谈心
  ! liushou：罗磊 是 3 名儿童的名字：2025-014（六年级2班，男，2014-07-26 出生）、2025-026（四年级3班，男，2016-10-06 出生）、2025-040（四年级3班，男，2016-03-02 出生）；请给出学号
  [2]
  $ liushou --lang en report child 罗磊
  ! liushou: 罗磊 is the name of 3 children: 2025-014 (class 6-2, male, born 2014-07-26), 2025-026 (class 4-3, male, born 2016-10-06), 2025-040 (class 4-3, male, born 2016-03-02); give the id
  [2]
  $ liushou pair 2025-001 --buddy 罗磊
  ! liushou pair：--buddy：罗磊 是 3 名儿童的名字：2025-014（六年级2班，男，2014-07-26 出生）、2025-026（四年级3班，男，2016-10-06 出生）、2025-040（四年级3班，男，2016-03-02 出生）；请给出学号
  ! liushou pair：2025-001 未作改动
  [1]
  $ printf '姓名,日期,类型,教师,内容\n罗磊,2026-03-02,谈心,T002,谈心\n' > talks.csv
  $ liushou log-talk --from talks.csv
  ! talks.csv:2:1: 错误：第 2 行，姓名：有 3 名儿童叫 罗磊：2025-014（六年级2班，男，2014-07-26 出生）、2025-026（四年级3班，男，2016-10-06 出生）、2025-040（四年级3班，男，2016-03-02 出生）；请用学号列
  ! talks.csv：1 处问题，未登记任何记录
  [1]
  $ rm talks.csv

git's own words are quoted as git said them, in a Chinese frame.

  $ cd .. && cp -r school g && cd g && git init -q && git add -A && git -c user.name=t -c user.email=t@x commit -qm x
  $ GIT_COMMITTER_DATE=never liushou --commit enroll 2025-002 --health 过敏
  已修改 2025-002：健康状况
  ! liushou：.：--commit：git commit 失败（文件已写入并已暂存；排除原因后，下一条带 --commit 的命令会提交它们）
  !   git 的原话：“fatal: invalid date format: never”
  [4]
  $ cd .. && rm -rf g

init --hooks in a tree made by an older liushou adds what it lacks (the liushou.yaml merge
attribute, the merge driver, the hooks), says each change, and changes nothing else.

  $ cp -r school old && cd old && sed -i '/^liushou.yaml merge=liushou$/d' .gitattributes
  $ git init -q && git add -A && git -c user.name=t -c user.email=t@x commit -qm old
  $ bash $TESTDIR/../tools/listing.sh . --exclude .git > ../before
  $ liushou init --hooks
  .gitattributes：已添加 liushou.yaml merge=liushou
  合并驱动：.git/config 中的 merge.liushou（children/*.yaml 和 liushou.yaml merge=liushou）
  pre-commit 钩子：liushou check --staged
  pre-merge-commit 钩子：liushou check --staged
  请提交上面列出的文件，让每个克隆都有它们
  $ git status --short && git diff -U0 | tail -1
   M .gitattributes
  +liushou.yaml merge=liushou
  $ bash $TESTDIR/../tools/listing.sh . --exclude .git | diff ../before - | grep '^[<>]' | cut -d' ' -f1-4
  < ./.gitattributes f 644
  > ./.gitattributes f 644
  [1]
  $ git check-attr merge liushou.yaml children/2025-001.yaml
  liushou.yaml: merge: liushou
  children/2025-001.yaml: merge: liushou
  $ liushou init --hooks; liushou --lang en init --hooks
  无需改动：档案目录已有 liushou 的 git 属性、合并驱动和钩子
  nothing to do: the tree has liushou's git attributes, merge driver and hooks

A hook of an older liushou is replaced, a foreign one left with the line to add; nothing else.

  $ printf '#!/bin/sh\n# installed by liushou init --hooks\nexit 0\n' > .git/hooks/pre-commit
  $ printf '#!/bin/sh\necho mine\n' > .git/hooks/pre-merge-commit
  $ liushou init --hooks | sed 's|/[^ ]*/old/|.../old/|'
  pre-commit 钩子：已换成当前版本（liushou check --staged）
  pre-merge-commit 钩子：.../old/.git/hooks/pre-merge-commit 已存在且不是 liushou 的；请在其中加上这一行：liushou --root './' check --staged --allow-incomplete -q
  $ cat .git/hooks/pre-merge-commit
  #!/bin/sh
  echo mine

The examples are regenerated with the current attributes.

  $ diff $EXAMPLES/school/.gitattributes .gitattributes && echo same
  same

An output whose program is missing names the Debian package that gives it (here with only
liushou on PATH).

  $ cd .. && mkdir nothing && ln -s "$(command -v liushou)" nothing/liushou
  $ PATH=$PWD/nothing liushou init bare --school 测试小学 -q
  ! liushou：本机没有安装 git，档案目录因此不是 git 仓库（没有历史、钩子和同步）；请安装 Debian 的 git 软件包，再在档案目录中运行 liushou init --hooks
  $ PATH=$PWD/nothing liushou --lang en init --hooks bare
  ! liushou: --hooks needs git, which is not installed (Debian: apt install git)
  [2]
  $ PATH=$PWD/nothing liushou --root school report summary --format docx -o x.docx
  ! liushou：--format docx 要用 pandoc 生成 Word 文档，本机没有安装（请安装 Debian 的 pandoc 软件包）
  [2]

zsh completes on the first TAB of a fresh interactive shell with the installed _liushou
(under a pseudo-terminal, tests/tools/zsh-complete.py), ids from the tree --root names.

  $ cmake --install $BUILD --prefix $PWD/stage > /dev/null
  $ python3 $TESTDIR/../tools/zsh-complete.py $PWD/stage/share/zsh/vendor-completions 'liushou lis' 'liushou --root school report child 2025-04' 'liushou help rep' 'liushou staff list --form'
  liushou list 
  liushou --root school report child 2025-040 
  liushou help report 
  liushou staff list --format 
