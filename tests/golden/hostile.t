Hostile input: every file in tests/hostile/ is refused with a message naming the file, the line
and the field, and exit 1. Nothing crashes or hangs, and a write never replaces a file that
could not be read. A record may be at most 1 MiB and a sheet 64 MiB (see liushou(1)).

  $ liushou init school --school 测试小学 --year 2025-2026 -q && cd school
  $ liushou -q staff add --name 张老师
  $ cp -r $TESTDIR/../hostile ../hostile && H=../hostile && cp $H/valid.yaml children/2025-900.yaml && liushou check
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 3 files: 0 errors, 0 warnings

Each bad record takes the valid one's place. check reports it; log-talk refuses to write over a
file it cannot read in full; report and schedule still run (the record counts as incomplete or
is skipped) without crashing.

  $ try() {
  >   cp "$1" children/2025-900.yaml
  >   echo "== $(basename "$1")"
  >   liushou check; echo "check: exit $?"
  >   liushou -q log-talk 2025-900 --date 2026-03-10 --by T001 --summary 谈心 > ../talk.out 2>&1
  >   rc=$?
  >   if cmp -s "$1" children/2025-900.yaml; then state=unchanged; else state=changed; fi
  >   [ $rc -ne 0 ] && echo "log-talk: exit $rc, file $state" || echo "log-talk: wrote the talk"
  >   liushou report summary > /dev/null 2>&1; rc=$?; [ $rc -le 1 ] || echo "report: exit $rc"
  >   liushou schedule > /dev/null 2>&1; rc=$?; [ $rc -le 1 ] || echo "schedule: exit $rc"
  > }
  $ for f in $H/records/*.yaml; do try "$f"; done
  == age-300.yaml
  children/2025-900.yaml:25:8: error: guardian.age: 300 is not an age
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 3 files: 1 error, 0 warnings
  check: exit 1
  log-talk: wrote the talk
  == age-fraction.yaml
  children/2025-900.yaml:25:8: error: guardian.age: expected a whole number, found "62.5"
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 3 files: 1 error, 0 warnings
  check: exit 1
  log-talk: exit 1, file unchanged
  == alias-bomb.yaml
  children/2025-900.yaml:27:8: error: aliases (*name) are not allowed in liushou files; write the value out
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 3 files: 1 error, 0 warnings
  check: exit 1
  log-talk: exit 1, file unchanged
  == bad-phone.yaml
  children/2025-900.yaml:23:10: error: guardian.phone: not a mobile (11 digits) or landline number with area code
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 3 files: 1 error, 0 warnings
  check: exit 1
  log-talk: wrote the talk
  == binary-tag.yaml
  children/2025-900.yaml:3:7: error: tags (!!binary) are not allowed in liushou files
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 3 files: 1 error, 0 warnings
  check: exit 1
  log-talk: exit 1, file unchanged
  == birth-future.yaml
  children/2025-900.yaml:5:13: error: birth_date: 2027-05-04 is in the future
  children/2025-900.yaml:9:14: error: enrolled_on: the child enrolled before being born
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 3 files: 2 errors, 0 warnings
  check: exit 1
  log-talk: wrote the talk
  == boarding-maybe.yaml
  children/2025-900.yaml:26:11: error: boarding: expected true or false, found "maybe"
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 3 files: 1 error, 0 warnings
  check: exit 1
  log-talk: exit 1, file unchanged
  == class-negative.yaml
  children/2025-900.yaml:8:8: error: class: class -2 is not between 1 and 99
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 3 files: 1 error, 0 warnings
  check: exit 1
  log-talk: wrote the talk
  == complex-key.yaml
  children/2025-900.yaml:26:3: error: a key must be plain text
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 3 files: 1 error, 0 warnings
  check: exit 1
  log-talk: exit 1, file unchanged
  == custom-tag.yaml
  children/2025-900.yaml:3:7: error: tags (!child) are not allowed in liushou files
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 3 files: 1 error, 0 warnings
  check: exit 1
  log-talk: exit 1, file unchanged
  == date-slashes.yaml
  children/2025-900.yaml:5:13: error: birth_date: "2016/05/04" is not a date in the form YYYY-MM-DD
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 3 files: 1 error, 0 warnings
  check: exit 1
  log-talk: exit 1, file unchanged
  == date-words.yaml
  children/2025-900.yaml:5:13: error: birth_date: "last spring" is not a date in the form YYYY-MM-DD
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 3 files: 1 error, 0 warnings
  check: exit 1
  log-talk: exit 1, file unchanged
  == duplicate-key.yaml
  children/2025-900.yaml:26:1: error: name: this key appears twice; keep one (the first is used)
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 3 files: 1 error, 0 warnings
  check: exit 1
  log-talk: exit 1, file unchanged
  == duplicate-nested-key.yaml
  children/2025-900.yaml:21:3: error: guardian.name: this key appears twice; keep one (the first is used)
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 3 files: 1 error, 0 warnings
  check: exit 1
  log-talk: exit 1, file unchanged
  == empty-list-item.yaml
  children/2025-900.yaml:14:5: error: parents[0].relation: "" is not father or mother (a guardian goes under guardian)
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 3 files: 1 error, 0 warnings
  check: exit 1
  log-talk: wrote the talk
  == empty.yaml
  children/2025-900.yaml:1:1: error: the file is empty
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 3 files: 1 error, 0 warnings
  check: exit 1
  log-talk: exit 1, file unchanged
  == enrolled-before-birth.yaml
  children/2025-900.yaml:9:14: error: enrolled_on: the child enrolled before being born
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 3 files: 1 error, 0 warnings
  check: exit 1
  log-talk: wrote the talk
  == feb-30.yaml
  children/2025-900.yaml:5:13: error: birth_date: "2025-02-30" is not a real date (2025-02 has 28 days)
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 3 files: 1 error, 0 warnings
  check: exit 1
  log-talk: exit 1, file unchanged
  == formula-name.yaml
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 3 files: 0 errors, 0 warnings
  check: exit 0
  log-talk: wrote the talk
  == fullwidth-colon-key.yaml
  children/2025-900.yaml:3:5: error: name: the key is followed by a full-width colon (：); write an ASCII colon and a space: name: …
  children/2025-900.yaml:4:7: error: not valid YAML: illegal map value
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 3 files: 2 errors, 0 warnings
  check: exit 1
  log-talk: exit 1, file unchanged
  == fullwidth-colon-nested-key.yaml
  children/2025-900.yaml:20:7: error: name: the key is followed by a full-width colon (：); write an ASCII colon and a space: name: …
  children/2025-900.yaml:21:13: error: not valid YAML: illegal map value
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 3 files: 2 errors, 0 warnings
  check: exit 1
  log-talk: exit 1, file unchanged
  == gender-number.yaml
  children/2025-900.yaml:4:9: error: gender: "3" is not one of male | female
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 3 files: 1 error, 0 warnings
  check: exit 1
  log-talk: exit 1, file unchanged
  == grade-list.yaml
  children/2025-900.yaml:7:8: error: grade: expected text, found a list
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 3 files: 1 error, 0 warnings
  check: exit 1
  log-talk: exit 1, file unchanged
  == grade-overflow.yaml
  children/2025-900.yaml:7:8: error: grade: expected a whole number, found "999******************99"
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 3 files: 1 error, 0 warnings
  check: exit 1
  log-talk: exit 1, file unchanged
  == grade-word.yaml
  children/2025-900.yaml:7:8: error: grade: expected a whole number, found "four"
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 3 files: 1 error, 0 warnings
  check: exit 1
  log-talk: exit 1, file unchanged
  == grade-zero.yaml
  children/2025-900.yaml:7:8: error: grade: grade 0 is not a primary school grade (1-6)
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 3 files: 1 error, 0 warnings
  check: exit 1
  log-talk: wrote the talk
  == guardian-name-lrm.yaml
  children/2025-900.yaml:20:9: error: guardian.name: holds a character that reorders text (U+200E), so it could display as something else; remove it
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 3 files: 1 error, 0 warnings
  check: exit 1
  log-talk: exit 1, file unchanged
  == id-mismatch.yaml
  children/2025-900.yaml:2:5: error: id: the file says id 2025-901 but is named 2025-900.yaml
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 3 files: 1 error, 0 warnings
  check: exit 1
  log-talk: exit 1, file unchanged
  == id-missing.yaml
  children/2025-900.yaml:1:1: error: id: the id is empty
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 3 files: 1 error, 0 warnings
  check: exit 1
  log-talk: exit 1, file unchanged
  == id-number-birth-differs.yaml
  children/2025-900.yaml:6:12: error: id_number: the birth date in the number differs from birth_date
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 3 files: 1 error, 0 warnings
  check: exit 1
  log-talk: wrote the talk
  == id-number-check-digit.yaml
  children/2025-900.yaml:6:12: error: id_number: the check digit is wrong (GB 11643): a digit was mistyped
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 3 files: 1 error, 0 warnings
  check: exit 1
  log-talk: wrote the talk
  == id-number-in-age.yaml
  children/2025-900.yaml:25:8: error: guardian.age: expected a whole number, found "420*************16"
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 3 files: 1 error, 0 warnings
  check: exit 1
  log-talk: exit 1, file unchanged
  == id-number-short.yaml
  children/2025-900.yaml:6:12: error: id_number: an id number has 18 characters, this one has 10
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 3 files: 1 error, 0 warnings
  check: exit 1
  log-talk: wrote the talk
  == id-traversal.yaml
  children/2025-900.yaml:2:5: error: id: the id "../../etc/passwd" must start with a letter or digit
  children/2025-900.yaml:2:5: error: id: the file says id ../../etc/passwd but is named 2025-900.yaml
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 3 files: 2 errors, 0 warnings
  check: exit 1
  log-talk: exit 1, file unchanged
  == invalid-utf8.yaml
  children/2025-900.yaml:26:1: error: the file is not valid UTF-8 (save it as UTF-8)
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 3 files: 1 error, 0 warnings
  check: exit 1
  log-talk: exit 1, file unchanged
  == left-behind-unknown.yaml
  children/2025-900.yaml:11:14: error: left_behind: "sometimes" is not one of both_parents | father_away | mother_away
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 3 files: 1 error, 0 warnings
  check: exit 1
  log-talk: exit 1, file unchanged
  == list.yaml
  children/2025-900.yaml:1:1: error: expected a mapping of fields, found a list
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 3 files: 1 error, 0 warnings
  check: exit 1
  log-talk: exit 1, file unchanged
  == lone-cr.yaml
  children/2025-900.yaml:3:1: error: the file holds a carriage return (U+000D) that does not end a line; remove it
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 3 files: 1 error, 0 warnings
  check: exit 1
  log-talk: exit 1, file unchanged
  == mapping-as-key-in-unknown.yaml
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 3 files: 0 errors, 0 warnings
  check: exit 0
  log-talk: wrote the talk
  == merge-key.yaml
  children/2025-900.yaml:21:7: error: aliases (*name) are not allowed in liushou files; write the value out
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 3 files: 1 error, 0 warnings
  check: exit 1
  log-talk: exit 1, file unchanged
  == month-13-birth.yaml
  children/2025-900.yaml:5:13: error: birth_date: "2016-13-04" has no month 13
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 3 files: 1 error, 0 warnings
  check: exit 1
  log-talk: exit 1, file unchanged
  == name-bidi-override.yaml
  children/2025-900.yaml:3:7: error: name: holds a character that reorders text (U+202E), so it could display as something else; remove it
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 3 files: 1 error, 0 warnings
  check: exit 1
  log-talk: exit 1, file unchanged
  == name-c1-control.yaml
  children/2025-900.yaml:3:7: error: name: holds a control character (U+0085); remove it
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 3 files: 1 error, 0 warnings
  check: exit 1
  log-talk: exit 1, file unchanged
  == name-control-char.yaml
  children/2025-900.yaml:3:7: error: name: holds a control character (U+0007); remove it
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 3 files: 1 error, 0 warnings
  check: exit 1
  log-talk: exit 1, file unchanged
  == name-map.yaml
  children/2025-900.yaml:4:3: error: name: expected text, found a mapping
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 3 files: 1 error, 0 warnings
  check: exit 1
  log-talk: exit 1, file unchanged
  == negative-age.yaml
  children/2025-900.yaml:25:8: error: guardian.age: -5 is not an age
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 3 files: 1 error, 0 warnings
  check: exit 1
  log-talk: wrote the talk
  == notes-bidi-isolate.yaml
  children/2025-900.yaml:26:8: error: notes: holds a character that reorders text (U+2066), so it could display as something else; remove it
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 3 files: 1 error, 0 warnings
  check: exit 1
  log-talk: exit 1, file unchanged
  == nul-byte.yaml
  children/2025-900.yaml:1:1: error: the file holds NUL bytes; it is not a text file
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 3 files: 1 error, 0 warnings
  check: exit 1
  log-talk: exit 1, file unchanged
  == null-key.yaml
  children/2025-900.yaml:26:1: error: a key must be plain text
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 3 files: 1 error, 0 warnings
  check: exit 1
  log-talk: exit 1, file unchanged
  == only-comment.yaml
  children/2025-900.yaml:1:1: error: the file is empty
  children/2025-900.yaml:1:1: warning: comments are dropped when liushou rewrites this file; keep notes in a field such as notes
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 3 files: 1 error, 1 warning
  check: exit 1
  log-talk: exit 1, file unchanged
  == parent-unknown-relation.yaml
  children/2025-900.yaml:14:15: error: parents[0].relation: "uncle" is not father or mother (a guardian goes under guardian)
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 3 files: 1 error, 0 warnings
  check: exit 1
  log-talk: wrote the talk
  == parents-map.yaml
  children/2025-900.yaml:15:9: error: not valid YAML: illegal map value
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 3 files: 1 error, 0 warnings
  check: exit 1
  log-talk: exit 1, file unchanged
  == phone-in-gender.yaml
  children/2025-900.yaml:4:9: error: gender: "139******21" is not one of male | female
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 3 files: 1 error, 0 warnings
  check: exit 1
  log-talk: exit 1, file unchanged
  == phone-in-grade-fullwidth.yaml
  children/2025-900.yaml:7:8: error: grade: expected a whole number, found "139******78"
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 3 files: 1 error, 0 warnings
  check: exit 1
  log-talk: exit 1, file unchanged
  == scalar.yaml
  children/2025-900.yaml:1:1: error: expected a mapping of fields, found text
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 3 files: 1 error, 0 warnings
  check: exit 1
  log-talk: exit 1, file unchanged
  == schema-string.yaml
  children/2025-900.yaml:1:1: warning: schema: no schema version; assuming 1
  children/2025-900.yaml:1:9: error: schema: expected a whole number, found "one"
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 3 files: 1 error, 1 warning
  check: exit 1
  log-talk: exit 1, file unchanged
  == shell-in-notes.yaml
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 3 files: 0 errors, 0 warnings
  check: exit 0
  log-talk: wrote the talk
  == status-unknown.yaml
  children/2025-900.yaml:10:9: error: status: "vanished" is not one of enrolled | transferred | dropped_out | graduated | left | not_enrolled
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 3 files: 1 error, 0 warnings
  check: exit 1
  log-talk: exit 1, file unchanged
  == status-without-date.yaml
  children/2025-900.yaml:1:1: error: status_on: status transferred needs the date it changed (status_on)
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 3 files: 1 error, 0 warnings
  check: exit 1
  log-talk: exit 1, file unchanged
  == tab-indent.yaml
  children/2025-900.yaml:27:2: error: not valid YAML: illegal block entry
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 3 files: 1 error, 0 warnings
  check: exit 1
  log-talk: exit 1, file unchanged
  == talk-feb-29-non-leap.yaml
  children/2025-900.yaml:27:11: error: talks[0].date: "2026-02-29" is not a real date (2026-02 has 28 days)
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 3 files: 1 error, 0 warnings
  check: exit 1
  log-talk: exit 1, file unchanged
  == talk-future.yaml
  children/2025-900.yaml:27:11: error: talks[0].date: 2027-03-02 is in the future
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 3 files: 1 error, 0 warnings
  check: exit 1
  log-talk: wrote the talk
  == talk-item-scalar.yaml
  children/2025-900.yaml:27:5: error: talks[0]: expected a mapping, found text
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 3 files: 1 error, 0 warnings
  check: exit 1
  log-talk: exit 1, file unchanged
  == talk-month-13.yaml
  children/2025-900.yaml:27:11: error: talks[0].date: "2026-13-02" has no month 13
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 3 files: 1 error, 0 warnings
  check: exit 1
  log-talk: exit 1, file unchanged
  == talk-no-date.yaml
  children/2025-900.yaml:27:5: error: talks[0].date: a talk needs a date
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 3 files: 1 error, 0 warnings
  check: exit 1
  log-talk: wrote the talk
  == talk-unknown-kind.yaml
  children/2025-900.yaml:28:11: error: talks[0].kind: "chat" is not one of talk | home_visit | family_call | meeting | counselling | greeting
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 3 files: 1 error, 0 warnings
  check: exit 1
  log-talk: exit 1, file unchanged
  == talk-unknown-teacher.yaml
  children/2025-900.yaml:29:9: error: talks[0].by: teacher T999 is not in staff.yaml
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 3 files: 1 error, 0 warnings
  check: exit 1
  log-talk: wrote the talk
  == talks-map.yaml
  children/2025-900.yaml:27:3: error: talks: expected a list, found a mapping
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 3 files: 1 error, 0 warnings
  check: exit 1
  log-talk: exit 1, file unchanged
  == talks-scalar.yaml
  children/2025-900.yaml:26:8: error: talks: expected a list, found text
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 3 files: 1 error, 0 warnings
  check: exit 1
  log-talk: exit 1, file unchanged
  == two-documents.yaml
  children/2025-900.yaml:26:1: error: the file holds more than one YAML document (a line "---"); keep one record per file
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 3 files: 1 error, 0 warnings
  check: exit 1
  log-talk: exit 1, file unchanged
  == unclosed-double-quote.yaml
  children/2025-900.yaml:6:13: error: not valid YAML: end of map not found
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 3 files: 1 error, 0 warnings
  check: exit 1
  log-talk: exit 1, file unchanged
  == unclosed-flow.yaml
  children/2025-900.yaml:27:1: error: not valid YAML: end of map flow not found
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 3 files: 1 error, 0 warnings
  check: exit 1
  log-talk: exit 1, file unchanged
  == unclosed-single-quote.yaml
  children/2025-900.yaml:3:7: error: this quoted text has no closing '
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 3 files: 1 error, 0 warnings
  check: exit 1
  log-talk: exit 1, file unchanged
  == undefined-alias.yaml
  children/2025-900.yaml:26:8: error: not valid YAML: the referenced anchor is not defined
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 3 files: 1 error, 0 warnings
  check: exit 1
  log-talk: exit 1, file unchanged
  == unknown-schema.yaml
  children/2025-900.yaml:1:9: error: schema: schema version 99 is not known to this liushou (it reads versions 1 to 2)
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 3 files: 1 error, 0 warnings
  check: exit 1
  log-talk: exit 1, file unchanged
  == url-in-notes.yaml
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 3 files: 0 errors, 0 warnings
  check: exit 0
  log-talk: wrote the talk

Files too large to keep in git are made here: nesting 100,000 levels deep in flow style and
600 levels in block style, and a 15 MB file.

  $ { cat $H/valid.yaml; printf 'notes: '; head -c 100000 /dev/zero | tr '\0' '['; head -c 100000 /dev/zero | tr '\0' ']'; echo; } > ../deep-flow.yaml && try ../deep-flow.yaml
  == deep-flow.yaml
  children/2025-900.yaml:26:200008: error: nested more than 500 levels deep; a record needs a handful
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 3 files: 1 error, 0 warnings
  check: exit 1
  log-talk: exit 1, file unchanged
  $ { cat $H/valid.yaml; echo 'notes:'; awk 'BEGIN { for (i = 1; i <= 600; i++) { s = sprintf("%*s", i, ""); print s "- " } }'; } > ../deep-block.yaml && try ../deep-block.yaml
  == deep-block.yaml
  children/2025-900.yaml:525:501: error: nested more than 500 levels deep; a record needs a handful
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 3 files: 1 error, 0 warnings
  check: exit 1
  log-talk: exit 1, file unchanged
  $ { cat $H/valid.yaml; printf 'notes: "'; head -c 15000000 /dev/zero | tr '\0' 'a'; echo '"'; } > ../big.yaml && try ../big.yaml
  == big.yaml
  children/2025-900.yaml:1:1: error: the file is 15.0 MB; a record may be at most 1 MiB (was something pasted into it?)
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 3 files: 1 error, 0 warnings
  check: exit 1
  log-talk: exit 1, file unchanged
  $ cp $H/valid.yaml children/2025-900.yaml

A symbolic link in children/ that leads out of the tree is refused; one inside it is read.

  $ echo 'secret: 1' > ../outside.yaml && ln -s ../../outside.yaml children/2025-901.yaml && liushou check
  children/2025-901.yaml:1:1: error: a symbolic link to outside the tree; refused (put the file itself here)
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 4 files: 1 error, 0 warnings
  [1]
  $ liushou -q log-talk 2025-901 --date 2026-03-10 --by T001 --summary 谈心; echo "exit $?"; cat ../outside.yaml
  children/2025-901.yaml:1:1: error: a symbolic link to outside the tree; refused (put the file itself here)
  liushou: children/2025-901.yaml: fix the problems above first (liushou check); liushou does not rewrite a file it cannot read completely
  exit 1
  secret: 1
  $ rm children/2025-901.yaml && mkdir -p keep && sed 's/2025-900/2025-902/; s/测试童/测试乙/; /id_number/d' $H/valid.yaml > keep/2025-902.yaml && ln -s ../keep/2025-902.yaml children/2025-902.yaml && liushou check --allow-incomplete && liushou list --format csv | cut -d, -f1
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  checked 4 files: 0 errors, 0 warnings
  学号
  2025-900
  2025-902
  $ rm -r children/2025-902.yaml keep

Bad sheets: an import writes nothing unless every row is good.

  $ sheet() {
  >   echo "== $(basename "$2")"
  >   liushou -q $1 --from-csv "$2"; echo "exit $?"
  > }
  $ for f in $H/sheets/register-*.csv; do sheet enroll "$f"; done; ls children
  == register-bad-grade.csv
  ../hostile/sheets/register-bad-grade.csv:2:5: error: row 2, 年级: "九" is not a number from 1 to 6
  ../hostile/sheets/register-bad-grade.csv: 1 problem; nothing was imported
  exit 1
  == register-bidi-override.csv
  ../hostile/sheets/register-bidi-override.csv:2:1: error: the sheet holds the invisible character U+202E here, which can make text display as something else; remove it
  ../hostile/sheets/register-bidi-override.csv: nothing was imported
  exit 1
  == register-binary.csv
  ../hostile/sheets/register-binary.csv:2:1: error: the sheet is neither UTF-8 nor GB18030 here; save it as CSV UTF-8
  exit 1
  == register-c1-control.csv
  ../hostile/sheets/register-c1-control.csv:2:1: error: the sheet holds the invisible character U+0085 here, which can make text display as something else; remove it
  ../hostile/sheets/register-c1-control.csv: nothing was imported
  exit 1
  == register-duplicate-column.csv
  ../hostile/sheets/register-duplicate-column.csv:1:9: error: 姓名: a second column for name (the first is column 2)
  ../hostile/sheets/register-duplicate-column.csv: nothing was imported
  exit 1
  == register-duplicate-id.csv
  ../hostile/sheets/register-duplicate-id.csv:3:1: error: row 3, 学号: id 2025-950 is also on row 2
  ../hostile/sheets/register-duplicate-id.csv: 1 problem; nothing was imported
  exit 1
  == register-empty.csv
  ../hostile/sheets/register-empty.csv:1:1: error: header: no header row: the sheet is empty or has no row with two or more headers
  ../hostile/sheets/register-empty.csv: nothing was imported
  exit 1
  == register-extra-fields.csv
  ../hostile/sheets/register-extra-fields.csv:2:1: error: row 2: 10 cells but the header has 8
  ../hostile/sheets/register-extra-fields.csv: 1 problem; nothing was imported
  exit 1
  == register-feb-30.csv
  ../hostile/sheets/register-feb-30.csv:2:4: error: row 2, 出生日期: "2016-02-30" is not a real date (2016-02 has 29 days)
  ../hostile/sheets/register-feb-30.csv: 1 problem; nothing was imported
  exit 1
  == register-header-only.csv
  ../hostile/sheets/register-header-only.csv:2:1: error: the sheet has a header but no rows below it
  ../hostile/sheets/register-header-only.csv: nothing was imported
  exit 1
  == register-id-case-clash.csv
  ../hostile/sheets/register-id-case-clash.csv:3:1: error: row 3, 学号: the id differs from A-950 only in case; on Windows and macOS they would be one file
  ../hostile/sheets/register-id-case-clash.csv: 1 problem; nothing was imported
  exit 1
  == register-id-holds-id-number.csv
  ../hostile/sheets/register-id-holds-id-number.csv:2:1: error: row 2, 学号: the id holds a long number (a phone or 身份证号?); ids appear in file names and commit messages, so use the 学号 or let liushou number the child
  ../hostile/sheets/register-id-holds-id-number.csv: 1 problem; nothing was imported
  exit 1
  == register-id-holds-phone.csv
  ../hostile/sheets/register-id-holds-phone.csv:2:1: error: row 2, 学号: the id holds a long number (a phone or 身份证号?); ids appear in file names and commit messages, so use the 学号 or let liushou number the child
  ../hostile/sheets/register-id-holds-phone.csv: 1 problem; nothing was imported
  exit 1
  == register-id-number-in-grade.csv
  ../hostile/sheets/register-id-number-in-grade.csv:2:5: error: row 2, 年级: "420*************27" is not a number from 1 to 6
  ../hostile/sheets/register-id-number-in-grade.csv: 1 problem; nothing was imported
  exit 1
  == register-id-traversal.csv
  ../hostile/sheets/register-id-traversal.csv:2:1: error: row 2, 学号: the id "../../x" must start with a letter or digit
  ../hostile/sheets/register-id-traversal.csv: 1 problem; nothing was imported
  exit 1
  == register-id-windows-device.csv
  ../hostile/sheets/register-id-windows-device.csv:2:1: error: row 2, 学号: the id "CON" is a name Windows reserves for a device; a clone on Windows could not hold its file
  ../hostile/sheets/register-id-windows-device.csv:3:1: error: row 3, 学号: the id "lpt1" is a name Windows reserves for a device; a clone on Windows could not hold its file
  ../hostile/sheets/register-id-windows-device.csv: 2 problems; nothing was imported
  exit 1
  == register-lone-cr-in-quoted-cell.csv
  ../hostile/sheets/register-lone-cr-in-quoted-cell.csv:2:1: error: row 2: a cell holds a carriage return (U+000D) that is not part of a line end; remove it
  ../hostile/sheets/register-lone-cr-in-quoted-cell.csv: nothing was imported
  exit 1
  == register-no-id-or-name.csv
  ../hostile/sheets/register-no-id-or-name.csv:1:1: error: header: the sheet has neither a 姓名 (name) nor a 学号 (id) column
  ../hostile/sheets/register-no-id-or-name.csv: nothing was imported
  exit 1
  == register-not-any-encoding.csv
  ../hostile/sheets/register-not-any-encoding.csv:2:1: error: the sheet is neither UTF-8 nor GB18030 here; save it as CSV UTF-8
  exit 1
  == register-nul.csv
  ../hostile/sheets/register-nul.csv:2:1: error: the sheet holds a NUL byte here; is it really a CSV file?
  ../hostile/sheets/register-nul.csv: nothing was imported
  exit 1
  == register-phone-in-gender.csv
  ../hostile/sheets/register-phone-in-gender.csv:2:3: error: row 2, 性别: "139******21" is not 男/女 (male/female)
  ../hostile/sheets/register-phone-in-gender.csv: 1 problem; nothing was imported
  exit 1
  == register-unclosed-quote.csv
  ../hostile/sheets/register-unclosed-quote.csv:2:1: error: row 2: a quoted cell is never closed (a " is missing)
  ../hostile/sheets/register-unclosed-quote.csv: nothing was imported
  exit 1
  == register-unknown-column.csv
  ../hostile/sheets/register-unknown-column.csv:1:9: error: 星座: unknown column; map it with --map or skip it with --ignore-column
  ../hostile/sheets/register-unknown-column.csv: nothing was imported
  exit 1
  2025-900.yaml
  $ for f in $H/sheets/talks-*.csv; do sheet log-talk "$f"; done; cmp $H/valid.yaml children/2025-900.yaml && echo "2025-900 unchanged"
  == talks-bidi-in-summary.csv
  ../hostile/sheets/talks-bidi-in-summary.csv:2:1: error: the sheet holds the invisible character U+202E here, which can make text display as something else; remove it
  ../hostile/sheets/talks-bidi-in-summary.csv: nothing was logged
  exit 1
  == talks-future.csv
  ../hostile/sheets/talks-future.csv:2:2: error: row 2, 日期: 2026-04-02 is in the future
  ../hostile/sheets/talks-future.csv: 1 problem; nothing was logged
  exit 1
  == talks-missing-date-column.csv
  ../hostile/sheets/talks-missing-date-column.csv:1:1: error: header: the sheet has no 日期 (date) column
  ../hostile/sheets/talks-missing-date-column.csv: 1 problem; nothing was logged
  exit 1
  == talks-month-13.csv
  ../hostile/sheets/talks-month-13.csv:2:2: error: row 2, 日期: "2026-13-02" has no month 13
  ../hostile/sheets/talks-month-13.csv: 1 problem; nothing was logged
  exit 1
  == talks-phone-as-teacher.csv
  ../hostile/sheets/talks-phone-as-teacher.csv:2:4: error: row 2, 教师: no staff member 139******78 in staff.yaml (give a staff id or name)
  ../hostile/sheets/talks-phone-as-teacher.csv: 1 problem; nothing was logged
  exit 1
  == talks-unknown-child.csv
  ../hostile/sheets/talks-unknown-child.csv:2:1: error: row 2, 学号: no child 2025-999
  ../hostile/sheets/talks-unknown-child.csv: 1 problem; nothing was logged
  exit 1
  == talks-unknown-kind.csv
  ../hostile/sheets/talks-unknown-kind.csv:2:3: error: row 2, 类型: "闲聊" is not 谈心, 家访, 亲情电话, 座谈会, 心理辅导 or 生日祝福
  ../hostile/sheets/talks-unknown-kind.csv: 1 problem; nothing was logged
  exit 1
  == talks-unknown-teacher.csv
  ../hostile/sheets/talks-unknown-teacher.csv:2:4: error: row 2, 教师: no staff member T999 in staff.yaml (give a staff id or name)
  ../hostile/sheets/talks-unknown-teacher.csv: 1 problem; nothing was logged
  exit 1
  2025-900 unchanged
  $ head -c 70000000 /dev/zero | tr '\0' ',' > ../huge.csv && sheet enroll ../huge.csv
  == huge.csv
  liushou: ../huge.csv: the file is 70.0 MB, more than the limit of 64 MiB
  exit 1

Every hostile record at once in one tree, beside the valid one, and the big and deep ones: left
for cram.sh's --rev check, which commits the tree and compares what check, the reports and the
checklist print from the commit with what they print from its checkout.

  $ rm -f ../huge.csv && mkdir -p ../all/children && cp liushou.yaml staff.yaml ../all/ && cp $H/records/*.yaml ../deep-flow.yaml ../deep-block.yaml ../big.yaml ../all/children/ && cp $H/valid.yaml ../all/children/2025-900.yaml && ls ../all/children | wc -l
  80
