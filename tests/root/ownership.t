Ownership, as git's safe.directory (#40). Run as root with a throwaway user (tests/CMakeLists.txt
skips it, saying so, when not root): a tree, or a liushou.yaml found by discovery, owned by
another user is refused with a message saying how to trust it; discovery stops at a folder of
another user's and at a filesystem boundary; when root writes in a trusted user's tree, the
files keep the tree owner's uid and gid.

  $ U=lsown$$; useradd -M -s /usr/sbin/nologin $U && trap 'userdel $U' EXIT
  $ chmod 755 .. . && cp -r $EXAMPLES/school school && chown -R $U: school && cd school
  $ owner() { stat -c %U "$1" | sed "s/^$U\$/USER/"; }

Another user's tree is refused, for reading and for writing, by --root too:

  $ liushou list 2>&1 | sed "s/$U/USER/; s|$PWD|TREE|g"
  liushou：TREE：属于另一个用户（USER）；liushou 只使用你自己的档案目录。如果信任它，请运行：git config --global --add safe.directory TREE
  [2]
  $ liushou -q log-talk 2025-001 --date 2026-03-10 --by T002 --summary 谈心 2>&1 | sed "s/$U/USER/; s|$PWD|TREE|g"
  liushou：TREE：属于另一个用户（USER）；liushou 只使用你自己的档案目录。如果信任它，请运行：git config --global --add safe.directory TREE
  [2]
  $ cd .. && liushou --root school report summary 2>&1 | sed "s/$U/USER/; s|$PWD/||"; cd school
  liushou：school：属于另一个用户（USER）；liushou 只使用你自己的档案目录。如果信任它，请运行：git config --global --add safe.directory school

Trusted as git's message says (in the user's own git configuration), it is read and written;
root's writes leave the files the owner's:

  $ git config --global --add safe.directory "$PWD" && liushou list | tail -1
  共 30 名
  $ liushou -q log-talk 2025-001 --date 2026-03-10 --by T002 --summary 谈心
  $ liushou report summary > /dev/null && for f in children/2025-001.yaml .liushou .liushou/cache .liushou/cache/children.bin; do echo "$(owner $f) $f"; done
  USER children/2025-001.yaml
  USER .liushou
  USER .liushou/cache
  USER .liushou/cache/children.bin
  $ liushou schedule > /dev/null && liushou -q log-talk 2025-002 --date 2026-03-10 --by T002 --summary 谈心 && sleep 0.2 && liushou report summary > /dev/null && for f in .liushou/cache/printed.bin .liushou/cache/*.delta; do echo "$(owner $f) $f"; done
  USER .liushou/cache/printed.bin
  USER .liushou/cache/children.bin.delta
  USER .liushou/cache/figures.bin.delta
  $ liushou -q enroll --name 新同学 --grade 1 --class 1 --gender 女 --birth-date 2019-05-01 --left-behind father_away && echo "$(owner children/2025-031.yaml) $(stat -c %a children/2025-031.yaml)"
  2025-031
  USER 600
  $ git config --global --unset-all safe.directory

Run through sudo by the tree's owner (SUDO_UID, as git counts it), root may use the tree:

  $ SUDO_UID=$(id -u $U) liushou list | tail -1
  共 31 名

Discovery: a liushou.yaml planted by another user in a folder above is found and refused (an
import in pub/work does not land in it); a folder of another user's without one ends the
search.

  $ cd .. && mkdir -p pub/work && cp school/liushou.yaml pub/ && chown $U: pub pub/liushou.yaml && cd pub/work
  $ liushou -q enroll --name 王小明 --grade 1 --class 1 --gender 男 --birth-date 2019-05-01 --left-behind father_away 2>&1 | sed "s/$U/USER/; s|$(dirname "$PWD")|PUB|"; ls ..
  liushou：..：属于另一个用户（USER）；liushou 只使用你自己的档案目录。如果信任它，请运行：git config --global --add safe.directory PUB
  liushou.yaml
  work
  $ cd ../.. && rm -rf pub && mkdir -p mine/other/me && cp school/liushou.yaml mine/ && chown $U: mine/other && cd mine/other/me
  $ liushou list
  ! liushou：不在 liushou 档案目录中（这里和上级目录都没有 liushou.yaml）；请用 --root 目录、设置 LIUSHOU_ROOT，或用 liushou init 目录 --school 学校名 新建
  [2]
  $ cd ../../.. && rm -rf mine

A filesystem mounted inside a tree (a USB stick in a folder) finds no tree above it, as git
finds no repository across one; a plain folder beside it does:

  $ mkdir -p mine/usb mine/plain && cp school/liushou.yaml mine/ && mount -t tmpfs none mine/usb
  $ (cd mine/usb && liushou list); umount mine/usb
  ! liushou：不在 liushou 档案目录中（这里和上级目录都没有 liushou.yaml）；请用 --root 目录、设置 LIUSHOU_ROOT，或用 liushou init 目录 --school 学校名 新建
  $ (cd mine/plain && liushou list | tail -1)
  共 0 名
