#!/usr/bin/env bash
# Proves scripts/swift_syntax_check.py: well-formed Swift passes, broken Swift fails with
# exit 1 and a file:line:col, usage errors exit 2, skipped folders are skipped, and the
# unwrapping of uniffi's attribute-only `#if` blocks keeps line numbers.
#
# Usage: scripts/tests/swift_syntax_check_test.sh
# Sets up the tree-sitter venv with scripts/tools/ensure-swift-syntax.sh (idempotent),
# unless SWIFT_SYNTAX_PY already points to a python that has it.
# Last line: `N passed, N failed`; exit status non-zero on any failure.
set -euo pipefail

REPO_ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CHECKER="$REPO_ROOT/scripts/swift_syntax_check.py"
FIXTURES="$REPO_ROOT/scripts/tests/fixtures/swift"

if [ -z "${SWIFT_SYNTAX_PY:-}" ]; then
  eval "$("$REPO_ROOT/scripts/tools/ensure-swift-syntax.sh")"
fi

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

PASSED=0
FAILED=0
OUT=""
RC=0

run_checker() {
  set +e
  OUT=$("$SWIFT_SYNTAX_PY" "$CHECKER" "$@" 2>&1)
  RC=$?
  set -e
}

ok()   { PASSED=$((PASSED + 1)); printf 'ok   - %s\n' "$1"; }
fail() { FAILED=$((FAILED + 1)); printf 'FAIL - %s\n' "$1"; printf '%s\n' "$OUT" | sed 's/^/       | /'; }

# expect NAME RC [REGEX...]: last checker run exited with RC and its output matches every REGEX.
expect() {
  local name=$1 want=$2 re
  shift 2
  if [ "$RC" != "$want" ]; then
    fail "$name (exit $RC, expected $want)"; return
  fi
  for re in "$@"; do
    # A here-string, not `printf | grep -q`: under pipefail, grep quitting at its first match
    # could kill printf with SIGPIPE and fail the pipeline (seen once in a fresh-clone CI).
    if ! grep -Eq -- "$re" <<<"$OUT"; then
      fail "$name (output does not match /$re/)"; return
    fi
  done
  ok "$name"
}

# 1. The well-formed fixture passes (struct, enum, throws, closures, #if swift(>=5.8) attributes).
run_checker "$FIXTURES/good.swift"
expect "good.swift passes" 0 '^swift syntax: 1 files checked, 0 with errors$'

# 2. The deliberately broken fixture fails, once copied to a .swift name.
cp "$FIXTURES/broken.swift.txt" "$TMP/broken.swift"
run_checker "$TMP/broken.swift"
expect "broken.swift fails with file:line:col" 1 \
  "^$TMP/broken.swift:[0-9]+:[0-9]+: (ERROR|MISSING)" \
  '^swift syntax: 1 files checked, 1 with errors$'

# 3. Each defect alone is caught: a missing closing brace ...
sed '$d' "$FIXTURES/good.swift" > "$TMP/missing_brace.swift"
if [ "$(tail -n 1 "$FIXTURES/good.swift")" != "}" ]; then
  OUT="good.swift must end with a lone '}' (fixture changed?)"; RC=99
else
  run_checker "$TMP/missing_brace.swift"
fi
expect "missing closing brace fails" 1 'MISSING|ERROR' '1 with errors$'

# ... and a function without a name.
sed 's/^func demo() {$/func (demo) {/' "$FIXTURES/good.swift" > "$TMP/func_paren.swift"
if cmp -s "$FIXTURES/good.swift" "$TMP/func_paren.swift"; then
  OUT="sed did not change good.swift (fixture changed?)"; RC=99
else
  run_checker "$TMP/func_paren.swift"
fi
expect "'func (' fails" 1 '1 with errors$'

# 4. Line numbers stay right after unwrapping attribute-only #if blocks.
cat > "$TMP/lines.swift" <<'EOF'
#if swift(>=5.8)
@_documentation(visibility: private)
#endif
public struct A {
    let x: Int = 1
}
let y = (1 +
EOF
run_checker "$TMP/lines.swift"
expect "error line kept after #if unwrapping" 1 "^$TMP/lines.swift:7:[0-9]+: " '1 with errors$'

# 5. Attribute-only #if with #else, and an indented one, are accepted.
cat > "$TMP/attrs.swift" <<'EOF'
#if swift(>=5.8)
@_documentation(visibility: private)
#else
@available(*, deprecated, message: "old compiler")
#endif
public struct B {
#if swift(>=5.8)
    @_documentation(visibility: private)
#endif
    public static func f() -> Int { 1 }
}
EOF
run_checker "$TMP/attrs.swift"
expect "attribute-only #if/#else blocks pass" 0 '1 files checked, 0 with errors$'

# 6. Directory walk: recursive, .swift only, skips .build/build/target/.tools.
mkdir -p "$TMP/tree/Sources/Deep" "$TMP/tree/.build" "$TMP/tree/build" "$TMP/tree/target" "$TMP/tree/.tools"
cp "$FIXTURES/good.swift" "$TMP/tree/Sources/Deep/Good.swift"
cp "$FIXTURES/good.swift" "$TMP/tree/Top.swift"
for d in .build build target .tools; do cp "$FIXTURES/broken.swift.txt" "$TMP/tree/$d/Broken.swift"; done
cp "$FIXTURES/broken.swift.txt" "$TMP/tree/Sources/notes.txt"
run_checker "$TMP/tree"
expect "directory walk skips build folders" 0 '^swift syntax: 2 files checked, 0 with errors$'

cp "$FIXTURES/broken.swift.txt" "$TMP/tree/Sources/Deep/Bad.swift"
run_checker "$TMP/tree"
expect "directory walk finds nested broken file" 1 "Deep/Bad.swift:[0-9]+:[0-9]+: " \
  '^swift syntax: 3 files checked, 1 with errors$'

# 7. The fixtures folder itself is clean for whole-repo checks (broken one is .txt).
run_checker "$FIXTURES"
expect "fixtures dir: broken.swift.txt is not picked up" 0 '^swift syntax: 1 files checked, 0 with errors$'

# 8. Usage errors exit 2; an existing path without Swift files is not one.
run_checker
expect "no argument is a usage error" 2
run_checker "$TMP/does-not-exist"
expect "missing path is a usage error" 2 'none of the given paths exists'
mkdir -p "$TMP/empty"
run_checker "$TMP/empty"
expect "existing dir without Swift files is ok" 0 '^swift syntax: 0 files checked, 0 with errors$'

echo "$PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
