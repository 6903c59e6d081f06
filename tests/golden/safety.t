Nothing dangerous in, nothing private out: a tree travels between teachers, clones and the
county, and every file and name in it is untrusted input to the next machine.

1. The hooks quote the tree's path: a directory named to run a command runs nothing, and one
with a space commits.

  $ for d in 'x$(touch PWNED)' '孙桥 小学'; do
  >   mkdir -p "repo/$d" && (cd repo && git init -q . 2>/dev/null; true) && liushou -q init "repo/$d" --school 孙桥镇中心小学 --year 2025-2026 --no-git && (cd "repo/$d" && liushou init --hooks -q && liushou -q enroll --id 2025-001 --name 王小明 && git add -A . && git commit -qm "$d" && echo "committed in $d")
  > done; for f in PWNED repo/PWNED; do test -e $f && echo "$f was created"; done; grep -h '^exec' repo/.git/hooks/pre-commit
  x$(touch PWNED)/children/2025-001.yaml:1:1: warning: incomplete file (建档), missing: gender, birth_date, grade, class, home_address, parents (a parent with name, phone and work_place), guardian.relation, guardian.name, guardian.phone, guardian.address, guardian.occupation, guardian.health, guardian.age
  committed in x$(touch PWNED)
  孙桥 小学/children/2025-001.yaml:1:1: warning: incomplete file (建档), missing: gender, birth_date, grade, class, home_address, parents (a parent with name, phone and work_place), guardian.relation, guardian.name, guardian.phone, guardian.address, guardian.occupation, guardian.health, guardian.age
  committed in 孙桥 小学
  exec liushou --root './孙桥 小学/' check --staged --allow-incomplete -q
  $ cd repo/'孙桥 小学'

3. CSV cells that start like a formula are made text; JSON stays exact.

  $ liushou -q enroll 2025-001 --health '=HYPERLINK("http://x.example","点我")' --notes "@SUM(1+1)" && liushou -q staff add --name "+cmd|' /C calc'!A0" --role teacher
  $ liushou list --format csv | cut -d, -f1,2; liushou staff list --format csv; liushou report child 2025-001 --format csv | grep -E '健康|备注|health|notes'
  学号,姓名
  2025-001,王小明
  编号,姓名,职务,班级,电话
  T001,'+cmd|' /C calc'!A0,任课教师,,
  health,"'=HYPERLINK(""http://x.example"",""点我"")"
  notes,'@SUM(1+1)
  $ liushou report child 2025-001 --format json | grep -o '"health": "=HYPERLINK'
  "health": "=HYPERLINK

5. Messages never repeat a phone or id number, wherever it was typed.

  $ liushou enroll 2025-001 --guardian-age 13912345678; liushou enroll 2025-001 --gender 13987654321
  liushou enroll: --guardian-age: "139******78" is not a number from 0 to 120
  liushou enroll: 2025-001 was not changed
  liushou enroll: --gender: "139******21" is not 男/女 (male/female)
  liushou enroll: 2025-001 was not changed
  [1]
  $ printf '学号,姓名,性别,监护人年龄\n2025-002,李四,１３９１２３４５６７８,420821201608252711\n' > bad.csv && liushou enroll --from-csv bad.csv
  bad.csv:2:3: error: row 2, 性别: "139******78" is not 男/女 (male/female)
  bad.csv:2:4: error: row 2, 监护人年龄: "420*************11" is not a number from 0 to 120
  bad.csv: 2 problems; nothing was imported
  [1]

7. Ids that hold a phone or id number, Windows' device names and ids that differ only in case
are refused.

  $ liushou enroll --id G420821201608252711 --name 甲; liushou enroll --id 13912345678 --name 乙; liushou enroll --id CON --name 丙; liushou enroll --id com1.x --name 丁; liushou enroll --id 2025-00A --name 戊 && liushou enroll --id 2025-00a --name 己
  liushou: the id holds a long number (a phone or 身份证号?); ids appear in file names and commit messages, so use the 学号 or let liushou number the child
  liushou: the id holds a long number (a phone or 身份证号?); ids appear in file names and commit messages, so use the 学号 or let liushou number the child
  liushou: the id "CON" is a name Windows reserves for a device; a clone on Windows could not hold its file
  liushou: the id "com1.x" is a name Windows reserves for a device; a clone on Windows could not hold its file
  added 2025-00A 戊
  liushou: the id 2025-00a differs from 2025-00A only in case; on Windows and macOS they would be one file
  [2]
  $ liushou rename 2025-001 NUL
  liushou: the id "NUL" is a name Windows reserves for a device; a clone on Windows could not hold its file
  [2]

8. Every file with personal data is 0600 and directories 0700, whatever was there before.

  $ chmod 0644 children/2025-001.yaml staff.yaml && liushou -q enroll 2025-001 --health 良好 && liushou -q staff add --name 新老师 && touch out.md && chmod 0644 out.md && liushou -q schedule -o out.md && liushou -q report child --all -o cards && liushou -q list > /dev/null
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
  liushou: .liushou/ is a symbolic link; liushou reads and writes only inside the tree (put the directory itself there)
  liushou: .liushou/ is a symbolic link; liushou reads and writes only inside the tree (put the directory itself there)

10. -o never replaces a symbolic link, a directory or a FIFO; it writes through a FIFO.

  $ ln -s /etc/hostname link.md && liushou schedule -o link.md; ls -l link.md | cut -c1; liushou schedule -o cards
  liushou: -o link.md: a symbolic link; liushou does not replace it (name a file, or use -o - for standard output)
  l
  liushou: -o cards: a directory; name a file in it
  [2]
  $ mkfifo fifo && (cat fifo > from-fifo &) && liushou -q schedule -o fifo && sleep 1 && test -p fifo && head -1 from-fifo
  # 孙桥镇中心小学 2026年3月关爱留守儿童工作清单

11. A bare URL, www. address or e-mail address in a note stays text in rendered Markdown.

  $ liushou -q enroll 2025-001 --notes "见 https://evil.example/x 和 www.evil.example，邮件 a@evil.example"
  $ liushou report child 2025-001 | cmark-gfm -e autolink | grep -c '<a '
  0
  [1]
