Redaction against the forms people type (tests/redaction/forms.tsv: 105 ways of writing a phone,
landline, id number, 学籍号, QQ or bank card number, full-width, dotted, spaced (with one kind of
separator or several), labelled, spelled in Chinese numerals (一三九〇七一六…, 幺 for 1, capitals,
mixed with digits), inside sentences and at line ends, and 45 dates, periods, ids, counts,
amounts and words made of numerals that must stay). Each form goes into every free-text field of a child, and into a 工作总结 template's own
text; then every report in every format is written with --redact
(tests/tools/redaction-check.py says what is checked).

  $ export LIUSHOU_TODAY=2026-03-31
  $ cp -r $EXAMPLES/school school && cd school
  $ python3 $TESTDIR/../tools/redaction-check.py $TESTDIR/../redaction/forms.tsv
  150 forms (105 masked, 45 left as typed), 104 numbers, 563 redacted outputs in 6 formats and a template: all as expected

--redact masks everything a report prints, not only the records' fields: a template's own
words too, in whatever numerals they are written, while its dates, classes, amounts and
counting words stay. The masks' stars are escaped in Markdown, as a field's are.

  $ cat > 总结模板.md <<'EOF'
  > # {{学校}}关爱留守儿童工作总结
  > 
  > 在读 {{期末在读}} 名，建档率 {{建档率}}。联系人：王老师，电话 13907161234，身份证号 420821198503081234。
  > 家长热线一三九〇七一六一二三五，或幺三九 0716 1236（晚上）；备用 139－0716－1237。
  > 家访地址：石龙村三组十二号、某村3组12号；母亲身份证四二〇八二一一九八五〇三〇八一二四X。
  > 
  > 二〇二六年三月十二号召开家长会，三年级1班、五年级二班共三十五人参加，发放资助伍佰元；
  > 认真学习中央一号文件，一二三四五六七，数到七。
  > EOF
  $ liushou report summary --template 总结模板.md --redact
  # 孙桥镇中心小学关爱留守儿童工作总结
  
  在读 180 名，建档率 15.0%。联系人：王老师，电话 139\*\*\*\*1234，身份证号 420821\*\*\*\*\*\*\*\*\*\*\*\*。
  家长热线139\*\*\*\*1235，或139\*\*\*\*1236（晚上）；备用 139\*\*\*\*1237。
  家访地址：石龙村三组\*号、某村3组\*号；母亲身份证420821\*\*\*\*\*\*\*\*\*\*\*\*。
  
  二〇二六年三月十二号召开家长会，三年级1班、五年级二班共三十五人参加，发放资助伍佰元；
  认真学习中央一号文件，一二三四五六七，数到七。

What the school itself wrote in liushou.yaml is masked the same way in every format: here its
name with a phone in numerals, in the Markdown, CSV, JSON, page, workbook and Word document
(the text of each file, its zip's parts for the last two).

  $ sed -i 's/^school: 孙桥镇中心小学$/school: 孙桥镇中心小学（一三九〇七一六一二四〇）/' liushou.yaml
  $ for f in md csv json html xlsx docx; do
  >   liushou report summary --redact --format $f -o redacted.$f -q
  >   python3 -c 'import sys, zipfile; p = sys.argv[1]; t = open(p, encoding="utf-8").read() if p[-4:] not in ("xlsx", "docx") else "".join(zipfile.ZipFile(p).read(n).decode() for n in zipfile.ZipFile(p).namelist() if n.endswith(".xml")); print(p, "一三九〇七一六一二四〇" in t, "1240" in t)' redacted.$f
  > done
  redacted.md False True
  redacted.csv False True
  redacted.json False True
  redacted.html False True
  redacted.xlsx False True
  redacted.docx False True

The same rules keep a number out of messages (a value in the wrong field is echoed masked),
though there only what is plainly a phone or id number is masked, so that line numbers and
counts stay readable.

  $ liushou -q log-talk 2025-001 --by 13907161234 --summary 谈心
  ! liushou log-talk：--by：教师 139******34 不在教师名单（staff.yaml）中
  ! liushou log-talk：2025-001 未登记任何记录
  [1]
