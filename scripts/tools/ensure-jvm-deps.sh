#!/usr/bin/env bash
# Ensure the JVM test libraries from Maven Central (scripts/tools/jvm-deps/pom.xml): Compose
# Multiplatform desktop (runtime, foundation, ui, material3, ui-test-junit4), Skia (skiko-awt and
# its Linux x86_64 natives) and JUnit 4.13.2. `mvn dependency:copy-dependencies` copies them into
# .tools/jvm-deps/<hash of the pom>/ (Maven's own cache: .tools/m2); a second run only checks a
# stamp file. Maven Central's kotlin-stdlib is left out: kotlinc's own (2.4.20) is used.
#
# stdout: only `export NAME=value` lines:
#   JVM_DEPS_CP   every jar (class path, `:`-separated), for the Compose UI tests
#   JUNIT_CP      JUnit 4 and Hamcrest only, for the other Kotlin tests
# stderr: progress and errors.
set -euo pipefail

REPO_ROOT=$(cd "$(dirname "$0")/../.." && pwd)
POM="$REPO_ROOT/scripts/tools/jvm-deps/pom.xml"
TOOLS_DIR="$REPO_ROOT/.tools"

log() { printf 'ensure-jvm-deps: %s\n' "$*" >&2; }
die() { printf 'ensure-jvm-deps: ERROR: %s\n' "$*" >&2; exit 1; }

if command -v sha256sum >/dev/null 2>&1; then HASH=$(sha256sum < "$POM" | cut -c1-16); else HASH=$(shasum -a 256 < "$POM" | cut -c1-16); fi
DEPS_DIR="$TOOLS_DIR/jvm-deps/$HASH"
if [ -f "$DEPS_DIR/.complete" ]; then
  log "Maven Central jars already present ($DEPS_DIR)"
else
  command -v mvn >/dev/null 2>&1 || die "no 'mvn' on PATH (apt-get install -y maven)"
  log "fetching the Compose desktop, Skia and JUnit jars from Maven Central into $DEPS_DIR (~45 MB, once) ..."
  rm -rf "$DEPS_DIR"
  mkdir -p "$DEPS_DIR"
  # prependGroupId: androidx.* and org.jetbrains.* publish artifacts of the same name.
  mvn -q -B -f "$POM" -Dmaven.repo.local="$TOOLS_DIR/m2" dependency:copy-dependencies \
    -DoutputDirectory="$DEPS_DIR" -Dmdep.prependGroupId=true -DexcludeArtifactIds=kotlin-stdlib,kotlin-stdlib-common >&2 \
    || die "mvn dependency:copy-dependencies failed (is Maven Central reachable?)"
  touch "$DEPS_DIR/.complete"
  log "$(find "$DEPS_DIR" -name '*.jar' | wc -l | tr -d ' ') jars fetched"
fi

cp_of() { find "$DEPS_DIR" -name "$1" | LC_ALL=C sort | tr '\n' ':' | sed 's/:$//'; }
JVM_DEPS_CP=$(cp_of '*.jar')
JUNIT_CP=$(cp_of 'junit.junit-*.jar'):$(cp_of 'org.hamcrest.hamcrest-core-*.jar')
[ -n "$JVM_DEPS_CP" ] || die "no jar in $DEPS_DIR (rm -rf $DEPS_DIR and re-run)"
case "$JUNIT_CP" in :*|*:) die "JUnit or Hamcrest missing in $DEPS_DIR (rm -rf $DEPS_DIR and re-run)" ;; esac
q() { printf '%q' "$1"; }
echo "export JVM_DEPS_CP=$(q "$JVM_DEPS_CP")"
echo "export JUNIT_CP=$(q "$JUNIT_CP")"
