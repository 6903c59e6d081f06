Redaction against the forms people type (tests/redaction/forms.tsv: 64 ways of writing a phone,
landline, id number, 学籍号, QQ or bank card number, full-width, dotted, spaced, labelled, inside
sentences and at line ends, and 20 dates, periods, ids and counts that must stay). Each form goes
into every free-text field of a child, then every report in every format is written with
--redact (tests/tools/redaction-check.py says what is checked).

  $ export LIUSHOU_TODAY=2026-03-31
  $ cp -r $EXAMPLES/school school && cd school
  $ python3 $TESTDIR/../tools/redaction-check.py $TESTDIR/../redaction/forms.tsv
  84 forms (64 masked, 20 left as typed), 65 numbers, 354 redacted outputs in 3 formats: all as expected

The same rules keep a number out of messages (a value in the wrong field is echoed masked),
though there only what is plainly a phone or id number is masked, so that line numbers and
counts stay readable.

  $ liushou -q log-talk 2025-001 --by 13907161234 --summary 谈心
  liushou log-talk：--by：教师 139******34 不在教师名单（staff.yaml）中
  liushou log-talk：2025-001 未登记任何记录
  [1]
