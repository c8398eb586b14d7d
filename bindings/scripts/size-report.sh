#!/usr/bin/env bash
# Size report of the shipped FFI library (crate assistmed-ffi, lib assistmed_ffi).
#
#   1. build it as shipped for the host (shipped-build.sh: cargo build --release -p
#      assistmed-ffi --lib --target <host>, std rebuilt without its backtrace symbolizer; only
#      this crate: building the whole workspace would unify uniffi's `cli` feature into it and
#      double its size)
#   2. copy target/<host>/release/libassistmed_ffi.so (.dylib on macOS) to target/size-report/
#   3. strip the copy (`strip`, `strip -x` on macOS) - never the original: uniffi's bindgen
#      reads its metadata from the symbol table of the unstripped library
#   4. print the stripped size (bytes and KiB) and the staticlib size (information only)
#   5. fail if the library trusts the TEST-ONLY key (core/keys/test-only/): the shipped build is
#      made without the `test-keys` feature, so the key's text must not be in it
#   6. build the phones' libraries (Android arm64-v8a, x86_64, armeabi-v7a) through a stand-in
#      for the NDK's linker
#   7. fail if any stripped size is over the budget
#
# Environment:
#   SIZE_BUDGET_BYTES   budget for every stripped shared library (default 1048576 = 1 MiB, the
#                       project's standard). Where rust-src cannot be installed (no rustup,
#                       offline), std is not rebuilt, the library is about 240 KB bigger than
#                       the shipped one, and the default budget is 1310720 (1280 KiB), which
#                       only stops growth.
#   CARGO_TARGET_DIR    honoured (default <repo>/target)
#
# Exit status: 0 within budget, 1 over budget or build/strip failure.
set -euo pipefail

REPO_ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CRATE="assistmed-ffi"
LIB_NAME="assistmed_ffi"
TARGET_DIR="${CARGO_TARGET_DIR:-$REPO_ROOT/target}"
case "$TARGET_DIR" in /*) ;; *) TARGET_DIR="$REPO_ROOT/$TARGET_DIR" ;; esac
REPORT_DIR="$TARGET_DIR/size-report"

log() { printf 'size-report: %s\n' "$*" >&2; }
die() { printf 'size-report: ERROR: %s\n' "$*" >&2; exit 1; }

case "${SIZE_BUDGET_BYTES:-0}" in
  ''|*[!0-9]*) die "SIZE_BUDGET_BYTES must be a whole number of bytes, got '$SIZE_BUDGET_BYTES'" ;;
esac
# shellcheck source=shipped-build.sh
. "$REPO_ROOT/bindings/scripts/shipped-build.sh"

case "$(uname -s)" in
  Darwin) DYLIB_EXT="dylib"; STRIP_CMD=(strip -x) ;;
  *)      DYLIB_EXT="so";    STRIP_CMD=(strip) ;;
esac
command -v "${STRIP_CMD[0]}" >/dev/null 2>&1 \
  || die "'${STRIP_CMD[0]}' not found (Debian: apt-get install -y binutils; macOS: xcode-select --install)"

kib() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1024 }'; }
size_of() { wc -c < "$1" | tr -d '[:space:]'; }

# As shipped: default features only (never `test-keys`, never the bindgen's `cli`).
HOST=$(shipped_host_triple)
shipped_build "$HOST" || die "cargo build --release -p $CRATE --lib --target $HOST failed"
if [ "$SHIPPED_STD" = 1 ]; then
  BUDGET="${SIZE_BUDGET_BYTES:-1048576}"
else
  BUDGET="${SIZE_BUDGET_BYTES:-1310720}"
  log "std not rebuilt: measuring a bigger library than the shipped one, against the growth budget"
fi

SHARED="$TARGET_DIR/$HOST/release/lib$LIB_NAME.$DYLIB_EXT"
STATIC="$TARGET_DIR/$HOST/release/lib$LIB_NAME.a"
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

# The phones' libraries (the AAR's three ABIs), where the host can build them. Without the NDK, a
# stand-in for its clang driver hands rustc's link line (with the project's rustflags, as
# cargo-ndk does) to rust-lld, against empty stub libraries (libc, libdl, libm, liblog are the
# system's, resolved at load time anyway). The NDK's static libunwind.a and crt objects are
# missing, so a real NDK build is somewhat larger: each size is a floor, held to the budget too.
# With std rebuilt from rust-src, no Android Rust target needs to be installed.
ANDROID_TARGETS=(aarch64-linux-android x86_64-linux-android armv7-linux-androideabi)
ANDROID_SIZES=()
RUST_LLD="$(rustc --print sysroot 2>/dev/null)/lib/rustlib/$HOST/bin/rust-lld"
STANDIN="$REPORT_DIR/ndk-stand-in"
mkdir -p "$STANDIN/lib"
for l in c dl m log unwind; do
  echo "/* empty: a stub for the size measurement of size-report.sh */" > "$STANDIN/lib/lib$l.so"
done
cat > "$STANDIN/clang" <<STANDIN_EOF
#!/usr/bin/env bash
# Stand-in for the NDK's clang as a linker (size-report.sh): -Wl,a,b becomes a b; the driver's
# own target flags are dropped (rust-lld reads the target from the objects).
args=()
for a in "\$@"; do
  case "\$a" in
    -Wl,*) IFS=, read -r -a parts <<< "\${a#-Wl,}"; args+=("\${parts[@]}") ;;
    -nodefaultlibs|-fuse-ld=*|--target=*|-m32|-m64|-march=*|-mthumb*|-mfpu=*|-mfloat-abi=*) ;;
    *) args+=("\$a") ;;
  esac
done
exec "$RUST_LLD" -flavor gnu -L "$STANDIN/lib" --unresolved-symbols=ignore-all "\${args[@]}"
STANDIN_EOF
chmod +x "$STANDIN/clang"
for t in "${ANDROID_TARGETS[@]}"; do
  if [ ! -x "$RUST_LLD" ] || { [ "$SHIPPED_STD" != 1 ] && ! rustup target list --installed 2>/dev/null | grep -qx "$t"; }; then
    echo "size-report: $t not measured (no rust-lld, or no rust-src and no Rust target $t)"
    continue
  fi
  log "the $t library (NDK stand-in) ..."
  if CARGO_PROFILE_RELEASE_STRIP=symbols shipped_build "$t" -q --config "target.$t.linker=\"$STANDIN/clang\""; then
    size=$(size_of "$TARGET_DIR/$t/release/lib$LIB_NAME.so")
    ANDROID_SIZES+=("$t=$size")
    echo "size-report: lib$LIB_NAME.so for $t, stripped, without the NDK's libunwind.a: $size bytes ($(kib "$size") KiB)"
  elif [ "$SHIPPED_STD" = 1 ]; then
    die "the shipped build for $t failed"
  else
    log "the $t build failed: its size is not measured (information only)"
  fi
done

for ts in ${ANDROID_SIZES[@]+"${ANDROID_SIZES[@]}"}; do
  t=${ts%=*}; size=${ts#*=}
  if [ "$size" -gt "$BUDGET" ]; then
    die "stripped lib$LIB_NAME.so for $t is $size bytes, over the budget of $BUDGET bytes by $((size - BUDGET)) bytes"
  fi
done
if [ "$STRIPPED_SIZE" -gt "$BUDGET" ]; then
  die "stripped lib$LIB_NAME.$DYLIB_EXT is $STRIPPED_SIZE bytes, over the budget of $BUDGET bytes by $((STRIPPED_SIZE - BUDGET)) bytes (raise SIZE_BUDGET_BYTES only with a reason)"
fi
tightest="lib$LIB_NAME.$DYLIB_EXT ($HOST)"; least=$STRIPPED_SIZE
for ts in ${ANDROID_SIZES[@]+"${ANDROID_SIZES[@]}"}; do
  [ "${ts#*=}" -gt "$least" ] && { least=${ts#*=}; tightest="lib$LIB_NAME.so (${ts%=*})"; }
done
echo "size-report: OK, within budget ($((BUDGET - STRIPPED_SIZE)) bytes to spare on the host's; the tightest is $tightest, $((BUDGET - least)) to spare)"
