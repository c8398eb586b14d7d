#!/usr/bin/env bash
# JVM tests of the Android demo's non-UI code (plain Kotlin, no Android SDK needed):
#
#   1. make sure the generated Kotlin bindings jar (target/bindings/kotlin-build/assistmed-bindings.jar)
#      is there and current; if it is missing or older than bindings/src, run
#      bindings/scripts/test-kotlin.sh, which builds it (scripts/test-all.sh runs that script
#      first anyway, so this normally costs nothing); then
#      `cargo build -p assistmed-ffi --lib --features test-keys`, exactly as test-kotlin.sh builds
#      the debug library (same features: no relink between the two scripts), so that the host
#      library matches the core's sources (under a second when up to date) and trusts the
#      TEST-ONLY key that signs the test bundles
#   2. the signed test bundles of bindings/scripts/make-test-fixtures.sh: those test-kotlin.sh
#      wrote into target/bindings/fixtures, else written into target/android-demo-jvm/fixtures
#   3. compile android-demo/app/src/main/kotlin/fr/assistmed/demo/state/*.kt alone against the
#      bindings jar (kotlinc -Werror): it proves the state package needs neither Android nor any
#      library but the bindings
#   4. compile android-demo/app/src/test/kotlin/**/*.kt against it (+ Gson for the golden cases)
#      Both compilations are cached by content hash (kotlinc takes ~10 s each).
#   5. a Kotlin *syntax* check of the Android UI sources (Compose screens, ViewModel, storage):
#      without the Android SDK their types cannot be resolved here, so kotlinc's report is kept
#      and only its "syntax error" lines count (cached by content hash)
#   6. run the tests on the JVM with JNA loading target/debug/libassistmed_ffi.so; they read
#      tests/cases, the test bundles, the syntax report and the ios-demo/ and android-demo/
#      sources (static checks)
#
# The runner prints one line per failed check and ends with `N passed, N failed`.
# Exit status: non-zero on any failure.
#
# Environment:
#   CARGO_TARGET_DIR          honoured (default <repo>/target)
#   ASSISTMED_CASES_DIR       golden cases (default <repo>/tests/cases)
#   ASSISTMED_UPDATE_SCREENS=1  rewrite app/src/test/resources/golden-screens.txt (review the diff!)
#   ASSISTMED_VERBOSE=1       print every passing check too
#   FORCE_KOTLINC=1           recompile the jars even if the hashes match
set -euo pipefail

REPO_ROOT=$(cd "$(dirname "$0")/../.." && pwd)
TARGET_DIR="${CARGO_TARGET_DIR:-$REPO_ROOT/target}"
case "$TARGET_DIR" in /*) ;; *) TARGET_DIR="$REPO_ROOT/$TARGET_DIR" ;; esac
GEN_DIR="$TARGET_DIR/bindings/kotlin"
BINDINGS_JAR="$TARGET_DIR/bindings/kotlin-build/assistmed-bindings.jar"
BUILD_DIR="$TARGET_DIR/android-demo-jvm"
STATE_SRC="$REPO_ROOT/android-demo/app/src/main/kotlin/fr/assistmed/demo/state"
TESTS_SRC="$REPO_ROOT/android-demo/app/src/test/kotlin"
LIB_NAME="assistmed_ffi"
KOTLINC_FLAGS=(-Werror)

log() { printf 'test-jvm: %s\n' "$*" >&2; }
die() { printf 'test-jvm: ERROR: %s\n' "$*" >&2; exit 1; }

# shellcheck source=scripts/tools/kotlin-build.sh
. "$REPO_ROOT/scripts/tools/kotlin-build.sh"
LIB_FILE=$(host_lib_file "$LIB_NAME")

# True when a file under the given paths is newer than $1 (or $1 is missing).
newer_than() {
  local ref=$1; shift
  [ -e "$ref" ] || return 0
  [ -n "$(find "$@" -newer "$ref" -print -quit 2>/dev/null)" ]
}

eval "$("$REPO_ROOT/scripts/tools/ensure-kotlin.sh")"
: "${KOTLINC:?}" "${KOTLIN_LIB:?}" "${JNA_JAR:?}" "${GSON_JAR:?}"
JNA_JAVA_OPTS="${JNA_JAVA_OPTS:-}"
cd "$REPO_ROOT"
mkdir -p "$BUILD_DIR"

# 1. Bindings jar and host library.
stale_bindings() {
  [ ! -f "$BINDINGS_JAR" ] || newer_than "$GEN_DIR" bindings/src bindings/uniffi.toml bindings/Cargo.toml Cargo.lock
}
if stale_bindings; then
  log "bindings jar missing or older than bindings/src: running bindings/scripts/test-kotlin.sh (its report goes to stderr)"
  if ! bindings/scripts/test-kotlin.sh >&2; then
    # It builds the jar before running its own tests: their failures are its report, not ours.
    stale_bindings && die "bindings/scripts/test-kotlin.sh failed before building $BINDINGS_JAR"
    log "WARNING: bindings/scripts/test-kotlin.sh reported failures (above); using the jar it built"
  fi
fi
[ -f "$BINDINGS_JAR" ] || die "$BINDINGS_JAR missing after bindings/scripts/test-kotlin.sh"
log "cargo build -p assistmed-ffi --lib --features test-keys"
cargo build --quiet -p assistmed-ffi --lib --features test-keys
LIB="$TARGET_DIR/debug/$LIB_FILE"
[ -f "$LIB" ] || die "$LIB not found after cargo build"

# 2. Signed test bundles.
FIXTURES_DIR="$TARGET_DIR/bindings/fixtures"
if [ ! -f "$FIXTURES_DIR/bundles/regles-v2.json.sig" ]; then
  FIXTURES_DIR="$BUILD_DIR/fixtures"
  log "writing the test bundles (bindings/scripts/make-test-fixtures.sh $FIXTURES_DIR)"
  bindings/scripts/make-test-fixtures.sh "$FIXTURES_DIR" >&2
fi

STATE_JAR="$BUILD_DIR/assistmed-demo-state.jar"
TESTS_JAR="$BUILD_DIR/assistmed-demo-state-tests.jar"
KOTLINC_VERSION=$("$KOTLINC" -version 2>&1 | tr -d '\n' || true)
BINDINGS_HASH=$(sha256 < "$BINDINGS_JAR")

# 3. The state package, alone (bindings + JNA on the class path, nothing else).
list_kt "$STATE_SRC" STATE_FILES
[ "${#STATE_FILES[@]}" -gt 0 ] || die "no Kotlin source in $STATE_SRC"
STATE_HASH=$( { hash_files "$STATE_SRC" "${STATE_FILES[@]}"; echo "$BINDINGS_HASH $KOTLINC_VERSION ${KOTLINC_FLAGS[*]}"; } | sha256)
kotlinc_jar "$STATE_JAR" "$STATE_HASH" "the state package" "$STATE_SRC" "$BINDINGS_JAR:$JNA_JAR" "${STATE_FILES[@]}"

# 4. The tests.
list_kt "$TESTS_SRC" TEST_FILES
[ "${#TEST_FILES[@]}" -gt 0 ] || die "no Kotlin test in $TESTS_SRC"
TESTS_HASH=$( { hash_files "$TESTS_SRC" "${TEST_FILES[@]}"; sha256 < "$KOTLIN_TEST_HARNESS"; echo "$STATE_HASH"; } | sha256)
kotlinc_jar "$TESTS_JAR" "$TESTS_HASH" "the tests" "$TESTS_SRC" "$STATE_JAR:$BINDINGS_JAR:$JNA_JAR:$GSON_JAR" \
  "$KOTLIN_TEST_HARNESS" "${TEST_FILES[@]}"

# 5. Syntax of the Android UI sources (everything under app/src/main/kotlin but the state package).
APP_SRC="$REPO_ROOT/android-demo/app/src/main/kotlin"
list_kt "$APP_SRC" APP_FILES
UI_FILES=()
for f in "${APP_FILES[@]}"; do
  case "$f" in ./fr/assistmed/demo/state/*) ;; *) UI_FILES+=("$f") ;; esac
done
[ "${#UI_FILES[@]}" -gt 0 ] || die "no Android UI source under $APP_SRC"
SYNTAX_REPORT="$BUILD_DIR/android-ui-kotlinc.txt"
UI_HASH=$( { hash_files "$APP_SRC" "${UI_FILES[@]}"; echo "$KOTLINC_VERSION"; } | sha256)
if [ -z "${FORCE_KOTLINC:-}" ] && [ -f "$SYNTAX_REPORT" ] && [ "$(cat "$SYNTAX_REPORT.sha256" 2>/dev/null)" = "$UI_HASH" ]; then
  log "Android UI sources unchanged: reusing the kotlinc syntax report"
else
  log "kotlinc: syntax of the Android UI sources (${#UI_FILES[@]} file(s); unresolved Android types expected) ..."
  # Fails on the unresolved Android/Compose types, by design: only the report matters.
  (cd "$APP_SRC" && "$KOTLINC" -cp "$STATE_JAR:$BINDINGS_JAR" -d "$BUILD_DIR/android-ui-classes" "${UI_FILES[@]}") \
    > "$SYNTAX_REPORT" 2>&1 || true
  rm -rf "$BUILD_DIR/android-ui-classes"
  echo "$UI_HASH" > "$SYNTAX_REPORT.sha256"
fi

# 6. Run.
log "running the tests (library $LIB, test bundles $FIXTURES_DIR/bundles)"
export ASSISTMED_TEST_BUNDLES="$FIXTURES_DIR/bundles"
export ASSISTMED_TEST_KEYS=1
# shellcheck disable=SC2086 # JNA_JAVA_OPTS holds several options, unquoted on purpose
exec java $JNA_JAVA_OPTS -Djna.library.path="$(dirname "$LIB")" -Dassistmed.stateJar="$STATE_JAR" \
  -Dassistmed.androidSyntaxReport="$SYNTAX_REPORT" -Dassistmed.androidUiFiles="${#UI_FILES[@]}" \
  -cp "$TESTS_JAR:$STATE_JAR:$BINDINGS_JAR:$KOTLIN_LIB/kotlin-stdlib.jar:$JNA_JAR:$GSON_JAR" \
  fr.assistmed.demo.state.MainKt "$REPO_ROOT"
