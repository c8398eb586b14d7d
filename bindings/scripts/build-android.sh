#!/usr/bin/env bash
# Build the Android library fr.assistmed:assistmed-core: the Gradle build build/android/ with its
# module assistmed-android/ (needs the Android NDK and cargo-ndk), and optionally the AAR and its
# Maven publication (ASSISTMED_BUILD_AAR=1: also needs Gradle 9.3.1+ (AGP 9.1.1) and the Android SDK).
#
# Produces build/android/ (a copy of the committed template bindings/android/, see its README):
#   settings.gradle.kts, gradle.properties             standalone build (AGP version agpVersion)
#   settings.gradle.kts.snippet                        to include the module in an app instead
#   assistmed-android/build.gradle.kts, consumer-rules.pro, src/main/AndroidManifest.xml, README.md
#   assistmed-android/VERSION                          bindings/scripts/version.sh (Cargo workspace version)
#   assistmed-android/src/main/jniLibs/{arm64-v8a,armeabi-v7a,x86_64}/libassistmed_ffi.so  (cargo ndk, API 24,
#                                                      stripped with the NDK's llvm-strip, 16 KB pages checked)
#   assistmed-android/src/main/kotlin/fr/assistmed/{core,sdk}/*.kt  (uniffi, library mode, Android
#                                                      flavour: the core's records and enums in
#                                                      fr.assistmed.core, RuleStore/AppModel/the error
#                                                      in fr.assistmed.sdk)
# and with ASSISTMED_BUILD_AAR=1:
#   assistmed-android/build/maven-repo/fr/assistmed/assistmed-core/<version>/  (AAR, sources, POM, module)
#
# The Kotlin bindings are generated in library mode (automatic when the path is a built library)
# from the unstripped arm64-v8a .so in target/aarch64-linux-android/release/ (the release profile
# keeps the symbol table, where uniffi reads its metadata). Each uniffi crate's own uniffi.toml
# (bindings/uniffi.toml: package fr.assistmed.sdk; core/uniffi.toml: package fr.assistmed.core)
# is found by uniffi itself through cargo metadata; on top of them,
# bindings/uniffi-android.toml, a uniffi 0.32 *global* config passed with --config, sets
# `android = true` for this build only (the JVM tests and jar keep the JVM flavour).
#
# usage: bindings/scripts/build-android.sh [--check]   (--check: only check the prerequisites; exit 1 listing what is missing)
#
# Environment:
#   ANDROID_NDK_HOME (or ANDROID_NDK_ROOT)   NDK root; else the newest $ANDROID_HOME/ndk/<version>
#   ANDROID_PLATFORM                         API level for the NDK linker (default 24 = minSdk)
#   BINDGEN_LIBRARY=<path>                   library to generate the Kotlin bindings from
#   ASSISTMED_BUILD_DIR=<dir>               output root instead of <repo>/build (the script test uses it)
#   UNIFFI_GLOBAL_CONFIG=<file>              global config passed with --config instead of
#                                            bindings/uniffi-android.toml (keep android = true in it)
#   ASSISTMED_SCM_URL=<url>                  public repository address, for the POM's url and scm
#   ASSISTMED_BUILD_AAR=1                    then run Gradle: publishReleasePublicationToReleaseDirRepository
#   GRADLE=<command>                         Gradle to run (default: gradle on the PATH)
set -euo pipefail

REPO_ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CRATE="assistmed-ffi"
LIB_NAME="assistmed_ffi"
TEMPLATE_DIR="$REPO_ROOT/bindings/android"
BUILD_ROOT="${ASSISTMED_BUILD_DIR:-$REPO_ROOT/build}"
PROJECT_DIR="$BUILD_ROOT/android"
MODULE_DIR="$PROJECT_DIR/assistmed-android"
JNI_DIR="$MODULE_DIR/src/main/jniLibs"
KOTLIN_DIR="$MODULE_DIR/src/main/kotlin"
# One Kotlin package per uniffi crate: the core's types, then the FFI crate's objects and error.
EXPECTED_PACKAGES=(fr.assistmed.core fr.assistmed.sdk)
SDK_PACKAGE="fr.assistmed.sdk"
ANDROID_PLATFORM="${ANDROID_PLATFORM:-24}"
UNIFFI_CONFIG="${UNIFFI_GLOBAL_CONFIG:-$REPO_ROOT/bindings/uniffi-android.toml}"
GRADLE="${GRADLE:-gradle}"
TARGET_DIR="${CARGO_TARGET_DIR:-$REPO_ROOT/target}"
case "$TARGET_DIR" in /*) ;; *) TARGET_DIR="$REPO_ROOT/$TARGET_DIR" ;; esac

ABIS=(arm64-v8a armeabi-v7a x86_64)
RUST_TARGETS=(aarch64-linux-android armv7-linux-androideabi x86_64-linux-android)

log() { printf 'build-android: %s\n' "$*" >&2; }
die() { printf 'build-android: ERROR: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------------------
# Prerequisites: report everything that is missing at once, with how to install it.
# ---------------------------------------------------------------------------
missing=()

ndk_dir=""
for v in ANDROID_NDK_HOME ANDROID_NDK_ROOT; do
  if [ -n "${!v:-}" ]; then
    if [ -d "${!v}" ]; then ndk_dir="${!v}"; break; fi
    missing+=("NDK: $v=${!v} is not a directory")
  fi
done
if [ -z "$ndk_dir" ]; then
  for v in ANDROID_HOME ANDROID_SDK_ROOT; do
    sdk="${!v:-}"
    if [ -n "$sdk" ] && [ -d "$sdk/ndk" ]; then
      # Newest installed NDK version (directory names are versions like 28.2.13676358).
      newest=$(ls -1 "$sdk/ndk" 2>/dev/null | sort -t. -k1,1n -k2,2n -k3,3n | tail -n 1)
      if [ -n "$newest" ]; then ndk_dir="$sdk/ndk/$newest"; break; fi
    fi
  done
fi
if [ -z "$ndk_dir" ]; then
  missing+=("Android NDK: set ANDROID_NDK_HOME to the NDK root, or install it with Android Studio (SDK Manager > SDK Tools > NDK (Side by side)) or: sdkmanager --install 'ndk;28.2.13676358' (then ANDROID_HOME/ndk/<version> is found)")
else
  export ANDROID_NDK_HOME="$ndk_dir"
  # NDK r28+ links 16 KB-page aligned shared libraries by default (required on 16 KB-page
  # devices and by Play); r27 and older need extra linker flags that cargo-ndk's environment
  # does not reliably pass, so older NDKs are refused. The built libraries are checked below.
  ndk_rev=$(sed -n 's/^Pkg\.Revision[[:space:]]*=[[:space:]]*//p' "$ndk_dir/source.properties" 2>/dev/null | head -n 1)
  case "$ndk_rev" in
    '') log "note: no Pkg.Revision in $ndk_dir/source.properties: NDK version unknown (r28+ expected)" ;;
    *)  if [ "${ndk_rev%%.*}" -lt 28 ] 2>/dev/null; then
          missing+=("NDK r28 or newer (found $ndk_rev in $ndk_dir): older NDKs link 4 KB-page aligned libraries; sdkmanager --install 'ndk;28.2.13676358'")
        fi ;;
  esac
fi

if ! command -v cargo >/dev/null 2>&1; then
  missing+=("cargo: install Rust with rustup (https://rustup.rs)")
elif ! cargo ndk --version >/dev/null 2>&1; then
  missing+=("cargo-ndk: cargo install cargo-ndk")
else
  # Older versions replace the project's rustflags (.cargo/config.toml: Android's packed
  # relocations) with their own CARGO_ENCODED_RUSTFLAGS; 3.3 and newer wrap the linker instead.
  ndk_version=$(cargo ndk --version 2>&1 | sed -n 's/^cargo-ndk \([0-9][0-9]*\)\.\([0-9][0-9]*\).*/\1 \2/p' | head -n 1)
  read -r ndk_major ndk_minor <<< "${ndk_version:-0 0}"
  if [ "$ndk_major" -lt 3 ] || { [ "$ndk_major" -eq 3 ] && [ "$ndk_minor" -lt 3 ]; }; then
    missing+=("cargo-ndk 3.3 or newer (found: $(cargo ndk --version 2>&1 | head -n 1)): cargo install cargo-ndk")
  fi
fi

if ! command -v rustup >/dev/null 2>&1; then
  missing+=("rustup: needed to add the Android targets; install Rust with rustup (https://rustup.rs)")
else
  installed_targets=$(rustup target list --installed 2>/dev/null || true)
  need_targets=()
  for t in "${RUST_TARGETS[@]}"; do
    printf '%s\n' "$installed_targets" | grep -qx "$t" || need_targets+=("$t")
  done
  if [ "${#need_targets[@]}" -gt 0 ]; then
    missing+=("Rust targets ${need_targets[*]}: rustup target add ${need_targets[*]}")
  fi
fi

[ -f "$TEMPLATE_DIR/assistmed-android/build.gradle.kts" ] \
  || missing+=("Gradle template: $TEMPLATE_DIR/assistmed-android/build.gradle.kts is missing (it is committed in the repo)")
[ -f "$UNIFFI_CONFIG" ] || missing+=("uniffi Android config: $UNIFFI_CONFIG is missing")
if [ -n "${ASSISTMED_BUILD_AAR:-}" ]; then
  if ! command -v "$GRADLE" >/dev/null 2>&1; then
    missing+=("Gradle 9.3.1 or newer (ASSISTMED_BUILD_AAR=1; AGP 9.1.1 needs it): install it (https://gradle.org/install/) or set GRADLE=<path>; the Android SDK with platform 36 too (ANDROID_HOME)")
  fi
fi

if [ "${#missing[@]}" -gt 0 ]; then
  log "missing prerequisites:"
  for m in "${missing[@]}"; do log "  - $m"; done
  exit 1
fi
log "prerequisites ok (NDK $ANDROID_NDK_HOME, $(cargo ndk --version 2>&1 | head -n 1))"
if [ "${1:-}" = "--check" ]; then exit 0; fi   # --check: prerequisites only (scripts/release.sh)

cd "$REPO_ROOT"

# ---------------------------------------------------------------------------
# 1. Gradle build from the committed template (fresh copy, no stale outputs)
# ---------------------------------------------------------------------------
VERSION=$("$REPO_ROOT/bindings/scripts/version.sh")
rm -rf "$PROJECT_DIR"
mkdir -p "$PROJECT_DIR"
cp -R "$TEMPLATE_DIR"/. "$PROJECT_DIR"/
printf '%s\n' "$VERSION" > "$MODULE_DIR/VERSION"
if [ -n "${ASSISTMED_SCM_URL:-}" ]; then
  printf 'assistmed.scmUrl=%s\n' "$ASSISTMED_SCM_URL" >> "$PROJECT_DIR/gradle.properties"
else
  log "note: ASSISTMED_SCM_URL not set: the POM has no url/scm (Maven Central requires them)"
fi
mkdir -p "$JNI_DIR" "$KOTLIN_DIR"
log "version $VERSION (fr.assistmed:assistmed-core:$VERSION)"

# ---------------------------------------------------------------------------
# 2. Native libraries for every ABI, in the jniLibs layout
# ---------------------------------------------------------------------------
ndk_args=()
for abi in "${ABIS[@]}"; do ndk_args+=(-t "$abi"); done
# As shipped (shipped-build.sh): std rebuilt from rust-src without its backtrace symbolizer; the
# Android link flags (packed relocations, --icf=all) come from .cargo/config.toml.
# shellcheck source=shipped-build.sh
. "$REPO_ROOT/bindings/scripts/shipped-build.sh"
shipped_prepare || die "rust-src is needed for the shipped build: rustup component add rust-src"
std_args=()
while IFS= read -r a; do std_args+=("$a"); done < <(shipped_cargo_args aarch64-linux-android)
log "RUSTC_BOOTSTRAP=1 cargo ndk ${ndk_args[*]} -P $ANDROID_PLATFORM -o $JNI_DIR build --release -p $CRATE --lib ${std_args[*]}"
RUSTC_BOOTSTRAP=1 cargo ndk "${ndk_args[@]}" -P "$ANDROID_PLATFORM" -o "$JNI_DIR" build --release -p "$CRATE" --lib "${std_args[@]}"
for abi in "${ABIS[@]}"; do
  [ -f "$JNI_DIR/$abi/lib$LIB_NAME.so" ] \
    || die "$JNI_DIR/$abi/lib$LIB_NAME.so missing after cargo ndk (crate-type \"cdylib\" in bindings/Cargo.toml?)"
done

# ---------------------------------------------------------------------------
# 3. Kotlin bindings, library mode, from an unstripped built library
# ---------------------------------------------------------------------------
bindgen_lib="${BINDGEN_LIBRARY:-$TARGET_DIR/aarch64-linux-android/release/lib$LIB_NAME.so}"
[ -f "$bindgen_lib" ] || die "library for the bindgen not found: $bindgen_lib"
log "generating Kotlin bindings (Android flavour: --config ${UNIFFI_CONFIG#"$REPO_ROOT"/}) from $bindgen_lib"
# The bindgen in its own target dir, as in test-kotlin.sh (its `cli` feature would relink the host library).
CARGO_TARGET_DIR="$TARGET_DIR/bindgen" cargo run -p "$CRATE" --features cli --bin uniffi-bindgen -- \
  generate "$bindgen_lib" --language kotlin --no-format --out-dir "$KOTLIN_DIR" --config "$UNIFFI_CONFIG"

kt_files=$(find "$KOTLIN_DIR" -name '*.kt' | sort)
[ -n "$kt_files" ] || die "the bindgen wrote no .kt file into $KOTLIN_DIR"
# Both packages, and nothing else (consumer-rules.pro keeps exactly these from R8).
for package in "${EXPECTED_PACKAGES[@]}"; do
  expected_dir="$KOTLIN_DIR/$(printf '%s' "$package" | tr . /)"
  if ! printf '%s\n' "$kt_files" | grep -q "^$expected_dir/"; then
    printf '%s\n' "$kt_files" | sed "s|^$KOTLIN_DIR/|build-android:   generated: |" >&2
    die "no bindings in package $package (package_name in bindings/uniffi.toml and core/uniffi.toml: fr.assistmed.sdk and fr.assistmed.core)"
  fi
done
log "Kotlin packages: ${EXPECTED_PACKAGES[*]} ($(printf '%s\n' "$kt_files" | wc -l | tr -d '[:space:]') files)"

# uniffi ignores a global-config key it does not match (e.g. the crate name with a dash): check
# that the Android setting took effect on the package that has the objects.
grep -rq 'AndroidSystemCleaner' "$KOTLIN_DIR/$(printf '%s' "$SDK_PACKAGE" | tr . /)" \
  || die "the generated Kotlin of $SDK_PACKAGE has no AndroidSystemCleaner: \`android = true\` of $UNIFFI_CONFIG was not applied (the key must be [crates.$LIB_NAME.bindings.kotlin])"
# One call status per thread instead of a JNA Structure per native call (as for the JVM jar).
python3 "$REPO_ROOT/bindings/scripts/kotlin-call-status.py" "$KOTLIN_DIR" \
  || die "kotlin-call-status.py could not rewrite the generated call status"

# ---------------------------------------------------------------------------
# 4. The shipped copies in jniLibs: stripped (an app built without the NDK cannot strip them, and
#    AGP then packages them as they are), then checked for 16 KB pages. The bindgen above read the
#    unstripped library in target/, which stays as it is.
# ---------------------------------------------------------------------------
ndk_tool() { # ndk_tool NAME: the NDK's llvm tool, else an LLVM one on the PATH (LLVM tools read any ELF)
  local t
  for t in "$ANDROID_NDK_HOME"/toolchains/llvm/prebuilt/*/bin/"$1"; do
    [ -x "$t" ] && { printf '%s\n' "$t"; return 0; }
  done
  command -v "$1" || true
}
strip_bin=$(ndk_tool llvm-strip)
if [ -z "$strip_bin" ]; then
  log "WARNING: no llvm-strip (NDK) nor strip: the jniLibs libraries stay unstripped"
else
  for abi in "${ABIS[@]}"; do
    so="$JNI_DIR/$abi/lib$LIB_NAME.so"
    before=$(wc -c < "$so" | tr -d '[:space:]')
    "$strip_bin" "$so" || die "$strip_bin failed on $so"
    log "$abi/lib$LIB_NAME.so: stripped, $before -> $(wc -c < "$so" | tr -d '[:space:]') bytes"
  done
fi

# 16 KB pages: every LOAD segment of the 64-bit libraries must be aligned on at least 16 KB
# (0x4000). 32-bit armeabi-v7a devices have 4 KB pages only.
readelf_bin=$(ndk_tool llvm-readelf)
# (GNU readelf reads ELF files of every architecture; GNU strip does not, hence no such fallback above)
[ -n "$readelf_bin" ] || readelf_bin=$(command -v readelf || true)
if [ -z "$readelf_bin" ]; then
  log "WARNING: no llvm-readelf (NDK) nor readelf: the 16 KB page alignment was not checked"
else
  for abi in arm64-v8a x86_64; do
    so="$JNI_DIR/$abi/lib$LIB_NAME.so"
    aligns=$("$readelf_bin" -lW "$so" | awk '$1 == "LOAD" { print $NF }')
    [ -n "$aligns" ] || die "$readelf_bin found no LOAD segment in $so"
    for a in $aligns; do
      [ "$((a))" -ge 16384 ] \
        || die "$abi/lib$LIB_NAME.so has a LOAD segment aligned on $a bytes, below 16 KB (0x4000): it would not load on 16 KB-page devices (use NDK r28+)"
    done
    log "$abi/lib$LIB_NAME.so: LOAD segments aligned on $(printf '%s\n' $aligns | sort -u | paste -sd, -) (16 KB pages ok)"
  done
fi

log "done: $PROJECT_DIR"
for abi in "${ABIS[@]}"; do
  log "  src/main/jniLibs/$abi/lib$LIB_NAME.so ($(wc -c < "$JNI_DIR/$abi/lib$LIB_NAME.so" | tr -d '[:space:]') bytes)"
done
printf '%s\n' "$kt_files" | sed "s|^$MODULE_DIR/|build-android:   |" >&2

# ---------------------------------------------------------------------------
# 5. Optionally the AAR and its Maven publication (Gradle 9.3.1+ and the Android SDK)
# ---------------------------------------------------------------------------
if [ -n "${ASSISTMED_BUILD_AAR:-}" ]; then
  log "$GRADLE -p $PROJECT_DIR :assistmed-android:publishReleasePublicationToReleaseDirRepository"
  "$GRADLE" --no-daemon -p "$PROJECT_DIR" :assistmed-android:publishReleasePublicationToReleaseDirRepository >&2 \
    || die "Gradle failed on $PROJECT_DIR"
  REPO_OUT="$MODULE_DIR/build/maven-repo/fr/assistmed/assistmed-core/$VERSION"
  [ -f "$REPO_OUT/assistmed-core-$VERSION.aar" ] || die "no assistmed-core-$VERSION.aar in $REPO_OUT after Gradle"
  log "Maven publication: $REPO_OUT"
  (cd "$REPO_OUT" && ls -1 >&2)
else
  log "AAR: cd $PROJECT_DIR && gradle :assistmed-android:publishReleasePublicationToReleaseDirRepository"
  log "     (or ASSISTMED_BUILD_AAR=1 $0)"
fi
log "or include the module in an app's settings.gradle.kts (see settings.gradle.kts.snippet):"
log "  include(\":assistmed-android\")"
log "  project(\":assistmed-android\").projectDir = file(\"$MODULE_DIR\")"
