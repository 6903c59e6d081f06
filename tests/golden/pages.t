Pages for screen and paper (--format html): one self-contained file with inline CSS, a print
stylesheet (A4, one card a page) and charts drawn as inline SVG; the Markdown stays as it was.

  $ cp -r "$EXAMPLES/school" school && cd school
  $ liushou report summary > summary.md && liushou report summary --format html > summary.html

The page's head: the language, the title, the style (system fonts only) and the print rules.

  $ sed -n '1,/^<style>/p' summary.html
  <!DOCTYPE html>
  <html lang="zh-CN">
  <head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="generator" content="liushou">
  <title>孙桥镇中心小学 关爱留守儿童工作总结</title>
  <style>
  $ sed -n '/^<style>/,/^<\/style>/p' summary.html | grep -E '^@page|^@media print|break-after: page|break-inside|^  font-family'
    font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei",
  @page { size: A4; margin: 15mm 14mm 16mm; }
  @media print {
    tr, li, figure { break-inside: avoid; }
    section.card { break-after: page; font-size: 9pt; line-height: 1.3; }

Its body has the same headings, lists and tables as the Markdown, the numbers right-aligned.

  $ sed -n '/^<body>/,/^<h2>各年级/p' summary.html | grep -vE '^<tr><td>[一二三四五六]年级'
  <body>
  <h1>孙桥镇中心小学 关爱留守儿童工作总结</h1>
  <ul>
  <li>统计期间：第二学期 2026-02-01 至 2026-07-31</li>
  <li>截至：2026-03-15（数据计算至 2026-03-15）</li>
  <li>数据来源：孙桥镇中心小学（京山县，2025-2026），不在 git 仓库中</li>
  <li>领导小组：组长 喻校长；副组长 杨副校长；组员 张老师、李老师、赵老师</li>
  </ul>
  <h2>基本情况</h2>
  <table>
  <thead><tr><th>项目</th><th class="num">人数</th></tr></thead>
  <tbody>
  <tr><td>期初在读</td><td class="num">30</td></tr>
  <tr><td>新入学</td><td class="num">0</td></tr>
  <tr><td>转入</td><td class="num">0</td></tr>
  <tr><td>转出</td><td class="num">0</td></tr>
  <tr><td>辍学</td><td class="num">0</td></tr>
  <tr><td>毕业</td><td class="num">0</td></tr>
  <tr><td>其他离校</td><td class="num">0</td></tr>
  <tr><td>期末在读</td><td class="num">30</td></tr>
  <tr><td>其中双亲外出</td><td class="num">19</td></tr>
  <tr><td>其中父亲外出</td><td class="num">9</td></tr>
  <tr><td>其中母亲外出</td><td class="num">2</td></tr>
  <tr><td>寄宿</td><td class="num">4</td></tr>
  <tr><td>重点帮扶对象</td><td class="num">1</td></tr>
  <tr><td>享受资助</td><td class="num">3</td></tr>
  <tr><td>未入学</td><td class="num">0</td></tr>
  </tbody>
  </table>
  <h2>各年级、各班人数变动</h2>

The charts: the monthly talks as columns, each rate of the class table as bars per class
with the 100% line. Each bar is as long as its rate: the drawing's unit is one percentage
point, and every bar is checked against the JSON's figure by a second reader.

  $ liushou report summary --format json > summary.json
  $ python3 "$TESTDIR/../tools/page-check.py" charts summary.html summary.json | grep -vE '^  [一二三四五六]年级[1-3]班 100.0$'
  每月谈心完成率 (columns, 1)
    2026-03 80.0
  各班建档率 (bars, 16)
    一年级3班 50.0
    二年级2班 50.0
  各班入学率 (bars, 16)
  各班巩固率 (bars, 16)
  各班结对率 (bars, 16)
  各班谈心完成率 (bars, 16)
    一年级2班 0.0
    二年级2班 50.0
    三年级3班 50.0
    五年级1班 66.7
    六年级3班 66.7
  各班家访覆盖率 (bars, 16)
    一年级1班 0.0
    一年级2班 0.0
    一年级3班 0.0
    二年级1班 0.0
    二年级2班 0.0
    三年级2班 0.0
    三年级3班 0.0
    四年级1班 0.0
    四年级2班 0.0
    四年级3班 0.0
    五年级1班 0.0
    五年级2班 0.0
    五年级3班 0.0
    六年级1班 0.0
    六年级2班 0.0
    六年级3班 0.0
  97 bars in 7 charts: each as long as its rate
  $ sed -n '/<svg/,/<\/svg>/p' summary.html | sed -n '1,/<\/svg>/p'
  <svg viewBox="0 0 60.0 126.0" width="108.0" height="226.8" role="img" aria-label="每月谈心完成率" font-size="5" font-family="Noto Sans CJK SC, Source Han Sans SC, PingFang SC, Microsoft YaHei, sans-serif" fill="#111">
  <title>每月谈心完成率</title>
  <text x="14" y="6.5" font-weight="bold">每月谈心完成率</text>
  <line x1="14" y1="116.0" x2="38.2" y2="116.0" stroke="#111" stroke-width="0.35"/>
  <text x="13" y="117.2" text-anchor="end" font-size="4.5">0%</text>
  <line x1="14" y1="66.0" x2="38.2" y2="66.0" stroke="#111" stroke-width="0.2" stroke-dasharray="1.5 1.5"/>
  <text x="13" y="67.2" text-anchor="end" font-size="4.5">50%</text>
  <line x1="14" y1="16.0" x2="38.2" y2="16.0" stroke="#111" stroke-width="0.35"/>
  <text x="13" y="17.2" text-anchor="end" font-size="4.5">100%</text>
  <rect class="bar" x="20.1" y="36.0" width="10.0" height="80.0" fill="#4a4a4a" data-percent="80.0"><title>2026-03 80.0%</title></rect>
  <text x="25.1" y="34.5" text-anchor="middle" font-size="4.5">80.0%</text>
  <text x="25.1" y="122.0" text-anchor="middle">2026-03</text>
  </svg>

Nothing in any page can run or fetch anything: no script, no on…= attribute, no address.

  $ liushou report child 2025-001 --format html > card.html
  $ liushou report class 4-2 --format html > class.html
  $ liushou report talks --format html > talks.html
  $ liushou report subsidies --format html > subsidies.html
  $ liushou schedule --format html > schedule.html
  $ python3 "$TESTDIR/../tools/page-check.py" safe *.html
  card.html: safe
  class.html: safe
  schedule.html: safe
  subsidies.html: safe
  summary.html: safe
  talks.html: safe

The text a reader sees is the Markdown's: cmark-gfm's HTML of the Markdown reads the same,
word for word, for the roster, the talk log, the subsidies and the checklist.

  $ for r in "report class 4-2" "report talks" "report subsidies" schedule; do
  >   liushou $r > r.md && cmark-gfm -e table -e tasklist r.md > ref.html
  >   python3 "$TESTDIR/../tools/page-check.py" text ref.html | sed 's/^ //' > want
  >   liushou $r --format html > got.html
  >   python3 "$TESTDIR/../tools/page-check.py" text got.html | sed '1d; s/^ //; s/^[☐☑]//' > got
  >   diff want got && echo "$r: same text"
  > done
  report class 4-2: same text
  report talks: same text
  report subsidies: same text
  schedule: same text

A card: the long list of 基本情况 two items a row, as on the paper 档案卡.

  $ sed -n '/^<body>/,/^<h2>父母/p' card.html
  <body>
  <h1>留守儿童档案卡：陈欣怡（2025-001）</h1>
  <ul>
  <li>学校：孙桥镇中心小学</li>
  <li>档案：完整</li>
  </ul>
  <h2>基本情况</h2>
  <table class="pairs">
  <thead><tr><th>项目</th><th>内容</th><th>项目</th><th>内容</th></tr></thead>
  <tbody>
  <tr><th>学号</th><td>2025-001</td><th>姓名</th><td>陈欣怡</td></tr>
  <tr><th>性别</th><td>男</td><th>出生日期</th><td>2016-08-25</td></tr>
  <tr><th>身份证号</th><td>420821201608252711</td><th>民族</th><td>汉族</td></tr>
  <tr><th>班级</th><td>四年级2班</td><th>入学日期</th><td>2022-09-01</td></tr>
  <tr><th>状态</th><td>在读</td><th>留守类型</th><td>父亲外出</td></tr>
  <tr><th>寄宿</th><td>否</td><th>健康状况</th><td>良好</td></tr>
  <tr><th>家庭住址</th><td>湖北省京山县孙桥镇石龙村1组35号</td></tr>
  </tbody>
  </table>
  <h2>父母</h2>

Every card in one page, a card to a sheet of paper (-o FILE.html asks for html); with -o DIR
(a folder: one that exists, or a name ending in /) a file each, as with Markdown.

  $ liushou report child --all -o 档案卡.html
  已写入 档案卡.html
  $ grep -c '^<section class="card">$' 档案卡.html
  30
  $ grep -o '<title>.*</title>' 档案卡.html
  <title>孙桥镇中心小学 留守儿童档案卡（30 名）</title>
  $ liushou report child --all --format html -o cards/ -q && ls cards | head -3 && ls cards | wc -l
  2025-001.html
  2025-002.html
  2025-003.html
  30

The checklist's tasks are boxes to tick on paper.

  $ grep -m3 '<li' schedule.html | tail -2
  <li>截至：2026-03-15</li>
  <li>本月在读留守儿童：30 名</li>
  $ grep -c '<span class="box">☐</span>' schedule.html
  73

A county: the rates per school as bars.

  $ cd .. && cp -r school other && sed -i 's/^school: .*/school: 新市镇小学/' other/liushou.yaml
  $ liushou report summary --root school --root other --format html > county.html
  $ liushou report summary --root school --root other --format json > county.json
  $ python3 "$TESTDIR/../tools/page-check.py" charts county.html county.json | grep -E '^[^ ]|^  '
  每月谈心完成率 (columns, 1)
    2026-03 80.0
  各学校建档率 (bars, 2)
    孙桥镇中心小学 90.0
    新市镇小学 90.0
  各学校入学率 (bars, 2)
    孙桥镇中心小学 100.0
    新市镇小学 100.0
  各学校巩固率 (bars, 2)
    孙桥镇中心小学 100.0
    新市镇小学 100.0
  各学校结对率 (bars, 2)
    孙桥镇中心小学 100.0
    新市镇小学 100.0
  各学校谈心完成率 (bars, 2)
    孙桥镇中心小学 80.0
    新市镇小学 80.0
  各学校亲情电话完成率 (bars, 0)
  各学校家访覆盖率 (bars, 2)
    孙桥镇中心小学 0.0
    新市镇小学 0.0
  各学校座谈会覆盖率 (bars, 2)
    孙桥镇中心小学 13.3
    新市镇小学 13.3
  15 bars in 9 charts: each as long as its rate
  $ cd school

In English every heading, label and chart of a page is English. What stays Chinese is what
the school wrote so (its name, county and term, staff, children, the plan's tasks, the notes
of talks and activities) and the Chinese name of each measure, given once beside its English
one. Every such word is listed here, so a label left in Chinese would show.

  $ liushou --lang en report summary --format html > en.html && liushou --lang en report summary --format json > en.json
  $ grep -o '<html lang="[a-z-]*"' en.html
  <html lang="en"
  $ python3 "$TESTDIR/../tools/page-check.py" charts en.html en.json | grep -E '^[^ ]'
  Monthly talk coverage (columns, 1)
  Files complete (建档率), by class (bars, 16)
  Enrolment (入学率), by class (bars, 16)
  Retention (巩固率), by class (bars, 16)
  Paired (结对率), by class (bars, 16)
  Monthly talks (谈心), by class (bars, 16)
  Home visits (家访), by class (bars, 16)
  97 bars in 7 charts: each as long as its rate
  $ han() { python3 -c 'import re, sys; print(" ".join(sorted(set(re.findall("[\u4e00-\u9fff]+", sys.stdin.read())))))'; }
  $ python3 "$TESTDIR/../tools/page-check.py" text en.html | han
  丁诗涵 京山县 亲情电话 何嘉豪 何子涵 何敏 入学率 吴天佑 周俊杰 喻校长 孙俊杰 孙桥镇中心小学 学习帮手 家访 巩固率 座谈会 建档率 张浩然 张老师 徐诗涵 心理辅导 晏雨桐 未入学 朱佳怡 朱鹏 李博文 李子涵 李老师 杨副校长 杨嘉豪 林宇轩 林欣怡 王家乐 生日祝福 第二学期 结对率 罗志强 罗磊 胡杰 许佳怡 许敏 谈心 资助 赵磊 赵老师 赵诗涵 郭若曦 重点帮扶 陈博文 陈欣怡 高浩然
  $ liushou --lang en schedule --format html > en-schedule.html && python3 "$TESTDIR/../tools/page-check.py" text en-schedule.html | sed 's/^- \[ \] [^ ]* [^ ,:]*//' | han
  丁诗涵 下周再谈一次 了解爷爷病情 何嘉豪 何子涵 何敏 刘老师 名儿童的档案已更新 吴天佑 周俊杰 孙俊杰 孙桥镇中心小学 开学第一课 张浩然 张老师 徐诗涵 感恩母亲主题班会 成立学校关爱留守儿童领导专班 晏雨桐 朱佳怡 朱鹏 李博文 李子涵 李老师 杨嘉豪 杨老师 林宇轩 林欣怡 王家乐 王老师 留守儿童信息更新 第二学期 罗志强 罗磊 联系母亲每周通一次视频电话 胡杰 许佳怡 许敏 请数学老师课后辅导 赵磊 赵老师 赵诗涵 郭若曦 防溺水安全教育 陈博文 陈欣怡 陈老师 高浩然

A class with no child to measure has no bar: its figure is —.

  $ liushou report summary --from 2025-07-01 --to 2025-08-31 --as-of 2025-08-31 --format html > empty.html
  $ sed -n '/<svg/,/<\/svg>/p' empty.html | sed -n '1,/<\/svg>/p' | grep -E '<text|<rect' | sed -n 1,9p
  <text x="0" y="6.5" font-weight="bold">各班建档率</text>
  <text x="26.2" y="17.6" text-anchor="end">一年级1班</text>
  <text x="129.8" y="17.5" font-size="4.2">—</text>
  <text x="26.2" y="25.6" text-anchor="end">一年级2班</text>
  <text x="129.8" y="25.5" font-size="4.2">—</text>
  <text x="26.2" y="33.6" text-anchor="end">一年级3班</text>
  <text x="129.8" y="33.5" font-size="4.2">—</text>
  <text x="26.2" y="41.6" text-anchor="end">二年级1班</text>
  <rect class="bar" x="27.8" y="37.0" width="100.0" height="6.0" fill="#4a4a4a" data-percent="100.0"><title>二年级1班 100.0%</title></rect>

Hostile text is escaped as in Markdown: a name, staff name or note holding markup, an
address or an attribute stays inert text.

  $ liushou -q staff add --name 'http://t.cn 张老师'
  T009
  $ liushou -q enroll 2025-099 --name '<script>alert(1)</script>王' --grade 4 --class 2 --enrolled-on 2025-09-01
  2025-099
  $ liushou -q log-talk 2025-099 --by T009 --date 2026-03-10 --summary '<img src=x onerror=alert(1)> www.evil.cn JavaScript:go() a|b **b** `c` \x' --follow-up 'HTTPS://evil.cn/a?b=1'
  $ liushou report child 2025-099 --format html > bad.html
  $ liushou report talks --format html > bad-talks.html
  $ liushou report class 4-2 --format html > bad-class.html
  $ liushou report summary --format html > bad-summary.html
  $ python3 "$TESTDIR/../tools/page-check.py" safe bad*.html
  bad-class.html: safe
  bad-summary.html: safe
  bad-talks.html: safe
  bad.html: safe
  $ grep -h 'onerror' bad.html bad-talks.html
  <tr><td>2026-03-10</td><td>谈心</td><td>http://t.cn 张老师（T009）</td><td>&lt;img src=x onerror=alert(1)&gt; www.evil.cn JavaScript:go() a|b **b** `c` \x</td><td></td><td>HTTPS://evil.cn/a?b=1</td></tr>
  <tr><td>2026-03-10</td><td>2025-099</td><td>&lt;script&gt;alert(1)&lt;/script&gt;王</td><td>四年级2班</td><td>谈心</td><td>http://t.cn 张老师（T009）</td><td>&lt;img src=x onerror=alert(1)&gt; www.evil.cn JavaScript:go() a|b **b** `c` \x</td><td></td><td>HTTPS://evil.cn/a?b=1</td></tr>
  $ python3 "$TESTDIR/../tools/page-check.py" text bad.html | grep -E 'onerror|script'
  留守儿童档案卡：<script>alert(1)</script>王（2025-099）
  留守儿童档案卡：<script>alert(1)</script>王（2025-099）
  学号 2025-099 姓名 <script>alert(1)</script>王
  2026-03-10 谈心 http://t.cn 张老师（T009） <img src=x onerror=alert(1)> www.evil.cn JavaScript:go() a|b **b** `c` \x HTTPS://evil.cn/a?b=1

--redact works the same: no phone, id or house number of the tree is in a redacted page.

  $ cat children/*.yaml staff.yaml | grep -oE '1[3-9][0-9]{9}|[0-9]{17}[0-9X]' | sort -u > secrets
  $ wc -l < secrets
  125
  $ liushou report child --all --redact -o redacted.html -q
  $ liushou report summary --redact --format html > r-summary.html
  $ liushou report talks --redact --format html > r-talks.html
  $ cat redacted.html r-*.html | grep -cFf secrets
  0
  [1]
  $ liushou report child --all -o plain.html -q && grep -cFf secrets plain.html
  118

A Word document (--format docx) is made by pandoc from the page, each chart a picture (SVG,
with a PNG that librsvg2-bin draws for older Word). On a pipe it goes to standard output.

  $ liushou report summary -o 总结.docx
  已写入 总结.docx
  $ python3 -c 'import zipfile,sys; z=zipfile.ZipFile(sys.argv[1]); print("\n".join(sorted(n for n in z.namelist() if n.startswith("word/media/") or n == "word/document.xml")))' 总结.docx | sed 's/rId[0-9]*/rIdN/' | sort | uniq -c
        1 word/document.xml
        7 word/media/rIdN.png
        7 word/media/rIdN.svg
  $ python3 -c 'import zipfile,sys,re; x=zipfile.ZipFile(sys.argv[1]).read("word/document.xml").decode(); print([w for w in ["孙桥镇中心小学","基本情况","建档率","一年级3班"] if w in x])' 总结.docx
  ['孙桥镇中心小学', '基本情况', '建档率', '一年级3班']
  $ liushou report summary --format docx > piped.docx && head -c 2 piped.docx
  PK (no-eol)

Without pandoc the message names the package, and nothing is written.

  $ mkdir nopandoc && ln -s "$(command -v git)" nopandoc/git && ln -s "$(command -v liushou)" nopandoc/liushou
  $ PATH=$PWD/nopandoc liushou report summary -o nothing.docx
  ! liushou：--format docx 要用 pandoc 生成 Word 文档，本机没有安装（请安装 Debian 的 pandoc 软件包）
  [2]
  $ ls nothing.docx
  ! ls: cannot access 'nothing.docx': No such file or directory
  [2]
  $ PATH=$PWD/nopandoc liushou --lang en report summary --format docx -o nothing.docx
  ! liushou: --format docx needs pandoc, which is not installed (Debian: apt install pandoc)
  [2]

Markdown stays the default, and a page's options are refused where they do not fit.

  $ grep -c '```mermaid' summary.md
  1
  $ liushou report summary --format html --encoding gb18030 > /dev/null
  ! liushou：--encoding 只用于 CSV，须与 --format csv 一起使用
  [2]
  $ liushou report summary --format html --template summary.md > /dev/null
  ! liushou：--template 填写的是 Markdown 文本，须与 --format md 一起使用
  [2]
  $ liushou list -o list.html -q && head -1 list.html
  ! liushou：-o list.html：此命令不能写出 html 格式；它可写出 table, json, csv, xlsx
  [2]
