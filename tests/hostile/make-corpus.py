#!/usr/bin/env python3
"""Writes the hostile corpus: records/*.yaml, sheets/*.csv and valid.yaml. Run from tests/hostile/."""
import os
os.makedirs('records', exist_ok=True); os.makedirs('sheets', exist_ok=True)
os.chdir('records')

B = '''schema: 1
id: "2025-900"
name: 测试童
gender: female
birth_date: 2016-05-04
id_number: "420821201605042727"
grade: 4
class: 2
enrolled_on: 2022-09-01
status: enrolled
left_behind: both_parents
home_address: 湖北省京山县孙桥镇石龙村1组1号
parents:
  - relation: father
    name: 测试父
    phone: "13800000001"
    work_place: 福建省厦门市某厂
guardian:
  relation: 奶奶
  name: 测试奶
  occupation: 家务
  address: 同上
  phone: "13800000002"
  health: 良好
  age: 70
'''
def w(name, text, mode='w'):
    with open(name, 'wb') as f:
        f.write(text if isinstance(text, bytes) else text.encode())
def rep(a, b): 
    assert a in B, a
    return B.replace(a, b, 1)
TALK = '''talks:
  - date: {date}
    kind: {kind}
    by: {by}
    summary: 谈心
'''
def talk(date='2026-03-02', kind='talk', by='T001'): return B + TALK.format(date=date, kind=kind, by=by)
w('empty.yaml', '')
w('only-comment.yaml', '# nothing here\n')
w('list.yaml', '- schema: 1\n- id: "2025-900"\n')
w('scalar.yaml', 'just some words\n')
w('unknown-schema.yaml', rep('schema: 1', 'schema: 99'))
w('schema-string.yaml', rep('schema: 1', 'schema: one'))
w('id-mismatch.yaml', rep('id: "2025-900"', 'id: "2025-901"'))
w('id-missing.yaml', rep('id: "2025-900"\n', ''))
w('id-traversal.yaml', rep('id: "2025-900"', 'id: "../../etc/passwd"'))
w('tab-indent.yaml', B + 'notes:\n\t- 一\n')
w('duplicate-key.yaml', B + 'name: 别名\n')
w('duplicate-nested-key.yaml', rep('  name: 测试奶\n', '  name: 测试奶\n  name: 王奶奶\n'))
w('invalid-utf8.yaml', B.encode() + b'notes: \xff\xfe bad\n')
w('nul-byte.yaml', B.encode() + b'notes: ok\x00hidden\n')
w('feb-30.yaml', rep('birth_date: 2016-05-04', 'birth_date: 2025-02-30'))
w('month-13-birth.yaml', rep('birth_date: 2016-05-04', 'birth_date: 2016-13-04'))
w('date-words.yaml', rep('birth_date: 2016-05-04', 'birth_date: last spring'))
w('date-slashes.yaml', rep('birth_date: 2016-05-04', 'birth_date: 2016/05/04'))
w('talk-month-13.yaml', talk(date='2026-13-02'))
w('talk-feb-29-non-leap.yaml', talk(date='2026-02-29'))
w('talk-no-date.yaml', B + 'talks:\n  - kind: talk\n    by: T001\n    summary: 谈心\n')
w('talk-unknown-kind.yaml', talk(kind='chat'))
w('talk-unknown-teacher.yaml', talk(by='T999'))
w('talk-future.yaml', talk(date='2027-03-02'))
w('talks-scalar.yaml', B + 'talks: many\n')
w('talks-map.yaml', B + 'talks:\n  date: 2026-03-02\n')
w('talk-item-scalar.yaml', B + 'talks:\n  - 2026-03-02 谈心\n')
w('negative-age.yaml', rep('age: 70', 'age: -5'))
w('age-300.yaml', rep('age: 70', 'age: 300'))
w('age-fraction.yaml', rep('age: 70', 'age: 62.5'))
w('grade-list.yaml', rep('grade: 4', 'grade: [1, 2]'))
w('grade-word.yaml', rep('grade: 4', 'grade: four'))
w('grade-overflow.yaml', rep('grade: 4', 'grade: 99999999999999999999999'))
w('grade-zero.yaml', rep('grade: 4', 'grade: 0'))
w('class-negative.yaml', rep('class: 2', 'class: -2'))
w('name-map.yaml', rep('name: 测试童', 'name:\n  first: 童'))
w('name-control-char.yaml', rep('name: 测试童', 'name: "测试\\a童"'))
w('gender-number.yaml', rep('gender: female', 'gender: 3'))
w('boarding-maybe.yaml', B + 'boarding: maybe\n')
w('status-unknown.yaml', rep('status: enrolled', 'status: vanished'))
w('status-without-date.yaml', rep('status: enrolled', 'status: transferred'))
w('left-behind-unknown.yaml', rep('left_behind: both_parents', 'left_behind: sometimes'))
w('bad-phone.yaml', rep('phone: "13800000002"', 'phone: "12345"'))
w('id-number-check-digit.yaml', rep('420821201605042727', '420821201605042720'))
w('id-number-birth-differs.yaml', rep('birth_date: 2016-05-04', 'birth_date: 2016-05-05'))
w('id-number-short.yaml', rep('420821201605042727', '4208212016'))
w('enrolled-before-birth.yaml', rep('enrolled_on: 2022-09-01', 'enrolled_on: 2015-09-01'))
w('birth-future.yaml', rep('birth_date: 2016-05-04', 'birth_date: 2027-05-04').replace('420821201605042727', '420821202705042729'))
w('parents-map.yaml', rep('''parents:
  - relation: father''', '''parents:
  relation: father'''))
w('parent-unknown-relation.yaml', rep('relation: father', 'relation: uncle'))
w('unclosed-double-quote.yaml', rep('name: 测试童', 'name: "测试童'))
w('unclosed-single-quote.yaml', rep('name: 测试童', "name: '测试童"))
w('unclosed-flow.yaml', B + 'notes: [ {a: b\n')
w('two-documents.yaml', B + '---\n' + B)
w('binary-tag.yaml', rep('name: 测试童', 'name: !!binary 5rWL6K+V56ul'))
w('custom-tag.yaml', rep('name: 测试童', 'name: !child 测试童'))
w('merge-key.yaml', B.replace('guardian:', 'base: &g\n  relation: 奶奶\nguardian:\n  <<: *g', 1))
w('complex-key.yaml', B + '? [a, b]\n: c\n')
w('null-key.yaml', B + '~: x\n')
w('undefined-alias.yaml', B + 'notes: *nowhere\n')
# Issue 12: characters that hide or reorder text, private numbers in the wrong field (the
# message must mask them), look-alike keys, and values that are code somewhere else.
w('name-c1-control.yaml', rep('name: 测试童', 'name: 测试\u0085童'))
w('name-bidi-override.yaml', rep('name: 测试童', 'name: 测试\u202e童'))
w('notes-bidi-isolate.yaml', B + 'notes: 正常\u2066隐藏\u2069\n')
w('guardian-name-lrm.yaml', rep('  name: 测试奶', '  name: 测试\u200e奶'))
w('phone-in-gender.yaml', rep('gender: female', 'gender: "13987654321"'))
w('id-number-in-age.yaml', rep('age: 70', 'age: "420821195601042716"'))
w('phone-in-grade-fullwidth.yaml', rep('grade: 4', 'grade: １３９１２３４５６７８'))
w('fullwidth-colon-key.yaml', rep('name: 测试童', 'name：测试童'))
w('fullwidth-colon-nested-key.yaml', rep('  name: 测试奶', '  name：测试奶'))
w('formula-name.yaml', rep('name: 测试童', "name: \"=HYPERLINK(\\\"http://x.example\\\",\\\"点此\\\")\""))
w('shell-in-notes.yaml', B + 'notes: "$(touch PWNED) `id` ; rm -rf ~"\n')
w('url-in-notes.yaml', B + 'notes: 详见 https://evil.example/a?b=1 或 www.evil.example 或 a@evil.example\n')
w('lone-cr.yaml', B.replace('name: 测试童\n', 'name: 测试童\rnotes: 隐藏\n', 1))
w('mapping-as-key-in-unknown.yaml', B + 'extra:\n  - {}: x\n')
w('empty-list-item.yaml', B.replace('parents:\n', 'parents:\n  - {}\n', 1))
lol = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
for x, y in zip('bcdefghi', 'abcdefgh'):
    lol.append('%s: &%s [%s]' % (x, x, ','.join(['*' + y] * 9)))
w('alias-bomb.yaml', B + '\n'.join(lol) + '\n')
os.chdir('..')
with open('valid.yaml', 'w') as f: f.write(B)
os.chdir('sheets')
H = '学号,姓名,性别,出生日期,年级,班级,入学日期,留守类型'
R = '2025-950,测试甲,女,2016-05-04,4,2,2022-09-01,双亲外出'
T = '学号,日期,类型,教师,内容'
TR = '2025-900,2026-03-02,谈心,T001,谈心'
def w(name, text):
    with open(name, 'wb') as f:
        f.write(text if isinstance(text, bytes) else text.encode())
# register sheets (enroll --from-csv)
w('register-empty.csv', '')
w('register-header-only.csv', H + '\n')
w('register-no-id-or-name.csv', H.replace('学号,姓名,', '') + '\n' + R.replace('2025-950,测试甲,', '') + '\n')
w('register-unknown-column.csv', H + ',星座\n' + R + ',白羊\n')
w('register-duplicate-column.csv', H + ',姓名\n' + R + ',别名\n')
w('register-unclosed-quote.csv', H + '\n' + R.replace('测试甲', '"测试甲') + '\n')
w('register-extra-fields.csv', H + '\n' + R + ',多余,更多\n')
w('register-duplicate-id.csv', H + '\n' + R + '\n' + R.replace('测试甲', '测试乙') + '\n')
w('register-feb-30.csv', H + '\n' + R.replace('2016-05-04', '2016-02-30') + '\n')
w('register-id-traversal.csv', H + '\n' + R.replace('2025-950', '../../x') + '\n')
w('register-bad-grade.csv', H + '\n' + R.replace(',4,2,', ',九,2,') + '\n')
w('register-nul.csv', (H + '\n' + R + '\n').encode().replace('测试甲'.encode(), b'\x00\x00'))
w('register-not-any-encoding.csv', (H + '\n').encode('gb18030') + b'2025-950,\x81\x20,\xff\xff\n')
w('register-binary.csv', bytes(range(256)) * 4)
w('register-c1-control.csv', H + '\n' + R.replace('测试甲', '测试\u0085甲') + '\n')
w('register-bidi-override.csv', H + '\n' + R.replace('测试甲', '测试\u202e甲') + '\n')
w('register-phone-in-gender.csv', H + '\n' + R.replace(',女,', ',13987654321,') + '\n')
w('register-id-number-in-grade.csv', H + '\n' + R.replace(',4,2,', ',420821201605042727,2,') + '\n')
w('register-id-holds-id-number.csv', H + '\n' + R.replace('2025-950', 'G420821201605042727') + '\n')
w('register-id-holds-phone.csv', H + '\n' + R.replace('2025-950', 'P13912345678') + '\n')
w('register-id-windows-device.csv', H + '\n' + R.replace('2025-950', 'CON') + '\n' + R.replace('2025-950', 'lpt1').replace('测试甲', '测试乙') + '\n')
w('register-id-case-clash.csv', H + '\n' + R.replace('2025-950', 'A-950') + '\n' + R.replace('2025-950', 'a-950').replace('测试甲', '测试乙') + '\n')
w('register-lone-cr-in-quoted-cell.csv', H + '\n' + R.replace('测试甲', '"测试\r甲"') + '\n')
# talk sheets (log-talk --from-csv)
w('talks-month-13.csv', T + '\n' + TR.replace('2026-03-02', '2026-13-02') + '\n')
w('talks-unknown-child.csv', T + '\n' + TR.replace('2025-900', '2025-999') + '\n')
w('talks-unknown-teacher.csv', T + '\n' + TR.replace('T001', 'T999') + '\n')
w('talks-unknown-kind.csv', T + '\n' + TR.replace('谈心,T001', '闲聊,T001') + '\n')
w('talks-future.csv', T + '\n' + TR.replace('2026-03-02', '2026-04-02') + '\n')
w('talks-phone-as-teacher.csv', T + '\n' + TR.replace('T001', '13912345678') + '\n')
w('talks-bidi-in-summary.csv', T + '\n' + TR.replace('T001,谈心', 'T001,谈心\u202e好') + '\n')
w('talks-missing-date-column.csv', T.replace('日期,', '') + '\n' + TR.replace('2026-03-02,', '') + '\n')
