8 writers each log 50 different talks for the same child at the same time: the writer lock
serialises them, so afterwards the file parses and holds all 400.

  $ liushou init school --school 孙桥镇中心小学 --year 2025-2026 --no-git -q && cd school
  $ liushou -q staff add --name 张老师 --role teacher
  T001
  $ liushou -q enroll --id A1 --name 王小明 --enrolled-on 2025-09-01
  A1
  $ for p in 1 2 3 4 5 6 7 8; do
  >   (for i in $(seq 1 50); do liushou -q log-talk A1 --by T001 --date 2026-03-01 --summary "writer $p talk $i" || echo "writer $p failed"; done) &
  > done; wait
  $ grep -c '^  - date: 2026-03-01' children/A1.yaml
  400
  $ for p in 1 2 3 4 5 6 7 8; do grep -c "summary: writer $p talk" children/A1.yaml; done | sort | uniq -c
        8 50
  $ liushou check -q --allow-incomplete
  children/A1.yaml:1:1: 警告：档案不完整（建档），缺：性别、出生日期、年级、班级、家庭住址、父母信息（至少一位家长的姓名、电话和务工地址）、监护人关系、监护人姓名、监护人电话、监护人住址、监护人职业、监护人健康状况、监护人年龄
  $ ls -A children .liushou
  .liushou:
  cache
  
  children:
  A1.yaml
