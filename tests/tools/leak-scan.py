#!/usr/bin/env python3
"""Finds messages in the wrong language in golden test files (tests/cram.sh's format).

    leak-scan.py --lang zh|en [--all] FILE.t...

Every liushou command of a file that fails ([N] after its output) is an error path; with
--lang zh its output may hold no English sentence, with --lang en no Chinese prose. In zh a
command given --lang en (or LIUSHOU_LANG=en) is skipped, and in en one given --lang zh.

What is data, not prose, is left out first: text in quotes ("…", “…”, '…'), options
(--root), paths and file names, ids and enum keys (dropped_out, guardian.phone), and the
file:line:column prefix. What is left is prose: in zh, three English words in a row are a
leak ("Run with --help for more information"); in en, full-width punctuation (，：；。、！？)
or the frames 错误/警告 are.
--all scans every command's output, not only those that fail (help texts, tests/tools/help-leak.sh).
Prints each leak as FILE:LINE: text; exits 1 if there is any.
"""
import re
import sys

args = sys.argv[1:]
lang = args[args.index("--lang") + 1]
every = "--all" in args
files = [a for i, a in enumerate(args)
         if a not in ("--lang", "--all") and (i == 0 or args[i - 1] != "--lang")]

DATA = [
    re.compile(r'"[^"]*"'), re.compile(r"“[^”]*”"), re.compile(r"'[^']*'"),
    re.compile(r"`[^`]*`"),
    re.compile(r"\(\S\)"),                          # a character shown: (：)
    re.compile(r"^\S+:\d+:\d+: (error|warning): "),   # file:line:col: prefix
    re.compile(r"^\S+:\d+:\d+: "),
    re.compile(r"\bliushou( [a-z][a-z-]*)*"),          # a command: liushou report class
    re.compile(r"\bgit [a-z-]+"),
    re.compile(r"--?[A-Za-z][\w-]*(=\S*)?"),         # options
    re.compile(r"\S*[/\\]\S*"),                        # paths
    re.compile(r"\S+\.(yaml|csv|xlsx|xls|md|json|t|bin|lock)\b"),
    re.compile(r"\b\w+[_.]\w+(\.\w+)*\b"),             # keys: dropped_out, guardian.phone
]
# Help texts (--all) are read more strictly, since their sentences are short: two English
# words side by side (across spaces or ASCII punctuation) are prose, as is a capitalised word,
# save names in capitals (FILE, DIR), lists of keys (md | json), value sets ({text,json}),
# the names of programs and formats, and the usage line.
HELP_DATA = [
    re.compile(r"^\s*(用法|Usage): .*"),
    re.compile(r"\{[^}]*\}"),
    re.compile(r"\b[\w-]+(?: ?\| ?[\w-]+)+\b"),
    re.compile(r"\b[A-Z][A-Z0-9_-]*\b"),
    re.compile(r"\b(Excel|Word|WPS|LibreOffice|Markdown|Windows|Debian|Chromium|Linux|UTF)\b"),
    re.compile(r"^\s+\S+\s{2,}"),  # the name column: a command's or an argument's name
    # a command named in the text: (见 plan list), report child 中可见
    re.compile(r"\b(init|enroll|check|list|staff|pair|log-talk|schedule|report|school|group|"
               r"activity|plan|county|rename|merge-file|key|sync|completion|help)( [a-z][a-z-]*)?\b"),
]
HELP_ENGLISH = re.compile(r"\b[A-Za-z]{2,}[ ,:;()]+[A-Za-z]{2,}\b|\b[A-Z][a-z]{2,}\b")
ENGLISH = re.compile(r"\b[A-Za-z]{2,}(?: [A-Za-z]{2,}){2,}\b")
CHINESE_PROSE = re.compile(r"[，：；。、！？]|错误|警告")


def prose(line):
    for pattern in DATA:
        line = pattern.sub(" ", line)
    return line


def blocks(path):
    """(command, its first line number, output lines, exit code) for each command."""
    lines = open(path, encoding="utf-8").read().split("\n")
    i = 0
    while i < len(lines):
        if not lines[i].startswith("  $ "):
            i += 1
            continue
        start, command = i + 1, lines[i][4:]
        i += 1
        while i < len(lines) and lines[i].startswith("  > "):
            command += "\n" + lines[i][4:]
            i += 1
        output = []
        while i < len(lines) and lines[i].startswith("  ") and not lines[i].startswith("  $ "):
            text = lines[i][2:]
            # cram.sh marks standard error "! "; the message is what follows.
            output.append((i + 1, text[2:] if text.startswith("! ") else text))
            i += 1
        code = 0
        if output and re.fullmatch(r"\[\d+\]", output[-1][1]):
            code = int(output[-1][1][1:-1])
            output = output[:-1]
        yield command, start, output, code


leaks = 0
other = "en" if lang == "zh" else "zh"
for path in files:
    for command, start, output, code in blocks(path):
        if (code == 0 and not every) or "liushou" not in command:
            continue
        if f"--lang {other}" in command or f"LIUSHOU_LANG={other}" in command:
            continue
        for number, text in output:
            if re.match(r"^\s*(ls|cat|grep|diff|git|jq|sed|cmp|mandoc)[:：] ?", text):
                continue  # another program's message
            rest = prose(text)
            if every and lang == "zh":
                for pattern in HELP_DATA:
                    rest = pattern.sub(" ", rest)
                found = HELP_ENGLISH.search(rest)
            else:
                found = ENGLISH.search(rest) if lang == "zh" else CHINESE_PROSE.search(rest)
            if found:
                print(f"{path}:{number}: {text}")
                leaks += 1
print(f"{leaks} message line{'s' if leaks != 1 else ''} in the wrong language", file=sys.stderr)
sys.exit(1 if leaks else 0)
