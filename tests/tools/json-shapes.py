#!/usr/bin/python3
"""Checks liushou's --format json documents against the shapes liushou-json(5) writes down.

    json-shapes.py MAN_PAGE NAME=FILE ...

NAME is a document's heading in the page ("list", "report summary", "pair --load"); FILE
holds one document that the command printed. The shapes are read from the page itself, so
the page cannot drift from what the commands print. Each document must match exactly: every
key the page gives, in its order (a key marked ? may be absent), no key it does not give,
no "" where text is promised. Prints a line per file with how many values were checked, and
at the end every documented shape that no file exercised; exits 1 on any mismatch.
"""
import json
import re
import sys


def man_blocks(path):
    """(types text, {document name: shape text}) from the page's .nf/.fi blocks."""
    section = heading = None
    types, docs, block = [], {}, None
    for raw in open(path, encoding="utf-8"):
        line = raw.rstrip("\n")
        if block is not None:
            if line == ".fi":
                text = "\n".join(block)
                if section == "TYPES":
                    types.append(text)
                elif section == "DOCUMENTS" and heading and heading not in docs:
                    docs[heading] = text
                block = None
            else:
                block.append(line.replace("\\-", "-").replace("\\e", "\\"))
            continue
        if line.startswith(".SH "):
            section, heading = line[4:].strip('"'), None
        elif line.startswith(".SS "):
            heading = line[4:].replace("\\-", "-").strip('"')
        elif line == ".nf":
            block = []
    return "\n".join(types), docs


TOKEN = re.compile(r'\s*(?:("(?:[^"\\]|\\.)*")|([A-Za-z_][A-Za-z0-9_]*)|(\d+)|([{}\[\]:,|?=]))')


def tokens(text):
    out, pos = [], 0
    text = text.rstrip()
    while pos < len(text):
        m = TOKEN.match(text, pos)
        if not m or m.end() == pos:
            raise SystemExit(f"liushou-json(5): cannot read the shape at: {text[pos:pos + 40]!r}")
        pos = m.end()
        s, name, num, punct = m.groups()
        out.append(("str", json.loads(s)) if s else ("name", name) if name else
                   ("num", int(num)) if num else ("p", punct))
    return out


class Parser:
    def __init__(self, toks):
        self.toks, self.i = toks, 0

    def peek(self, k=0):
        return self.toks[self.i + k] if self.i + k < len(self.toks) else (None, None)

    def take(self, punct=None):
        t = self.peek()
        if punct is not None and t != ("p", punct):
            raise SystemExit(f"liushou-json(5): expected {punct!r}, found {t[1]!r}")
        self.i += 1
        return t

    def shape(self):
        alts = [self.one()]
        while self.peek() == ("p", "|"):
            self.take()
            alts.append(self.one())
        return alts[0] if len(alts) == 1 else ("or", alts)

    def one(self):
        kind, value = self.peek()
        if (kind, value) == ("p", "{"):
            self.take()
            keys = []
            while self.peek() != ("p", "}"):
                kind, key = self.take()
                if kind != "str":
                    raise SystemExit(f"liushou-json(5): a key must be quoted, found {key!r}")
                optional = self.peek() == ("p", "?")
                if optional:
                    self.take()
                self.take(":")
                keys.append((key, optional, self.shape()))
                if self.peek() == ("p", ","):
                    self.take()
            self.take("}")
            return ("object", keys)
        if (kind, value) == ("p", "["):
            self.take()
            item = self.shape()
            self.take("]")
            return ("list", item)
        self.take()
        if kind == "str" or kind == "num":
            return ("literal", value)
        if kind == "name":
            return ("name", value)
        raise SystemExit(f"liushou-json(5): unexpected {value!r}")


def parse_types(text):
    """name = shape definitions; a definition runs until the next line that starts a name."""
    defs, current = {}, None
    for line in text.split("\n"):
        m = re.match(r"([a-z_]+) = (.*)", line)
        if m:
            current = m.group(1)
            defs[current] = m.group(2)
        elif current:
            defs[current] += "\n" + line
    out = {}
    for name, body in defs.items():
        p = Parser(tokens(body))
        out[name] = p.shape()
        if p.i != len(p.toks):
            raise SystemExit(f"liushou-json(5): type {name}: text after the shape")
    return out


DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
MONTH = re.compile(r"\d{4}-\d{2}\Z")


class Checker:
    def __init__(self, types):
        self.types, self.count, self.used = types, 0, set()

    def fits(self, shape, value, where):
        """None when value fits shape, else why not."""
        kind = shape[0]
        if kind == "or":
            whys = [self.fits(s, value, where) for s in shape[1]]
            return None if any(w is None for w in whys) else min(whys, key=len)
        self.count += 1
        if kind == "literal":
            ok = value == shape[1] and type(value) is type(shape[1])
            return None if ok else f"{where}: {value!r} is not {shape[1]!r}"
        if kind == "list":
            if not isinstance(value, list):
                return f"{where}: {value!r} is not a list"
            for i, v in enumerate(value):
                why = self.fits(shape[1], v, f"{where}[{i}]")
                if why:
                    return why
            return None
        if kind == "object":
            if not isinstance(value, dict):
                return f"{where}: {str(value)[:60]!r} is not an object"
            expected = [k for k, optional, _ in shape[1] if not optional or k in value]
            if list(value) != expected:
                return f"{where}: keys {list(value)} are not the documented {expected}"
            for key, _, sub in shape[1]:
                if key in value:
                    why = self.fits(sub, value[key], f"{where}.{key}")
                    if why:
                        return why
            return None
        name = shape[1]
        if name in self.types:
            self.used.add(name)
            return self.fits(self.types[name], value, where)
        checks = {
            "text": lambda v: isinstance(v, str) and v != "",
            "date": lambda v: isinstance(v, str) and DATE.match(v),
            "month": lambda v: isinstance(v, str) and MONTH.match(v),
            "int": lambda v: isinstance(v, int) and not isinstance(v, bool),
            "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
            "bool": lambda v: isinstance(v, bool),
            "null": lambda v: v is None,
        }
        if name not in checks:
            raise SystemExit(f"liushou-json(5): no type named {name}")
        return None if checks[name](value) else f"{where}: {value!r} is not {name}"


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    types_text, docs = man_blocks(sys.argv[1])
    types = parse_types(types_text)
    shapes = {}
    for name, text in docs.items():
        p = Parser(tokens(text))
        shapes[name] = p.shape()
    checker = Checker(types)
    failed, seen = 0, set()
    for arg in sys.argv[2:]:
        name, _, path = arg.partition("=")
        if name not in shapes:
            print(f"{path}: liushou-json(5) documents no {name!r}")
            failed += 1
            continue
        seen.add(name)
        try:
            with open(path, encoding="utf-8") as f:
                value = json.load(f)
        except ValueError as e:
            print(f"{path}: not JSON: {e}")
            failed += 1
            continue
        before = checker.count
        why = checker.fits(shapes[name], value, "$")
        if why:
            print(f"{name}: {path}: {why}")
            failed += 1
        else:
            print(f"{name}: fits ({checker.count - before} values)")
    for name in sorted(set(shapes) - seen):
        print(f"{name}: documented but not checked")
    for name in sorted(set(types) - checker.used):
        print(f"type {name}: documented but never met")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
