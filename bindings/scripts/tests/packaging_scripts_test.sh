#!/usr/bin/env bash
# Runs the packaging scripts that need tools this machine lacks (bindings/scripts/build-android.sh:
# NDK, cargo-ndk, Gradle; bindings/scripts/build-xcframework.sh: macOS, Xcode, lipo, swift)
# against stand-in tools on PATH, and checks what they write. The stand-ins log their arguments
# and write plausible outputs; the real uniffi-bindgen and the real release library are used,
# so the generated Kotlin and Swift, the versions, the Gradle and Swift package files, the zip and
# its checksum are the real ones. Outputs go to a temporary directory (ASSISTMED_BUILD_DIR), never
# to build/.
#
# What it cannot tell: whether the real NDK link, Gradle/AGP, xcodebuild, lipo or swift accept
# what the scripts give them.
#
# Last line: "N passed, N failed". Exit status 1 on any failure. KEEP_TMP=1 keeps the temporary
# directory (printed at the start) to look at what the scripts wrote.
set -euo pipefail

REPO_ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
TARGET_DIR="${CARGO_TARGET_DIR:-$REPO_ROOT/target}"
case "$TARGET_DIR" in /*) ;; *) TARGET_DIR="$REPO_ROOT/$TARGET_DIR" ;; esac
LIB_NAME="assistmed_ffi"
passed=0
failed=0

log() { printf 'packaging-test: %s\n' "$*" >&2; }
ok() { passed=$((passed + 1)); printf 'ok   %s\n' "$*"; }
ko() { failed=$((failed + 1)); printf 'FAIL %s\n' "$*"; }
check() { # check DESCRIPTION COMMAND...
  local d=$1; shift
  if "$@" >/dev/null 2>&1; then ok "$d"; else ko "$d"; fi
}

command -v gcc >/dev/null 2>&1 || { echo "packaging-test: gcc is needed for the stand-in libraries"; exit 1; }
command -v readelf >/dev/null 2>&1 || { echo "packaging-test: readelf (binutils) is needed"; exit 1; }
command -v zip >/dev/null 2>&1 || { echo "packaging-test: zip is needed"; exit 1; }

# The real bindgen and the real release library (host), built if missing (incremental: seconds).
cd "$REPO_ROOT"
REAL_CARGO=$(command -v cargo)
log "cargo build --release -p assistmed-ffi --lib; uniffi-bindgen (target/bindgen)"
"$REAL_CARGO" build --quiet --release -p assistmed-ffi --lib
CARGO_TARGET_DIR="$TARGET_DIR/bindgen" "$REAL_CARGO" build --quiet -p assistmed-ffi --features cli --bin uniffi-bindgen
REAL_BINDGEN="$TARGET_DIR/bindgen/debug/uniffi-bindgen"
HOST_LIB="$TARGET_DIR/release/lib$LIB_NAME.so"
[ -f "$HOST_LIB" ] && [ -x "$REAL_BINDGEN" ] || { echo "packaging-test: $HOST_LIB or $REAL_BINDGEN missing"; exit 1; }
VERSION=$(bindings/scripts/version.sh)

TMP=$(mktemp -d "${TMPDIR:-/tmp}/assistmed-packaging.XXXXXX")
[ -z "${KEEP_TMP:-}" ] || log "outputs kept in $TMP"
trap '[ -n "${KEEP_TMP:-}" ] || rm -rf "$TMP"' EXIT
SHIMS="$TMP/shims"
mkdir -p "$SHIMS"
export CALLS="$TMP/calls.log"
# The shipped build (shipped-build.sh): std rebuilt from a stand-in rust-src, with unstable cargo
# flags that RUSTC_BOOTSTRAP=1 allows.
export SHIPPED_SYSROOT="$TMP/sysroot"
mkdir -p "$SHIPPED_SYSROOT/lib/rustlib/src/rust/library/std"
: > "$SHIPPED_SYSROOT/lib/rustlib/src/rust/library/std/Cargo.toml"
SHIPPED_ARGS="-Zbuild-std=std,panic_unwind -Zbuild-std-features=panic-unwind,optimize_for_size,backtrace-trace-only [RUSTC_BOOTSTRAP=1]"
# Android's add its own rustflags (shipped-build.sh), one setting for the three ABIs.
# shellcheck source=../shipped-build.sh
ANDROID_SHIPPED_ARGS="$(. "$REPO_ROOT/bindings/scripts/shipped-build.sh" && shipped_cargo_args aarch64-linux-android | paste -sd ' ' -) [RUSTC_BOOTSTRAP=1]"
: > "$CALLS"

# --- stand-in tools ----------------------------------------------------------------------------
cat > "$SHIMS/cargo" <<EOF
#!/usr/bin/env bash
# cargo stand-in: 'ndk' and cross 'build --target' are faked; 'run --bin uniffi-bindgen' runs the
# real bindgen; anything else goes to the real cargo.
set -euo pipefail
echo "cargo \$*\${RUSTC_BOOTSTRAP:+ [RUSTC_BOOTSTRAP=\$RUSTC_BOOTSTRAP]}" >> "\$CALLS"
if [ "\${1:-}" = ndk ]; then
  shift
  if [ "\${1:-}" = --version ]; then echo "cargo-ndk \${FAKE_CARGO_NDK_VERSION:-4.1.2} (stand-in)"; exit 0; fi
  out=""; abis=()
  while [ \$# -gt 0 ]; do
    case "\$1" in
      -t) abis+=("\$2"); shift 2 ;;
      -o) out="\$2"; shift 2 ;;
      *) shift ;;
    esac
  done
  printf 'int assistmed_stand_in(void) { return 1; }\n' > "\$TMPDIR_SHIM/stand_in.c"
  for abi in "\${abis[@]}"; do
    mkdir -p "\$out/\$abi"
    gcc -shared -fPIC -Wl,-z,max-page-size=\${FAKE_PAGE_SIZE:-16384} -o "\$out/\$abi/lib$LIB_NAME.so" "\$TMPDIR_SHIM/stand_in.c"
  done
  exit 0
fi
if [ "\${1:-}" = run ] && printf '%s\n' "\$@" | grep -qx uniffi-bindgen; then
  while [ "\$1" != -- ]; do shift; done
  shift
  exec "$REAL_BINDGEN" "\$@"
fi
if [ "\${1:-}" = build ] && printf '%s\n' "\$@" | grep -qx -- --target; then
  t=""; prev=""
  for a in "\$@"; do [ "\$prev" = --target ] && t="\$a"; prev="\$a"; done
  dir="\${CARGO_TARGET_DIR:?}/\$t/release"
  mkdir -p "\$dir"
  printf 'int assistmed_stand_in(void) { return 1; }\n' > "\$TMPDIR_SHIM/stand_in.c"
  gcc -c -o "\$TMPDIR_SHIM/stand_in.o" "\$TMPDIR_SHIM/stand_in.c"
  ar rcs "\$dir/lib$LIB_NAME.a" "\$TMPDIR_SHIM/stand_in.o"
  exit 0
fi
exec "$REAL_CARGO" "\$@"
EOF
cat > "$SHIMS/rustup" <<'EOF'
#!/usr/bin/env bash
echo "rustup $*" >> "$CALLS"
if [ "$1 $2 ${3:-}" = "target list --installed" ]; then
  printf '%s\n' x86_64-unknown-linux-gnu ${FAKE_RUST_TARGETS-aarch64-linux-android armv7-linux-androideabi x86_64-linux-android aarch64-apple-ios aarch64-apple-ios-sim x86_64-apple-ios aarch64-apple-darwin x86_64-apple-darwin}
fi
EOF
cat > "$SHIMS/gradle" <<'EOF'
#!/usr/bin/env bash
# Gradle stand-in: checks it is pointed at the standalone build, writes the Maven layout.
set -euo pipefail
echo "gradle $*" >> "$CALLS"
dir=""; task=""
while [ $# -gt 0 ]; do
  case "$1" in -p) dir="$2"; shift 2 ;; :*) task="$1"; shift ;; *) shift ;; esac
done
[ -f "$dir/settings.gradle.kts" ] && [ -f "$dir/assistmed-android/build.gradle.kts" ] || exit 3
[ "$task" = ":assistmed-android:publishReleasePublicationToReleaseDirRepository" ] || exit 4
v=$(cat "$dir/assistmed-android/VERSION")
out="$dir/assistmed-android/build/maven-repo/fr/assistmed/assistmed-core/$v"
mkdir -p "$out"
for f in "assistmed-core-$v.aar" "assistmed-core-$v-sources.jar" "assistmed-core-$v.pom" "assistmed-core-$v.module"; do
  echo stand-in > "$out/$f"
done
EOF
cat > "$SHIMS/uname" <<'EOF'
#!/usr/bin/env bash
case "${1:-}" in -s) echo Darwin ;; -m) echo arm64 ;; *) /usr/bin/uname "$@" ;; esac
EOF
cat > "$SHIMS/xcodebuild" <<'EOF'
#!/usr/bin/env bash
set -euo pipefail
echo "xcodebuild $*" >> "$CALLS"
if [ "${1:-}" = -version ]; then echo "Xcode 26.1 (stand-in)"; exit 0; fi
[ "${1:-}" = -create-xcframework ] || exit 2
out=""; libs=()
while [ $# -gt 0 ]; do
  case "$1" in -output) out="$2"; shift 2 ;; -library) libs+=("$2"); shift 2 ;; *) shift ;; esac
done
mkdir -p "$out"
i=0
for l in "${libs[@]}"; do
  mkdir -p "$out/slice$i"; cp "$l" "$out/slice$i/"; i=$((i + 1))
done
echo "<plist><!-- stand-in: ${#libs[@]} libraries --></plist>" > "$out/Info.plist"
EOF
cat > "$SHIMS/lipo" <<'EOF'
#!/usr/bin/env bash
set -euo pipefail
echo "lipo $*" >> "$CALLS"
case "${1:-}" in
  -archs) echo "arm64 x86_64" ;;
  -create) shift; ins=(); while [ "$1" != -output ]; do ins+=("$1"); shift; done; cat "${ins[@]}" > "$2" ;;
esac
EOF
cat > "$SHIMS/swift" <<'EOF'
#!/usr/bin/env bash
# swift stand-in: compute-checksum is SwiftPM's SHA-256 of the file; test only logs.
set -euo pipefail
echo "swift $*" >> "$CALLS"
if [ "${1:-} ${2:-}" = "package compute-checksum" ]; then sha256sum "$3" | cut -d' ' -f1; exit 0; fi
if [ "${1:-}" = test ]; then echo "swift test (stand-in)"; exit 0; fi
exit 2
EOF
chmod +x "$SHIMS"/*
export TMPDIR_SHIM="$TMP"
NDK="$TMP/ndk"
mkdir -p "$NDK/toolchains/llvm/prebuilt/linux-x86_64/bin"
printf 'Pkg.Desc = Android NDK\nPkg.Revision = 28.2.13676358\n' > "$NDK/source.properties"
printf '#!/usr/bin/env bash\necho "llvm-readelf $*" >> "$CALLS"\nexec readelf "$@"\n' \
  > "$NDK/toolchains/llvm/prebuilt/linux-x86_64/bin/llvm-readelf"
printf '#!/usr/bin/env bash\necho "llvm-strip $*" >> "$CALLS"\nexec strip "$@"\n' \
  > "$NDK/toolchains/llvm/prebuilt/linux-x86_64/bin/llvm-strip"
chmod +x "$NDK/toolchains/llvm/prebuilt/linux-x86_64/bin/llvm-readelf" "$NDK/toolchains/llvm/prebuilt/linux-x86_64/bin/llvm-strip"

# Android stand-ins only (no uname shim: the Android script runs on any host).
ANDROID_PATH="$TMP/android-shims:$PATH"
mkdir -p "$TMP/android-shims"
cp "$SHIMS/cargo" "$SHIMS/rustup" "$SHIMS/gradle" "$TMP/android-shims/"

run_android() { # run_android LOG [VAR=value...] [-- script args]
  local out=$1; shift
  env PATH="$ANDROID_PATH" ANDROID_NDK_HOME="$NDK" ASSISTMED_BUILD_DIR="$TMP/build" \
      CARGO_TARGET_DIR="$TMP/target" BINDGEN_LIBRARY="$HOST_LIB" "$@" \
      bindings/scripts/build-android.sh > "$out" 2>&1
}

# --- build-android.sh --------------------------------------------------------------------------
echo "# build-android.sh"
MOD="$TMP/build/android/assistmed-android"
if run_android "$TMP/android.log" ASSISTMED_SCM_URL=https://example.org/assistmed ASSISTMED_BUILD_AAR=1; then
  ok "build-android.sh with stand-in NDK, cargo-ndk, Gradle: exit 0"
else
  ko "build-android.sh with stand-in NDK, cargo-ndk, Gradle: exit 0 (log below)"; sed 's/^/    /' "$TMP/android.log"
fi
check "cargo ndk called for the 3 ABIs at API 24 into the module's jniLibs" \
  grep -qxF -- "cargo ndk -t arm64-v8a -t armeabi-v7a -t x86_64 -P 24 -o $MOD/src/main/jniLibs build --release -p assistmed-ffi --lib $ANDROID_SHIPPED_ARGS" "$CALLS"
check "the Android build rebuilds std, without forced unwind tables or panic locations" \
  bash -c "grep '^cargo ndk' '$CALLS' | grep -F -- '-Zbuild-std=std,panic_unwind' | grep -F -- \"'force-unwind-tables=no'\" | grep -qF -- \"'-Zlocation-detail=none'\""
for abi in arm64-v8a armeabi-v7a x86_64; do
  check "jniLibs/$abi/lib$LIB_NAME.so written" test -f "$MOD/src/main/jniLibs/$abi/lib$LIB_NAME.so"
done
check "16 KB alignment checked with the NDK's llvm-readelf" grep -q "^llvm-readelf -lW .*arm64-v8a" "$CALLS"
check "the 3 jniLibs libraries stripped with the NDK's llvm-strip" \
  bash -c "[ \$(grep -c '^llvm-strip .*/jniLibs/.*/lib$LIB_NAME.so' '$CALLS') -eq 3 ]"
check "the bindgen read the unstripped library, not a jniLibs copy" \
  bash -c "grep '^cargo run' '$CALLS' | grep -q -- '$HOST_LIB'"
check "VERSION = bindings/scripts/version.sh ($VERSION)" test "$(cat "$MOD/VERSION" 2>/dev/null)" = "$VERSION"
KT_CORE="$MOD/src/main/kotlin/fr/assistmed/core/assistmed_core.kt"
KT="$MOD/src/main/kotlin/fr/assistmed/sdk/$LIB_NAME.kt"
check "the core's types in package fr.assistmed.core (assistmed_core.kt)" grep -q '^package fr.assistmed.core$' "$KT_CORE"
check "the core's Kotlin has the view model (data class VueApp, sealed class Evenement)" \
  bash -c "grep -q '^data class VueApp' '$KT_CORE' && grep -q '^sealed class Evenement' '$KT_CORE'"
check "RuleStore, AppModel and the error in package fr.assistmed.sdk ($LIB_NAME.kt)" \
  bash -c "grep -q '^package fr.assistmed.sdk$' '$KT' && grep -q '^open class RuleStore' '$KT' && grep -q '^open class AppModel' '$KT'"
check "exactly these two Kotlin files (no stale package)" \
  bash -c "[ \"\$(cd '$MOD/src/main/kotlin' && find . -name '*.kt' | sort | tr '\n' ' ')\" = './fr/assistmed/core/assistmed_core.kt ./fr/assistmed/sdk/$LIB_NAME.kt ' ]"
check "Android flavour: AndroidSystemCleaner (uniffi android = true)" grep -q 'AndroidSystemCleaner' "$KT"
check "Android flavour imports androidx.annotation.RequiresApi (declared in build.gradle.kts)" \
  grep -q '^import androidx.annotation.RequiresApi' "$KT"
check "Android flavour: one call status per thread in both files (kotlin-call-status.py)" \
  bash -c "grep -q 'val status = uniffiCallStatus.get()' '$KT' && grep -q 'val status = uniffiCallStatus.get()' '$KT_CORE' && ! grep -q 'var status = UniffiRustCallStatus()' '$KT' '$KT_CORE'"
# The rewrite itself: idempotent; refuses text it does not know and bindings with callbacks.
CS="$REPO_ROOT/bindings/scripts/kotlin-call-status.py"
mkdir -p "$TMP/cs-again" "$TMP/cs-unknown" "$TMP/cs-callback" "$TMP/cs-none"
cp "$KT" "$TMP/cs-again/a.kt"
check "kotlin-call-status.py run twice leaves the file as it was" \
  bash -c "python3 '$CS' '$TMP/cs-again' && cmp -s '$KT' '$TMP/cs-again/a.kt'"
sed 's/val status = uniffiCallStatus.get()/val status = somethingElse()/; s/uniffiCallStatus.get()//' "$KT" > "$TMP/cs-unknown/a.kt"
check "kotlin-call-status.py refuses a uniffiRustCallWithError it does not know" \
  bash -c "! python3 '$CS' '$TMP/cs-unknown' 2>/dev/null"
python3 - "$KT" "$TMP/cs-callback/a.kt" <<'PY'
import sys
t = open(sys.argv[1]).read()
marker = "// each call, instead of a new JNA Structure per call.\n"
start = t.index("// Assistmed (bindings/scripts/kotlin-call-status.py)")
end = t.index("    val status = uniffiCallStatus.get()\n    status.code = UNIFFI_CALL_SUCCESS\n")
rest = t[end:].replace("    val status = uniffiCallStatus.get()\n    status.code = UNIFFI_CALL_SUCCESS\n", "    var status = UniffiRustCallStatus()\n", 1)
head = t[:start] + t[start:end].split(marker, 1)[1].split("\n", 2)[2]
open(sys.argv[2], "w").write(head + rest + "\nfun cb(s: UniffiRustCallStatus) = uniffiTraitInterfaceCall(s, { 1 }, { })\n")
PY
check "kotlin-call-status.py refuses bindings with a callback into Kotlin" \
  bash -c "! python3 '$CS' '$TMP/cs-callback' 2>/dev/null && grep -q 'var status = UniffiRustCallStatus()' '$TMP/cs-callback/a.kt'"
check "kotlin-call-status.py fails on a folder without generated Kotlin" \
  bash -c "! python3 '$CS' '$TMP/cs-none' 2>/dev/null"
check "uniffi-android.toml sets android = true for both crates" \
  bash -c "grep -qx '\[crates.assistmed_ffi.bindings.kotlin\]' bindings/uniffi-android.toml && grep -qx '\[crates.assistmed_core.bindings.kotlin\]' bindings/uniffi-android.toml && [ \$(grep -cx 'android = true' bindings/uniffi-android.toml) -eq 2 ]"
check "consumer-rules.pro keeps both generated packages from R8" \
  bash -c "grep -qx -- '-keep class fr.assistmed.core.\*\* { \*; }' '$MOD/consumer-rules.pro' && grep -qx -- '-keep class fr.assistmed.sdk.\*\* { \*; }' '$MOD/consumer-rules.pro'"
"$REAL_BINDGEN" generate --no-format --language kotlin --out-dir "$TMP/jvm-kotlin" "$HOST_LIB" >/dev/null 2>&1 || true
check "the JVM flavour (no --config) has no Android code" \
  bash -c "! grep -rq 'AndroidSystemCleaner\|android\.os\.Build' '$TMP/jvm-kotlin'"
GK="$MOD/build.gradle.kts"
check "build.gradle.kts: no org.jetbrains.kotlin.android plugin (AGP 9 built-in Kotlin)" \
  bash -c "! grep -q 'id(\"org.jetbrains.kotlin.android\")' '$GK'"
check "build.gradle.kts: compileSdk 36, lint/test targetSdk 36" \
  bash -c "grep -q 'compileSdk = 36' '$GK' && [ \$(grep -c 'targetSdk = 36' '$GK') -ge 2 ]"
jna=$(sed -n 's/.*"net\.java\.dev\.jna:jna:\([0-9.]*\)@aar".*/\1/p' "$GK" | head -n 1)
check "build.gradle.kts: JNA @aar >= 5.17 (found ${jna:-none})" \
  bash -c "printf '5.17.0\n%s\n' '$jna' | sort -V -C"
check "build.gradle.kts: publication fr.assistmed:assistmed-core with POM licences" \
  bash -c "grep -q 'groupId = \"fr.assistmed\"' '$GK' && grep -q 'artifactId = \"assistmed-core\"' '$GK' && grep -q 'Apache License, Version 2.0' '$GK' && grep -q 'MIT License' '$GK'"
check "gradle.properties: assistmed.scmUrl from ASSISTMED_SCM_URL" \
  grep -qx 'assistmed.scmUrl=https://example.org/assistmed' "$TMP/build/android/gradle.properties"
check "gradle called on the standalone build with the publish task" \
  grep -q "^gradle --no-daemon -p $TMP/build/android :assistmed-android:publishReleasePublicationToReleaseDirRepository" "$CALLS"
check "Maven layout reported: assistmed-core-$VERSION.aar" grep -q "assistmed-core-$VERSION.aar" "$TMP/android.log"

if run_android "$TMP/android-4k.log" FAKE_PAGE_SIZE=4096; then
  ko "4 KB-aligned arm64/x86_64 libraries are refused"
else
  check "4 KB-aligned arm64/x86_64 libraries are refused" grep -q 'below 16 KB' "$TMP/android-4k.log"
fi
printf 'Pkg.Revision = 27.2.12479018\n' > "$TMP/ndk27.properties"
cp "$NDK/source.properties" "$TMP/ndk28.properties"
cp "$TMP/ndk27.properties" "$NDK/source.properties"
if run_android "$TMP/android-ndk27.log"; then
  ko "NDK r27 is refused (4 KB pages by default)"
else
  check "NDK r27 is refused (4 KB pages by default)" grep -q 'NDK r28 or newer (found 27.2.12479018' "$TMP/android-ndk27.log"
fi
cp "$TMP/ndk28.properties" "$NDK/source.properties"
if env PATH="$ANDROID_PATH" ANDROID_NDK_HOME="$TMP/no-ndk" FAKE_RUST_TARGETS="" \
    bindings/scripts/build-android.sh --check > "$TMP/android-check.log" 2>&1; then
  ko "--check without NDK nor targets exits 1"
else
  check "--check without NDK nor targets lists both" \
    bash -c "grep -q 'ANDROID_NDK_HOME=$TMP/no-ndk is not a directory' '$TMP/android-check.log' && grep -q 'rustup target add aarch64-linux-android' '$TMP/android-check.log'"
fi
env PATH="$ANDROID_PATH" ANDROID_NDK_HOME="$NDK" bindings/scripts/build-android.sh --check >/dev/null 2>&1 \
  && ok "--check with the stand-ins exits 0 without building" || ko "--check with the stand-ins exits 0 without building"
if env PATH="$ANDROID_PATH" ANDROID_NDK_HOME="$NDK" FAKE_CARGO_NDK_VERSION=3.2.2 \
    bindings/scripts/build-android.sh --check > "$TMP/android-ndk-old.log" 2>&1; then
  ko "cargo-ndk 3.2 is refused (it would drop the project's Android rustflags)"
else
  check "cargo-ndk 3.2 is refused (it would drop the project's Android rustflags)" \
    grep -q 'cargo-ndk 3.3 or newer (found: cargo-ndk 3.2.2' "$TMP/android-ndk-old.log"
fi
check ".cargo/config.toml packs Android's relocations (-Wl,--pack-dyn-relocs=android)" \
  grep -q "link-arg=-Wl,--pack-dyn-relocs=android" .cargo/config.toml
check ".cargo/config.toml turns LLVM's machine outliner off on AArch64 but Apple's" \
  grep -q "^\[target.'cfg(all(target_arch = \"aarch64\", not(target_vendor = \"apple\")))'\]" .cargo/config.toml

# --- build-xcframework.sh ----------------------------------------------------------------------
echo "# build-xcframework.sh"
: > "$CALLS"
APPLE="$TMP/build/apple"
run_apple() { # run_apple LOG [VAR=value...]
  local out=$1; shift
  env PATH="$SHIMS:$PATH" ASSISTMED_BUILD_DIR="$TMP/build" CARGO_TARGET_DIR="$TMP/target" \
      BINDGEN_LIBRARY="$HOST_LIB" "$@" bindings/scripts/build-xcframework.sh > "$out" 2>&1
}
if run_apple "$TMP/apple.log" ASSISTMED_SCM_URL=https://example.org/assistmed; then
  ok "build-xcframework.sh with stand-in macOS, Xcode, lipo, swift: exit 0"
else
  ko "build-xcframework.sh with stand-in macOS, Xcode, lipo, swift: exit 0 (log below)"; sed 's/^/    /' "$TMP/apple.log"
fi
for t in aarch64-apple-ios aarch64-apple-ios-sim x86_64-apple-ios aarch64-apple-darwin x86_64-apple-darwin; do
  check "cargo build --release --target $t" grep -qxF -- "cargo build --release -p assistmed-ffi --lib --target $t $SHIPPED_ARGS" "$CALLS"
done
check "xcodebuild -create-xcframework with 3 libraries and their headers" \
  bash -c "grep '^xcodebuild -create-xcframework' '$CALLS' | grep -o -- '-library' | wc -l | grep -qx 3"
ZIP="$APPLE/AssistmedFFI-$VERSION.xcframework.zip"
check "zip AssistmedFFI-$VERSION.xcframework.zip written" test -f "$ZIP"
check "the zip holds AssistmedFFI.xcframework/ at its top level" \
  bash -c "unzip -Z1 '$ZIP' | grep -q '^AssistmedFFI.xcframework/Info.plist$'"
SUM=$(sha256sum "$ZIP" 2>/dev/null | cut -d' ' -f1)
check "checksum file = swift package compute-checksum = SHA-256 of the zip" \
  test "$(cat "$ZIP.checksum" 2>/dev/null)" = "$SUM"
check "swift package compute-checksum was used" grep -q '^swift package compute-checksum' "$CALLS"
REL="$APPLE/AssistmedSwift-release/Package.swift"
check "release Package.swift: binaryTarget url from ASSISTMED_SCM_URL" \
  grep -q "url: \"https://example.org/assistmed/releases/download/v$VERSION/AssistmedFFI-$VERSION.xcframework.zip\"," "$REL"
check "release Package.swift: checksum of the zip" grep -q "checksum: \"$SUM\"" "$REL"
check "release Package.swift: no local path, no test target" bash -c "! grep -q 'path: \"AssistmedFFI.xcframework\"\|testTarget' '$REL'"
SOURCES_EXPECTED="Assistmed.swift AssistmedCore.swift $(cd bindings/swift && ls -- *.swift | LC_ALL=C sort | tr '\n' ' ')"
for pkg in AssistmedSwift AssistmedSwift-release; do
  check "$pkg/Sources/Assistmed: both generated files + bindings/swift/*.swift ($SOURCES_EXPECTED)" \
    bash -c "[ \"\$(cd '$APPLE/$pkg/Sources/Assistmed' && ls | LC_ALL=C sort | tr '\n' ' ')\" = \"\$(printf '%s\n' $SOURCES_EXPECTED | LC_ALL=C sort | tr '\n' ' ')\" ]"
done
check "the hand-written AssistmedError+Text.swift is copied unchanged" \
  cmp bindings/swift/AssistmedError+Text.swift "$APPLE/AssistmedSwift/Sources/Assistmed/AssistmedError+Text.swift"
check "headers dir: both headers (AssistmedFFI.h, AssistmedCoreFFI.h) and one module.modulemap" \
  bash -c "[ \"\$(cd '$APPLE/headers' && ls | LC_ALL=C sort | tr '\n' ' ')\" = 'AssistmedCoreFFI.h AssistmedFFI.h module.modulemap ' ]"
check "module.modulemap: two module blocks, AssistmedFFI and AssistmedCoreFFI, each with its header" \
  bash -c "mm='$APPLE/headers/module.modulemap'; [ \$(grep -c '^module ' \"\$mm\") -eq 2 ] && grep -qx 'module AssistmedFFI {' \"\$mm\" && grep -qx 'module AssistmedCoreFFI {' \"\$mm\" && grep -q 'header \"AssistmedFFI.h\"' \"\$mm\" && grep -q 'header \"AssistmedCoreFFI.h\"' \"\$mm\""
check "every xcframework slice gets that headers dir" \
  bash -c "[ \$(grep '^xcodebuild -create-xcframework' '$CALLS' | grep -o -- '-headers $APPLE/headers' | wc -l) -eq 3 ]"
check "the xcframework is named after the Swift module's C module (AssistmedFFI), not the core's" \
  bash -c "[ -d '$APPLE/AssistmedFFI.xcframework' ] && [ ! -e '$APPLE/AssistmedCoreFFI.xcframework' ]"
DEV="$APPLE/AssistmedSwift/Package.swift"
check "development Package.swift: binaryTarget path: and the test target" \
  bash -c "grep -q 'path: \"AssistmedFFI.xcframework\"' '$DEV' && grep -q 'testTarget' '$DEV'"
check "swift test run in the development package" grep -qx 'swift test' "$CALLS"

# Without swift: same checksum by shasum; without a URL: a placeholder and a warning.
rm "$SHIMS/swift"
if run_apple "$TMP/apple-noswift.log" SKIP_SWIFT_TEST=1; then
  SUM2=$(sha256sum "$ZIP" | cut -d' ' -f1)
  check "without swift: checksum by shasum -a 256, equal to the SHA-256 of the zip" \
    bash -c "[ \"\$(cat '$ZIP.checksum')\" = '$SUM2' ] && grep -q 'shasum -a 256' '$TMP/apple-noswift.log'"
  check "without a URL: placeholder URL and a warning" \
    bash -c "grep -q 'REPLACE-WITH-THE-RELEASE-HOST' '$REL' && grep -q 'placeholder URL' '$TMP/apple-noswift.log'"
else
  ko "build-xcframework.sh without swift: exit 0 (log below)"; sed 's/^/    /' "$TMP/apple-noswift.log"
fi

# Syntax of the generated Package.swift files (tree-sitter, when the venv exists).
if [ -x "$REPO_ROOT/.tools/swift-syntax-venv/bin/python" ]; then
  check "both Package.swift files pass the Swift syntax check" \
    "$REPO_ROOT/.tools/swift-syntax-venv/bin/python" "$REPO_ROOT/scripts/swift_syntax_check.py" "$DEV" "$REL"
else
  echo "skip Swift syntax check of Package.swift (no .tools/swift-syntax-venv: run scripts/tools/ensure-swift-syntax.sh)"
fi

# On this (non-mac) host, without stand-ins, the script stops with a clear reason.
if [ "$(uname -s)" != Darwin ]; then
  if bindings/scripts/build-xcframework.sh --check > "$TMP/apple-check.log" 2>&1; then
    ko "--check on $(uname -s) exits 1"
  else
    check "--check on $(uname -s) says it needs macOS" grep -q 'needs macOS with Xcode' "$TMP/apple-check.log"
  fi
fi

# shipped-build.sh where rust-src cannot be installed: one rustup attempt per script (size-report
# builds four libraries), then the plain build's path (a return of 1, never a hang or a failure).
mkdir -p "$TMP/no-src/lib/rustlib" "$TMP/failing-rustup"
cat > "$TMP/failing-rustup/rustup" <<'EOF2'
#!/usr/bin/env bash
echo "rustup $*" >> "$CALLS"
exit 1
EOF2
chmod +x "$TMP/failing-rustup/rustup"
: > "$CALLS"
check "shipped_prepare without rust-src and offline: returns 1 twice, asks rustup once" \
  env PATH="$TMP/failing-rustup:$PATH" SHIPPED_SYSROOT="$TMP/no-src" bash -c \
  ". '$REPO_ROOT/bindings/scripts/shipped-build.sh'; ! shipped_prepare 2>/dev/null && ! shipped_prepare 2>/dev/null && [ \$(grep -c '^rustup component add rust-src' '$CALLS') -eq 1 ]"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
