#!/usr/bin/env python3
"""Completion in a real interactive zsh, under a pseudo-terminal, as a user meets it.

    zsh-complete.py FPATH_DIR 'typed words' ...

Starts a fresh `zsh -i` whose .zshrc only puts FPATH_DIR (where _liushou is installed) on
$fpath and runs compinit, as Debian's zsh does for /usr/share/zsh/vendor-completions. For each
argument it types the words, one TAB, then a key bound to a widget that writes the command
line ($BUFFER) to a file and clears it; it prints each line as the TAB left it. liushou must
be on PATH; zsh starts in the current directory. Exits 1 when zsh does not answer within 20 seconds.
"""
import os
import pty
import select
import sys
import tempfile
import time

fpath_dir, typed = sys.argv[1], sys.argv[2:]
home = tempfile.mkdtemp(prefix="liushou-zsh.")
dump = os.path.join(home, "buffers")
with open(os.path.join(home, ".zshrc"), "w") as rc:
    rc.write(f"""fpath=({fpath_dir!r} $fpath)
autoload -U compinit && compinit -u -d {home!r}/.zcompdump
PS1='%% '
_dump() {{ print -r -- "$BUFFER" >> {dump!r}; BUFFER=; }}
zle -N _dump
bindkey '^T' _dump
""")
env = dict(os.environ, HOME=home, ZDOTDIR=home, TERM="dumb")
env.pop("LIUSHOU_ROOT", None)
pid, fd = pty.fork()
if pid == 0:
    os.execvpe("zsh", ["zsh", "-i"], env)


def drain(seconds):
    end = time.time() + seconds
    while time.time() < end:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                os.read(fd, 65536)
            except OSError:
                return


def lines():
    return open(dump, encoding="utf-8").read().splitlines() if os.path.exists(dump) else []


drain(1.0)
status = 0
for i, words in enumerate(typed):
    os.write(fd, words.encode() + b"\t")
    drain(0.5)
    os.write(fd, b"\x14")
    deadline = time.time() + 20
    while len(lines()) <= i and time.time() < deadline:
        drain(0.1)
    if len(lines()) <= i:
        print(f"zsh did not answer after: {words}")
        status = 1
        break
    print(lines()[i].replace(home, "$HOME"))
os.write(fd, b"exit\n")
drain(0.5)
try:
    os.waitpid(pid, 0)
except ChildProcessError:
    pass
sys.exit(status)
