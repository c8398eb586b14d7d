#!/usr/bin/env bash
# Size report of the shipped FFI library (crate assistmed-ffi, lib assistmed_ffi).
#
#   1. cargo build --release -p assistmed-ffi --lib   (only this crate: building the whole
#      workspace would unify uniffi's `cli` feature into it and double its size)
#   2. copy target/release/libassistmed_ffi.so (.dylib on macOS) to target/size-report/
#   3. strip the copy (`strip`, `strip -x` on macOS) - never the original: uniffi's bindgen
#      reads its metadata from the symbol table of the unstripped library
#   4. print the stripped size (bytes and KiB) and the staticlib size (information only)
#   5. fail if the stripped size is over the budget
#   6. fail if the library trusts the TEST-ONLY key (core/keys/test-only/): the shipped build is
#      made without the `test-keys` feature, so the key's text must not be in it
#
# Environment:
#   SIZE_BUDGET_BYTES   budget for the stripped shared library (default 1310720 = 1280 KiB). The
#                       project's standard is 1 MiB; the library measured 1 548 184 bytes once
#                       the revised rules, hardening, contract tracking, the economics of hiring,
#                       the apps' state and their screens were in, 1 384 776 once the core's own
#                       types crossed the FFI, and 1 289 656 on 2026-12-01 (x86_64: frame
#                       pointers, leaner views and economics). This budget only stops further
#                       growth; getting under 1 MiB is open work (bindings/README.md, "Size":
#                       where the bytes are and what would remove them, measured).
#   CARGO_TARGET_DIR    honoured (default <repo>/target)
#
# Exit status: 0 within budget, 1 over budget or build/strip failure.
set -euo pipefail

REPO_ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CRATE="assistmed-ffi"
LIB_NAME="assistmed_ffi"
BUDGET="${SIZE_BUDGET_BYTES:-1310720}"
TARGET_DIR="${CARGO_TARGET_DIR:-$REPO_ROOT/target}"
case "$TARGET_DIR" in /*) ;; *) TARGET_DIR="$REPO_ROOT/$TARGET_DIR" ;; esac
REPORT_DIR="$TARGET_DIR/size-report"

log() { printf 'size-report: %s\n' "$*" >&2; }
die() { printf 'size-report: ERROR: %s\n' "$*" >&2; exit 1; }

case "$BUDGET" in
  ''|*[!0-9]*) die "SIZE_BUDGET_BYTES must be a whole number of bytes, got '$BUDGET'" ;;
esac

case "$(uname -s)" in
  Darwin) DYLIB_EXT="dylib"; STRIP_CMD=(strip -x) ;;
  *)      DYLIB_EXT="so";    STRIP_CMD=(strip) ;;
esac
command -v "${STRIP_CMD[0]}" >/dev/null 2>&1 \
  || die "'${STRIP_CMD[0]}' not found (Debian: apt-get install -y binutils; macOS: xcode-select --install)"

kib() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1024 }'; }
size_of() { wc -c < "$1" | tr -d '[:space:]'; }

# As shipped: default features only (never `test-keys`, never the bindgen's `cli`).
log "cargo build --release -p $CRATE --lib ..."
(cd "$REPO_ROOT" && cargo build --release -p "$CRATE" --lib) \
  || die "cargo build --release -p $CRATE --lib failed"

SHARED="$TARGET_DIR/release/lib$LIB_NAME.$DYLIB_EXT"
STATIC="$TARGET_DIR/release/lib$LIB_NAME.a"
[ -f "$SHARED" ] || die "$SHARED not found: does bindings/Cargo.toml have crate-type \"cdylib\" and name = \"$LIB_NAME\" in [lib]?"

mkdir -p "$REPORT_DIR"
STRIPPED="$REPORT_DIR/lib$LIB_NAME.$DYLIB_EXT"
cp -f "$SHARED" "$STRIPPED"
"${STRIP_CMD[@]}" "$STRIPPED" || die "${STRIP_CMD[*]} $STRIPPED failed"

UNSTRIPPED_SIZE=$(size_of "$SHARED")
STRIPPED_SIZE=$(size_of "$STRIPPED")

echo "size-report: lib$LIB_NAME.$DYLIB_EXT as built (unstripped): $UNSTRIPPED_SIZE bytes ($(kib "$UNSTRIPPED_SIZE") KiB)"
echo "size-report: lib$LIB_NAME.$DYLIB_EXT stripped: $STRIPPED_SIZE bytes ($(kib "$STRIPPED_SIZE") KiB) -> $STRIPPED"
if [ -f "$STATIC" ]; then
  STATIC_SIZE=$(size_of "$STATIC")
  echo "size-report: lib$LIB_NAME.a (staticlib, information only; the app's linker keeps only what it uses): $STATIC_SIZE bytes ($(kib "$STATIC_SIZE") KiB)"
else
  echo "size-report: lib$LIB_NAME.a not built (no \"staticlib\" in crate-type)"
fi
echo "size-report: budget for the stripped library: $BUDGET bytes ($(kib "$BUDGET") KiB)"

# The TEST-ONLY public key is compiled in (include_str!) only with the `test-keys` feature.
TEST_KEY_FILE="$REPO_ROOT/core/keys/test-only/TEST-ONLY-public-key.hex"
[ -f "$TEST_KEY_FILE" ] || die "$TEST_KEY_FILE is missing"
TEST_KEY=$(tr -d '[:space:]' < "$TEST_KEY_FILE")
if grep -qaF "$TEST_KEY" "$SHARED"; then
  die "lib$LIB_NAME.$DYLIB_EXT contains the TEST-ONLY public key: it was built with the test-keys feature"
fi
echo "size-report: the TEST-ONLY key is not in the shipped library (built without test-keys)"

# The phones' library (Android arm64-v8a), where the host can build it: informative, never a
# failure. Without the NDK, a stand-in for its clang driver hands rustc's link line (with the
# project's rustflags, as cargo-ndk does) to rust-lld, against empty stub libraries (libc, libdl,
# libm, liblog are the system's, resolved at load time anyway). The NDK's static libunwind.a
# and crt objects are missing, so a real NDK build is somewhat larger. `rustup target add
# aarch64-linux-android` enables it (CI does not download toolchains).
ANDROID_TARGET="aarch64-linux-android"
RUST_LLD="$(rustc --print sysroot 2>/dev/null)/lib/rustlib/$(rustc -vV 2>/dev/null | sed -n 's/^host: //p')/bin/rust-lld"
if command -v rustup >/dev/null 2>&1 && rustup target list --installed 2>/dev/null | grep -qx "$ANDROID_TARGET" \
    && [ -x "$RUST_LLD" ]; then
  STANDIN="$REPORT_DIR/ndk-stand-in"
  mkdir -p "$STANDIN/lib"
  for l in c dl m log unwind; do
    echo "/* empty: a stub for the size measurement of size-report.sh */" > "$STANDIN/lib/lib$l.so"
  done
  cat > "$STANDIN/clang" <<STANDIN_EOF
#!/usr/bin/env bash
# Stand-in for the NDK's clang as a linker (size-report.sh): -Wl,a,b becomes a b.
args=()
for a in "\$@"; do
  case "\$a" in
    -Wl,*) IFS=, read -r -a parts <<< "\${a#-Wl,}"; args+=("\${parts[@]}") ;;
    -nodefaultlibs|-fuse-ld=*|--target=*) ;;
    *) args+=("\$a") ;;
  esac
done
exec "$RUST_LLD" -flavor gnu -L "$STANDIN/lib" --unresolved-symbols=ignore-all "\${args[@]}"
STANDIN_EOF
  chmod +x "$STANDIN/clang"
  log "cargo build --release -p $CRATE --lib --target $ANDROID_TARGET (NDK stand-in) ..."
  if (cd "$REPO_ROOT" && CARGO_PROFILE_RELEASE_STRIP=symbols cargo build -q --release -p "$CRATE" --lib \
        --target "$ANDROID_TARGET" --config "target.$ANDROID_TARGET.linker=\"$STANDIN/clang\""); then
    ANDROID_SIZE=$(size_of "$TARGET_DIR/$ANDROID_TARGET/release/lib$LIB_NAME.so")
    echo "size-report: lib$LIB_NAME.so for $ANDROID_TARGET, stripped, without the NDK's libunwind.a (information only): $ANDROID_SIZE bytes ($(kib "$ANDROID_SIZE") KiB)"
  else
    log "the $ANDROID_TARGET build failed: its size is not measured (information only)"
  fi
else
  echo "size-report: $ANDROID_TARGET not measured (information only: rustup target add $ANDROID_TARGET)"
fi

if [ "$STRIPPED_SIZE" -gt "$BUDGET" ]; then
  die "stripped lib$LIB_NAME.$DYLIB_EXT is $STRIPPED_SIZE bytes, over the budget of $BUDGET bytes by $((STRIPPED_SIZE - BUDGET)) bytes (raise SIZE_BUDGET_BYTES only with a reason)"
fi
echo "size-report: OK, within budget ($((BUDGET - STRIPPED_SIZE)) bytes to spare)"
