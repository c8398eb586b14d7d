#!/usr/bin/env bash
# The one release command: builds every SDK artefact this host can build, into
# target/release-artifacts/, with their SHA-256 sums, and says what needs another machine.
#
#   version      bindings/scripts/version.sh: the workspace version of Cargo.toml (semver), the
#                only version source; CHANGELOG.md must have a "## [<version>]" section
#   any host     the release library for the host, stripped, within the size budget and without
#                the TEST-ONLY key (bindings/scripts/size-report.sh)
#                libassistmed_ffi-<v>-<os>-<arch>.so
#                the Kotlin/JVM jar (bindings, JVM flavour, + that library as a JNA resource) and
#                its sources (bindings/scripts/jvm-jar.sh, smoke-run)
#                assistmed-core-jvm-<v>.jar, assistmed-core-jvm-<v>-sources.jar
#   NDK + cargo-ndk (+ Gradle 9.3.1+ and the Android SDK for the AAR)
#                bindings/scripts/build-android.sh: fr.assistmed:assistmed-core:<v>
#                assistmed-core-<v>.aar, assistmed-core-<v>-maven-repo.zip (AAR, sources, POM,
#                Gradle module: the Maven layout to sign and upload)
#   macOS + Xcode (+ 5 Apple rustup targets)
#                bindings/scripts/build-xcframework.sh (runs `swift test` too)
#                AssistmedFFI-<v>.xcframework.zip and .checksum (SwiftPM's), the release Swift
#                package AssistmedSwift-<v>-package.zip (Package.swift with binaryTarget(url:checksum:))
#   always       RELEASE-NOTES.md (the CHANGELOG section), MANIFEST.txt (what was built, what
#                was not and why, the commit), SHA256SUMS
#
# What this host cannot build is listed with the reason, and the script still exits 0 (the
# artefacts of the other machines are added by running the same script there). Set
# ASSISTMED_RELEASE_STRICT=1 to exit 1 instead when anything is missing, when CHANGELOG.md still has
# [Unreleased] entries or when the working tree is not clean (the final release run).
# Publishing (tag, Maven Central upload and signing, GitHub release assets) stays manual: see
# bindings/scripts/README.md, "Releasing".
#
# Environment: ASSISTMED_SCM_URL (POM url/scm, default XCFramework URL), ASSISTMED_XCFRAMEWORK_URL,
#              ASSISTMED_RELEASE_STRICT=1, CARGO_TARGET_DIR.
set -euo pipefail

REPO_ROOT=$(cd "$(dirname "$0")/.." && pwd)
TARGET_DIR="${CARGO_TARGET_DIR:-$REPO_ROOT/target}"
case "$TARGET_DIR" in /*) ;; *) TARGET_DIR="$REPO_ROOT/$TARGET_DIR" ;; esac
OUT="$TARGET_DIR/release-artifacts"
WORK="$TARGET_DIR/release-build"
BUILD_ROOT="${ASSISTMED_BUILD_DIR:-$REPO_ROOT/build}"   # where build-android.sh / build-xcframework.sh write
LIB_NAME="assistmed_ffi"

log() { printf 'release: %s\n' "$*" >&2; }
die() { printf 'release: ERROR: %s\n' "$*" >&2; exit 1; }
etape() { printf '\n== release: %s ==\n' "$*" >&2; }
sha256_of() {
  if command -v sha256sum >/dev/null 2>&1; then sha256sum "$@"; else shasum -a 256 "$@"; fi
}

cd "$REPO_ROOT"
VERSION=$(bindings/scripts/version.sh)
COMMIT=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
DIRTY=""
if [ -n "$(git status --porcelain 2>/dev/null)" ]; then DIRTY=" (working tree has uncommitted changes)"; fi
OS=$(uname -s | tr '[:upper:]' '[:lower:]')
ARCH=$(uname -m)

etape "version $VERSION, commit $COMMIT$DIRTY"
# The changelog section of this version becomes the release notes.
NOTES=$(awk -v v="$VERSION" '
  $0 ~ "^## \\[" v "\\]" { on = 1; print; next }
  on && /^## \[/ { exit }
  on { print }' CHANGELOG.md 2>/dev/null || true)
[ -n "$NOTES" ] || die "CHANGELOG.md has no \"## [$VERSION]\" section: move the Unreleased entries under it first"
# Entries still under [Unreleased] mean the code has changed since <version>: artefacts built now
# would carry an old version number over newer code.
UNRELEASED=$(awk '/^## \[Unreleased\]/ { on = 1; next } on && /^## \[/ { exit } on && /^- / { n++ } END { print n + 0 }' CHANGELOG.md)
warnings=()
if [ "$UNRELEASED" -gt 0 ]; then
  warnings+=("CHANGELOG.md lists $UNRELEASED change(s) under [Unreleased]: these artefacts are labelled $VERSION but contain them. For a real release, move them under a new version and set it in Cargo.toml.")
  log "WARNING: ${warnings[0]}"
fi
if git rev-parse -q --verify "refs/tags/v$VERSION" >/dev/null 2>&1; then
  tag_note="tag v$VERSION exists ($(git rev-parse --short "v$VERSION^{commit}"))"
else
  tag_note="tag v$VERSION not created yet (git tag -a v$VERSION after this run)"
fi
log "$tag_note"

rm -rf "$OUT"
mkdir -p "$OUT" "$WORK"
built=()
missing=()

# ---------------------------------------------------------------------------
etape "host release library ($OS-$ARCH): size budget, no test key"
bindings/scripts/size-report.sh >&2
case "$OS" in darwin) LIB_EXT=dylib ;; *) LIB_EXT=so ;; esac
HOST_LIB="$OUT/lib$LIB_NAME-$VERSION-$OS-$ARCH.$LIB_EXT"
cp "$TARGET_DIR/size-report/lib$LIB_NAME.$LIB_EXT" "$HOST_LIB"
built+=("$(basename "$HOST_LIB"): stripped release library (size-report.sh: within budget, no TEST-ONLY key)")

# ---------------------------------------------------------------------------
etape "Kotlin/JVM jar and sources"
JAR=$(bindings/scripts/jvm-jar.sh "$WORK/jvm")
cp "$JAR" "${JAR%.jar}-sources.jar" "$OUT/"
built+=("$(basename "$JAR"): Kotlin bindings (JVM flavour) + the $OS-$ARCH library as a JNA resource; runs with JNA 5.x and kotlin-stdlib")
built+=("$(basename "${JAR%.jar}")-sources.jar: the generated Kotlin source")

# ---------------------------------------------------------------------------
etape "Android library (NDK)"
if android_check=$(bindings/scripts/build-android.sh --check 2>&1); then
  if command -v "${GRADLE:-gradle}" >/dev/null 2>&1; then
    ASSISTMED_BUILD_AAR=1 bindings/scripts/build-android.sh >&2
    repo="$BUILD_ROOT/android/assistmed-android/build/maven-repo"
    cp "$repo/fr/assistmed/assistmed-core/$VERSION/assistmed-core-$VERSION.aar" "$OUT/"
    (cd "$repo" && zip -q -r "$OUT/assistmed-core-$VERSION-maven-repo.zip" fr)
    built+=("assistmed-core-$VERSION.aar: fr.assistmed:assistmed-core:$VERSION (3 ABIs, JNA 5.19.1 @aar)")
    built+=("assistmed-core-$VERSION-maven-repo.zip: Maven layout (AAR, sources, POM, module) to sign and upload")
  else
    bindings/scripts/build-android.sh >&2
    missing+=("AAR and Maven publication: needs Gradle 9.3.1+ and the Android SDK (platform 36) on top of the NDK; the module is ready in build/android/")
  fi
else
  missing+=("AAR (fr.assistmed:assistmed-core:$VERSION): needs the Android NDK and cargo-ndk, then Gradle 9.3.1+ and the Android SDK; missing here:|$(printf '%s' "$android_check" | grep -- '  - ' | sed 's/^build-android:   - //' | paste -sd '|' -)")
fi

# ---------------------------------------------------------------------------
etape "Apple XCFramework and Swift package (Mac)"
if apple_check=$(bindings/scripts/build-xcframework.sh --check 2>&1); then
  bindings/scripts/build-xcframework.sh >&2
  apple="$BUILD_ROOT/apple"
  cp "$apple/AssistmedFFI-$VERSION.xcframework.zip" "$apple/AssistmedFFI-$VERSION.xcframework.zip.checksum" "$OUT/"
  (cd "$apple/AssistmedSwift-release" && zip -q -r "$OUT/AssistmedSwift-$VERSION-package.zip" Package.swift Sources)
  built+=("AssistmedFFI-$VERSION.xcframework.zip (+ .checksum, SwiftPM's): upload as the release asset the Package.swift URL names")
  built+=("AssistmedSwift-$VERSION-package.zip: Package.swift (binaryTarget url + checksum) and Sources/, for the package repository")
else
  reason=$(printf '%s' "$apple_check" | sed -n 's/^build-xcframework: ERROR: //p; s/^build-xcframework:   - //p' | paste -sd '|' -)
  missing+=("XCFramework zip, its checksum, the release Package.swift, swift test: need a Mac with Xcode; here:|${reason:-see bindings/scripts/build-xcframework.sh --check}")
fi

# ---------------------------------------------------------------------------
etape "notes, manifest, checksums"
printf '%s\n' "$NOTES" > "$OUT/RELEASE-NOTES.md"
{
  echo "Assistmed SDK $VERSION"
  echo "commit $COMMIT$DIRTY, built $(date -u +%Y-%m-%dT%H:%M:%SZ) on $OS-$ARCH; $tag_note"
  echo "coordinates: Maven fr.assistmed:assistmed-core:$VERSION; Swift package product Assistmed $VERSION"
  echo
  if [ "${#warnings[@]}" -gt 0 ]; then
    echo "warnings:"
    for w in "${warnings[@]}"; do echo "  ! $w"; done
    echo
  fi
  echo "built here:"
  for b in "${built[@]}"; do echo "  - $b"; done
  echo
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "not built on this host (run scripts/release.sh where the tools are):"
    # ("|" separates a group from its detailed reasons)
    for m in "${missing[@]}"; do printf '  - %s\n' "${m//|/$'\n      · '}"; done
  else
    echo "nothing missing: every artefact was built"
  fi
} > "$OUT/MANIFEST.txt"
(cd "$OUT" && sha256_of $(ls | grep -v '^SHA256SUMS$') > SHA256SUMS)

etape "done: $OUT"
(cd "$OUT" && for f in *; do printf '  %10s  %s\n' "$(wc -c < "$f" | tr -d '[:space:]')" "$f"; done) >&2
cat "$OUT/MANIFEST.txt" >&2
if [ -n "${ASSISTMED_RELEASE_STRICT:-}" ]; then
  [ "${#missing[@]}" -eq 0 ] || die "ASSISTMED_RELEASE_STRICT=1 and ${#missing[@]} artefact group(s) could not be built here"
  [ "${#warnings[@]}" -eq 0 ] || die "ASSISTMED_RELEASE_STRICT=1 and ${#warnings[@]} warning(s) (see MANIFEST.txt)"
  [ -z "$DIRTY" ] || die "ASSISTMED_RELEASE_STRICT=1 and the working tree has uncommitted changes"
fi
exit 0
