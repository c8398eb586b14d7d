# shellcheck shell=bash
# Sourced by the Kotlin test scripts (bindings/scripts/test-kotlin.sh,
# android-demo/scripts/test-jvm.sh): content hashes, sorted source lists and cached kotlinc
# compilation. The caller defines `log` and `die`, and sets KOTLINC and KOTLINC_FLAGS (array).

# The shared test harness compiled into every Kotlin test program.
# shellcheck disable=SC2034 # used by the scripts that source this file
KOTLIN_TEST_HARNESS="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/tests/harness/kotlin/Harness.kt"

# File name of the host shared library `lib<name>` (.dylib on macOS, .so elsewhere).
host_lib_file() {
  case "$(uname -s)" in
    Darwin) printf 'lib%s.dylib\n' "$1" ;;
    *)      printf 'lib%s.so\n' "$1" ;;
  esac
}

# SHA-256 of stdin (sha256sum on Linux, shasum on macOS).
sha256() {
  if command -v sha256sum >/dev/null 2>&1; then sha256sum | cut -d' ' -f1; else shasum -a 256 | cut -d' ' -f1; fi
}

# Hash of a list of files (content and relative names), stable across runs.
hash_files() {
  local base=$1; shift
  (cd "$base" && for f in "$@"; do printf '%s\n' "$f"; cat "$f"; done) | sha256
}

# Sorted relative paths of the *.kt files under a directory, into the array named by $2
# (a loop rather than mapfile: macOS ships bash 3.2).
list_kt() {
  local dir=$1 name=$2 f
  eval "$name=()"
  while IFS= read -r f; do
    eval "$name+=(\"\$f\")"
  done < <(cd "$dir" && find . -name '*.kt' | LC_ALL=C sort)
}

# kotlinc_jar JAR HASH LABEL SRC_DIR CLASSPATH FILE...: compiles FILE... (relative to SRC_DIR, or
# absolute) into JAR, unless JAR was already built from sources hashing to HASH (kotlinc takes
# 10-45 s). FORCE_KOTLINC=1 recompiles anyway.
kotlinc_jar() {
  local jar=$1 hash=$2 label=$3 src=$4 cp=$5
  shift 5
  if [ -z "${FORCE_KOTLINC:-}" ] && [ -f "$jar" ] && [ "$(cat "$jar.sha256" 2>/dev/null)" = "$hash" ]; then
    log "$label unchanged: reusing $(basename "$jar")"
    return 0
  fi
  log "kotlinc: compiling $label ($# file(s)) ..."
  rm -f "$jar" "$jar.sha256"
  (cd "$src" && "$KOTLINC" "${KOTLINC_FLAGS[@]}" -cp "$cp" -d "$jar" "$@") || die "kotlinc failed on $label"
  echo "$hash" > "$jar.sha256"
}
