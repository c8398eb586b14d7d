#!/usr/bin/env bash
# Build the Kotlin/JVM artefact of the SDK from the RELEASE library, as shipped (no `test-keys`):
#
#   OUT_DIR/assistmed-core-jvm-<version>.jar          the compiled bindings (JVM flavour: uniffi's
#                                                     Kotlin `android` setting off) plus the
#                                                     stripped host library as a JNA resource
#                                                     (<jna-prefix>/libassistmed_ffi.so, e.g.
#                                                     linux-x86-64/), so the jar works on this
#                                                     platform with JNA on the classpath only
#   OUT_DIR/assistmed-core-jvm-<version>-sources.jar  the generated Kotlin source
#   OUT_DIR/kotlin/                                   the generated source tree (two packages:
#                                                     fr.assistmed.core, the core's types, and
#                                                     fr.assistmed.sdk, the objects and error)
#
# Used by scripts/release.sh and bindings/scripts/bench-jvm.sh. The bindings are compiled with
# kotlinc -Werror, only when the generated source changed (content hash, like test-kotlin.sh;
# kotlinc takes 15-45 s). A Java smoke run loads the jar with nothing but JNA and the Kotlin
# standard library on the classpath and creates a RuleStore (library load, uniffi's contract and
# checksum checks, the embedded rules).
#
# usage: bindings/scripts/jvm-jar.sh OUT_DIR
# Environment: JNA_JAR (compile and smoke-run against this jar; default: the one
#              scripts/tools/ensure-kotlin.sh provides), CARGO_TARGET_DIR, FORCE_KOTLINC=1.
# stdout: the path of the jar. Exit status non-zero on any failure.
set -euo pipefail

REPO_ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT_DIR=${1:?usage: jvm-jar.sh OUT_DIR}
mkdir -p "$OUT_DIR"
OUT_DIR=$(cd "$OUT_DIR" && pwd)
TARGET_DIR="${CARGO_TARGET_DIR:-$REPO_ROOT/target}"
case "$TARGET_DIR" in /*) ;; *) TARGET_DIR="$REPO_ROOT/$TARGET_DIR" ;; esac
CRATE="assistmed-ffi"
LIB_NAME="assistmed_ffi"
KOTLINC_FLAGS=(-Werror)

log() { printf 'jvm-jar: %s\n' "$*" >&2; }
die() { printf 'jvm-jar: ERROR: %s\n' "$*" >&2; exit 1; }

# Shared, read-only helpers of the Kotlin test scripts (hashes, cached kotlinc).
# shellcheck source=scripts/tools/kotlin-build.sh
. "$REPO_ROOT/scripts/tools/kotlin-build.sh"
LIB_FILE=$(host_lib_file "$LIB_NAME")

VERSION=$("$REPO_ROOT/bindings/scripts/version.sh")
caller_jna="${JNA_JAR:-}"
eval "$("$REPO_ROOT/scripts/tools/ensure-kotlin.sh")"
: "${KOTLINC:?}" "${KOTLIN_LIB:?}"
[ -n "$caller_jna" ] && JNA_JAR="$caller_jna"
[ -f "$JNA_JAR" ] || die "JNA jar not found: $JNA_JAR"

# JNA's resource prefix for the host (Platform.RESOURCE_PREFIX).
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64)                JNA_PREFIX=linux-x86-64 ;;
  Linux-aarch64)               JNA_PREFIX=linux-aarch64 ;;
  Darwin-arm64)                JNA_PREFIX=darwin-aarch64 ;;
  Darwin-x86_64)               JNA_PREFIX=darwin-x86-64 ;;
  *) die "no JNA resource prefix known for $(uname -s)-$(uname -m)" ;;
esac

cd "$REPO_ROOT"
# 1. The release library as shipped (shipped-build.sh; this crate alone: see size-report.sh), and the bindgen in
#    its own target dir (its `cli` feature would otherwise relink the library).
# shellcheck source=shipped-build.sh
. "$REPO_ROOT/bindings/scripts/shipped-build.sh"
HOST=$(shipped_host_triple)
shipped_build "$HOST" --quiet || die "the shipped build of $CRATE failed"
LIB="$TARGET_DIR/$HOST/release/$LIB_FILE"
[ -f "$LIB" ] || die "$LIB not found after cargo build"
BINDGEN_TARGET_DIR="$TARGET_DIR/bindgen"
CARGO_TARGET_DIR="$BINDGEN_TARGET_DIR" cargo build --quiet -p "$CRATE" --features cli --bin uniffi-bindgen
BINDGEN="$BINDGEN_TARGET_DIR/debug/uniffi-bindgen"

# 2. Kotlin bindings, JVM flavour (bindings/uniffi.toml only; the Android flavour adds
#    bindings/uniffi-android.toml in build-android.sh), from the unstripped library.
GEN_DIR="$OUT_DIR/kotlin"
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
if grep -rq 'android\.os\.Build' "$GEN_DIR"; then
  die "the JVM bindings import android.os.Build: is \`android = true\` set in bindings/uniffi.toml? It belongs in bindings/uniffi-android.toml only"
fi

# 3. Classes, cached by the hash of the generated source (+ compiler).
CACHE_DIR="$OUT_DIR/.cache"
mkdir -p "$CACHE_DIR"
CLASSES_JAR="$CACHE_DIR/bindings-classes.jar"
KOTLINC_VERSION=$("$KOTLINC" -version 2>&1 | tr -d '\n' || true)
HASH=$( { hash_files "$GEN_DIR" "${GEN_FILES[@]}"; echo "$KOTLINC_VERSION ${KOTLINC_FLAGS[*]}"; } | sha256)
kotlinc_jar "$CLASSES_JAR" "$HASH" "the generated bindings" "$GEN_DIR" "$JNA_JAR" "${GEN_FILES[@]}"

# 4. The jar: classes + the stripped library under JNA's resource prefix.
JAR="$OUT_DIR/assistmed-core-jvm-$VERSION.jar"
SOURCES_JAR="$OUT_DIR/assistmed-core-jvm-$VERSION-sources.jar"
STAGE="$CACHE_DIR/native"
rm -rf "$STAGE"
mkdir -p "$STAGE/$JNA_PREFIX"
cp "$LIB" "$STAGE/$JNA_PREFIX/$LIB_FILE"
case "$(uname -s)" in
  Darwin) strip -x "$STAGE/$JNA_PREFIX/$LIB_FILE" ;;
  *)      strip "$STAGE/$JNA_PREFIX/$LIB_FILE" ;;
esac
# Entries added here carry the commit's date (jar --date, JDK 17+), so that the same commit gives
# the same bytes (the classes jar is reused from the cache as long as the source is unchanged).
JAR_DATE=()
if jar --help 2>&1 | grep -q -- '--date='; then
  JAR_DATE=("--date=$(git -C "$REPO_ROOT" log -1 --format=%cI 2>/dev/null || echo 2026-01-01T00:00:00Z)")
fi
cp "$CLASSES_JAR" "$JAR"
jar --update --file "$JAR" ${JAR_DATE[@]+"${JAR_DATE[@]}"} -C "$STAGE" "$JNA_PREFIX/$LIB_FILE"
rm -f "$SOURCES_JAR"
(cd "$GEN_DIR" && jar --create --file "$SOURCES_JAR" ${JAR_DATE[@]+"${JAR_DATE[@]}"} "${GEN_FILES[@]}")

# 5. Smoke run: nothing but the jar, JNA and the Kotlin standard library (no jna.library.path).
SMOKE_DIR="$CACHE_DIR/smoke"
rm -rf "$SMOKE_DIR"
mkdir -p "$SMOKE_DIR"
cat > "$SMOKE_DIR/Smoke.java" <<'JAVA'
import fr.assistmed.sdk.RuleStore;

public final class Smoke {
    public static void main(String[] args) throws Exception {
        // embedded(): loads the library through JNA, checks uniffi's contract version and API
        // checksums, parses the embedded rules.
        try (RuleStore store = RuleStore.Companion.embedded()) {
            System.out.println("smoke: RuleStore.embedded() ok");
        }
    }
}
JAVA
CP="$JAR:$KOTLIN_LIB/kotlin-stdlib.jar:$JNA_JAR"
javac -nowarn -d "$SMOKE_DIR" -cp "$CP" "$SMOKE_DIR/Smoke.java" || die "javac failed on the smoke program"
# shellcheck disable=SC2086 # JNA_JAVA_OPTS holds several options
smoke_out=$(java ${JNA_JAVA_OPTS:-} -cp "$SMOKE_DIR:$CP" Smoke 2>&1) \
  || die "smoke run of $JAR failed: $smoke_out"
log "$smoke_out (library loaded from the jar's $JNA_PREFIX/ resource)"
log "$(basename "$JAR"): $(wc -c < "$JAR" | tr -d '[:space:]') bytes; $(basename "$SOURCES_JAR"): $(wc -c < "$SOURCES_JAR" | tr -d '[:space:]') bytes"
printf '%s\n' "$JAR"
