#!/usr/bin/env python3
"""The message catalogue against the sources (ctest i18n, #45).

Every text liushou shows a person is named at its call site by its English key: N_("...")
for a message composed in English and translated where it leaves, w.t("...") / w.f("...") /
tr(lang, "...") / trf(lang, "...") for a text looked up where it is written. This finds every
key in src/ and include/ and fails when
  - a key has no entry in src/render/messages.inc,
  - an entry is empty in either language or a key has two entries, or its Chinese shows a different number of values
    ({} or {N}) than its English,
  - an entry is used by no call site (an orphan), unless ALLOWED_SECTIONS or RECORD_WORD
    below says why, or tests/tools/i18n-unmarked.txt lists it: the call sites not marked yet
    (#45 marked src/render, src/domain, src/codec and most of src/cli first). That list may
    only shrink: an entry it lists that a call site now names fails too, until it is taken
    off. Keys are counted as a lookup names them: an entry with [s] is used when any of its
    plural forms is.
Usage: i18n-keys.py SOURCE_DIR
"""
import glob
import os
import re
import sys

LIT = r'"(?:[^"\\\n]|\\.)*"'
LITS = rf'(?:{LIT}\s*)+'
# A key at its call site: the marker, or the first argument of a lookup (after lang for tr).
KEY = re.compile(rf'(?:\bN_\(|[.>]t\(|[.>]f\(|\btrf?\(\s*[\w.()]+\s*,)\s*({LITS})\s*[,)]')

# Entries no call site names, because the text is made elsewhere: CLI11 writes its own
# parsing errors and help, and git and pandoc their own words, which liushou passes on.
ALLOWED_SECTIONS = {"CLI11's parsing errors"}
# A word of the records (status, home_visits, male): a key of the data, not a message, that
# the catalogue puts into Chinese where it appears as a value inside a message at exit.
RECORD_WORD = re.compile(r'[a-z_]+')


def value(src):
    """The text of adjacent C++ string literals, escapes read; '' for one no key can be."""
    out = b''
    try:
        for part in re.findall(LIT, src):
            out += part[1:-1].encode('utf-8').decode('unicode_escape').encode('latin-1')
        return out.decode('utf-8')
    except UnicodeError:  # "\u3000", "\xd0": bytes and code points, never a key
        return ''


def variants(en):
    """English's plurals as messages.cpp reads them: [s] and [a|b] give a pattern each."""
    m = re.search(r'\[([^\]]*)\]', en)
    if not m:
        return [en]
    inside = m.group(1)
    if inside == 's':
        choices = ['', 's']
    elif '|' in inside:
        choices = inside.split('|')
    else:  # a literal bracket
        return [en[:m.end()] + rest for rest in variants(en[m.end():])]
    return [en[:m.start()] + c + rest for rest in variants(en[m.end():]) for c in choices]


def values_in(text):
    """The values a text shows: {} and {N}, not {{literal braces}}."""
    text = text.replace('{{', '').replace('}}', '')
    return len(re.findall(r'\{\d*\}', text))


def unmarked_list(root):
    path = os.path.join(root, 'tests/tools/i18n-unmarked.txt')
    return [value(l) for l in open(path, encoding='utf-8') if l.startswith('"')]


section_of = {}  # catalogue line -> the "// ---- " heading it is under


def catalogue(root):
    entries = []  # (en, zh, line)
    path = os.path.join(root, 'src/render/messages.inc')
    section = ''
    for n, line in enumerate(open(path, encoding='utf-8'), 1):
        if line.startswith('// ---- '):
            section = line[len('// ---- '):].strip(' -\n')
        section_of[n] = section
        m = re.match(rf'\s*\{{\s*({LITS}),\s*({LITS})\s*(?:,\s*\w+\s*)?\}},', line)
        if m:
            entries.append((value(m.group(1)), value(m.group(2)), n))
    return entries


def strip_comments(text):
    return re.sub(rf'({LIT})|//[^\n]*|/\*.*?\*/',
                  lambda m: m.group(1) or '', text, flags=re.S)


def keys(root, old_pairs):
    found = {}  # key -> first "file:line"
    files = sorted(glob.glob(os.path.join(root, 'src/**/*.[ch]pp'), recursive=True) +
                   glob.glob(os.path.join(root, 'include/**/*.hpp'), recursive=True))
    for path in files:
        text = strip_comments(open(path, encoding='utf-8').read())
        for m in KEY.finditer(text):
            if text[m.end() - 1] == ',' and re.match(rf'\s*{LIT}\s*\)', text[m.end():]):
                old_pairs.append(f'{os.path.relpath(path, root)}:{text.count(chr(10), 0, m.start()) + 1}')
                continue  # an old inline pair t("中文", "English"): counted below
            line = text.count('\n', 0, m.start()) + 1
            found.setdefault(value(m.group(1)), f'{os.path.relpath(path, root)}:{line}')
    return found


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else '.'
    entries = catalogue(root)
    old_pairs = []
    used = keys(root, old_pairs)
    problems = []
    known = {}
    for en, zh, line in entries:
        if en in known:
            problems.append(f'src/render/messages.inc:{line}: "{en}" is already an entry '
                            f'(line {known[en]}): one key, one Chinese')
        for v in variants(en):
            known.setdefault(v, line)
        known.setdefault(en, line)
        where = f'src/render/messages.inc:{line}'
        if not en.strip() or not zh.strip():
            problems.append(f'{where}: an entry empty in one language: "{en}" / "{zh}"')
        elif values_in(en.split('\x04')[-1]) != values_in(zh):
            problems.append(f'{where}: "{en}" shows {values_in(en)} values, its Chinese '
                            f'"{zh}" {values_in(zh)}')
    for key, where in sorted(used.items(), key=lambda kv: kv[1]):
        if key not in known:
            problems.append(f'{where}: key "{key}" has no entry in src/render/messages.inc')
    unmarked = set(unmarked_list(root))
    unmarked_used = set(unmarked)
    for en, zh, line in entries:
        if section_of[line] in ALLOWED_SECTIONS or RECORD_WORD.fullmatch(en):
            continue
        if en not in used and not any(v in used for v in variants(en)):
            if en in unmarked:
                unmarked_used.discard(en)
                continue
            problems.append(f'src/render/messages.inc:{line}: "{en}" is used by no call site')
    for en in sorted(unmarked_used):
        problems.append(f'tests/tools/i18n-unmarked.txt: "{en}" is marked now (or gone): '
                        'take it off the list')
    for where in old_pairs:  # the two-language pair is gone: a key and a catalogue entry
        problems.append(f'{where}: an inline pair t("中文", "English"); name its English key')
    for p in problems:
        print(p)
    print(f'i18n: {len(used)} keys at call sites, {len(entries)} catalogue entries, '
          f'{len(problems)} problems')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
