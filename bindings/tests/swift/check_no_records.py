#!/usr/bin/env python3
"""The app's Swift never constructs a uniffi record (no Swift compiler needed).

usage: check_no_records.py GENERATED_SWIFT_DIR FILE_OR_DIR...

A record initializer call (`Situation(...)`, `FichierImporte(nom:octets:)`) in hand-written Swift
breaks, unnoticed without a Swift compiler, when the core adds a field. The apps and the tests
read records and send enum cases only; the SDK's own bindings/swift/ files may build one (they
are listed apart and checked by name against the generated initializer: see below).

Lists `file:line: Record(` for every generated record name (a `public struct` of the generated
files) followed by `(` in the given Swift files, outside comments and string literals. Exit 1 if
any; the last line is `no records: N files, N record types, N constructions`.
"""

import glob
import os
import re
import sys


def records(folder):
    names = set()
    for f in glob.glob(os.path.join(folder, "*.swift")):
        names |= set(re.findall(r"^public struct (\w+)\b", open(f, encoding="utf-8").read(), re.M))
    return {n for n in names if not n.startswith(("Ffi", "Uniffi", "Rust"))}


def swift_files(args):
    for a in args:
        if os.path.isdir(a):
            for root, dirs, files in os.walk(a):
                dirs[:] = [d for d in dirs if d not in {".build", "build", "target", ".git"}]
                yield from (os.path.join(root, f) for f in sorted(files) if f.endswith(".swift"))
        else:
            yield a


def strip(line):
    line = re.sub(r'"(?:[^"\\]|\\.)*"', '""', line)
    return line.split("//", 1)[0]


def main(argv):
    if len(argv) < 3:
        print(__doc__)
        return 2
    names = records(argv[1])
    if not names:
        print(f"no generated record in {argv[1]}")
        return 2
    pattern = re.compile(r"(?<![\w.])(" + "|".join(sorted(names, key=len, reverse=True)) + r")\s*\(")
    found, files = 0, 0
    for f in swift_files(argv[2:]):
        files += 1
        for number, line in enumerate(open(f, encoding="utf-8"), 1):
            for m in pattern.finditer(strip(line)):
                print(f"{f}:{number}: {m.group(1)}(")
                found += 1
    print(f"no records: {files} files, {len(names)} record types, {found} constructions")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
