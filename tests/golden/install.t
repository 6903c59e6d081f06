The man pages lint clean, each command's --help and man page name the same options, and
cmake --install puts the binary, the man pages and the completion scripts in their places.

  $ for page in $TESTDIR/../../man/*.[157]; do mandoc -T lint -W warning "$page"; done; ls $TESTDIR/../../man | wc -l
  25
  $ bash $TESTDIR/../tools/help-man.sh $TESTDIR/../../man
  every command's --help and man page name the same options
  $ cmake --install $BUILD --prefix $PWD/stage > /dev/null && cd stage && find . -type f | sort
  ./bin/liushou
  ./lib/x86_64-linux-gnu/liushou/liushou-workbook.so
  ./share/bash-completion/completions/liushou
  ./share/man/man1/liushou-activity.1
  ./share/man/man1/liushou-check.1
  ./share/man/man1/liushou-completion.1
  ./share/man/man1/liushou-county.1
  ./share/man/man1/liushou-enroll.1
  ./share/man/man1/liushou-group.1
  ./share/man/man1/liushou-init.1
  ./share/man/man1/liushou-key.1
  ./share/man/man1/liushou-list.1
  ./share/man/man1/liushou-log-talk.1
  ./share/man/man1/liushou-merge-file.1
  ./share/man/man1/liushou-pair.1
  ./share/man/man1/liushou-plan.1
  ./share/man/man1/liushou-privacy.1
  ./share/man/man1/liushou-purge.1
  ./share/man/man1/liushou-rename.1
  ./share/man/man1/liushou-report.1
  ./share/man/man1/liushou-schedule.1
  ./share/man/man1/liushou-school.1
  ./share/man/man1/liushou-staff.1
  ./share/man/man1/liushou-sync.1
  ./share/man/man1/liushou.1
  ./share/man/man5/liushou-json.5
  ./share/man/man5/liushou-records.5
  ./share/man/man7/liushou-rates.7
  ./share/zsh/vendor-completions/_liushou

The binary carries Debian's hardening in every build type (CMakeLists.txt): read-only
relocations bound at start, and the stack protector.

  $ readelf -lW bin/liushou | grep -c GNU_RELRO; readelf -dW bin/liushou | grep -c BIND_NOW; nm bin/liushou | grep -c __stack_chk_fail
  1
  1
  1
  $ bin/liushou --version && bin/liushou --no-cache --root $EXAMPLES/school list --status all --format csv | wc -l
  liushou 0.1.0
  31

The workbook libraries (libzip, expat, libxlsxwriter) are not linked into the program: it
loads them, as lib/x86_64-linux-gnu/liushou/liushou-workbook.so, only for a command that
reads or writes a workbook or a Word file. Installed, it finds the module from its own
folder; without the module, only those commands fail, and they say what is missing.

  $ ldd bin/liushou | grep -cE 'libzip|libxlsxwriter|libexpat|libcrypto'; ldd lib/*/liushou/liushou-workbook.so | awk '{ print $1 }' | grep -oE '^lib(zip|xlsxwriter|expat)\.so' | sort
  0
  libexpat.so
  libxlsxwriter.so
  libzip.so
  $ bin/liushou --no-cache --root $EXAMPLES/school list -o ../名册.xlsx -q && head -c 2 ../名册.xlsx && echo
  PK
  $ mkdir ../lone && cp bin/liushou ../lone/ && ../lone/liushou --no-cache --root $EXAMPLES/school list -o ../名册2.xlsx 2>&1 | sed "s|${PWD%/*}|TMP|"; echo "exit ${PIPESTATUS[0]}"; test -e ../名册2.xlsx || echo "no workbook written"
  liushou：程序所在的文件夹和 TMP/lib/x86_64-linux-gnu/liushou 里都没有 liushou-workbook.so，读写表格要用它（liushou 是否完整安装？）
  exit 3
  no workbook written
  $ ../lone/liushou --no-cache --root $EXAMPLES/school list --status all --format csv | wc -l
  31
  $ mandoc -T ascii share/man/man1/liushou-log-talk.1 | sed 's/.\x08//g' | sed -n '3,7p'
  NAME
         liushou-log-talk - record talks, home visits, family calls and meetings
  
  SYNOPSIS
         liushou log-talk ID --by T --summary TEXT [--date DATE] [--kind KIND]
  $ bash -c 'source share/bash-completion/completions/liushou && complete -p liushou'
  complete -F _liushou liushou
  $ head -1 share/zsh/vendor-completions/_liushou
  #compdef liushou
