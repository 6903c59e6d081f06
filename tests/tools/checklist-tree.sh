#!/usr/bin/env bash
# Makes ./school, the school whose March 2028 checklists the sheets of tests/fixtures/checklist-*
# were made from; tests/golden/sheets.t and tests/tools/make-xlsx-fixtures.sh both run it. A
# fixture's 编号 hold a check over the school, month, teacher and each row's child, so both
# must build the same tree: change it only with the fixtures (make-xlsx-fixtures.sh).
set -euo pipefail
liushou init school --school 孙桥镇中心小学 --year 2027-2028 --no-git -q
cd school
sed -i '/family_calls_from/d' liushou.yaml
liushou -q staff add --name 张老师 --role head_teacher --grade 4 --class 2 > /dev/null
liushou -q staff add --name 李老师 --role teacher > /dev/null
for c in "A1 王小明 男 4 2 2019-05-01" "A2 李华 女 4 2 2018-03-08" "A3 赵六 男 2 1 2020-02-29"; do
  read -r id name gender grade class birth <<< "$c"
  liushou -q enroll --enrolled-on 2027-09-01 --id "$id" --name "$name" --gender "$gender" \
    --grade "$grade" --class "$class" --birth-date "$birth" > /dev/null
done
liushou -q pair A1 --teacher T001 --since 2027-09-01
liushou -q pair A2 --teacher T001 --since 2027-09-01
liushou -q pair A3 --teacher T002 --since 2027-09-01
liushou -q log-talk A1 --by T001 --date 2028-03-02 --summary 想妈妈 --follow-up 联系母亲
liushou -q log-talk A2 --by T001 --date 2028-02-10 --kind meeting --summary 家长座谈会
