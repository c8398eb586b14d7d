#!/usr/bin/env bash
# Build the Android library module build/android/assistmed-android/ (needs the Android NDK
# and cargo-ndk).
#
# Produces build/android/assistmed-android/:
#   build.gradle.kts, consumer-rules.pro, src/main/AndroidManifest.xml, README.md,
#   settings.gradle.kts.snippet          copied from the committed templates in bindings/android/
#   src/main/jniLibs/{arm64-v8a,armeabi-v7a,x86_64}/libassistmed_ffi.so   (cargo ndk, API 24)
#   src/main/kotlin/fr/assistmed/core/*.kt                                 (uniffi, library mode)
#
# The Kotlin bindings are generated in library mode (automatic when the path is a built
# library) from the unstripped arm64-v8a .so in target/aarch64-linux-android/release/ (the
# release profile keeps the symbol table, where uniffi reads its metadata). The package name
# comes from bindings/uniffi.toml ([bindings.kotlin] package_name), which uniffi finds
# itself through cargo metadata; it is NOT passed with --config (in uniffi 0.32 --config
# takes a global config file and ignores a flat [bindings.kotlin] file).
#
# Environment:
#   ANDROID_NDK_HOME (or ANDROID_NDK_ROOT)   NDK root; else the newest $ANDROID_HOME/ndk/<version>
#   ANDROID_PLATFORM                         API level for the NDK linker (default 24 = minSdk)
#   BINDGEN_LIBRARY=<path>                   library to generate the Kotlin bindings from
#   UNIFFI_GLOBAL_CONFIG=<file>              passed to the bindgen as --config (global config format)
set -euo pipefail

REPO_ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CRATE="assistmed-ffi"
LIB_NAME="assistmed_ffi"
TEMPLATE_DIR="$REPO_ROOT/bindings/android"
MODULE_DIR="$REPO_ROOT/build/android/assistmed-android"
JNI_DIR="$MODULE_DIR/src/main/jniLibs"
KOTLIN_DIR="$MODULE_DIR/src/main/kotlin"
EXPECTED_PACKAGE="fr.assistmed.core"
ANDROID_PLATFORM="${ANDROID_PLATFORM:-24}"
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
      # Newest installed NDK version (directory names are versions like 27.2.12479018).
      newest=$(ls -1 "$sdk/ndk" 2>/dev/null | sort -t. -k1,1n -k2,2n -k3,3n | tail -n 1)
      if [ -n "$newest" ]; then ndk_dir="$sdk/ndk/$newest"; break; fi
    fi
  done
fi
if [ -z "$ndk_dir" ]; then
  missing+=("Android NDK: set ANDROID_NDK_HOME to the NDK root, or install it with Android Studio (SDK Manager > SDK Tools > NDK (Side by side)) or: sdkmanager --install 'ndk;27.2.12479018' (then ANDROID_HOME/ndk/<version> is found)")
else
  export ANDROID_NDK_HOME="$ndk_dir"
fi

if ! command -v cargo >/dev/null 2>&1; then
  missing+=("cargo: install Rust with rustup (https://rustup.rs)")
elif ! cargo ndk --version >/dev/null 2>&1; then
  missing+=("cargo-ndk: cargo install cargo-ndk")
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

[ -d "$TEMPLATE_DIR" ] || missing+=("module templates: $TEMPLATE_DIR is missing (it is committed in the repo)")

if [ "${#missing[@]}" -gt 0 ]; then
  log "missing prerequisites:"
  for m in "${missing[@]}"; do log "  - $m"; done
  exit 1
fi
log "prerequisites ok (NDK $ANDROID_NDK_HOME, $(cargo ndk --version 2>&1 | head -n 1))"

cd "$REPO_ROOT"

# ---------------------------------------------------------------------------
# 1. Module skeleton from the committed templates (fresh copy, no stale outputs)
# ---------------------------------------------------------------------------
rm -rf "$MODULE_DIR"
mkdir -p "$MODULE_DIR"
cp -R "$TEMPLATE_DIR"/. "$MODULE_DIR"/
mkdir -p "$JNI_DIR" "$KOTLIN_DIR"

# ---------------------------------------------------------------------------
# 2. Native libraries for every ABI, in the jniLibs layout
# ---------------------------------------------------------------------------
ndk_args=()
for abi in "${ABIS[@]}"; do ndk_args+=(-t "$abi"); done
log "cargo ndk ${ndk_args[*]} -P $ANDROID_PLATFORM -o $JNI_DIR build --release -p $CRATE --lib"
cargo ndk "${ndk_args[@]}" -P "$ANDROID_PLATFORM" -o "$JNI_DIR" build --release -p "$CRATE" --lib
for abi in "${ABIS[@]}"; do
  [ -f "$JNI_DIR/$abi/lib$LIB_NAME.so" ] \
    || die "$JNI_DIR/$abi/lib$LIB_NAME.so missing after cargo ndk (crate-type \"cdylib\" in bindings/Cargo.toml?)"
done

# ---------------------------------------------------------------------------
# 3. Kotlin bindings, library mode, from an unstripped built library
# ---------------------------------------------------------------------------
bindgen_lib="${BINDGEN_LIBRARY:-$TARGET_DIR/aarch64-linux-android/release/lib$LIB_NAME.so}"
[ -f "$bindgen_lib" ] || die "library for the bindgen not found: $bindgen_lib"
config_args=()
if [ -n "${UNIFFI_GLOBAL_CONFIG:-}" ]; then config_args=(--config "$UNIFFI_GLOBAL_CONFIG"); fi
log "generating Kotlin bindings from $bindgen_lib"
cargo run -p "$CRATE" --features cli --bin uniffi-bindgen -- \
  generate "$bindgen_lib" --language kotlin --no-format --out-dir "$KOTLIN_DIR" ${config_args[@]+"${config_args[@]}"}

kt_files=$(find "$KOTLIN_DIR" -name '*.kt' | sort)
[ -n "$kt_files" ] || die "the bindgen wrote no .kt file into $KOTLIN_DIR"
expected_dir="$KOTLIN_DIR/$(printf '%s' "$EXPECTED_PACKAGE" | tr . /)"
if ! printf '%s\n' "$kt_files" | grep -q "^$expected_dir/"; then
  log "WARNING: no bindings in package $EXPECTED_PACKAGE (set [bindings.kotlin] package_name = \"$EXPECTED_PACKAGE\""
  log "         in bindings/uniffi.toml): consumer-rules.pro keeps fr.assistmed.core.** only. Generated:"
  printf '%s\n' "$kt_files" | sed "s|^$KOTLIN_DIR/|           |" >&2
fi

log "done: $MODULE_DIR"
for abi in "${ABIS[@]}"; do
  log "  src/main/jniLibs/$abi/lib$LIB_NAME.so ($(wc -c < "$JNI_DIR/$abi/lib$LIB_NAME.so" | tr -d '[:space:]') bytes, unstripped)"
done
printf '%s\n' "$kt_files" | sed "s|^$MODULE_DIR/|build-android:   |" >&2
log "include it from an app's settings.gradle.kts:"
log "  include(\":assistmed-android\")"
log "  project(\":assistmed-android\").projectDir = file(\"$MODULE_DIR\")"
