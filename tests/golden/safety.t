Nothing dangerous in, nothing private out: a tree travels between teachers, clones and the
county, and every file and name in it is untrusted input to the next machine.

1. The hooks quote the tree's path: a directory named to run a command runs nothing, and one
with a space commits.

  $ for d in 'x$(touch PWNED)' '孙桥 小学'; do
  >   mkdir -p "repo/$d" && (cd repo && git init -q . 2>/dev/null; true) && liushou -q init "repo/$d" --school 孙桥镇中心小学 --year 2025-2026 --no-git && (cd "repo/$d" && liushou init --hooks -q && liushou -q enroll --id 2025-001 --name 王小明 && git add -A . && git commit -qm "$d" && echo "committed in $d")
  > done; for f in PWNED repo/PWNED; do test -e $f && echo "$f was created"; done; grep -h '^exec' repo/.git/hooks/pre-commit
  2025-001
  committed in x$(touch PWNED)
  2025-001
  committed in 孙桥 小学
  exec liushou --root './孙桥 小学/' check --staged --allow-incomplete -q
  ! x$(touch PWNED)/children/2025-001.yaml:1:1: 警告：档案不完整（建档），缺：性别、出生日期、年级、班级、家庭住址、父母信息（至少一位家长的姓名、电话和务工地址）、监护人关系、监护人姓名、监护人电话、监护人住址、监护人职业、监护人健康状况、监护人年龄
  ! 孙桥 小学/children/2025-001.yaml:1:1: 警告：档案不完整（建档），缺：性别、出生日期、年级、班级、家庭住址、父母信息（至少一位家长的姓名、电话和务工地址）、监护人关系、监护人姓名、监护人电话、监护人住址、监护人职业、监护人健康状况、监护人年龄
  $ cd repo/'孙桥 小学'

3. CSV cells that start like a formula are made text; JSON stays exact.

  $ liushou -q enroll 2025-001 --health '=HYPERLINK("http://x.example","点我")' --notes "@SUM(1+1)" && liushou -q staff add --name "+cmd|' /C calc'!A0" --role teacher
  T001
  $ liushou list --format csv | cut -d, -f1,2; liushou staff list --format csv; liushou report child 2025-001 --format csv | grep -E '健康|备注|health|notes'
  学号,姓名
  2025-001,王小明
  编号,姓名,职务,班级,电话
  T001,'+cmd|' /C calc'!A0,任课教师,,
  健康状况,"'=HYPERLINK(""http://x.example"",""点我"")"
  备注,'@SUM(1+1)
  $ liushou report child 2025-001 --format json | grep -o '"health": "=HYPERLINK'
  "health": "=HYPERLINK

5. Messages never repeat a phone or id number, wherever it was typed.

  $ liushou enroll 2025-001 --guardian-age 13912345678; liushou enroll 2025-001 --gender 13987654321
  ! liushou enroll：--guardian-age：“139******78”不是 0 到 120 之间的数字
  ! liushou enroll：2025-001 未作改动
  ! liushou enroll：--gender：“139******21”不是男或女
  ! liushou enroll：2025-001 未作改动
  [1]
  $ printf '学号,姓名,性别,监护人年龄\n2025-002,李四,１３９１２３４５６７８,420821201608252711\n' > bad.csv && liushou enroll --from-csv bad.csv
  ! bad.csv:2:3: 错误：第 2 行，性别：“139******78”不是男或女
  ! bad.csv:2:4: 错误：第 2 行，监护人年龄：“420*************11”不是 0 到 120 之间的数字
  ! bad.csv：2 处问题，未导入任何内容
  [1]

7. Ids that hold a phone or id number, Windows' device names and ids that differ only in case
are refused.

  $ liushou enroll --id G420821201608252711 --name 甲; liushou enroll --id 13912345678 --name 乙; liushou enroll --id CON --name 丙; liushou enroll --id com1.x --name 丁; liushou enroll --id 2025-00A --name 戊 && liushou enroll --id 2025-00a --name 己
  已添加 2025-00A 戊
  ! liushou：学号中有一长串数字（电话或身份证号？）；学号会出现在文件名和提交说明里，请用学籍上的学号，或让 liushou 自动编号
  ! liushou：学号中有一长串数字（电话或身份证号？）；学号会出现在文件名和提交说明里，请用学籍上的学号，或让 liushou 自动编号
  ! liushou：学号“CON”是 Windows 保留的设备名，Windows 上的副本无法存放这个文件
  ! liushou：学号“com1.x”是 Windows 保留的设备名，Windows 上的副本无法存放这个文件
  ! liushou：学号 2025-00a 与 2025-00A 只有大小写不同，在 Windows 和 macOS 上会是同一个文件
  [2]
  $ liushou rename 2025-001 NUL
  ! liushou：学号“NUL”是 Windows 保留的设备名，Windows 上的副本无法存放这个文件
  [2]

8. Every file with personal data is 0600 and directories 0700, whatever was there before.

  $ chmod 0644 children/2025-001.yaml staff.yaml && liushou -q enroll 2025-001 --health 良好 && liushou -q staff add --name 新老师 && touch out.md && chmod 0644 out.md && liushou -q schedule -o out.md && liushou -q report child --all -o cards/ && liushou -q list > /dev/null
  T002
  $ stat -c '%a %n' children/2025-001.yaml staff.yaml liushou.yaml out.md cards cards/2025-001.md .liushou .liushou/cache children
  600 children/2025-001.yaml
  600 staff.yaml
  600 liushou.yaml
  600 out.md
  700 cards
  600 cards/2025-001.md
  700 .liushou
  700 .liushou/cache
  700 children

9. children/ or .liushou/ as a link out of the tree is refused, for reading and writing.

  $ mkdir ../elsewhere && mv .liushou ../elsewhere/state && ln -s ../elsewhere/state .liushou && liushou list; liushou -q log-talk 2025-001 --by T001 --summary x; rm .liushou
  ! liushou：.liushou/ 是符号链接；liushou 只在档案目录内读写（请把目录本身放在那里）
  ! liushou：.liushou/ 是符号链接；liushou 只在档案目录内读写（请把目录本身放在那里）

10. -o never replaces a symbolic link, a directory or a FIFO; it writes through a FIFO.

  $ ln -s /etc/hostname link.md && liushou schedule -o link.md; ls -l link.md | cut -c1; liushou schedule -o cards
  l
  ! liushou：-o link.md：这是符号链接，liushou 不会替换它（请给出文件名，或用 -o - 输出到屏幕）
  ! liushou：-o cards：这是目录，请给出其中的文件名
  [2]
  $ mkfifo fifo && (cat fifo > from-fifo &) && liushou -q schedule -o fifo && sleep 1 && test -p fifo && head -1 from-fifo
  # 孙桥镇中心小学 2026年3月关爱留守儿童工作清单

11. A bare URL, www. address or e-mail address in a note stays text in rendered Markdown.

  $ liushou -q enroll 2025-001 --notes "见 https://evil.example/x 和 www.evil.example，邮件 a@evil.example"
  $ liushou report child 2025-001 | cmark-gfm -e autolink | grep -c '<a '
  0
  [1]

12. report child --all -o DIR: a new DIR appears whole (the hidden directory the cards were
written in is gone, and one a killed run left is cleared); into a DIR that exists each card
replaces its own and other files stay; a link or a file named as DIR is refused.

  $ mkdir -p out/.档案卡.tmp.999999999.3 && echo 王小明 > out/.档案卡.tmp.999999999.3/2025-001.md && liushou report child --all -o out/档案卡/ && ls -A out && ls -A out/档案卡 && stat -c '%a' out/档案卡
  已写入 2 个文件到 out/档案卡/
  档案卡
  2025-001.md
  2025-00A.md
  700
  $ echo 旧 > out/档案卡/2025-001.md && echo 我的笔记 > out/档案卡/笔记.txt && chmod 0755 out/档案卡 && liushou -q report child --all -o out/档案卡 && ls -A out out/档案卡 && head -1 out/档案卡/2025-001.md && cat out/档案卡/笔记.txt && stat -c '%a' out/档案卡
  out:
  档案卡
  
  out/档案卡:
  2025-001.md
  2025-00A.md
  笔记.txt
  # 留守儿童档案卡：王小明（2025-001）
  我的笔记
  700
  $ ln -s out/档案卡 cards-link && liushou report child --all -o cards-link; liushou report child --all -o from-fifo/; ls -A out
  档案卡
  ! liushou：-o cards-link：这是符号链接，请直接给出目录
  ! liushou：-o from-fifo/：这是文件，不是目录；请给出存放档案卡的目录（或用 FILE.html 输出为一页）
