#!/usr/bin/env python3
"""Syntax check of Swift files with tree-sitter (no Swift toolchain needed).

Usage: python swift_syntax_check.py FILE_OR_DIR...

Parses every `.swift` file (directories are walked recursively, skipping `.build`,
`build`, `target`, `.tools`, `.git` and `node_modules`; a file named explicitly is parsed
whatever its extension) and lists `file:line:col` of every ERROR or MISSING node of the
tree-sitter Swift grammar.

It checks syntax only, never types or names: the real checks stay `swift build` /
`swift test` / `xcodebuild` on a Mac.

The grammar fails on attribute-only conditional blocks such as the ones uniffi emits:

    #if swift(>=5.8)
    @_documentation(visibility: private)
    #endif
    public struct FfiConverterFoo ...

so the `#if`/`#elseif`/`#else`/`#endif` lines of a block whose body holds only attribute
lines (and blanks or `//` comments) are replaced by blank lines before parsing; line
numbers are unchanged.

Needs `tree-sitter==0.26.1` and `tree-sitter-swift==0.7.4`
(see scripts/tools/ensure-swift-syntax.sh, which prints SWIFT_SYNTAX_PY).

Exit status: 0 all files parse; 1 at least one file has errors; 2 usage error (no
argument, none of the argument paths exists, or tree-sitter is not importable).
The last line printed on stdout is `swift syntax: N files checked, M with errors`.
"""

from __future__ import annotations

import os
import re
import sys

SKIP_DIRS = {".build", "build", "target", ".tools", ".git", "node_modules"}

# One or more attributes on a line, e.g. `@_documentation(visibility: private)`,
# `@available(iOS 13, macOS 10.15, *)`, `@objc @discardableResult`, optional `//` comment.
_ATTR = r"@[A-Za-z_][A-Za-z0-9_.]*(?:\s*\((?:[^()\"]|\"[^\"]*\"|\([^()]*\))*\))?"
ATTRIBUTE_LINE = re.compile(r"^\s*" + _ATTR + r"(?:\s+" + _ATTR + r")*\s*(?://.*)?$")
IF_LINE = re.compile(r"^\s*#if\b")
ELSE_LINE = re.compile(r"^\s*#(?:else|elseif)\b")
ENDIF_LINE = re.compile(r"^\s*#endif\b")
BLANK_OR_COMMENT = re.compile(r"^\s*(?://.*)?$")


def _line_ending(line: str) -> str:
    if line.endswith("\r\n"):
        return "\r\n"
    if line.endswith("\n") or line.endswith("\r"):
        return line[-1]
    return ""


def unwrap_attribute_only_ifs(text: str) -> str:
    """Blank the directive lines of `#if` blocks that only wrap attribute lines."""
    lines = text.splitlines(keepends=True)
    out = list(lines)
    i = 0
    n = len(lines)
    while i < n:
        if not IF_LINE.match(lines[i]):
            i += 1
            continue
        directives = [i]
        body_ok = True
        has_attr = False
        j = i + 1
        closed = False
        while j < n:
            line = lines[j]
            if ENDIF_LINE.match(line):
                directives.append(j)
                closed = True
                break
            if ELSE_LINE.match(line):
                directives.append(j)
            elif IF_LINE.match(line):
                body_ok = False  # nested conditional: leave it to the grammar
                break
            elif ATTRIBUTE_LINE.match(line):
                has_attr = True
            elif not BLANK_OR_COMMENT.match(line):
                body_ok = False
                break
            j += 1
        if closed and body_ok and has_attr:
            for k in directives:
                out[k] = _line_ending(lines[k])
            i = j + 1
        else:
            i += 1
    return "".join(out)


def _load_parser():
    try:
        import tree_sitter
        import tree_sitter_swift
    except ImportError as exc:  # pragma: no cover - environment problem
        print(
            f"swift_syntax_check: cannot import tree-sitter ({exc}); run "
            "scripts/tools/ensure-swift-syntax.sh and use the python it prints",
            file=sys.stderr,
        )
        sys.exit(2)
    language = tree_sitter.Language(tree_sitter_swift.language())
    return tree_sitter.Parser(language)


def _char_col(source: bytes, row: int, byte_col: int, line_starts: list[int]) -> int:
    """1-based character column from a 0-based byte column."""
    start = line_starts[row] if row < len(line_starts) else len(source)
    return len(source[start : start + byte_col].decode("utf-8", errors="replace")) + 1


def find_problems(parser, source: bytes) -> list[tuple[int, int, str]]:
    """Return sorted (line, col, description) of ERROR and MISSING nodes."""
    tree = parser.parse(source)
    line_starts = [0]
    for idx, byte in enumerate(source):
        if byte == 0x0A:
            line_starts.append(idx + 1)
    found: set[tuple[int, int, str]] = set()
    stack = [tree.root_node]
    while stack:
        node = stack.pop()
        row, byte_col = node.start_point
        if node.is_missing:
            desc = f"MISSING {node.type!r}"
        elif node.is_error:
            snippet = source[node.start_byte : node.end_byte].decode("utf-8", errors="replace")
            snippet = " ".join(snippet.split())
            if len(snippet) > 40:
                snippet = snippet[:37] + "..."
            desc = f"ERROR near {snippet!r}" if snippet else "ERROR"
        else:
            desc = ""
        if desc:
            found.add((row + 1, _char_col(source, row, byte_col, line_starts), desc))
        if node.has_error or node.is_error:
            stack.extend(node.children)
    return sorted(found)


def collect_files(args: list[str]) -> tuple[list[str], int]:
    """Return (files, number of argument paths that exist)."""
    files: list[str] = []
    existing = 0
    for arg in args:
        if os.path.isfile(arg):
            existing += 1
            files.append(arg)
        elif os.path.isdir(arg):
            existing += 1
            for root, dirs, names in os.walk(arg):
                dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS)
                for name in sorted(names):
                    if name.endswith(".swift"):
                        files.append(os.path.join(root, name))
        else:
            print(f"swift_syntax_check: warning: no such file or directory: {arg}", file=sys.stderr)
    # De-duplicate while keeping order (a file may be named and also found in a dir).
    seen: set[str] = set()
    unique = []
    for f in files:
        key = os.path.realpath(f)
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique, existing


def main(argv: list[str]) -> int:
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__.strip(), file=sys.stderr)
        return 2 if not argv else 0
    files, existing = collect_files(argv)
    if existing == 0:
        print("swift_syntax_check: error: none of the given paths exists", file=sys.stderr)
        return 2
    parser = _load_parser()
    bad = 0
    for path in files:
        with open(path, "rb") as fh:
            raw = fh.read()
        text = raw.decode("utf-8", errors="surrogateescape")
        source = unwrap_attribute_only_ifs(text).encode("utf-8", errors="surrogateescape")
        problems = find_problems(parser, source)
        if problems:
            bad += 1
            for line, col, desc in problems:
                print(f"{path}:{line}:{col}: {desc}")
    print(f"swift syntax: {len(files)} files checked, {bad} with errors")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
