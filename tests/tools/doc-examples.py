#!/usr/bin/env python3
"""Runs the examples of README.md and docs/*.md against the built binary, and checks their links.

An example is a line "$ command" inside a fenced block (``` or ~~~), followed by its expected
output, as on a terminal and in the manner of tests/cram.sh:
  - standard output first, then standard error with each line marked "! ", then "[N]" when
    the command exits with N != 0; a command line ending in "\\" continues on the next line;
  - a line "..." stands for any number of lines (so a long report may show its head and one
    section); an example whose output is not shown at all is written with no line after it
    only when the command prints nothing.
Fenced blocks without a "$ " line (usage, YAML, tables) are not run: write a command that is
not meant to run without the "$ " prompt.

Each file's examples run in order, in one shell (so "cd" carries over), in a fresh temporary
directory holding a copy of examples/ (the sample school is examples/school, the registers
examples/sheets), with the environment tests/cram.sh gives a golden test: LIUSHOU_TODAY fixed
at 2026-03-15, LIUSHOU_ROOT and LIUSHOU_LANG unset, a fixed git identity and date.

Every relative link and image of those files must resolve: the file exists in the repository
(never outside it, so nothing points at a neighbouring checkout), and a "#anchor" names a
heading of the file it points to. Every liushou-NAME(N) the text names is a page in man/.

  LIUSHOU_BIN=build/liushou tests/tools/doc-examples.py [FILE.md ...]
DOC_EXAMPLES_UPDATE=1 rewrites the expected output of examples that have no "..." with the
actual output (review it with git diff); an example with "..." is left for a person to edit.
"""

import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata

ROOT = os.path.realpath(os.path.join(os.path.dirname(__file__), "..", ".."))
FENCE = re.compile(r"^(```|~~~)")


class Example:
    def __init__(self, line_no, command, expected, end):
        self.line_no = line_no  # 1-based line of the "$ " line
        self.command = command  # the command, continuation lines joined with newlines
        self.expected = expected  # the expected lines, as written
        self.end = end  # index (0-based) of the line after the example


def parse(lines):
    """The examples of a Markdown file, in order."""
    examples = []
    in_fence = False
    i = 0
    while i < len(lines):
        line = lines[i]
        if FENCE.match(line):
            in_fence = not in_fence
            i += 1
            continue
        if in_fence and line.startswith("$ "):
            start = i
            cmd = [line[2:]]
            while cmd[-1].endswith("\\") and i + 1 < len(lines):
                i += 1
                cmd.append(lines[i])
            i += 1
            expected = []
            while i < len(lines) and not lines[i].startswith("$ ") and not FENCE.match(lines[i]):
                expected.append(lines[i])
                i += 1
            examples.append(Example(start + 1, "\n".join(cmd), expected, i))
            continue
        i += 1
    return examples


def matches(expected, actual):
    """Whether the actual lines match the expected ones, "..." standing for any lines."""
    if not expected:
        return not actual
    if expected[0] == "...":
        return any(matches(expected[1:], actual[k:]) for k in range(len(actual) + 1))
    return bool(actual) and expected[0] == actual[0] and matches(expected[1:], actual[1:])


def run_file(path, examples, binary):
    """Runs a file's examples in one shell; returns the actual lines of each."""
    work = tempfile.mkdtemp(prefix="liushou-docs.")
    try:
        for d in ("bin", "out", "home", "tmp"):
            os.mkdir(os.path.join(work, d))
        os.symlink(binary, os.path.join(work, "bin", "liushou"))
        shutil.copytree(os.path.join(ROOT, "examples"), os.path.join(work, "tmp", "examples"),
                        ignore=shutil.ignore_patterns("screenshots"))
        out = os.path.join(work, "out")
        script = ["set +e -o pipefail"]
        for n, ex in enumerate(examples):
            script.append("{ " + ex.command)
            script.append(f'}} > "{out}/{n}" 2> "{out}/{n}.err" </dev/null')
            script.append(f'echo $? > "{out}/{n}.rc"')
        env = {k: v for k, v in os.environ.items() if k not in ("LIUSHOU_ROOT", "LIUSHOU_LANG")}
        env.update({
            "PATH": os.path.join(work, "bin") + ":" + env.get("PATH", "/usr/bin:/bin"),
            "HOME": os.path.join(work, "home"),
            "LIUSHOU_TODAY": "2026-03-15",
            "NO_COLOR": "1",
            "LC_ALL": "C.UTF-8",
            "GIT_AUTHOR_NAME": "test", "GIT_AUTHOR_EMAIL": "test@example.invalid",
            "GIT_COMMITTER_NAME": "test", "GIT_COMMITTER_EMAIL": "test@example.invalid",
            "GIT_AUTHOR_DATE": "2026-03-15T12:00:00+0800",
            "GIT_COMMITTER_DATE": "2026-03-15T12:00:00+0800",
        })
        subprocess.run(["bash", "-c", "\n".join(script)], cwd=os.path.join(work, "tmp"), env=env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=600)
        results = []
        for n in range(len(examples)):
            def read(name):
                try:
                    with open(os.path.join(out, name), encoding="utf-8", errors="replace") as f:
                        return f.read()
                except FileNotFoundError:
                    return ""
            lines = read(str(n)).splitlines()
            lines += ["! " + l for l in read(f"{n}.err").splitlines()]
            rc = read(f"{n}.rc").strip() or "?"
            if rc != "0":
                lines.append(f"[{rc}]")
            results.append(lines)
        return results
    finally:
        shutil.rmtree(work, ignore_errors=True)


def slug(heading, seen):
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens."""
    text = re.sub(r"[`*_]|<[^>]*>", "", heading).strip().lower()
    text = "".join(c for c in text if c in "- " or unicodedata.category(c)[0] in "LNM")
    text = text.replace(" ", "-")
    n = seen.get(text, 0)
    seen[text] = n + 1
    return text if n == 0 else f"{text}-{n}"


def anchors(path):
    seen = {}
    result = set()
    in_fence = False
    with open(path, encoding="utf-8") as f:
        for line in f:
            if FENCE.match(line):
                in_fence = not in_fence
            elif not in_fence and re.match(r"^#{1,6} ", line):
                result.add(slug(line.lstrip("#").strip(), seen))
    return result


LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
MAN = re.compile(r"\bliushou(-[a-z-]+)?\(([1-9])\)")


def check_links(path, lines):
    problems = []
    in_fence = False
    for no, line in enumerate(lines, 1):
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        prose = re.sub(r"`[^`]*`", "", line)
        for target in LINK.findall(prose):
            if re.match(r"^[a-z][a-z0-9+.-]*:", target):
                continue  # https:, mailto: ...
            file_part, _, anchor = target.partition("#")
            dest = os.path.realpath(os.path.join(os.path.dirname(path), file_part)) if file_part \
                else path
            if not (dest == ROOT or dest.startswith(ROOT + os.sep)):
                problems.append(f"{path}:{no}: link outside the repository: {target}")
            elif not os.path.exists(dest):
                problems.append(f"{path}:{no}: no such file: {target}")
            elif anchor and dest.endswith(".md") and anchor not in anchors(dest):
                problems.append(f"{path}:{no}: no heading #{anchor} in {os.path.relpath(dest, ROOT)}")
        for name, section in MAN.findall(line):
            page = os.path.join(ROOT, "man", f"liushou{name}.{section}")
            if not os.path.exists(page):
                problems.append(f"{path}:{no}: no man page liushou{name}({section}) in man/")
    return problems


def main():
    binary = os.environ.get("LIUSHOU_BIN") or os.path.join(ROOT, "build", "liushou")
    binary = os.path.realpath(binary)
    if not os.access(binary, os.X_OK):
        print(f"no liushou at {binary}: build it, or set LIUSHOU_BIN", file=sys.stderr)
        return 2
    files = sys.argv[1:] or [os.path.join(ROOT, "README.md")] + sorted(
        os.path.join(ROOT, "docs", f) for f in os.listdir(os.path.join(ROOT, "docs"))
        if f.endswith(".md"))
    update = os.environ.get("DOC_EXAMPLES_UPDATE") == "1"
    failed = 0
    total = 0
    for path in files:
        path = os.path.realpath(path)
        rel = os.path.relpath(path, ROOT)
        with open(path, encoding="utf-8") as f:
            lines = f.read().split("\n")
        for problem in check_links(path, lines):
            print(problem.replace(path, rel))
            failed += 1
        examples = parse(lines)
        if not examples:
            continue
        results = run_file(path, examples, binary)
        edits = []
        for ex, actual in zip(examples, results):
            total += 1
            if matches(ex.expected, actual):
                continue
            if update and "..." not in ex.expected:
                edits.append((ex, actual))
                continue
            failed += 1
            print(f"{rel}:{ex.line_no}: $ {ex.command}")
            for d in difflib.unified_diff(ex.expected, actual, "expected", "actual", lineterm=""):
                print("  " + d)
        if edits:
            for ex, actual in reversed(edits):
                start = ex.line_no + ex.command.count("\n")
                lines[start:ex.end] = actual
            with open(path, "w", encoding="utf-8") as f:
                f.write("\n".join(lines))
            print(f"updated {len(edits)} example(s) in {rel}")
    print(f"{total} examples in {len(files)} files; {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
