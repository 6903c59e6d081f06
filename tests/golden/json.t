JSON (issue 18): every --format json document, checked against the shapes that
liushou-json(5) writes down. tests/tools/json-shapes.py reads the shapes from the page
itself, so the page and the commands cannot drift apart; it also names any documented shape
or type that no document below exercised. Every document must be the same in Chinese and in
English (a key named label aside).

  $ py=/usr/bin/python3 tools=$TESTDIR/../tools page=$TESTDIR/../../man/liushou-json.5
  $ export LIUSHOU_TODAY=2026-03-31
  $ cp -r $EXAMPLES/school school && cd school

The sample school, with a record of every kind a document can hold: a transfer and a return
(enrolment_history), a class change (changes), a new teacher (pairing.history), a help plan,
a progress note, a closed follow-up, a school in a county with other rules, one missing.

  $ sed -i 's/^  since: .*/  since: 2026-02-20/' children/2025-002.yaml && liushou -q enroll 2025-002 --status transferred --on 2026-03-12
  $ liushou -q enroll 2025-002 --status enrolled --on 2026-03-14
  $ liushou -q enroll 2025-003 --class 2 --on 2026-03-01
  $ liushou -q pair 2025-005 --teacher T003 --since 2026-03-20
  $ liushou -q pair 2025-005 --plan 数学辅导 --from 2026-03-01 --to 2026-06-30 --goal 及格
  $ liushou -q pair 2025-005 --progress 单元测验进步 --date 2026-03-10 --subject 数学 --score 80
  $ liushou -q log-talk 2025-003 --close-follow-up 2026-03-10 --summary 已联系母亲 --by T003 --date 2026-03-14
  $ liushou -q enroll --name 新同学 --gender 女 --birth-date 2019-05-01 --grade 1 --class 1
  2025-031
  $ cd .. && cp -r school other && liushou -q --root other school set --name 杨集小学 --talks-per-month 2
  $ printf 'county: 京山县\nschools:\n  - path: school\n  - path: other\n  - path: gone\n' > county.yaml

doc NAME ARGS… runs one command in both languages, keeps the Chinese document for the check
and says where the two differ.

  $ n=0; docs=(); doc() { name=$1; shift; n=$((n + 1))
  >   liushou "$@" --format json > $n.zh; LIUSHOU_LANG=en liushou "$@" --format json > $n.en
  >   strip='walk(if type == "object" then del(.label) else . end)'
  >   diff <(jq -S "$strip" $n.zh) <(jq -S "$strip" $n.en) > /dev/null || echo "$name: differs by language"
  >   docs+=("$name=$n.zh"); }
  $ doc "list" --root school list
  $ doc "list" --county county.yaml --skip-missing list 2>/dev/null
  $ doc "staff list" --root school staff list
  $ doc "check" --root school check
  $ doc "report summary" --root school report summary
  $ doc "report summary" --county county.yaml --skip-missing report summary 2>/dev/null
  $ doc "report child" --root school report child 2025-005
  $ doc "report child" --root school report child 2025-002 --redact
  $ doc "report child" --root school report child 2025-003
  $ doc "report class" --root school report class 1-3
  $ doc "report class" --county county.yaml --skip-missing report class 1-3 2>/dev/null
  $ doc "report talks" --root school report talks --month 2026-03
  $ doc "report talks" --county county.yaml --skip-missing report talks --month 2026-03 2>/dev/null
  $ doc "report subsidies" --root school report subsidies
  $ doc "schedule" --root school schedule --month 2026-03
  $ doc "schedule" --root school schedule --month 2026-05
  $ doc "pair --unpaired" --root school pair --unpaired
  $ doc "pair --load" --root school pair --load
  $ doc "activity list" --root school activity list
  $ doc "plan list" --root school plan list
  $ doc "county status" --county county.yaml --skip-missing county status 2>/dev/null
  $ doc "pair --suggest" --root school pair --suggest
  $ $py $tools/json-shapes.py $page "${docs[@]}"
  list: fits (994 values)
  list: fits (2047 values)
  staff list: fits (131 values)
  check: fits (96 values)
  report summary: fits (3655 values)
  report summary: fits (7250 values)
  report child: fits (243 values)
  report child: fits (246 values)
  report child: fits (357 values)
  report class: fits (106 values)
  report class: fits (214 values)
  report talks: fits (900 values)
  report talks: fits (1860 values)
  report subsidies: fits (68 values)
  schedule: fits (1203 values)
  schedule: fits (1932 values)
  pair --unpaired: fits (11 values)
  pair --load: fits (131 values)
  activity list: fits (86 values)
  plan list: fits (131 values)
  county status: fits (39 values)
  pair --suggest: fits (15 values)

The check fails where it should: a number given as text, "" for a missing value, a key the
page does not give, a date that is not one.

  $ jq '.children[0].grade = "1"' 1.zh > bad1.json && jq '.children[0].teacher = ""' 1.zh > bad2.json
  $ jq '.children[0].extra = 1' 1.zh > bad3.json && jq '.tasks[0].done = "2026-2-25"' 20.zh > bad4.json
  $ $py $tools/json-shapes.py $page list=bad1.json list=bad2.json list=bad3.json "plan list=bad4.json" | grep -v 'documented but'
  list: bad1.json: $.children[0].grade: '1' is not int
  list: bad2.json: $.children[0].teacher: '' is not text
  list: bad3.json: $.children[0]: keys ['id', 'name', 'gender', 'grade', 'class', 'status', 'left_behind', 'teacher', 'buddies', 'complete', 'missing', 'extra'] are not the documented ['id', 'name', 'gender', 'grade', 'class', 'status', 'left_behind', 'teacher', 'buddies', 'complete', 'missing']
  plan list: bad4.json: $.tasks[0].done: '2026-2-25' is not date
  [1]

A child's file, whole, as report child --redact gives it:

  $ cat 8.zh
  {
    "liushou_json": 1,
    "school": "孙桥镇中心小学",
    "complete": true,
    "missing": [],
    "child": {
      "id": "2025-002",
      "name": "林宇轩",
      "gender": "female",
      "birth_date": "2017-02-11",
      "id_number": "420821************",
      "ethnicity": "汉族",
      "grade": 3,
      "class": 2,
      "enrolled_on": "2026-03-14",
      "entry": "transfer",
      "status": "enrolled",
      "status_on": null,
      "enrolment_history": [
        {"from": "2023-09-01", "entry": null, "to": "2026-03-12", "status": "transferred"}
      ],
      "left_behind": "father_away",
      "boarding": false,
      "health": "一般",
      "home_address": "湖北省京山县孙桥镇罗桥村3组*号",
      "parents": [
        {"relation": "father", "name": "林建佳", "phone": "138****6145", "work_place": "福建省厦门市集美区某鞋厂", "work_phone": "0592-****6343"},
        {"relation": "mother", "name": "孙秀思", "phone": "138****4339", "work_place": null, "work_phone": null}
      ],
      "guardian": {"relation": "外公", "name": "林德梓", "occupation": "务农", "address": "同上", "phone": "138****0441", "health": "良好", "age": 66},
      "support": {"key_child": false, "subsidies": [], "individual_plan": null},
      "pairing": {"teacher": "T003", "buddies": [], "proxy_parent": null, "since": "2026-02-20", "history": [], "plan": [], "progress": []},
      "talks": [
        {"date": "2025-12-04", "kind": "talk", "by": "T002", "summary": "参加了学校合唱队，很积极", "mood": "good", "follow_up": null, "closes": null, "closes_kind": null, "closes_by": null, "handle": "2025-12-04"},
        {"date": "2025-12-24", "kind": "family_call", "by": "T002", "summary": "与在外务工的父母通话", "mood": null, "follow_up": null, "closes": null, "closes_kind": null, "closes_by": null, "handle": "2025-12-24"},
        {"date": "2026-03-07", "kind": "talk", "by": "T002", "summary": "作业完成较好，字迹工整", "mood": "ok", "follow_up": null, "closes": null, "closes_kind": null, "closes_by": null, "handle": "2026-03-07"}
      ],
      "notes": null,
      "changes": []
    }
  }
