Reports that leave the school: --redact masks every phone number, id number and house number,
and no user text can break a table or inject HTML.

  $ export LIUSHOU_TODAY=2026-03-31
  $ liushou init school --school 孙桥镇中心小学 --year 2025-2026 --no-git -q && cd school
  $ liushou -q staff add --name 张老师 --phone 13700000001
  T001
  $ gensheet --rows 20 --ids --enrolled-on 2025-09-01 > sheet.csv && liushou -q enroll --from-csv sheet.csv
  $ gensheet --talks --rows 20 --from 2025-09 --to 2026-03 --teachers 1 > talks.csv && liushou -q log-talk --from-csv talks.csv
  $ liushou -q pair 2025-001 --teacher T001 --proxy-parent "张丽 13912345678（邻居，住5组7号）"
  $ liushou -q log-talk 2025-002 --by T001 --summary '<script>alert(1)</script> a|b' --follow-up '给妈妈打电话 0755-27601234'
  $ liushou -q enroll 2025-003 --notes '奶奶新号码 139 1234 5678'

Everything personal in the tree: phones, id numbers, and house numbers of addresses.

  $ cat children/*.yaml staff.yaml | grep -oE '1[3-9][0-9]{9}|0[0-9]{2,3}-[0-9]{7,8}|[0-9]{17}[0-9X]|139 1234 5678' | sort -u > secrets
  $ grep -ohE '[0-9]+号' children/*.yaml | sort -u >> secrets
  $ wc -l < secrets
  135
  $ liushou report summary --redact > out.md
  $ liushou report class 3 1 --redact >> out.md
  $ liushou report class 5 2 --redact --format csv >> out.md
  $ liushou report talks --month 2026-03 --redact >> out.md
  $ liushou report talks --month 2026-03 --redact --format json >> out.md
  $ liushou report child --all -o cards/ --redact --format md
  已写入 20 个文件到 cards/
  $ liushou report child --all -o cards-json/ --redact --format json -q
  $ cat cards/*.md cards-json/*.json >> out.md
  $ grep -cFf secrets out.md
  0
  [1]
  $ grep -cF '\*\*\*\*' cards/2025-001.md
  5
  $ grep -E '张丽|^\| 身份证号|^\| 家庭住址' cards/2025-001.md
  | 身份证号 | 420821\*\*\*\*\*\*\*\*\*\*\*\* |
  | 家庭住址 | 湖北省京山县孙桥镇丁畈村8组\*号 |
  | 2026-03-31 起 | 张老师（T001） |  | 张丽 139\*\*\*\*5678（邻居，住5组\*号） |
  $ grep -h '0755-' cards/2025-002.md
  | 2026-03-31 | 谈心 | 张老师（T001） | \<script\>alert(1)\</script\> a\|b |  | 给妈妈打电话 0755-\*\*\*\*1234 |
  $ grep -h '奶奶新号码' cards/2025-003.md
  奶奶新号码 139\*\*\*\*5678

Without --redact the same card shows them (the school's own copy).

  $ liushou report child 2025-001 | grep -cFf secrets
  6

A talk summary of <script>alert(1)</script> a|b: no script element, and the talk table keeps
its nine columns in every row.

  $ liushou report talks --month 2026-03 > talks.md
  $ cmark-gfm --unsafe -e table talks.md > talks.html
  $ grep -c '<script' talks.html
  0
  [1]
  $ grep -o '&lt;script&gt;alert(1)&lt;/script&gt; a|b' talks.html
  &lt;script&gt;alert(1)&lt;/script&gt; a|b
  $ awk '/<tr>/{n=0} /<t[dh]/{n++} /<\/tr>/{print n}' talks.html | sort -u
  9
  $ liushou report child 2025-002 > card.md && cmark-gfm --unsafe -e table card.md | grep -c '<script'
  0
  [1]

--redact masks everything printed, in every format and report, over one tree or a county's:
a template's own words, pages, workbooks, Word documents, the cards on one page, a county's
CSV, cards and workbook. The same secrets are nowhere in any of them (though the masked phone
is there ten times: the outputs do hold the text), and the template shows them without --redact.

  $ printf '# {{学校}}总结\n\n联系人 张丽 13912345678，住5组7号；奶奶 一三九 1234 5678。\n' > t.md
  $ liushou report summary --template t.md | grep -cFf secrets
  1
  $ liushou report summary --template t.md --redact | tee all.txt | tail -1
  联系人 张丽 139\*\*\*\*5678，住5组\*号；奶奶 139\*\*\*\*5678。
  $ for f in html xlsx docx; do
  >   liushou report summary --redact -o s.$f -q
  >   liushou report class 3 1 --redact -o c.$f -q
  >   liushou report talks --month 2026-03 --redact -o t.$f -q
  >   liushou report child 2025-001 --redact -o k.$f -q
  > done
  $ liushou report child --all --redact -o cards.html -q
  $ cp -r . ../other && sed -i 's/^school: .*/school: 另一小学/' ../other/liushou.yaml
  $ liushou --root . --root ../other report summary --redact --format csv >> all.txt
  $ liushou --root . --root ../other report child --all --redact -o county-cards/ -q --format json
  $ liushou --root . --root ../other report talks --month 2026-03 --redact -o county.xlsx -q
  $ cat county-cards/* [sctk].html cards.html >> all.txt
  $ for f in *.xlsx *.docx; do
  >   python3 -c 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); print("".join(z.read(n).decode() for n in z.namelist() if n.endswith(".xml")))' $f >> all.txt
  > done
  $ grep -c '139\*\*\*\*5678\|139\\\*\\\*\\\*\\\*5678' all.txt
  10
  $ grep -cFf secrets all.txt
  0
  [1]
