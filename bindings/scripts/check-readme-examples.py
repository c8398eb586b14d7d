#!/usr/bin/env python3
"""Checks that the code examples of bindings/README.md are the ones the tests run.

usage: check-readme-examples.py README.md TEST_FILE...

Every block between `// README-BEGIN` and `// README-END` (or `// README-<NAME>-BEGIN` and
`// README-<NAME>-END`) of a test file, dedented, must appear verbatim (dedented) inside a fenced
code block of the README. Prints one line per missing block; exit status 1 if any is missing.
"""

import re
import sys
import textwrap

MARKER = re.compile(r"^\s*// README(-[A-Z]+)?-(BEGIN|END)\s*$")


def blocks(path):
    """(name, dedented text) of every marked block of a test file."""
    found, current, name = [], None, None
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            m = MARKER.match(line)
            if m and m.group(2) == "BEGIN":
                current, name = [], f"{path}:{number}"
            elif m and m.group(2) == "END":
                if current is None:
                    sys.exit(f"{path}:{number}: README END marker without BEGIN")
                found.append((name, textwrap.dedent("".join(current)).strip("\n")))
                current = None
            elif current is not None:
                current.append(line)
    if current is not None:
        sys.exit(f"{name}: README BEGIN marker without END")
    return found


def fences(path):
    """The dedented content of every fenced code block of the README."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    return [textwrap.dedent(b) for b in re.findall(r"^```[a-z]*\n(.*?)^```", text, re.S | re.M)]


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    readme, tests = sys.argv[1], sys.argv[2:]
    code = fences(readme)
    missing = checked = 0
    for test in tests:
        for name, block in blocks(test):
            checked += 1
            if not any(block in c for c in code):
                missing += 1
                print(f"README example of {name} is not in {readme} (copy it verbatim):\n{block}\n")
    if checked == 0:
        sys.exit(f"no README-BEGIN/END block in {' '.join(tests)}")
    print(f"readme examples: {checked} checked, {missing} missing")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
