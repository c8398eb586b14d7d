#!/usr/bin/env python3
"""Checks, without a Swift compiler, the typed → JSON mapping of AssistmedTests.swift.

usage: check_json_mapping.py TEST_FILE GENERATED_SWIFT_DIR CORE_JSON_DIR

AssistmedTests.swift compares every typed result with the core's JSON output (`swift test`, on a
Mac). For that it maps each record to its JSON fields (`extension X { var fields … }`) and each
enum to its JSON code (`extension E { var jsonCode … }`). Here, on any machine:

- every record extension names exactly the generated struct's fields (a field added in the core
  fails here, not only on a Mac), each once, converted by the helper its type needs;
- every enum extension lists exactly the generated cases, in order;
- walking the core's JSON output of every golden case (make-test-fixtures.sh) from `Evaluation`
  (simulate) or `Chronologie` (timeline), each object has exactly the keys of its record's
  mapping, and each enum value is one of the codes written in the mapping.

Exit status 1 with one line per problem; the last line is `json mapping: N records, N enums,
N outputs walked, N problems`.
"""

import glob
import json
import os
import re
import sys


def generated_api(folder):
    src = "".join(open(f, encoding="utf-8").read() for f in sorted(glob.glob(os.path.join(folder, "*.swift"))))
    structs, enums = {}, {}
    for m in re.finditer(r"^public struct (\w+): Equatable[^{]*\{\n", src, re.M):
        body = src[m.end():]
        body = body[: body.index("\n}\n")]
        if "public init(" in body:
            body = body[: body.index("public init(")]
        structs[m.group(1)] = re.findall(r"^    public let (\w+): (.+)$", body, re.M)
    for m in re.finditer(r"^public enum (\w+)[^{]*\{\n", src, re.M):
        body = src[m.end():]
        body = body[: body.index("\n}\n")]
        enums[m.group(1)] = re.findall(r"^    case (\w+)", body, re.M)
    return structs, enums


def mapping(test_file):
    text = open(test_file, encoding="utf-8").read()
    records, codes = {}, {}
    for m in re.finditer(r"^extension (\w+) \{\n    var fields: \[String: JSONValue\] \{\n(.*?)\n    \}\n", text, re.M | re.S):
        entries = re.findall(r'^\s+"(\w+)": (.+),$', m.group(2), re.M)
        flattened = re.findall(r"return own\.merging\((\w+)\.fields\)", m.group(2))
        records[m.group(1)] = (entries, flattened)
    for m in re.finditer(r"^extension (\w+) \{\n    var jsonCode: String \{\n        switch self \{\n(.*?)\n        \}", text, re.M | re.S):
        codes[m.group(1)] = re.findall(r'case \.(\w+): return "([^"]+)"', m.group(2))
    return records, codes


def expected_helper(swift_type, structs, enums):
    base = swift_type.rstrip("?")
    # (`Texte`, a result's shared text, `Message`, a result's message, and `CalendarDate` are
    # aliases of String in Swift)
    if base in ("String", "Texte", "Message", "CalendarDate"):
        return "text("
    if base == "Bool":
        return "bool("
    if base in ("UInt8", "UInt32", "UInt64", "Int32", "Int64"):
        return "number("
    if base == "ExactDecimal":
        return "decimal("
    # (`Citations`, a result's reference ids, is an alias of [String] in Swift)
    if base in ("[String]", "[Texte]", "Citations"):
        return "texts("
    if base in enums:
        return "text("
    if base.startswith("[") or base in structs:
        return None  # a record or a list of records: `.json` / `.array`, checked by the walk
    return "?"


def main(argv):
    if len(argv) != 4:
        print(__doc__)
        return 2
    test_file, gen_dir, json_dir = argv[1:]
    structs, enums = generated_api(gen_dir)
    records, codes = mapping(test_file)
    problems = []
    if not records or not codes:
        problems.append(f"{test_file}: no record or enum mapping found")

    # Record mappings against the generated structs.
    def snake(name):
        return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()

    field_types = {}
    for record, (entries, flattened) in records.items():
        if record not in structs:
            problems.append(f"extension {record}: no such generated record")
            continue
        declared = structs[record]
        names = [n for n, _ in declared]
        keys = {}
        for key, expression in entries:
            if key in keys:
                problems.append(f"{record}: key {key} twice")
            m = re.search(r"\b(\w+)(?:[?.]|\)|$)", expression.replace("JSONValue.", ""))
            used = [n for n in names if re.search(r"\b" + n + r"\b", expression)]
            if len(used) != 1:
                problems.append(f"{record}.{key}: uses {used or 'no field'} ({expression})")
                continue
            field = used[0]
            keys[key] = field
            if snake(field) != key:
                problems.append(f"{record}.{field}: JSON key {key}, expected {snake(field)}")
            helper = expected_helper(dict(declared)[field], structs, enums)
            if helper == "?":
                problems.append(f"{record}.{field}: no helper for type {dict(declared)[field]}")
            elif helper and not expression.startswith(helper):
                problems.append(f"{record}.{field}: {dict(declared)[field]} should go through {helper}…), got {expression}")
        covered = set(keys.values()) | set(flattened)
        for n in names:
            if n not in covered:
                problems.append(f"{record}: field {n} ({dict(declared)[n]}) not mapped")
        own = {k: dict(declared)[f] for k, f in keys.items()}
        for f in flattened:
            sub = dict(declared).get(f, "?").rstrip("?")
            own.update({("__flatten__", sub): sub})
        field_types[record] = own

    for enum, cases in codes.items():
        if enum not in enums:
            problems.append(f"extension {enum}: no such generated enum")
        elif [c for c, _ in cases] != enums[enum]:
            problems.append(f"{enum}: cases {[c for c, _ in cases]}, generated {enums[enum]}")

    # Walk the core's JSON outputs.
    def keys_of(record):
        out = {}
        for k, t in field_types.get(record, {}).items():
            if isinstance(k, tuple):
                out.update(keys_of(t))
            else:
                out[k] = t
        return out

    def walk(value, swift_type, path):
        base = swift_type.rstrip("?")
        if value is None:
            if not swift_type.endswith("?"):
                problems.append(f"{path}: null for {swift_type}")
            return
        if base.startswith("["):
            for i, v in enumerate(value):
                walk(v, base[1:-1], f"{path}[{i}]")
            return
        if base in codes:
            if value not in {c for _, c in codes[base]}:
                problems.append(f"{path}: {base} code {value!r} not in the mapping")
            return
        if base in field_types:
            ks = keys_of(base)
            if set(value) != set(ks):
                problems.append(f"{path} ({base}): JSON only {sorted(set(value) - set(ks))}, mapping only {sorted(set(ks) - set(value))}")
            for k, v in value.items():
                if k in ks:
                    walk(v, ks[k], f"{path}.{k}")
            return
        if base in enums or base in structs:
            problems.append(f"{path}: {base} has no mapping")

    files = sorted(glob.glob(os.path.join(json_dir, "*.json")))
    if not files:
        problems.append(f"no core JSON output in {json_dir}")
    for f in files:
        document = json.load(open(f, encoding="utf-8"))
        root = "Chronologie" if "years" in document else "Evaluation"
        walk(document, root, os.path.basename(f))

    for p in sorted(set(problems)):
        print(p)
    print(f"json mapping: {len(records)} records, {len(codes)} enums, {len(files)} outputs walked, {len(set(problems))} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
