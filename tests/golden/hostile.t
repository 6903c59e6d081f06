Hostile input: every file in tests/hostile/ is refused with a message naming the file, the line
and the field, and exit 1. Nothing crashes or hangs, and a write never replaces a file that
could not be read. A record may be at most 1 MiB and a sheet 64 MiB (see liushou(1)).

  $ liushou init school --school 测试小学 --year 2025-2026 -q && cd school
  $ liushou -q staff add --name 张老师
  T001
  $ cp -r $TESTDIR/../hostile ../hostile && H=../hostile && cp $H/valid.yaml children/2025-900.yaml && liushou check
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 3 个文件：0 个错误，0 个警告

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
  children/2025-900.yaml:25:8: 错误：监护人年龄：300 不是年龄
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 3 个文件：1 个错误，0 个警告
  check: exit 1
  log-talk: wrote the talk
  == age-fraction.yaml
  children/2025-900.yaml:25:8: 错误：监护人年龄：应为整数，实际是“62.5”
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 3 个文件：1 个错误，0 个警告
  check: exit 1
  log-talk: exit 1, file unchanged
  == alias-bomb.yaml
  children/2025-900.yaml:27:8: 错误：liushou 文件中不能用别名（*name），请直接写出值
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 3 个文件：1 个错误，0 个警告
  check: exit 1
  log-talk: exit 1, file unchanged
  == bad-phone.yaml
  children/2025-900.yaml:23:10: 错误：监护人电话：不是手机号（11 位）或带区号的固定电话
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 3 个文件：1 个错误，0 个警告
  check: exit 1
  log-talk: wrote the talk
  == binary-tag.yaml
  children/2025-900.yaml:3:7: 错误：liushou 文件中不能用标签（!!binary）
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 3 个文件：1 个错误，0 个警告
  check: exit 1
  log-talk: exit 1, file unchanged
  == birth-future.yaml
  children/2025-900.yaml:5:13: 错误：出生日期：2027-05-04 是将来的日期
  children/2025-900.yaml:9:14: 错误：入学日期：入学日期早于出生日期
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 3 个文件：2 个错误，0 个警告
  check: exit 1
  log-talk: wrote the talk
  == boarding-maybe.yaml
  children/2025-900.yaml:26:11: 错误：是否寄宿：应为 true 或 false，实际是“maybe”
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 3 个文件：1 个错误，0 个警告
  check: exit 1
  log-talk: exit 1, file unchanged
  == class-negative.yaml
  children/2025-900.yaml:8:8: 错误：班级：班级 -2 不在 1 到 99 之间
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 3 个文件：1 个错误，0 个警告
  check: exit 1
  log-talk: wrote the talk
  == complex-key.yaml
  children/2025-900.yaml:26:3: 错误：键须是普通文字
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 3 个文件：1 个错误，0 个警告
  check: exit 1
  log-talk: exit 1, file unchanged
  == custom-tag.yaml
  children/2025-900.yaml:3:7: 错误：liushou 文件中不能用标签（!child）
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 3 个文件：1 个错误，0 个警告
  check: exit 1
  log-talk: exit 1, file unchanged
  == date-slashes.yaml
  children/2025-900.yaml:5:13: 错误：出生日期：“2016/05/04”不是 YYYY-MM-DD 形式的日期
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 3 个文件：1 个错误，0 个警告
  check: exit 1
  log-talk: exit 1, file unchanged
  == date-words.yaml
  children/2025-900.yaml:5:13: 错误：出生日期：“last spring”不是 YYYY-MM-DD 形式的日期
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 3 个文件：1 个错误，0 个警告
  check: exit 1
  log-talk: exit 1, file unchanged
  == duplicate-key.yaml
  children/2025-900.yaml:26:1: 错误：姓名：这个键出现了两次，请只保留一个（现按第一个读取）
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 3 个文件：1 个错误，0 个警告
  check: exit 1
  log-talk: exit 1, file unchanged
  == duplicate-nested-key.yaml
  children/2025-900.yaml:21:3: 错误：监护人姓名：这个键出现了两次，请只保留一个（现按第一个读取）
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 3 个文件：1 个错误，0 个警告
  check: exit 1
  log-talk: exit 1, file unchanged
  == empty-list-item.yaml
  children/2025-900.yaml:14:5: 错误：第 1 条父母信息的关系：“”不是父亲或母亲（监护人请写在 guardian 下）
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 3 个文件：1 个错误，0 个警告
  check: exit 1
  log-talk: wrote the talk
  == empty.yaml
  children/2025-900.yaml:1:1: 错误：文件是空的
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 3 个文件：1 个错误，0 个警告
  check: exit 1
  log-talk: exit 1, file unchanged
  == enrolled-before-birth.yaml
  children/2025-900.yaml:9:14: 错误：入学日期：入学日期早于出生日期
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 3 个文件：1 个错误，0 个警告
  check: exit 1
  log-talk: wrote the talk
  == feb-30.yaml
  children/2025-900.yaml:5:13: 错误：出生日期：“2025-02-30”不是有效日期（2025 年 02 月只有 28 天）
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 3 个文件：1 个错误，0 个警告
  check: exit 1
  log-talk: exit 1, file unchanged
  == formula-name.yaml
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 3 个文件：0 个错误，0 个警告
  check: exit 0
  log-talk: wrote the talk
  == fullwidth-colon-key.yaml
  children/2025-900.yaml:3:5: 错误：姓名：键后面是全角冒号（：）；请改为半角冒号加空格：姓名: …
  children/2025-900.yaml:4:7: 错误：不是有效的 YAML：键值写法不对
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 3 个文件：2 个错误，0 个警告
  check: exit 1
  log-talk: exit 1, file unchanged
  == fullwidth-colon-nested-key.yaml
  children/2025-900.yaml:20:7: 错误：姓名：键后面是全角冒号（：）；请改为半角冒号加空格：姓名: …
  children/2025-900.yaml:21:13: 错误：不是有效的 YAML：键值写法不对
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 3 个文件：2 个错误，0 个警告
  check: exit 1
  log-talk: exit 1, file unchanged
  == gender-number.yaml
  children/2025-900.yaml:4:9: 错误：性别：“3”不是可用的值（male | female）
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 3 个文件：1 个错误，0 个警告
  check: exit 1
  log-talk: exit 1, file unchanged
  == grade-list.yaml
  children/2025-900.yaml:7:8: 错误：年级：应为文字，实际是列表
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 3 个文件：1 个错误，0 个警告
  check: exit 1
  log-talk: exit 1, file unchanged
  == grade-overflow.yaml
  children/2025-900.yaml:7:8: 错误：年级：应为整数，实际是“999******************99”
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 3 个文件：1 个错误，0 个警告
  check: exit 1
  log-talk: exit 1, file unchanged
  == grade-word.yaml
  children/2025-900.yaml:7:8: 错误：年级：应为整数，实际是“four”
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 3 个文件：1 个错误，0 个警告
  check: exit 1
  log-talk: exit 1, file unchanged
  == grade-zero.yaml
  children/2025-900.yaml:7:8: 错误：年级：0 年级不是小学年级（1-6）
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 3 个文件：1 个错误，0 个警告
  check: exit 1
  log-talk: wrote the talk
  == guardian-name-lrm.yaml
  children/2025-900.yaml:20:9: 错误：监护人姓名：含有改变文字顺序的字符（U+200E），会显示成别的样子，请删去
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 3 个文件：1 个错误，0 个警告
  check: exit 1
  log-talk: exit 1, file unchanged
  == id-mismatch.yaml
  children/2025-900.yaml:2:5: 错误：学号：文件中的学号是 2025-901，文件名却是 2025-900.yaml
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 3 个文件：1 个错误，0 个警告
  check: exit 1
  log-talk: exit 1, file unchanged
  == id-missing.yaml
  children/2025-900.yaml:1:1: 错误：学号：学号为空
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 3 个文件：1 个错误，0 个警告
  check: exit 1
  log-talk: exit 1, file unchanged
  == id-number-birth-differs.yaml
  children/2025-900.yaml:6:12: 错误：身份证号：身份证号中的出生日期与出生日期（birth_date）不一致
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 3 个文件：1 个错误，0 个警告
  check: exit 1
  log-talk: wrote the talk
  == id-number-check-digit.yaml
  children/2025-900.yaml:6:12: 错误：身份证号：身份证号校验位不对（GB 11643），有数字输错了
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 3 个文件：1 个错误，0 个警告
  check: exit 1
  log-talk: wrote the talk
  == id-number-in-age.yaml
  children/2025-900.yaml:25:8: 错误：监护人年龄：应为整数，实际是“420*************16”
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 3 个文件：1 个错误，0 个警告
  check: exit 1
  log-talk: exit 1, file unchanged
  == id-number-short.yaml
  children/2025-900.yaml:6:12: 错误：身份证号：身份证号应为 18 位，这个有 10 位
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 3 个文件：1 个错误，0 个警告
  check: exit 1
  log-talk: wrote the talk
  == id-traversal.yaml
  children/2025-900.yaml:2:5: 错误：学号：学号“../../etc/passwd”须以字母或数字开头
  children/2025-900.yaml:2:5: 错误：学号：文件中的学号是 ../../etc/passwd，文件名却是 2025-900.yaml
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 3 个文件：2 个错误，0 个警告
  check: exit 1
  log-talk: exit 1, file unchanged
  == invalid-utf8.yaml
  children/2025-900.yaml:26:1: 错误：文件不是有效的 UTF-8（请存为 UTF-8）
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 3 个文件：1 个错误，0 个警告
  check: exit 1
  log-talk: exit 1, file unchanged
  == left-behind-unknown.yaml
  children/2025-900.yaml:11:14: 错误：留守类型：“sometimes”不是可用的值（both_parents | father_away | mother_away | one_parent | none）
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 3 个文件：1 个错误，0 个警告
  check: exit 1
  log-talk: exit 1, file unchanged
  == list.yaml
  children/2025-900.yaml:1:1: 错误：应为字段的映射，实际是 列表
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 3 个文件：1 个错误，0 个警告
  check: exit 1
  log-talk: exit 1, file unchanged
  == lone-cr.yaml
  children/2025-900.yaml:3:1: 错误：文件中有不在行尾的回车符（U+000D），请删去
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 3 个文件：1 个错误，0 个警告
  check: exit 1
  log-talk: exit 1, file unchanged
  == mapping-as-key-in-unknown.yaml
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 3 个文件：0 个错误，0 个警告
  check: exit 0
  log-talk: wrote the talk
  == merge-key.yaml
  children/2025-900.yaml:21:7: 错误：liushou 文件中不能用别名（*name），请直接写出值
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 3 个文件：1 个错误，0 个警告
  check: exit 1
  log-talk: exit 1, file unchanged
  == month-13-birth.yaml
  children/2025-900.yaml:5:13: 错误：出生日期：“2016-13-04”中没有 13 月
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 3 个文件：1 个错误，0 个警告
  check: exit 1
  log-talk: exit 1, file unchanged
  == name-bidi-override.yaml
  children/2025-900.yaml:3:7: 错误：姓名：含有改变文字顺序的字符（U+202E），会显示成别的样子，请删去
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 3 个文件：1 个错误，0 个警告
  check: exit 1
  log-talk: exit 1, file unchanged
  == name-c1-control.yaml
  children/2025-900.yaml:3:7: 错误：姓名：含有控制字符（U+0085），请删去
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 3 个文件：1 个错误，0 个警告
  check: exit 1
  log-talk: exit 1, file unchanged
  == name-control-char.yaml
  children/2025-900.yaml:3:7: 错误：姓名：含有控制字符（U+0007），请删去
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 3 个文件：1 个错误，0 个警告
  check: exit 1
  log-talk: exit 1, file unchanged
  == name-map.yaml
  children/2025-900.yaml:4:3: 错误：姓名：应为文字，实际是映射
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 3 个文件：1 个错误，0 个警告
  check: exit 1
  log-talk: exit 1, file unchanged
  == negative-age.yaml
  children/2025-900.yaml:25:8: 错误：监护人年龄：-5 不是年龄
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 3 个文件：1 个错误，0 个警告
  check: exit 1
  log-talk: wrote the talk
  == notes-bidi-isolate.yaml
  children/2025-900.yaml:26:8: 错误：备注：含有改变文字顺序的字符（U+2066），会显示成别的样子，请删去
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 3 个文件：1 个错误，0 个警告
  check: exit 1
  log-talk: exit 1, file unchanged
  == nul-byte.yaml
  children/2025-900.yaml:1:1: 错误：文件中有 NUL 字节，不是文本文件
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 3 个文件：1 个错误，0 个警告
  check: exit 1
  log-talk: exit 1, file unchanged
  == null-key.yaml
  children/2025-900.yaml:26:1: 错误：键须是普通文字
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 3 个文件：1 个错误，0 个警告
  check: exit 1
  log-talk: exit 1, file unchanged
  == only-comment.yaml
  children/2025-900.yaml:1:1: 错误：文件是空的
  children/2025-900.yaml:1:1: 警告：liushou 改写这个文件时会丢掉注释；备注请写在 notes 等字段里
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 3 个文件：1 个错误，1 个警告
  check: exit 1
  log-talk: exit 1, file unchanged
  == parent-unknown-relation.yaml
  children/2025-900.yaml:14:15: 错误：第 1 条父母信息的关系：“uncle”不是父亲或母亲（监护人请写在 guardian 下）
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 3 个文件：1 个错误，0 个警告
  check: exit 1
  log-talk: wrote the talk
  == parents-map.yaml
  children/2025-900.yaml:15:9: 错误：不是有效的 YAML：键值写法不对
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 3 个文件：1 个错误，0 个警告
  check: exit 1
  log-talk: exit 1, file unchanged
  == phone-in-gender.yaml
  children/2025-900.yaml:4:9: 错误：性别：“139******21”不是可用的值（male | female）
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 3 个文件：1 个错误，0 个警告
  check: exit 1
  log-talk: exit 1, file unchanged
  == phone-in-grade-fullwidth.yaml
  children/2025-900.yaml:7:8: 错误：年级：应为整数，实际是“139******78”
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 3 个文件：1 个错误，0 个警告
  check: exit 1
  log-talk: exit 1, file unchanged
  == scalar.yaml
  children/2025-900.yaml:1:1: 错误：应为字段的映射，实际是 文字
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 3 个文件：1 个错误，0 个警告
  check: exit 1
  log-talk: exit 1, file unchanged
  == schema-string.yaml
  children/2025-900.yaml:1:1: 警告：schema：没有写档案格式版本，按第 1 版读取
  children/2025-900.yaml:1:9: 错误：schema：应为整数，实际是“one”
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 3 个文件：1 个错误，1 个警告
  check: exit 1
  log-talk: exit 1, file unchanged
  == shell-in-notes.yaml
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 3 个文件：0 个错误，0 个警告
  check: exit 0
  log-talk: wrote the talk
  == status-unknown.yaml
  children/2025-900.yaml:10:9: 错误：状态：“vanished”不是可用的值（enrolled | transferred | dropped_out | graduated | left | not_enrolled）
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 3 个文件：1 个错误，0 个警告
  check: exit 1
  log-talk: exit 1, file unchanged
  == status-without-date.yaml
  children/2025-900.yaml:1:1: 错误：状态变动日期：状态 转出 须写明变动日期（status_on）
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 3 个文件：1 个错误，0 个警告
  check: exit 1
  log-talk: exit 1, file unchanged
  == tab-indent.yaml
  children/2025-900.yaml:27:2: 错误：不是有效的 YAML：列表项写法不对
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 3 个文件：1 个错误，0 个警告
  check: exit 1
  log-talk: exit 1, file unchanged
  == talk-feb-29-non-leap.yaml
  children/2025-900.yaml:27:11: 错误：第 1 条谈心记录的日期：“2026-02-29”不是有效日期（2026 年 02 月只有 28 天）
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 3 个文件：1 个错误，0 个警告
  check: exit 1
  log-talk: exit 1, file unchanged
  == talk-future.yaml
  children/2025-900.yaml:27:11: 错误：第 1 条谈心记录的日期：2027-03-02 是将来的日期
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 3 个文件：1 个错误，0 个警告
  check: exit 1
  log-talk: wrote the talk
  == talk-item-scalar.yaml
  children/2025-900.yaml:27:5: 错误：第 1 条谈心记录：应为映射，实际是文字
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 3 个文件：1 个错误，0 个警告
  check: exit 1
  log-talk: exit 1, file unchanged
  == talk-month-13.yaml
  children/2025-900.yaml:27:11: 错误：第 1 条谈心记录的日期：“2026-13-02”中没有 13 月
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 3 个文件：1 个错误，0 个警告
  check: exit 1
  log-talk: exit 1, file unchanged
  == talk-no-date.yaml
  children/2025-900.yaml:27:5: 错误：第 1 条谈心记录的日期：谈心记录须有日期
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 3 个文件：1 个错误，0 个警告
  check: exit 1
  log-talk: wrote the talk
  == talk-unknown-kind.yaml
  children/2025-900.yaml:28:11: 错误：第 1 条谈心记录的类型：“chat”不是可用的值（talk | home_visit | family_call | meeting | counselling | greeting）
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 3 个文件：1 个错误，0 个警告
  check: exit 1
  log-talk: exit 1, file unchanged
  == talk-unknown-teacher.yaml
  children/2025-900.yaml:29:9: 错误：第 1 条谈心记录的教师：教师 T999 不在教师名单（staff.yaml）中
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 3 个文件：1 个错误，0 个警告
  check: exit 1
  log-talk: wrote the talk
  == talks-map.yaml
  children/2025-900.yaml:27:3: 错误：talks：应为列表，实际是映射
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 3 个文件：1 个错误，0 个警告
  check: exit 1
  log-talk: exit 1, file unchanged
  == talks-scalar.yaml
  children/2025-900.yaml:26:8: 错误：talks：应为列表，实际是文字
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 3 个文件：1 个错误，0 个警告
  check: exit 1
  log-talk: exit 1, file unchanged
  == two-documents.yaml
  children/2025-900.yaml:26:1: 错误：文件中有不止一份 YAML 文档（有一行“---”）；每个文件只放一份档案
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 3 个文件：1 个错误，0 个警告
  check: exit 1
  log-talk: exit 1, file unchanged
  == unclosed-double-quote.yaml
  children/2025-900.yaml:6:13: 错误：不是有效的 YAML：映射没有结尾
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 3 个文件：1 个错误，0 个警告
  check: exit 1
  log-talk: exit 1, file unchanged
  == unclosed-flow.yaml
  children/2025-900.yaml:27:1: 错误：不是有效的 YAML：映射缺少结尾的 }
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 3 个文件：1 个错误，0 个警告
  check: exit 1
  log-talk: exit 1, file unchanged
  == unclosed-single-quote.yaml
  children/2025-900.yaml:3:7: 错误：这段引号括起的文字缺少结尾的 '
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 3 个文件：1 个错误，0 个警告
  check: exit 1
  log-talk: exit 1, file unchanged
  == undefined-alias.yaml
  children/2025-900.yaml:26:8: 错误：不是有效的 YAML：引用的锚点没有定义
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 3 个文件：1 个错误，0 个警告
  check: exit 1
  log-talk: exit 1, file unchanged
  == unknown-schema.yaml
  children/2025-900.yaml:1:9: 错误：schema：这个版本的 liushou 不认识档案格式版本 99（只能读 1 到 2 版）
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 3 个文件：1 个错误，0 个警告
  check: exit 1
  log-talk: exit 1, file unchanged
  == url-in-notes.yaml
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 3 个文件：0 个错误，0 个警告
  check: exit 0
  log-talk: wrote the talk

Files too large to keep in git are made here: nesting 100,000 levels deep in flow style and
600 levels in block style, and a 15 MB file.

  $ { cat $H/valid.yaml; printf 'notes: '; head -c 100000 /dev/zero | tr '\0' '['; head -c 100000 /dev/zero | tr '\0' ']'; echo; } > ../deep-flow.yaml && try ../deep-flow.yaml
  == deep-flow.yaml
  children/2025-900.yaml:26:200008: 错误：嵌套超过 500 层；一份档案只需要几层
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 3 个文件：1 个错误，0 个警告
  check: exit 1
  log-talk: exit 1, file unchanged
  $ { cat $H/valid.yaml; echo 'notes:'; awk 'BEGIN { for (i = 1; i <= 600; i++) { s = sprintf("%*s", i, ""); print s "- " } }'; } > ../deep-block.yaml && try ../deep-block.yaml
  == deep-block.yaml
  children/2025-900.yaml:525:501: 错误：嵌套超过 500 层；一份档案只需要几层
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 3 个文件：1 个错误，0 个警告
  check: exit 1
  log-talk: exit 1, file unchanged
  $ { cat $H/valid.yaml; printf 'notes: "'; head -c 15000000 /dev/zero | tr '\0' 'a'; echo '"'; } > ../big.yaml && try ../big.yaml
  == big.yaml
  children/2025-900.yaml:1:1: 错误：文件有 15.0 MB；一份档案最多 1 MiB（是不是误粘贴了什么？）
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 3 个文件：1 个错误，0 个警告
  check: exit 1
  log-talk: exit 1, file unchanged
  $ cp $H/valid.yaml children/2025-900.yaml

A symbolic link in children/ that leads out of the tree is refused; one inside it is read.

  $ echo 'secret: 1' > ../outside.yaml && ln -s ../../outside.yaml children/2025-901.yaml && liushou check
  children/2025-901.yaml:1:1: 错误：指向档案目录之外的符号链接，拒绝读取（请把文件本身放在这里）
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 4 个文件：1 个错误，0 个警告
  [1]
  $ liushou -q log-talk 2025-901 --date 2026-03-10 --by T001 --summary 谈心; echo "exit $?"; cat ../outside.yaml
  exit 1
  secret: 1
  ! children/2025-901.yaml:1:1: 错误：指向档案目录之外的符号链接，拒绝读取（请把文件本身放在这里）
  ! liushou：children/2025-901.yaml：请先改正上面的问题（liushou check）；liushou 不改写不能完整读取的文件
  $ rm children/2025-901.yaml && mkdir -p keep && sed 's/2025-900/2025-902/; s/测试童/测试乙/; /id_number/d' $H/valid.yaml > keep/2025-902.yaml && ln -s ../keep/2025-902.yaml children/2025-902.yaml && liushou check --allow-incomplete && liushou list --format csv | cut -d, -f1
  现行规则：每月谈心 1 次、亲情电话 1 次（1、2、7、8 月不要求；第二学期亲情电话从 4 月起）；每学期家访 1 次、座谈会 1 次
  已检查 4 个文件：0 个错误，0 个警告
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
  exit 1
  == register-bidi-override.csv
  exit 1
  == register-binary.csv
  exit 1
  == register-c1-control.csv
  exit 1
  == register-duplicate-column.csv
  exit 1
  == register-duplicate-id.csv
  exit 1
  == register-empty.csv
  exit 1
  == register-extra-fields.csv
  exit 1
  == register-feb-30.csv
  exit 1
  == register-header-only.csv
  exit 1
  == register-id-case-clash.csv
  exit 1
  == register-id-holds-id-number.csv
  exit 1
  == register-id-holds-phone.csv
  exit 1
  == register-id-number-in-grade.csv
  exit 1
  == register-id-traversal.csv
  exit 1
  == register-id-windows-device.csv
  exit 1
  == register-lone-cr-in-quoted-cell.csv
  exit 1
  == register-no-id-or-name.csv
  exit 1
  == register-not-any-encoding.csv
  exit 1
  == register-nul.csv
  exit 1
  == register-phone-in-gender.csv
  exit 1
  == register-unclosed-quote.csv
  exit 1
  == register-unknown-column.csv
  exit 1
  2025-900.yaml
  ! ../hostile/sheets/register-bad-grade.csv:2:5: 错误：第 2 行，年级：“九”不是 1 到 6 之间的数字
  ! ../hostile/sheets/register-bad-grade.csv：1 处问题，未导入任何内容
  ! ../hostile/sheets/register-bidi-override.csv:2:1: 错误：表格这里有看不见的字符 U+202E，会让文字显示成别的样子，请删去
  ! ../hostile/sheets/register-bidi-override.csv：未导入任何内容
  ! ../hostile/sheets/register-binary.csv:2:1: 错误：表格这里既不是 UTF-8 也不是 GB18030 编码；请另存为“CSV UTF-8”
  ! ../hostile/sheets/register-c1-control.csv:2:1: 错误：表格这里有看不见的字符 U+0085，会让文字显示成别的样子，请删去
  ! ../hostile/sheets/register-c1-control.csv：未导入任何内容
  ! ../hostile/sheets/register-duplicate-column.csv:1:9: 错误：姓名：又一列姓名（第一列是第 2 列）
  ! ../hostile/sheets/register-duplicate-column.csv：未导入任何内容
  ! ../hostile/sheets/register-duplicate-id.csv:3:1: 错误：第 3 行，学号：学号 2025-950 在第 2 行也有
  ! ../hostile/sheets/register-duplicate-id.csv：1 处问题，未导入任何内容
  ! ../hostile/sheets/register-empty.csv:1:1: 错误：表头：没有表头行：表格是空的，或没有一行含两个以上的表头
  ! ../hostile/sheets/register-empty.csv：未导入任何内容
  ! ../hostile/sheets/register-extra-fields.csv:2:1: 错误：第 2 行：有 10 个单元格，表头却只有 8 列
  ! ../hostile/sheets/register-extra-fields.csv：1 处问题，未导入任何内容
  ! ../hostile/sheets/register-feb-30.csv:2:4: 错误：第 2 行，出生日期：“2016-02-30”不是有效日期（2016 年 02 月只有 29 天）
  ! ../hostile/sheets/register-feb-30.csv：1 处问题，未导入任何内容
  ! ../hostile/sheets/register-header-only.csv:2:1: 错误：表格只有表头，下面没有数据
  ! ../hostile/sheets/register-header-only.csv：未导入任何内容
  ! ../hostile/sheets/register-id-case-clash.csv:3:1: 错误：第 3 行，学号：学号与 A-950 只有大小写不同，在 Windows 和 macOS 上会是同一个文件
  ! ../hostile/sheets/register-id-case-clash.csv：1 处问题，未导入任何内容
  ! ../hostile/sheets/register-id-holds-id-number.csv:2:1: 错误：第 2 行，学号：学号中有一长串数字（电话或身份证号？）；学号会出现在文件名和提交说明里，请用学籍上的学号，或让 liushou 自动编号
  ! ../hostile/sheets/register-id-holds-id-number.csv：1 处问题，未导入任何内容
  ! ../hostile/sheets/register-id-holds-phone.csv:2:1: 错误：第 2 行，学号：学号中有一长串数字（电话或身份证号？）；学号会出现在文件名和提交说明里，请用学籍上的学号，或让 liushou 自动编号
  ! ../hostile/sheets/register-id-holds-phone.csv：1 处问题，未导入任何内容
  ! ../hostile/sheets/register-id-number-in-grade.csv:2:5: 错误：第 2 行，年级：“420*************27”不是 1 到 6 之间的数字
  ! ../hostile/sheets/register-id-number-in-grade.csv：1 处问题，未导入任何内容
  ! ../hostile/sheets/register-id-traversal.csv:2:1: 错误：第 2 行，学号：学号“../../x”须以字母或数字开头
  ! ../hostile/sheets/register-id-traversal.csv：1 处问题，未导入任何内容
  ! ../hostile/sheets/register-id-windows-device.csv:2:1: 错误：第 2 行，学号：学号“CON”是 Windows 保留的设备名，Windows 上的副本无法存放这个文件
  ! ../hostile/sheets/register-id-windows-device.csv:3:1: 错误：第 3 行，学号：学号“lpt1”是 Windows 保留的设备名，Windows 上的副本无法存放这个文件
  ! ../hostile/sheets/register-id-windows-device.csv：2 处问题，未导入任何内容
  ! ../hostile/sheets/register-lone-cr-in-quoted-cell.csv:2:1: 错误：第 2 行：单元格中有不属于换行的回车符（U+000D），请删去
  ! ../hostile/sheets/register-lone-cr-in-quoted-cell.csv：未导入任何内容
  ! ../hostile/sheets/register-no-id-or-name.csv:1:1: 错误：表头：表格中既没有“姓名”列，也没有“学号”列
  ! ../hostile/sheets/register-no-id-or-name.csv：未导入任何内容
  ! ../hostile/sheets/register-not-any-encoding.csv:2:1: 错误：表格这里既不是 UTF-8 也不是 GB18030 编码；请另存为“CSV UTF-8”
  ! ../hostile/sheets/register-nul.csv:2:1: 错误：表格这里有 NUL 字节；它真的是 CSV 文件吗？
  ! ../hostile/sheets/register-nul.csv：未导入任何内容
  ! ../hostile/sheets/register-phone-in-gender.csv:2:3: 错误：第 2 行，性别：“139******21”不是男或女
  ! ../hostile/sheets/register-phone-in-gender.csv：1 处问题，未导入任何内容
  ! ../hostile/sheets/register-unclosed-quote.csv:2:1: 错误：第 2 行：引号括起的单元格没有结束（少了一个 "）
  ! ../hostile/sheets/register-unclosed-quote.csv：未导入任何内容
  ! ../hostile/sheets/register-unknown-column.csv:1:9: 错误：星座：不认识这一列；请用 --map 对应到字段，或用 --ignore-column 跳过
  ! ../hostile/sheets/register-unknown-column.csv：未导入任何内容
  $ for f in $H/sheets/talks-*.csv; do sheet log-talk "$f"; done; cmp $H/valid.yaml children/2025-900.yaml && echo "2025-900 unchanged"
  == talks-bidi-in-summary.csv
  exit 1
  == talks-future.csv
  exit 1
  == talks-missing-date-column.csv
  exit 1
  == talks-month-13.csv
  exit 1
  == talks-phone-as-teacher.csv
  exit 1
  == talks-unknown-child.csv
  exit 1
  == talks-unknown-kind.csv
  exit 1
  == talks-unknown-teacher.csv
  exit 1
  2025-900 unchanged
  ! ../hostile/sheets/talks-bidi-in-summary.csv:2:1: 错误：表格这里有看不见的字符 U+202E，会让文字显示成别的样子，请删去
  ! ../hostile/sheets/talks-bidi-in-summary.csv：未登记任何记录
  ! ../hostile/sheets/talks-future.csv:2:2: 错误：第 2 行，日期：2026-04-02 是将来的日期
  ! ../hostile/sheets/talks-future.csv：1 处问题，未登记任何记录
  ! ../hostile/sheets/talks-missing-date-column.csv:1:1: 错误：表头：表格中没有日期列
  ! ../hostile/sheets/talks-missing-date-column.csv：1 处问题，未登记任何记录
  ! ../hostile/sheets/talks-month-13.csv:2:2: 错误：第 2 行，日期：“2026-13-02”中没有 13 月
  ! ../hostile/sheets/talks-month-13.csv：1 处问题，未登记任何记录
  ! ../hostile/sheets/talks-phone-as-teacher.csv:2:4: 错误：第 2 行，教师：教师名单（staff.yaml）中没有 139******78（请给出教师编号或姓名）
  ! ../hostile/sheets/talks-phone-as-teacher.csv：1 处问题，未登记任何记录
  ! ../hostile/sheets/talks-unknown-child.csv:2:1: 错误：第 2 行，学号：没有儿童 2025-999
  ! ../hostile/sheets/talks-unknown-child.csv：1 处问题，未登记任何记录
  ! ../hostile/sheets/talks-unknown-kind.csv:2:3: 错误：第 2 行，类型：“闲聊”不是谈心、家访、亲情电话、座谈会、心理辅导或生日祝福
  ! ../hostile/sheets/talks-unknown-kind.csv：1 处问题，未登记任何记录
  ! ../hostile/sheets/talks-unknown-teacher.csv:2:4: 错误：第 2 行，教师：教师名单（staff.yaml）中没有 T999（请给出教师编号或姓名）
  ! ../hostile/sheets/talks-unknown-teacher.csv：1 处问题，未登记任何记录
  $ head -c 70000000 /dev/zero | tr '\0' ',' > ../huge.csv && sheet enroll ../huge.csv
  == huge.csv
  exit 1
  ! liushou：../huge.csv：文件有 70.0 MB，超过 64 MiB 的上限

Every hostile record at once in one tree, beside the valid one, and the big and deep ones: left
for cram.sh's --rev check, which commits the tree and compares what check, the reports and the
checklist print from the commit with what they print from its checkout.

  $ rm -f ../huge.csv && mkdir -p ../all/children && cp liushou.yaml staff.yaml ../all/ && cp $H/records/*.yaml ../deep-flow.yaml ../deep-block.yaml ../big.yaml ../all/children/ && cp $H/valid.yaml ../all/children/2025-900.yaml && ls ../all/children | wc -l
  80
