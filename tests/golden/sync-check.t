A merge whose records each read cleanly but fail check together (#42): the coordinator removes
a teacher no child has, while a teacher's PC pairs a child with that teacher. sync --from checks
the merged records before anything is written: it names the file, line and field, leaves the
tree as before, and waits for --continue or --abort.

  $ export LIUSHOU_KEY=$HOME/keys/c.txt && liushou -q key new > c.pub && LIUSHOU_KEY=$HOME/keys/t1.txt liushou -q key new > t1.pub
  $ cp -r $EXAMPLES/school c && cd c && git init -q && git add -A && git commit -qm start && liushou init --hooks -q
  $ liushou -q key add 教导处 $(cat ../c.pub) && liushou -q --commit key add 张老师 $(cat ../t1.pub) && liushou -q --commit staff add --name 钱老师
  T009
  $ mkdir ../stick && liushou -q sync --to ../stick --full && cd .. && LIUSHOU_KEY=$HOME/keys/t1.txt liushou -q sync --from stick/*教导处.liushou --clone t1 && grep -c T009 t1/staff.yaml
  1
  $ cd c && liushou -q --commit staff remove T009 && git rev-parse HEAD > ../head && $GOLDEN/../tools/listing.sh . --exclude .git > ../before
  $ cd ../t1 && liushou -q --commit pair 2025-001 --teacher T009 && LIUSHOU_KEY=$HOME/keys/t1.txt liushou -q sync --to ../stick
  $ cd ../c && liushou sync --from ../stick/*张老师.liushou 2>&1 | sed "s#$PWD#.#"
  ./children/2025-001.yaml:39:12：错误：pairing.teacher：教师 T009 不在教师名单（staff.yaml）中
  liushou：合并后的档案通不过检查（见上）；档案保持原样。请改正 ./.git/liushou/sync/conflicts 中的文件后运行 liushou sync --continue，或运行 liushou sync --abort
  [1]
  $ git rev-parse HEAD | cmp - ../head && $GOLDEN/../tools/listing.sh . --exclude .git | cmp - ../before && echo byte-identical
  byte-identical

Abandoned: the tree is as it was, and check passes.

  $ liushou sync --abort 2>&1 | sed "s#$PWD#.#" && git rev-parse HEAD | cmp - ../head && liushou check -q --allow-incomplete > /dev/null && echo checked
  已放弃同步；档案保持原样
  checked
