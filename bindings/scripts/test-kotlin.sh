#!/usr/bin/env bash
# Kotlin tests of the bindings, for real, on the JVM of this machine:
#
#   1. cargo build the bindgen (feature cli, in target/bindgen) and the debug host library with
#      the `test-keys` feature (it trusts the TEST-ONLY key that signs the test bundles)
#   2. generate the Kotlin bindings from the unstripped library (library mode) into
#      target/bindings/kotlin: two files, fr/assistmed/core/assistmed_core.kt (the core's records
#      and enums) and fr/assistmed/sdk/assistmed_ffi.kt (RuleStore, AppModel, the error); the
#      crates' uniffi.toml (bindings/, core/) are found by uniffi itself
#   3. compile both into one jar with kotlinc -Werror — only when the generated source changed
#      (cached by content hash: kotlinc takes ~15 s)
#   4. compile bindings/tests/kotlin/*.kt against it — only when the tests or the bindings changed
#   5. write the fixtures (make-test-fixtures.sh: signed test bundles, the core's JSON output of
#      the golden cases through the CLI) into target/bindings/fixtures
#   6. run the tests with JNA loading target/debug/libassistmed_ffi.so; they read tests/cases
#      and the fixtures (environment ASSISTMED_TEST_BUNDLES, ASSISTMED_CORE_JSON,
#      ASSISTMED_TEST_KEYS)
#
# The runner (JUnit 4, tests/harness/kotlin/Harness.kt) prints one line per failed check and
# ends with `N passed, N failed`.
# Exit status: non-zero on any failure.
#
# Environment:
#   ASSISTMED_CASES_DIR   golden cases (default <repo>/tests/cases)
#   CARGO_TARGET_DIR      honoured (default <repo>/target)
#   FORCE_KOTLINC=1       recompile the jars even if the hashes match
#   ASSISTMED_FFI_PROFILE release: test (and time) the release library instead of the debug one.
#                         It is built as shipped, WITHOUT `test-keys`: the bundle tests then check
#                         that the test-signed bundles are refused (signature_refusee).
set -euo pipefail

REPO_ROOT=$(cd "$(dirname "$0")/../.." && pwd)
TARGET_DIR="${CARGO_TARGET_DIR:-$REPO_ROOT/target}"
case "$TARGET_DIR" in /*) ;; *) TARGET_DIR="$REPO_ROOT/$TARGET_DIR" ;; esac
CASES_DIR="${ASSISTMED_CASES_DIR:-$REPO_ROOT/tests/cases}"
GEN_DIR="$TARGET_DIR/bindings/kotlin"
BUILD_DIR="$TARGET_DIR/bindings/kotlin-build"
TESTS_SRC="$REPO_ROOT/bindings/tests/kotlin"
LIB_NAME="assistmed_ffi"
PROFILE="${ASSISTMED_FFI_PROFILE:-debug}"
KOTLINC_FLAGS=(-Werror)

log() { printf 'test-kotlin: %s\n' "$*" >&2; }
die() { printf 'test-kotlin: ERROR: %s\n' "$*" >&2; exit 1; }

# shellcheck source=scripts/tools/kotlin-build.sh
. "$REPO_ROOT/scripts/tools/kotlin-build.sh"
LIB_FILE=$(host_lib_file "$LIB_NAME")

[ -d "$CASES_DIR" ] || die "golden cases directory not found: $CASES_DIR"
[ -x "$REPO_ROOT/scripts/tools/ensure-kotlin.sh" ] || die "scripts/tools/ensure-kotlin.sh is missing"
eval "$("$REPO_ROOT/scripts/tools/ensure-kotlin.sh")"
: "${KOTLINC:?}" "${KOTLIN_LIB:?}" "${JNA_JAR:?}" "${GSON_JAR:?}"
# JUnit 4 (Maven Central): the test runner (tests/harness/kotlin/Harness.kt).
eval "$("$REPO_ROOT/scripts/tools/ensure-jvm-deps.sh")"
: "${JUNIT_CP:?}"
JNA_JAVA_OPTS="${JNA_JAVA_OPTS:-}"

cd "$REPO_ROOT"
# The bindgen is built in its own target dir: with the `cli` feature the crate's cdylib differs,
# and sharing target/debug would rebuild (and relink) the library at every switch.
BINDGEN_TARGET_DIR="$TARGET_DIR/bindgen"
log "cargo build -p assistmed-ffi --features cli --bin uniffi-bindgen (target dir $BINDGEN_TARGET_DIR)"
CARGO_TARGET_DIR="$BINDGEN_TARGET_DIR" cargo build --quiet -p assistmed-ffi --features cli --bin uniffi-bindgen
BINDGEN="$BINDGEN_TARGET_DIR/debug/uniffi-bindgen"
case "$PROFILE" in
  debug)
    TEST_KEYS=1
    log "cargo build -p assistmed-ffi --lib --features test-keys"
    cargo build --quiet -p assistmed-ffi --lib --features test-keys
    LIB="$TARGET_DIR/debug/$LIB_FILE" ;;
  release)
    # The library as shipped (shipped-build.sh: std rebuilt, the release link flags).
    TEST_KEYS=0
    CRATE="assistmed-ffi"
    # shellcheck source=../../bindings/scripts/shipped-build.sh
    . "$REPO_ROOT/bindings/scripts/shipped-build.sh"
    host=$(shipped_host_triple)
    shipped_build "$host" --quiet || die "the shipped build failed"
    LIB="$TARGET_DIR/$host/release/$LIB_FILE" ;;
  *) die "ASSISTMED_FFI_PROFILE must be debug or release, got '$PROFILE'" ;;
esac
[ -f "$LIB" ] || die "$LIB not found after cargo build"

# 2. Generate into a fresh folder, then swap it in (a failed run never leaves half a folder).
rm -rf "$GEN_DIR.tmp"
"$BINDGEN" generate --no-format --language kotlin --out-dir "$GEN_DIR.tmp" "$LIB" >/dev/null
python3 "$REPO_ROOT/bindings/scripts/kotlin-call-status.py" "$GEN_DIR.tmp" \
  || die "kotlin-call-status.py could not rewrite the generated call status"
rm -rf "$GEN_DIR"
mv "$GEN_DIR.tmp" "$GEN_DIR"
list_kt "$GEN_DIR" GEN_FILES
[ "${#GEN_FILES[@]}" -gt 0 ] || die "uniffi-bindgen generated no Kotlin file in $GEN_DIR"
# Two uniffi crates, two files in two packages, compiled together: the core's records and enums
# (fr.assistmed.core) and the SDK's objects, error and functions (fr.assistmed.sdk).
for f in fr/assistmed/core/assistmed_core.kt fr/assistmed/sdk/assistmed_ffi.kt; do
  [ -f "$GEN_DIR/$f" ] || die "uniffi-bindgen did not generate $f (generated: ${GEN_FILES[*]})"
done

mkdir -p "$BUILD_DIR"
BINDINGS_JAR="$BUILD_DIR/assistmed-bindings.jar"
TESTS_JAR="$BUILD_DIR/assistmed-tests.jar"
KOTLINC_VERSION=$("$KOTLINC" -version 2>&1 | tr -d '\n' || true)

# 3. Bindings jar, cached by the hash of the generated source (+ compiler).
BINDINGS_HASH=$( { hash_files "$GEN_DIR" "${GEN_FILES[@]}"; echo "$KOTLINC_VERSION ${KOTLINC_FLAGS[*]}"; } | sha256)
kotlinc_jar "$BINDINGS_JAR" "$BINDINGS_HASH" "the generated bindings" "$GEN_DIR" "$JNA_JAR" "${GEN_FILES[@]}"

# 4. Tests jar, cached by the hash of the test sources and of the bindings.
list_kt "$TESTS_SRC" TEST_FILES
[ "${#TEST_FILES[@]}" -gt 0 ] || die "no Kotlin test in $TESTS_SRC"
TESTS_HASH=$( { hash_files "$TESTS_SRC" "${TEST_FILES[@]}"; sha256 < "$KOTLIN_TEST_HARNESS"; echo "$BINDINGS_HASH"; } | sha256)
kotlinc_jar "$TESTS_JAR" "$TESTS_HASH" "the Kotlin tests" "$TESTS_SRC" "$BINDINGS_JAR:$JNA_JAR:$GSON_JAR:$JUNIT_CP" \
  "$KOTLIN_TEST_HARNESS" "${TEST_FILES[@]}"

# 5. Fixtures: signed test bundles and the core's JSON output of the golden cases.
FIXTURES_DIR="$TARGET_DIR/bindings/fixtures"
"$REPO_ROOT/bindings/scripts/make-test-fixtures.sh" "$FIXTURES_DIR" "$CASES_DIR"

# The README's Kotlin examples are the ones the tests run (README-BEGIN/END markers).
python3 "$REPO_ROOT/bindings/scripts/check-readme-examples.py" "$REPO_ROOT/bindings/README.md" \
  "$TESTS_SRC"/*.kt >&2 || die "bindings/README.md and the Kotlin tests differ"

# 6. Run on the JVM against the host library.
log "running the tests ($PROFILE library $LIB, test key trusted: $TEST_KEYS, cases $CASES_DIR)"
export ASSISTMED_TEST_BUNDLES="$FIXTURES_DIR/bundles"
export ASSISTMED_CORE_JSON="$FIXTURES_DIR/core-json"
export ASSISTMED_TEST_KEYS="$TEST_KEYS"
# shellcheck disable=SC2086 # JNA_JAVA_OPTS holds several options, unquoted on purpose
exec java $JNA_JAVA_OPTS -Djna.library.path="$(dirname "$LIB")" \
  -cp "$TESTS_JAR:$BINDINGS_JAR:$KOTLIN_LIB/kotlin-stdlib.jar:$JNA_JAR:$GSON_JAR:$JUNIT_CP" \
  fr.assistmed.sdk.tests.MainKt "$CASES_DIR"
