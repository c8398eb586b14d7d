#!/usr/bin/env bash
# JVM UI tests of the Android demo: the Compose screens (android-demo/app/src/main/kotlin/
# fr/assistmed/demo/ui, pure composables, no Android API) compiled against the Compose
# Multiplatform desktop artifacts and driven headless against the real Rust library:
#
#   1. the generated Kotlin bindings jar (target/bindings/kotlin-build/assistmed-bindings.jar):
#      if it is missing or older than bindings/src, run bindings/scripts/test-kotlin.sh, which
#      builds it (scripts/test-all.sh runs that script first anyway); then
#      `cargo build -p assistmed-ffi --lib --features test-keys`, exactly as test-kotlin.sh does
#   2. the Maven Central jars (scripts/tools/ensure-jvm-deps.sh: Compose desktop, Skia, JUnit)
#      and the headless rendering libraries (Debian libgl1, libfontconfig1, fonts-dejavu-core)
#   3. kotlinc with the Compose compiler plugin (kotlinc's lib/compose-compiler-plugin.jar) on
#      ui/*.kt, then on app/src/test/kotlin/**/*.kt (JUnit 4 + compose ui-test); both cached by
#      content hash (kotlinc takes 20-60 s each)
#   4. run them headless (java.awt.headless, Skia's CPU raster, no display) with JNA loading
#      target/debug/libassistmed_ffi.so: every golden case entered by taps and keys, headings,
#      spoken texts, font scaling, and a PNG of each screen of a few cases in
#      target/android-demo-ui/
#
# MainActivity.kt (Activity, ViewModel, file storage, file picker, dynamic colours) needs the
# Android SDK: only its syntax is checked here (kotlinc's report, unresolved Android types
# expected).
#
# The runner (JUnit 4) prints one line per failure and ends with `N passed, N failed`.
#
# Environment:
#   CARGO_TARGET_DIR          honoured (default <repo>/target)
#   ASSISTMED_CASES_DIR       golden cases (default <repo>/tests/cases)
#   FORCE_KOTLINC=1           recompile the jars even if the hashes match
set -euo pipefail

REPO_ROOT=$(cd "$(dirname "$0")/../.." && pwd)
TARGET_DIR="${CARGO_TARGET_DIR:-$REPO_ROOT/target}"
case "$TARGET_DIR" in /*) ;; *) TARGET_DIR="$REPO_ROOT/$TARGET_DIR" ;; esac
GEN_DIR="$TARGET_DIR/bindings/kotlin"
BINDINGS_JAR="$TARGET_DIR/bindings/kotlin-build/assistmed-bindings.jar"
BUILD_DIR="$TARGET_DIR/android-demo-jvm"
PNG_DIR="$TARGET_DIR/android-demo-ui"
UI_SRC="$REPO_ROOT/android-demo/app/src/main/kotlin/fr/assistmed/demo/ui"
TESTS_SRC="$REPO_ROOT/android-demo/app/src/test/kotlin"
LIB_NAME="assistmed_ffi"
KOTLINC_FLAGS=()

log() { printf 'test-jvm: %s\n' "$*" >&2; }
die() { printf 'test-jvm: ERROR: %s\n' "$*" >&2; exit 1; }

# shellcheck source=scripts/tools/kotlin-build.sh
. "$REPO_ROOT/scripts/tools/kotlin-build.sh"
LIB_FILE=$(host_lib_file "$LIB_NAME")

newer_than() {
  local ref=$1; shift
  [ -e "$ref" ] || return 0
  [ -n "$(find "$@" -newer "$ref" -print -quit 2>/dev/null)" ]
}

eval "$("$REPO_ROOT/scripts/tools/ensure-kotlin.sh")"
: "${KOTLINC:?}" "${KOTLIN_LIB:?}" "${JNA_JAR:?}" "${GSON_JAR:?}"
eval "$("$REPO_ROOT/scripts/tools/ensure-jvm-deps.sh")"
: "${JVM_DEPS_CP:?}" "${JUNIT_CP:?}"
JNA_JAVA_OPTS="${JNA_JAVA_OPTS:-}"
COMPOSE_PLUGIN="$KOTLIN_LIB/compose-compiler-plugin.jar"
[ -f "$COMPOSE_PLUGIN" ] || die "$COMPOSE_PLUGIN missing (kotlin-compiler from npm ships it)"
KOTLINC_FLAGS=("-Xplugin=$COMPOSE_PLUGIN" -jvm-target 17)
cd "$REPO_ROOT"
mkdir -p "$BUILD_DIR"

# Headless Skia needs libGL and fontconfig (and a font); Debian packages, installed if missing.
missing=()
ldconfig -p 2>/dev/null | grep -q 'libGL\.so\.1' || missing+=(libgl1)
ldconfig -p 2>/dev/null | grep -q 'libfontconfig\.so\.1' || missing+=(libfontconfig1)
[ -d /usr/share/fonts/truetype/dejavu ] || missing+=(fonts-dejavu-core)
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "apt-get install ${missing[*]} (headless rendering) ..."
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" >&2 \
      || { apt-get update >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" >&2; } \
      || die "could not install ${missing[*]}"
  else
    die "missing ${missing[*]} (apt-get install -y ${missing[*]})"
  fi
fi

# 1. Bindings jar and host library.
stale_bindings() {
  [ ! -f "$BINDINGS_JAR" ] || newer_than "$GEN_DIR" bindings/src bindings/uniffi.toml bindings/Cargo.toml Cargo.lock core/src
}
if stale_bindings; then
  log "bindings jar missing or older than the sources: running bindings/scripts/test-kotlin.sh (its report goes to stderr)"
  if ! bindings/scripts/test-kotlin.sh >&2; then
    stale_bindings && die "bindings/scripts/test-kotlin.sh failed before building $BINDINGS_JAR"
    log "WARNING: bindings/scripts/test-kotlin.sh reported failures (above); using the jar it built"
  fi
fi
[ -f "$BINDINGS_JAR" ] || die "$BINDINGS_JAR missing after bindings/scripts/test-kotlin.sh"
log "cargo build -p assistmed-ffi --lib --features test-keys"
cargo build --quiet -p assistmed-ffi --lib --features test-keys
LIB="$TARGET_DIR/debug/$LIB_FILE"
[ -f "$LIB" ] || die "$LIB not found after cargo build"

UI_JAR="$BUILD_DIR/assistmed-demo-ui.jar"
TESTS_JAR="$BUILD_DIR/assistmed-demo-ui-tests.jar"
KOTLINC_VERSION=$("$KOTLINC" -version 2>&1 | tr -d '\n' || true)
BINDINGS_HASH=$(sha256 < "$BINDINGS_JAR")
DEPS_HASH=$(printf '%s' "$JVM_DEPS_CP" | sha256)
CP="$BINDINGS_JAR:$JNA_JAR:$JVM_DEPS_CP"

# 2. The screens, alone: bindings + Compose desktop on the class path, no Android.
list_kt "$UI_SRC" UI_FILES
[ "${#UI_FILES[@]}" -gt 0 ] || die "no Kotlin source in $UI_SRC"
UI_HASH=$( { hash_files "$UI_SRC" "${UI_FILES[@]}"; echo "$BINDINGS_HASH $DEPS_HASH $KOTLINC_VERSION"; } | sha256)
kotlinc_jar "$UI_JAR" "$UI_HASH" "the Compose screens" "$UI_SRC" "$CP" "${UI_FILES[@]}"

# 2b. The Android shell (MainActivity.kt) cannot be compiled without the Android SDK: kotlinc runs
#     on it against the screens and Compose desktop, and only its syntax errors count (its
#     Android types stay unresolved, which proves it was analysed).
SHELL_SRC="$REPO_ROOT/android-demo/app/src/main/kotlin/fr/assistmed/demo/MainActivity.kt"
SHELL_REPORT="$BUILD_DIR/android-shell-kotlinc.txt"
log "kotlinc: syntax of the Android shell (MainActivity.kt; unresolved Android types expected) ..."
"$KOTLINC" "${KOTLINC_FLAGS[@]}" -cp "$UI_JAR:$CP" -d "$BUILD_DIR/android-shell-classes" "$SHELL_SRC" > "$SHELL_REPORT" 2>&1 || true
rm -rf "$BUILD_DIR/android-shell-classes"
if grep -qi 'syntax error' "$SHELL_REPORT"; then
  grep -i 'syntax error' "$SHELL_REPORT" >&2
  die "syntax error in MainActivity.kt (full report: $SHELL_REPORT)"
fi
grep -q "unresolved reference 'ComponentActivity'" "$SHELL_REPORT" \
  || die "kotlinc did not analyse MainActivity.kt as expected (report: $SHELL_REPORT)"

# 3. The UI tests.
list_kt "$TESTS_SRC" TEST_FILES
[ "${#TEST_FILES[@]}" -gt 0 ] || die "no Kotlin test in $TESTS_SRC"
TESTS_HASH=$( { hash_files "$TESTS_SRC" "${TEST_FILES[@]}"; sha256 < "$KOTLIN_TEST_HARNESS"; echo "$UI_HASH"; } | sha256)
kotlinc_jar "$TESTS_JAR" "$TESTS_HASH" "the UI tests" "$TESTS_SRC" "$UI_JAR:$CP:$GSON_JAR" \
  "$KOTLIN_TEST_HARNESS" "${TEST_FILES[@]}"

# 4. Run, headless.
log "running the UI tests (library $LIB, PNGs in $PNG_DIR)"
rm -rf "$PNG_DIR"
export LIBGL_ALWAYS_SOFTWARE=1
# shellcheck disable=SC2086 # JNA_JAVA_OPTS holds several options, unquoted on purpose
exec java $JNA_JAVA_OPTS -Djava.awt.headless=true -Dskiko.renderApi=SOFTWARE \
  -Djna.library.path="$(dirname "$LIB")" -Dassistmed.repo="$REPO_ROOT" -Dassistmed.pngDir="$PNG_DIR" \
  -cp "$TESTS_JAR:$UI_JAR:$KOTLIN_LIB/kotlin-stdlib.jar:$CP:$GSON_JAR" \
  fr.assistmed.demo.ui.MainKt
