#!/usr/bin/env bash
# Build AssistmedFFI.xcframework, its release zip and checksum, and the Swift package Assistmed in
# two forms (macOS + Xcode only).
#
# Produces, under build/apple/ (<v> = bindings/scripts/version.sh, the Cargo workspace version):
#   lib/{ios,ios-simulator,macos}/libassistmed_ffi.a   per-platform static libraries (lipo-merged)
#   bindgen/                                           raw uniffi output (.swift, FFI .h, .modulemap)
#   headers/                                           FFI header(s) + module.modulemap
#   AssistmedFFI.xcframework                           ios-arm64, ios-arm64_x86_64-simulator, macos-arm64_x86_64
#   AssistmedFFI-<v>.xcframework.zip                   the release asset (ditto -c -k --keepParent)
#   AssistmedFFI-<v>.xcframework.zip.checksum          `swift package compute-checksum` of the zip
#   AssistmedSwift/                                    development package: binaryTarget(path:)
#     Package.swift, AssistmedFFI.xcframework (copy), Sources/Assistmed/*.swift,
#     Tests/AssistmedTests/AssistmedTests.swift        (copied from bindings/tests/swift/ when present)
#   AssistmedSwift-release/                            release package: binaryTarget(url:checksum:)
#     Package.swift, Sources/Assistmed/*.swift         (commit these at the root of the package
#                                                      repository and tag it <v>)
#
# Two uniffi crates, one Swift module: uniffi writes one set of files per crate that exports
# uniffi items (assistmed-ffi: Assistmed.swift, AssistmedFFI.h, AssistmedFFI.modulemap;
# assistmed-core, its types: AssistmedCore.swift, AssistmedCoreFFI.h, AssistmedCoreFFI.modulemap).
# Sources/Assistmed/ gets BOTH generated .swift files plus the hand-written bindings/swift/*.swift
# (AssistmedError's LocalizedError text, the import event); the headers dir of every slice gets
# BOTH headers and ONE module.modulemap with both `module` blocks (a folder holds one modulemap).
#
# The release Package.swift downloads the zip from ASSISTMED_XCFRAMEWORK_URL, by default
# $ASSISTMED_SCM_URL/releases/download/v<v>/AssistmedFFI-<v>.xcframework.zip (a GitHub release
# asset); with neither set it holds a placeholder URL and the script says so. SwiftPM checks the
# downloaded zip against the checksum: the zip uploaded must be exactly this one.
#
# The generated names come from uniffi 0.32 (uniffi_bindgen/src/bindings/swift): `module_name`
# and `ffi_module_name` of [bindings.swift] in bindings/uniffi.toml (Assistmed, AssistmedFFI) and
# core/uniffi.toml (AssistmedCore, AssistmedCoreFFI). The Swift module shipped is the FFI crate's,
# Assistmed (ASSISTMED_SWIFT_MODULE); the C modules are read from the generated Swift (its
# `import XxxFFI`), and each must have its header and modulemap block.
#
# Bindings are generated in library mode (automatic when the path is a built library) from
# an UNSTRIPPED library (the release profile keeps the symbol table; uniffi reads its
# metadata from it). bindings/uniffi.toml is found by uniffi itself through cargo metadata
# (it is the crate's own uniffi.toml); it is NOT passed with --config: in uniffi 0.32
# --config takes a *global* config file ([defaults] / [crates.<name>] / [crate-roots]) and
# ignores a flat [bindings.swift] file with a warning.
#
# usage: bindings/scripts/build-xcframework.sh [--check]   (--check: only check the prerequisites; exit 1 listing what is missing)
#
# Environment:
#   SKIP_SWIFT_TEST=1         do not run `swift test` in the package even if tests were copied
#   ASSISTMED_SWIFT_MODULE    the Swift module (default Assistmed: bindings/uniffi.toml module_name)
#   BINDGEN_LIBRARY=<path>    library to generate the bindings from (default: the macOS one built here)
#   ASSISTMED_BUILD_DIR=<dir>               output root instead of <repo>/build (the script test uses it)
#   UNIFFI_GLOBAL_CONFIG=<f>  passed to the bindgen as --config (global config format, see above)
#   ASSISTMED_XCFRAMEWORK_URL / ASSISTMED_SCM_URL   where the release zip will be downloaded from
#   IPHONEOS_DEPLOYMENT_TARGET / MACOSX_DEPLOYMENT_TARGET   default 15.0 / 12.0 (as Package.swift)
set -euo pipefail

REPO_ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CRATE="assistmed-ffi"
LIB_NAME="assistmed_ffi"
BUILD_ROOT="${ASSISTMED_BUILD_DIR:-$REPO_ROOT/build}"
OUT="$BUILD_ROOT/apple"
PKG_DIR="$OUT/AssistmedSwift"
RELEASE_PKG_DIR="$OUT/AssistmedSwift-release"
SWIFT_TESTS_SRC="$REPO_ROOT/bindings/tests/swift/AssistmedTests.swift"
HANDWRITTEN_SWIFT_DIR="$REPO_ROOT/bindings/swift"
SWIFT_MODULE="${ASSISTMED_SWIFT_MODULE:-Assistmed}"
TARGET_DIR="${CARGO_TARGET_DIR:-$REPO_ROOT/target}"
case "$TARGET_DIR" in /*) ;; *) TARGET_DIR="$REPO_ROOT/$TARGET_DIR" ;; esac

IOS_TARGETS=(aarch64-apple-ios)
SIM_TARGETS=(aarch64-apple-ios-sim x86_64-apple-ios)
MAC_TARGETS=(aarch64-apple-darwin x86_64-apple-darwin)
ALL_TARGETS=("${IOS_TARGETS[@]}" "${SIM_TARGETS[@]}" "${MAC_TARGETS[@]}")

export IPHONEOS_DEPLOYMENT_TARGET="${IPHONEOS_DEPLOYMENT_TARGET:-15.0}"
export MACOSX_DEPLOYMENT_TARGET="${MACOSX_DEPLOYMENT_TARGET:-12.0}"

log() { printf 'build-xcframework: %s\n' "$*" >&2; }
die() { printf 'build-xcframework: ERROR: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------------------
# Prerequisites: report everything that is missing at once, with how to install it.
# ---------------------------------------------------------------------------
missing=()
if [ "$(uname -s)" != "Darwin" ]; then
  die "this script needs macOS with Xcode (found $(uname -s)). On Linux, use scripts/swift_syntax_check.py for a syntax-only check of the generated Swift."
fi
if ! command -v xcodebuild >/dev/null 2>&1 || ! xcodebuild -version >/dev/null 2>&1; then
  missing+=("Xcode (xcodebuild): install Xcode from the App Store, then: sudo xcode-select -s /Applications/Xcode.app/Contents/Developer && sudo xcodebuild -license accept")
fi
if ! command -v lipo >/dev/null 2>&1; then
  missing+=("lipo: comes with Xcode / the command line tools: xcode-select --install")
fi
if ! command -v cargo >/dev/null 2>&1; then
  missing+=("cargo: install Rust with rustup (https://rustup.rs)")
fi
if ! command -v rustup >/dev/null 2>&1; then
  missing+=("rustup: needed to add the Apple targets; install Rust with rustup (https://rustup.rs)")
else
  installed_targets=$(rustup target list --installed 2>/dev/null || true)
  need_targets=()
  for t in "${ALL_TARGETS[@]}"; do
    printf '%s\n' "$installed_targets" | grep -qx "$t" || need_targets+=("$t")
  done
  if [ "${#need_targets[@]}" -gt 0 ]; then
    missing+=("Rust targets ${need_targets[*]}: rustup target add ${need_targets[*]}")
  fi
fi
if [ "${#missing[@]}" -gt 0 ]; then
  log "missing prerequisites:"
  for m in "${missing[@]}"; do log "  - $m"; done
  exit 1
fi
log "prerequisites ok ($(xcodebuild -version | head -n 1), $(cargo --version))"
if [ "${1:-}" = "--check" ]; then exit 0; fi   # --check: prerequisites only (scripts/release.sh)

cd "$REPO_ROOT"
VERSION=$("$REPO_ROOT/bindings/scripts/version.sh")
log "version $VERSION"

# ---------------------------------------------------------------------------
# 1. Build the static library for every Apple target (only the FFI crate: see size-report.sh)
# ---------------------------------------------------------------------------
# As shipped (shipped-build.sh): std rebuilt from rust-src without its backtrace symbolizer.
# shellcheck source=shipped-build.sh
. "$REPO_ROOT/bindings/scripts/shipped-build.sh"
shipped_prepare || die "rust-src is needed for the shipped build: rustup component add rust-src"
for t in "${ALL_TARGETS[@]}"; do
  shipped_build "$t" || die "cargo build --release -p $CRATE --lib --target $t failed"
  [ -f "$TARGET_DIR/$t/release/lib$LIB_NAME.a" ] \
    || die "$TARGET_DIR/$t/release/lib$LIB_NAME.a missing: bindings/Cargo.toml needs crate-type \"staticlib\""
done

# ---------------------------------------------------------------------------
# 2. One library per platform: lipo-merge simulator (arm64 + x86_64) and macOS slices
# ---------------------------------------------------------------------------
rm -rf "${OUT:?}/lib"
mkdir -p "$OUT/lib/ios" "$OUT/lib/ios-simulator" "$OUT/lib/macos"
cp "$TARGET_DIR/${IOS_TARGETS[0]}/release/lib$LIB_NAME.a" "$OUT/lib/ios/"
lipo -create \
  "$TARGET_DIR/${SIM_TARGETS[0]}/release/lib$LIB_NAME.a" \
  "$TARGET_DIR/${SIM_TARGETS[1]}/release/lib$LIB_NAME.a" \
  -output "$OUT/lib/ios-simulator/lib$LIB_NAME.a"
lipo -create \
  "$TARGET_DIR/${MAC_TARGETS[0]}/release/lib$LIB_NAME.a" \
  "$TARGET_DIR/${MAC_TARGETS[1]}/release/lib$LIB_NAME.a" \
  -output "$OUT/lib/macos/lib$LIB_NAME.a"
for d in ios ios-simulator macos; do
  log "lib/$d: $(lipo -archs "$OUT/lib/$d/lib$LIB_NAME.a")"
done

# ---------------------------------------------------------------------------
# 3. Swift bindings, library mode, from an unstripped built library
# ---------------------------------------------------------------------------
host_mac_target="aarch64-apple-darwin"
[ "$(uname -m)" = "x86_64" ] && host_mac_target="x86_64-apple-darwin"
if [ -n "${BINDGEN_LIBRARY:-}" ]; then
  bindgen_lib="$BINDGEN_LIBRARY"
elif [ -f "$TARGET_DIR/$host_mac_target/release/lib$LIB_NAME.dylib" ]; then
  bindgen_lib="$TARGET_DIR/$host_mac_target/release/lib$LIB_NAME.dylib"
else
  bindgen_lib="$TARGET_DIR/$host_mac_target/release/lib$LIB_NAME.a"
fi
[ -f "$bindgen_lib" ] || die "library for the bindgen not found: $bindgen_lib"

rm -rf "$OUT/bindgen"
mkdir -p "$OUT/bindgen"
config_args=()
if [ -n "${UNIFFI_GLOBAL_CONFIG:-}" ]; then config_args=(--config "$UNIFFI_GLOBAL_CONFIG"); fi
log "generating Swift bindings from $bindgen_lib"
# The bindgen in its own target dir (its `cli` feature would otherwise relink the library).
CARGO_TARGET_DIR="$TARGET_DIR/bindgen" cargo run -p "$CRATE" --features cli --bin uniffi-bindgen -- \
  generate "$bindgen_lib" --language swift --no-format --out-dir "$OUT/bindgen" ${config_args[@]+"${config_args[@]}"}

shopt -s nullglob
swift_files=("$OUT"/bindgen/*.swift)
header_files=("$OUT"/bindgen/*.h)
modulemap_files=("$OUT"/bindgen/*.modulemap)
handwritten_files=("$HANDWRITTEN_SWIFT_DIR"/*.swift)
shopt -u nullglob
[ "${#swift_files[@]}" -ge 1 ] || die "the bindgen wrote no .swift file into $OUT/bindgen"
[ "${#header_files[@]}" -ge 1 ] || die "the bindgen wrote no .h file into $OUT/bindgen"
[ "${#modulemap_files[@]}" -ge 1 ] \
  || die "the bindgen wrote no .modulemap (is generate_module_map = false in bindings/uniffi.toml?)"
[ -f "$OUT/bindgen/$SWIFT_MODULE.swift" ] \
  || die "no $SWIFT_MODULE.swift generated (found: $(cd "$OUT/bindgen" && ls -- *.swift | tr '\n' ' ')): check [bindings.swift] module_name in bindings/uniffi.toml"
[ "${#handwritten_files[@]}" -ge 1 ] || die "no hand-written Swift in $HANDWRITTEN_SWIFT_DIR (AssistmedError+Text.swift)"
log "Swift module $SWIFT_MODULE: ${#swift_files[@]} generated file(s) + ${#handwritten_files[@]} hand-written (bindings/swift)"

# The C modules the generated Swift imports (`import AssistmedFFI`, `import AssistmedCoreFFI`):
# each needs its header and its `module` block. The xcframework and its binaryTarget are named
# after the Swift module's own, $SWIFT_MODULE.swift's.
FFI_MODULE=$(sed -n 's/^import \([A-Za-z_][A-Za-z0-9_]*FFI\)$/\1/p' "$OUT/bindgen/$SWIFT_MODULE.swift" | head -n 1)
[ -n "$FFI_MODULE" ] || die "could not read the FFI module imported by $OUT/bindgen/$SWIFT_MODULE.swift"
ffi_modules=()
for f in "${swift_files[@]}"; do
  m=$(sed -n 's/^import \([A-Za-z_][A-Za-z0-9_]*FFI\)$/\1/p' "$f" | head -n 1)
  [ -n "$m" ] || die "could not read the FFI module imported by $f"
  [ -f "$OUT/bindgen/$m.h" ] || die "$(basename "$f") imports $m but the bindgen wrote no $m.h"
  grep -qs "^module $m {" "${modulemap_files[@]}" || die "$(basename "$f") imports $m but no modulemap declares it"
  ffi_modules+=("$m")
done
[ "$FFI_MODULE" = "${SWIFT_MODULE}FFI" ] || log "note: FFI module is '$FFI_MODULE' (not '${SWIFT_MODULE}FFI')"
log "C modules: ${ffi_modules[*]} (binaryTarget $FFI_MODULE)"

# ---------------------------------------------------------------------------
# 4. Headers dir: every .h file + one module.modulemap with every `module` block
# ---------------------------------------------------------------------------
rm -rf "$OUT/headers"
mkdir -p "$OUT/headers"
cp "${header_files[@]}" "$OUT/headers/"
# (an xcframework slice has one headers folder, which holds one module.modulemap)
for mm in "${modulemap_files[@]}"; do cat "$mm"; echo; done > "$OUT/headers/module.modulemap"
for m in "${ffi_modules[@]}"; do
  [ "$(grep -c "^module $m {" "$OUT/headers/module.modulemap")" -eq 1 ] \
    || die "headers/module.modulemap must declare module $m exactly once"
done

# ---------------------------------------------------------------------------
# 5. XCFramework (ios, ios-simulator, macos)
# ---------------------------------------------------------------------------
XCFRAMEWORK="$OUT/$FFI_MODULE.xcframework"
rm -rf "$XCFRAMEWORK"
log "xcodebuild -create-xcframework -> $XCFRAMEWORK"
xcodebuild -create-xcframework \
  -library "$OUT/lib/ios/lib$LIB_NAME.a" -headers "$OUT/headers" \
  -library "$OUT/lib/ios-simulator/lib$LIB_NAME.a" -headers "$OUT/headers" \
  -library "$OUT/lib/macos/lib$LIB_NAME.a" -headers "$OUT/headers" \
  -output "$XCFRAMEWORK" >&2

# Release asset: the zip SwiftPM downloads, and its checksum (SHA-256 of the file, hex).
ZIP="$OUT/$FFI_MODULE-$VERSION.xcframework.zip"
rm -f "$ZIP"
if command -v ditto >/dev/null 2>&1; then
  # Apple's recommended archiver for frameworks (keeps symlinks and the top-level folder).
  (cd "$OUT" && ditto -c -k --sequesterRsrc --keepParent "$FFI_MODULE.xcframework" "$ZIP")
else
  (cd "$OUT" && zip -q -r -y "$ZIP" "$FFI_MODULE.xcframework")
fi
if command -v swift >/dev/null 2>&1 && CHECKSUM=$(cd "$OUT" && swift package compute-checksum "$ZIP" 2>/dev/null) \
   && [ -n "$CHECKSUM" ]; then
  log "checksum (swift package compute-checksum): $CHECKSUM"
else
  # SwiftPM's checksum is the SHA-256 of the file in hex: the same value.
  CHECKSUM=$(shasum -a 256 "$ZIP" | cut -d' ' -f1)
  log "checksum (shasum -a 256, no usable 'swift'; SwiftPM computes the same SHA-256): $CHECKSUM"
fi
printf '%s\n' "$CHECKSUM" > "$ZIP.checksum"
log "$(basename "$ZIP"): $(wc -c < "$ZIP" | tr -d '[:space:]') bytes"

# ---------------------------------------------------------------------------
# 6. Swift package
# ---------------------------------------------------------------------------
rm -rf "$PKG_DIR"
mkdir -p "$PKG_DIR/Sources/$SWIFT_MODULE"
# SwiftPM requires a local binary target to live inside the package and to be named
# like the target.
cp -R "$XCFRAMEWORK" "$PKG_DIR/$FFI_MODULE.xcframework"
cp "${swift_files[@]}" "${handwritten_files[@]}" "$PKG_DIR/Sources/$SWIFT_MODULE/"

test_target=""
if [ -f "$SWIFT_TESTS_SRC" ]; then
  mkdir -p "$PKG_DIR/Tests/${SWIFT_MODULE}Tests"
  cp "$SWIFT_TESTS_SRC" "$PKG_DIR/Tests/${SWIFT_MODULE}Tests/"
  test_target="
        .testTarget(
            name: \"${SWIFT_MODULE}Tests\",
            dependencies: [\"$SWIFT_MODULE\"],
            path: \"Tests/${SWIFT_MODULE}Tests\"
        ),"
else
  log "no $SWIFT_TESTS_SRC: the package gets no test target"
fi

# write_package_swift FILE BINARY_TARGET_ARGUMENTS TEST_TARGET HEADER_COMMENT
write_package_swift() {
  cat > "$1" <<EOF
// swift-tools-version:5.9
// Generated by bindings/scripts/build-xcframework.sh - do not edit, re-run the script.
// $4
import PackageDescription

let package = Package(
    name: "AssistmedSwift",
    platforms: [
        .iOS(.v15),
        .macOS(.v12),
    ],
    products: [
        .library(name: "$SWIFT_MODULE", targets: ["$SWIFT_MODULE"]),
    ],
    targets: [
        .binaryTarget(
            name: "$FFI_MODULE",
$2
        ),
        .target(
            name: "$SWIFT_MODULE",
            dependencies: ["$FFI_MODULE"],
            path: "Sources/$SWIFT_MODULE"
        ),$3
    ]
)
EOF
}
write_package_swift "$PKG_DIR/Package.swift" "            path: \"$FFI_MODULE.xcframework\"" "$test_target" \
  "Development form (SDK $VERSION): the XCFramework next to this file, binaryTarget(path:)."

# Release form: the XCFramework downloaded from the release, checked against its checksum.
XCF_URL="${ASSISTMED_XCFRAMEWORK_URL:-}"
if [ -z "$XCF_URL" ] && [ -n "${ASSISTMED_SCM_URL:-}" ]; then
  XCF_URL="${ASSISTMED_SCM_URL%/}/releases/download/v$VERSION/$(basename "$ZIP")"
fi
if [ -z "$XCF_URL" ]; then
  XCF_URL="https://REPLACE-WITH-THE-RELEASE-HOST/v$VERSION/$(basename "$ZIP")"
  log "WARNING: neither ASSISTMED_XCFRAMEWORK_URL nor ASSISTMED_SCM_URL is set: the release Package.swift has a placeholder URL"
fi
rm -rf "$RELEASE_PKG_DIR"
mkdir -p "$RELEASE_PKG_DIR/Sources/$SWIFT_MODULE"
cp "${swift_files[@]}" "${handwritten_files[@]}" "$RELEASE_PKG_DIR/Sources/$SWIFT_MODULE/"
write_package_swift "$RELEASE_PKG_DIR/Package.swift" "            url: \"$XCF_URL\",
            checksum: \"$CHECKSUM\"" "" \
  "Release form (SDK $VERSION): commit it with Sources/ at the root of the package repository, tag $VERSION."
log "release Swift package written: $RELEASE_PKG_DIR (binaryTarget url: $XCF_URL)"
log "Swift package written: $PKG_DIR"

# ---------------------------------------------------------------------------
# 7. Run the Swift tests when a toolchain and tests are there
# ---------------------------------------------------------------------------
if [ -n "$test_target" ] && [ -z "${SKIP_SWIFT_TEST:-}" ]; then
  if command -v swift >/dev/null 2>&1; then
    log "swift test (in $PKG_DIR) ..."
    (cd "$PKG_DIR" && swift test)
  else
    log "no 'swift' on PATH: skipping swift test"
  fi
fi

log "done:"
log "  $XCFRAMEWORK"
log "  $ZIP  (checksum $CHECKSUM)"
log "  $RELEASE_PKG_DIR  (release form: .package(url: <package repository>, from: \"$VERSION\"))"
log "  $PKG_DIR  (add it in Xcode: File > Add Package Dependencies... > Add Local...; product '$SWIFT_MODULE')"
