Long work shows how far it has got on stderr, but only at a terminal (script(1) provides one
here): an import of thousands of rows, a cold load of a large tree. Pipes, files and -q get
nothing but the result. There is no colour anywhere, so NO_COLOR changes nothing.

  $ liushou init school --school 孙桥镇中心小学 --year 2025-2026 --no-git -q && cd school
  $ gensheet --rows 1500 --ids --enrolled-on 2025-09-01 > ../sheet.csv
  $ script -qec "liushou enroll --from-csv ../sheet.csv" /dev/null | tr '\r' '\n' | sed 's/ *$//'
  
  正在写入 children/ 0/1500
  正在写入 children/ 150/1500
  正在写入 children/ 300/1500
  正在写入 children/ 450/1500
  正在写入 children/ 600/1500
  正在写入 children/ 750/1500
  正在写入 children/ 900/1500
  正在写入 children/ 1050/1500
  正在写入 children/ 1200/1500
  正在写入 children/ 1350/1500
  正在写入 children/ 1500/1500
  
  ../sheet.csv（1500 行，utf-8）：新增 1500，修改 0，未变 0
  
  $ script -qec "liushou --no-cache --jobs 1 list --format csv | wc -l" /dev/null | tr '\r' '\n' | sed 's/ *$//'
  
  正在读取 children/ 0/1500
  正在读取 children/ 150/1500
  正在读取 children/ 300/1500
  正在读取 children/ 450/1500
  正在读取 children/ 600/1500
  正在读取 children/ 750/1500
  正在读取 children/ 900/1500
  正在读取 children/ 1050/1500
  正在读取 children/ 1200/1500
  正在读取 children/ 1350/1500
  正在读取 children/ 1500/1500
  
  1501
  
  $ liushou --no-cache list --format csv 2>&1 >/dev/null | wc -c
  0
  $ script -qec "liushou -q --no-cache --jobs 1 check --allow-incomplete" /dev/null | tr '\r' '\n' | grep -c reading
  0
  [1]
  $ script -qec "liushou --no-cache --jobs 1 list --format csv" /dev/null > ../plain && NO_COLOR=1 script -qec "liushou --no-cache --jobs 1 list --format csv" /dev/null | cmp - ../plain && ! grep -q $'\e' ../plain && echo "no escape sequences; the same with NO_COLOR"
  no escape sequences; the same with NO_COLOR
