#!/usr/bin/env bash
# Swift side of the bindings:
#
#   1. cargo build the bindgen (feature cli, in target/bindgen) and the debug host library with
#      the `test-keys` feature (it trusts the TEST-ONLY key of the test bundles)
#   2. generate the Swift bindings from the unstripped library (library mode) into
#      target/bindings/swift, one set per uniffi crate, compiled into ONE Swift module Assistmed:
#      Assistmed.swift, AssistmedFFI.h, AssistmedFFI.modulemap (the FFI crate: RuleStore, AppModel,
#      the error) and AssistmedCore.swift, AssistmedCoreFFI.h, AssistmedCoreFFI.modulemap (the
#      core's records and enums); plus the hand-written bindings/swift/*.swift
#      (build output, not committed; bindings/uniffi.toml and core/uniffi.toml are found by uniffi)
#   3. with a Swift toolchain (`swift` on PATH): build a temporary SwiftPM package in
#      target/bindings/swift-package linking the host library, and run `swift test` with
#      bindings/tests/swift/AssistmedTests.swift (XCTest, every golden case), with the fixtures
#      of make-test-fixtures.sh (signed test bundles, the core's JSON output of the golden cases)
#      in ASSISTMED_TEST_BUNDLES / ASSISTMED_CORE_JSON
#      without one: a SYNTAX-ONLY check (tree-sitter) of both generated Swift files, of the
#      hand-written bindings/swift/*.swift and of every .swift file of the repository — types and
#      names are NOT checked —; the test's typed → JSON mapping against the generated records and
#      enums and the core's JSON of every golden case (bindings/tests/swift/check_json_mapping.py);
#      plus, if a C compiler is present, a C program that includes both
#      headers, links the library and checks each contract version and every API checksum the
#      generated Swift expects.
#   Both: the README's Swift examples must be the test's (README-BEGIN/END markers), and the
#   apps' and tests' Swift construct no uniffi record (bindings/tests/swift/check_no_records.py).
#
# Environment:
#   ASSISTMED_CASES_DIR   golden cases (default <repo>/tests/cases)
#   CARGO_TARGET_DIR      honoured (default <repo>/target)
#   SWIFT_SYNTAX_ONLY=1   skip `swift test` even when a Swift toolchain is present
set -euo pipefail

REPO_ROOT=$(cd "$(dirname "$0")/../.." && pwd)
TARGET_DIR="${CARGO_TARGET_DIR:-$REPO_ROOT/target}"
case "$TARGET_DIR" in /*) ;; *) TARGET_DIR="$REPO_ROOT/$TARGET_DIR" ;; esac
CASES_DIR="${ASSISTMED_CASES_DIR:-$REPO_ROOT/tests/cases}"
GEN_DIR="$TARGET_DIR/bindings/swift"
PKG_DIR="$TARGET_DIR/bindings/swift-package"
TEST_FILE="$REPO_ROOT/bindings/tests/swift/AssistmedTests.swift"
LIB_NAME="assistmed_ffi"

log() { printf 'test-swift: %s\n' "$*" >&2; }
die() { printf 'test-swift: ERROR: %s\n' "$*" >&2; exit 1; }

case "$(uname -s)" in
  Darwin) LIB_FILE="lib$LIB_NAME.dylib" ;;
  *)      LIB_FILE="lib$LIB_NAME.so" ;;
esac

[ -f "$TEST_FILE" ] || die "$TEST_FILE is missing"

cd "$REPO_ROOT"
# The bindgen is built in its own target dir: with the `cli` feature the crate's cdylib differs,
# and sharing target/debug would rebuild (and relink) the library at every switch.
BINDGEN_TARGET_DIR="$TARGET_DIR/bindgen"
log "cargo build -p assistmed-ffi --features cli --bin uniffi-bindgen (target dir $BINDGEN_TARGET_DIR)"
CARGO_TARGET_DIR="$BINDGEN_TARGET_DIR" cargo build --quiet -p assistmed-ffi --features cli --bin uniffi-bindgen
# Same features as test-kotlin.sh, so that the two scripts do not relink the library in turn.
log "cargo build -p assistmed-ffi --lib --features test-keys"
cargo build --quiet -p assistmed-ffi --lib --features test-keys
BINDGEN="$BINDGEN_TARGET_DIR/debug/uniffi-bindgen"
LIB="$TARGET_DIR/debug/$LIB_FILE"
[ -f "$LIB" ] || die "$LIB not found after cargo build"

# 2. Generate into a fresh folder, then swap it in.
rm -rf "$GEN_DIR.tmp"
"$BINDGEN" generate --no-format --language swift --out-dir "$GEN_DIR.tmp" "$LIB" >/dev/null
rm -rf "$GEN_DIR"
mv "$GEN_DIR.tmp" "$GEN_DIR"
MODULE="Assistmed"                            # bindings/uniffi.toml: module_name
SWIFT_SRC="$GEN_DIR/$MODULE.swift"
[ -f "$SWIFT_SRC" ] || die "uniffi-bindgen did not generate $MODULE.swift in $GEN_DIR"
# Every generated file with the C module it imports (Assistmed.swift: AssistmedFFI,
# AssistmedCore.swift: AssistmedCoreFFI), each with its header.
GEN_SWIFT=()
FFI_MODULES=()
while IFS= read -r f; do
  m=$(sed -n 's/^import \([A-Za-z_][A-Za-z0-9_]*FFI\)$/\1/p' "$f" | head -n 1)
  [ -n "$m" ] || die "$f imports no FFI module"
  [ -f "$GEN_DIR/$m.h" ] || die "$(basename "$f") imports $m, but uniffi-bindgen wrote no $m.h"
  GEN_SWIFT+=("$f")
  FFI_MODULES+=("$m")
done < <(find "$GEN_DIR" -maxdepth 1 -name '*.swift' | LC_ALL=C sort)
[ "${#GEN_SWIFT[@]}" -eq 2 ] || log "note: ${#GEN_SWIFT[@]} generated Swift files (expected 2: Assistmed.swift, AssistmedCore.swift)"
HANDWRITTEN=()
while IFS= read -r f; do HANDWRITTEN+=("$f"); done < <(find "$REPO_ROOT/bindings/swift" -maxdepth 1 -name '*.swift' | LC_ALL=C sort)
[ "${#HANDWRITTEN[@]}" -ge 1 ] || die "no hand-written Swift in bindings/swift (AssistmedError+Text.swift)"
for f in "${GEN_SWIFT[@]}"; do log "generated $(basename "$f") ($(wc -l < "$f") lines)"; done
log "C modules ${FFI_MODULES[*]}; hand-written: $(for f in "${HANDWRITTEN[@]}"; do basename "$f"; done | tr '\n' ' ')"

python3 "$REPO_ROOT/bindings/scripts/check-readme-examples.py" "$REPO_ROOT/bindings/README.md" "$TEST_FILE" >&2 \
  || die "bindings/README.md and $TEST_FILE differ"

# The apps' and the tests' Swift construct no uniffi record (a field added in the core would break
# the call, unseen without a compiler); the SDK's one construction, FichierImporte in
# bindings/swift/Evenement+Import.swift, is checked against the generated initializer.
python3 "$REPO_ROOT/bindings/tests/swift/check_no_records.py" "$GEN_DIR" "$REPO_ROOT/ios-demo" "$REPO_ROOT/bindings/tests/swift" >&2 \
  || die "hand-written Swift constructs a uniffi record (above): read records, send enum cases"
grep -q 'public init(nom: String, octets: Data)' "$GEN_DIR/AssistmedCore.swift" \
  || die "FichierImporte's initializer is no longer (nom:octets:): update bindings/swift/Evenement+Import.swift"

# 3a. Real tests with a Swift toolchain.
if [ -z "${SWIFT_SYNTAX_ONLY:-}" ] && command -v swift >/dev/null 2>&1; then
  log "Swift toolchain found ($(swift --version 2>&1 | head -n 1)): swift test in $PKG_DIR"
  rm -rf "$PKG_DIR"
  mkdir -p "$PKG_DIR/Sources/$MODULE" "$PKG_DIR/Tests/${MODULE}Tests"
  system_targets=""
  ffi_deps=""
  for m in "${FFI_MODULES[@]}"; do
    mkdir -p "$PKG_DIR/Sources/$m"
    cp "$GEN_DIR/$m.h" "$PKG_DIR/Sources/$m/"
    # Our own module map: the generated one `use`s Darwin, which does not exist off Apple platforms.
    printf 'module %s {\n    header "%s.h"\n    export *\n}\n' "$m" "$m" > "$PKG_DIR/Sources/$m/module.modulemap"
    system_targets="$system_targets
        .systemLibrary(name: \"$m\", path: \"Sources/$m\"),"
    ffi_deps="$ffi_deps\"$m\", "
  done
  cp "${GEN_SWIFT[@]}" "${HANDWRITTEN[@]}" "$PKG_DIR/Sources/$MODULE/"
  cp "$TEST_FILE" "$PKG_DIR/Tests/${MODULE}Tests/"
  cat > "$PKG_DIR/Package.swift" <<EOF
// swift-tools-version:5.7
// Temporary package generated by bindings/scripts/test-swift.sh: links the host library.
import PackageDescription

let package = Package(
    name: "${MODULE}HostTests",
    targets: [$system_targets
        .target(
            name: "$MODULE",
            dependencies: [${ffi_deps%, }],
            path: "Sources/$MODULE",
            linkerSettings: [
                .linkedLibrary("$LIB_NAME"),
                .unsafeFlags(["-L$(dirname "$LIB")", "-Xlinker", "-rpath", "-Xlinker", "$(dirname "$LIB")"]),
            ]
        ),
        .testTarget(name: "${MODULE}Tests", dependencies: ["$MODULE"], path: "Tests/${MODULE}Tests"),
    ]
)
EOF
  FIXTURES_DIR="$TARGET_DIR/bindings/fixtures"
  "$REPO_ROOT/bindings/scripts/make-test-fixtures.sh" "$FIXTURES_DIR" "$CASES_DIR"
  export ASSISTMED_CASES_DIR="$CASES_DIR"
  export ASSISTMED_TEST_BUNDLES="$FIXTURES_DIR/bundles"
  export ASSISTMED_CORE_JSON="$FIXTURES_DIR/core-json"
  export ASSISTMED_TEST_KEYS=1
  LIB_DIR=$(dirname "$LIB")
  export LD_LIBRARY_PATH="$LIB_DIR${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
  export DYLD_LIBRARY_PATH="$LIB_DIR${DYLD_LIBRARY_PATH:+:$DYLD_LIBRARY_PATH}"
  (cd "$PKG_DIR" && swift test)
  log "swift test passed"
  exit 0
fi

# 3b. No Swift toolchain: syntax only.
log "no Swift toolchain: SYNTAX-ONLY check (types and names are NOT checked; run this script on a Mac for swift test)"
[ -x "$REPO_ROOT/scripts/tools/ensure-swift-syntax.sh" ] || die "scripts/tools/ensure-swift-syntax.sh is missing"
[ -f "$REPO_ROOT/scripts/swift_syntax_check.py" ] || die "scripts/swift_syntax_check.py is missing"
eval "$("$REPO_ROOT/scripts/tools/ensure-swift-syntax.sh")"
: "${SWIFT_SYNTAX_PY:?}"
# Both generated files by name (they live under target/, which the walk skips), the hand-written
# SDK files, then the whole repository (the checker skips target/, .tools/, build/, .git/,
# node_modules/).
"$SWIFT_SYNTAX_PY" "$REPO_ROOT/scripts/swift_syntax_check.py" "${GEN_SWIFT[@]}" "${HANDWRITTEN[@]}" "$REPO_ROOT"

# The test's typed → JSON mapping (what `swift test` compares with the core's JSON) against the
# generated records and enums and the core's JSON output of every golden case.
FIXTURES_DIR="$TARGET_DIR/bindings/fixtures"
"$REPO_ROOT/bindings/scripts/make-test-fixtures.sh" "$FIXTURES_DIR" "$CASES_DIR" >&2
python3 "$REPO_ROOT/bindings/tests/swift/check_json_mapping.py" "$TEST_FILE" "$GEN_DIR" "$FIXTURES_DIR/core-json" \
  || die "the typed → JSON mapping of $TEST_FILE does not match the generated Swift or the core's JSON"

# C check of the header and of the API checksums the generated Swift will verify at load time.
CC_BIN="${CC:-}"
if [ -z "$CC_BIN" ]; then
  for c in cc gcc clang; do
    if command -v "$c" >/dev/null 2>&1; then CC_BIN=$c; break; fi
  done
fi
if [ -z "$CC_BIN" ]; then
  log "no C compiler: header and checksum check skipped"
else
  CHECK_DIR="$TARGET_DIR/bindings/swift-c-check"
  rm -rf "$CHECK_DIR"
  mkdir -p "$CHECK_DIR"
  # shellcheck disable=SC2028 # the \n are C escapes, written literally on purpose
  {
    echo "#include <stdio.h>"
    echo "#ifndef __clang__ /* clang's nullability qualifiers, unknown to gcc */"
    echo "#define _Nullable"
    echo "#define _Nonnull"
    echo "#endif"
    # Both headers in one unit, as the one Swift module sees them (their shared types are guarded).
    for m in "${FFI_MODULES[@]}"; do echo "#include \"$m.h\""; done
    echo "int main(void) {"
    echo "    int failures = 0, checked = 0, contracts = 0;"
    for f in "${GEN_SWIFT[@]}"; do
      contract=$(sed -n 's/^[[:space:]]*let bindings_contract_version = \([0-9]*\).*/\1/p' "$f" | head -n 1)
      contract_fn=$(grep -o 'ffi_[a-z0-9_]*_uniffi_contract_version' "$f" | head -n 1)
      if [ -z "$contract" ] || [ -z "$contract_fn" ]; then
        die "cannot find the contract version in $f"
      fi
      echo "    contracts++; if ($contract_fn() != $contract) { printf(\"$contract_fn: %u, $(basename "$f") expects $contract\\n\", (unsigned) $contract_fn()); failures++; }"
      # `if (uniffi_x_checksum_y() != 1234) {` lines of the generated Swift.
      sed -n 's/^[[:space:]]*if (\(uniffi_[a-z0-9_]*_checksum_[a-z0-9_]*\)() != \([0-9]*\)) {.*/\1 \2/p' "$f" |
        while read -r fn sum; do
          echo "    checked++; if ($fn() != $sum) { printf(\"$fn: %u, the Swift expects $sum\\n\", (unsigned) $fn()); failures++; }"
        done
    done
    echo "    printf(\"%d contract versions and %d API checksums: %s\\n\", contracts, checked, failures ? \"MISMATCH\" : \"match\");"
    echo "    return failures != 0;"
    echo "}"
  } > "$CHECK_DIR/check.c"
  "$CC_BIN" -std=c11 -Wall -Werror -I"$GEN_DIR" "$CHECK_DIR/check.c" -L"$(dirname "$LIB")" -l"$LIB_NAME" \
    -Wl,-rpath,"$(dirname "$LIB")" -o "$CHECK_DIR/check" \
    || die "${FFI_MODULES[*]} headers do not compile as C, or the library does not link"
  "$CHECK_DIR/check" || die "the generated Swift does not match the library (contract version or checksums)"
fi
log "OK (syntax only: the Swift types were NOT checked — no Swift toolchain on this machine)"
