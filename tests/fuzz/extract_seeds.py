#!/usr/bin/env python3
"""Seeds for the fuzz targets, taken from the tests and the sample corpus.

  tests/fuzz/extract_seeds.py          (from the repository root; rewrites tests/fuzz/seeds/)

Every run of adjacent C++ string literals in a target's test files (escapes
decoded, raw strings kept as written) that is at least 8 bytes long becomes one
seed, and so do the first lines of the corpus files the target reads. Seeds are
named by a hash of their bytes, so rerunning changes nothing that did not change.
"""
import glob
import hashlib
import os
import re
import shutil

LITERAL = re.compile(rb'R"([^(]*)\((.*?)\)\1"|"((?:[^"\\\n]|\\.)*)"', re.S)
ESCAPES = {b"n": b"\n", b"t": b"\t", b"r": b"\r", b"0": b"\0", b'"': b'"', b"\\": b"\\", b"'": b"'"}


def decode(body):
    out, i = bytearray(), 0
    while i < len(body):
        if body[i:i + 1] == b"\\" and i + 1 < len(body):
            c = body[i + 1:i + 2]
            if c == b"x":
                m = re.match(rb"[0-9a-fA-F]{1,2}", body[i + 2:])
                out.append(int(m.group(0), 16))
                i += 2 + len(m.group(0))
                continue
            out += ESCAPES.get(c, c)
            i += 2
        else:
            out += body[i:i + 1]
            i += 1
    return bytes(out)


def literals(path):
    """Runs of adjacent literals (only white space between them) in a C++ file."""
    source = open(path, "rb").read()
    runs, current, end = [], b"", None
    for m in LITERAL.finditer(source):
        value = m.group(2) if m.group(2) is not None else decode(m.group(3))
        if end is not None and source[end:m.start()].strip() == b"":
            current += value
        else:
            if current:
                runs.append(current)
            current = value
        end = m.end()
    if current:
        runs.append(current)
    return [r for r in runs if len(r) >= 8]


def head(path, lines):
    with open(path, "rb") as f:
        return b"".join(f.readlines()[:lines])


TARGETS = {
    "csv": (["tests/ingest/csv_*_test.cpp", "tests/ingest/input_file_test.cpp", "tests/ingest/delimiter_sniffer_test.cpp",
             "tests/ingest/encoding_test.cpp", "tests/analysis/query_parser_test.cpp"], ["corpus/responses/*.csv"], 12),
    "panel_notes": (["tests/ingest/panel_notes_reader_test.cpp"], ["corpus/panels/*.txt"], 40),
    "map_file": (["tests/ingest/map_file_test.cpp", "tests/analysis/theme_summary_test.cpp"], [], 0),
    "codebook": (["tests/analysis/codebook_parser_test.cpp", "tests/analysis/tagger_test.cpp"], ["corpus/codebook.txt"], 400),
    "template": (["tests/templates/template_parser_test.cpp"], ["templates/*.tmpl"], 400),
    "query": (["tests/analysis/query_parser_test.cpp", "tests/analysis/search_test.cpp", "tests/e2e/search_command_test.cpp"],
              [], 0),
}


def main():
    for target, (tests, corpus, lines) in TARGETS.items():
        folder = os.path.join("tests/fuzz/seeds", target)
        shutil.rmtree(folder, ignore_errors=True)
        os.makedirs(folder)
        seeds = set()
        for pattern in tests:
            for path in sorted(glob.glob(pattern)):
                seeds.update(literals(path))
        for pattern in corpus:
            for path in sorted(glob.glob(pattern)):
                seeds.add(head(path, lines))
        if target == "query":  # queries are short: every literal of 2 bytes or more
            seeds = {s for s in seeds if len(s) < 200}
        for seed in seeds:
            name = hashlib.sha1(seed).hexdigest()[:16]
            with open(os.path.join(folder, name), "wb") as f:
                f.write(seed)
        print(f"{target}: {len(seeds)} seeds")


if __name__ == "__main__":
    main()
