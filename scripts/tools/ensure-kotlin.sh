#!/usr/bin/env bash
# Ensure a Kotlin/JVM toolchain for testing the generated Kotlin bindings on the JVM:
#   - kotlinc from the npm package kotlin-compiler@2.4.20, installed into .tools/kotlin
#   - JNA jar  (Debian libjna-java, /usr/share/java/jna.jar)
#   - Gson jar (Debian libgoogle-gson-java, /usr/share/java/gson.jar)
#
# stdout: only `export NAME=value` lines (KOTLINC, KOTLIN_LIB, JNA_JAR, GSON_JAR, JNA_JAVA_OPTS),
# so a caller can do
#     eval "$(scripts/tools/ensure-kotlin.sh)"
#     "$KOTLINC" -cp "$JNA_JAR" ... ; java $JNA_JAVA_OPTS -cp "...:$KOTLIN_LIB/kotlin-stdlib.jar:$JNA_JAR" MainKt
# JNA_JAVA_OPTS is empty unless the JNA jar came from the no-root fallback (see below).
# stderr: progress and errors.
#
# Idempotent: a second run only checks files and prints the exports.
#
# Environment:
#   ASSISTMED_NO_APT_INSTALL=1   never run `apt-get install` (use the download + dpkg -x fallback).
#                                Implied when not running as root.
set -euo pipefail

REPO_ROOT=$(cd "$(dirname "$0")/../.." && pwd)
TOOLS_DIR="$REPO_ROOT/.tools"
KOTLIN_VERSION="2.4.20"
KOTLIN_PREFIX="$TOOLS_DIR/kotlin"
KOTLIN_HOME="$KOTLIN_PREFIX/node_modules/kotlin-compiler"
DEBS_DIR="$TOOLS_DIR/debs"

log() { printf 'ensure-kotlin: %s\n' "$*" >&2; }
die() { printf 'ensure-kotlin: ERROR: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------------------
# Java (kotlinc needs a JDK; the machine image ships OpenJDK 17)
# ---------------------------------------------------------------------------
command -v java >/dev/null 2>&1 \
  || die "no 'java' on PATH. Install a JDK (17 works), e.g.: apt-get install -y openjdk-17-jdk-headless"

# ---------------------------------------------------------------------------
# kotlinc (npm kotlin-compiler@2.4.20, project-local)
# ---------------------------------------------------------------------------
installed_kotlin_version() {
  local pj="$KOTLIN_HOME/package.json"
  [ -f "$pj" ] || return 0
  sed -n 's/^[[:space:]]*"version"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' "$pj" | head -n 1
}

if [ -x "$KOTLIN_HOME/bin/kotlinc" ] && [ -f "$KOTLIN_HOME/lib/kotlin-stdlib.jar" ] \
   && [ "$(installed_kotlin_version)" = "$KOTLIN_VERSION" ]; then
  log "kotlinc $KOTLIN_VERSION already present ($KOTLIN_HOME)"
else
  command -v npm >/dev/null 2>&1 \
    || die "no 'npm' on PATH; needed to install kotlin-compiler@$KOTLIN_VERSION (apt-get install -y npm)"
  log "installing kotlin-compiler@$KOTLIN_VERSION from npm into $KOTLIN_PREFIX (about 95 MB on disk, once) ..."
  mkdir -p "$KOTLIN_PREFIX"
  # Always pass --prefix: without it npm may pick a parent folder that has a package.json.
  npm install --prefix "$KOTLIN_PREFIX" --no-audit --no-fund --no-save --loglevel=error \
    "kotlin-compiler@$KOTLIN_VERSION" >&2 \
    || die "npm install kotlin-compiler@$KOTLIN_VERSION failed (is the npm registry reachable?)"
  [ -f "$KOTLIN_HOME/bin/kotlinc" ] || die "kotlinc not found at $KOTLIN_HOME/bin/kotlinc after npm install"
  # The package's `bin` only links kotlinc-js; make sure the JVM launcher is executable.
  chmod +x "$KOTLIN_HOME"/bin/* 2>/dev/null || true
  [ "$(installed_kotlin_version)" = "$KOTLIN_VERSION" ] \
    || die "installed kotlin-compiler version is '$(installed_kotlin_version)', expected $KOTLIN_VERSION"
  log "kotlinc $KOTLIN_VERSION installed"
fi
for jar in kotlin-stdlib.jar kotlin-test.jar; do
  [ -f "$KOTLIN_HOME/lib/$jar" ] || die "$KOTLIN_HOME/lib/$jar is missing (broken kotlin-compiler install? rm -rf $KOTLIN_PREFIX and re-run)"
done

# ---------------------------------------------------------------------------
# Debian jars (JNA, Gson): system install if possible, else download + dpkg -x into .tools/debs
# ---------------------------------------------------------------------------
can_apt_install() {
  [ -z "${ASSISTMED_NO_APT_INSTALL:-}" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1
}

APT_UPDATED=0
apt_update_once() {
  if [ "$APT_UPDATED" = 0 ]; then
    log "running apt-get update ..."
    apt-get update >&2 || log "apt-get update failed (continuing with the current package lists)"
    APT_UPDATED=1
  fi
}

# apt_install PKG...: install system-wide; retries once after apt-get update.
apt_install() {
  can_apt_install || return 1
  log "apt-get install -y $* ..."
  if DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@" >&2; then
    return 0
  fi
  apt_update_once
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@" >&2
}

# deb_extract PKG: apt-get download PKG and unpack it (no root needed) into $DEBS_DIR/PKG.
deb_extract() {
  local pkg=$1 tmp deb
  command -v apt-get >/dev/null 2>&1 || { log "no apt-get: cannot download $pkg"; return 1; }
  command -v dpkg >/dev/null 2>&1 || { log "no dpkg: cannot unpack $pkg"; return 1; }
  tmp=$(mktemp -d)
  # apt-get download runs as the unprivileged _apt user when started as root.
  if [ "$(id -u)" = 0 ]; then chmod 0777 "$tmp"; fi
  log "apt-get download $pkg (fallback, unpacked into $DEBS_DIR/$pkg) ..."
  if ! (cd "$tmp" && apt-get download "$pkg" >&2); then
    if [ "$(id -u)" = 0 ]; then
      apt_update_once
      (cd "$tmp" && apt-get download "$pkg" >&2) || { rm -rf "$tmp"; return 1; }
    else
      rm -rf "$tmp"; return 1
    fi
  fi
  deb=$(ls "$tmp"/*.deb 2>/dev/null | head -n 1)
  [ -n "$deb" ] || { rm -rf "$tmp"; return 1; }
  rm -rf "${DEBS_DIR:?}/${pkg:?}"
  mkdir -p "$DEBS_DIR/$pkg"
  dpkg -x "$deb" "$DEBS_DIR/$pkg"
  rm -rf "$tmp"
}

# find_jar NAME: print the path of NAME.jar, system first, then the local fallback.
find_jar() {
  local name=$1 pkg=$2 p
  for p in "/usr/share/java/$name.jar" "$DEBS_DIR/$pkg/usr/share/java/$name.jar"; do
    if [ -f "$p" ]; then printf '%s\n' "$p"; return 0; fi
  done
  return 1
}

# ensure_jar NAME DEB_PKG [EXTRA_DEB_PKG_FOR_FALLBACK...]
ensure_jar() {
  local name=$1 pkg=$2 jar extra
  shift 2
  if jar=$(find_jar "$name" "$pkg"); then
    log "$name.jar already present ($jar)"
    printf '%s\n' "$jar"; return 0
  fi
  if apt_install "$pkg" && jar=$(find_jar "$name" "$pkg"); then
    log "$name.jar installed ($jar)"
    printf '%s\n' "$jar"; return 0
  fi
  can_apt_install && log "apt-get install $pkg did not give /usr/share/java/$name.jar; trying apt-get download + dpkg -x"
  deb_extract "$pkg" || die "could not get $pkg (neither apt-get install nor apt-get download worked)"
  for extra in "$@"; do
    deb_extract "$extra" || die "could not get $extra (needed with the unpacked $pkg)"
  done
  jar=$(find_jar "$name" "$pkg") || die "$pkg unpacked but $name.jar not found under $DEBS_DIR/$pkg/usr/share/java"
  log "$name.jar unpacked ($jar)"
  printf '%s\n' "$jar"
}

# Debian's jna.jar loads its native part (libjnidispatch) from libjna-jni; in the
# dpkg -x fallback it is unpacked too and JNA_JAVA_OPTS points the JVM at it.
JNA_JAR=$(ensure_jar jna libjna-java libjna-jni)
GSON_JAR=$(ensure_jar gson libgoogle-gson-java)

# JVM options needed for JNA (pass them to `java`, unquoted: java $JNA_JAVA_OPTS ...).
# Empty for a system install. Debian's jna.jar has no bundled native part: it looks for
# libjnidispatch.system.so only in /usr/lib/jni and /usr/lib/<multiarch>/jni (it ignores
# jna.boot.library.path), then - only with jna.nosys=false - in java.library.path. So the
# unpacked fallback needs both options below (checked: without them, UnsatisfiedLinkError).
JNA_JAVA_OPTS=""
case "$JNA_JAR" in
  "$DEBS_DIR"/*)
    dispatch=$(find "$DEBS_DIR/libjna-jni" -name 'libjnidispatch*.so' 2>/dev/null | head -n 1)
    [ -n "$dispatch" ] || die "libjnidispatch*.so not found under $DEBS_DIR/libjna-jni (needed by the unpacked jna.jar; rm -rf $DEBS_DIR and re-run)"
    JNA_JAVA_OPTS="-Djna.nosys=false -Djava.library.path=$(dirname "$dispatch")"
    ;;
esac

# ---------------------------------------------------------------------------
# Exports (the only thing on stdout)
# ---------------------------------------------------------------------------
q() { printf '%q' "$1"; }
echo "export KOTLINC=$(q "$KOTLIN_HOME/bin/kotlinc")"
echo "export KOTLIN_LIB=$(q "$KOTLIN_HOME/lib")"
echo "export JNA_JAR=$(q "$JNA_JAR")"
echo "export GSON_JAR=$(q "$GSON_JAR")"
echo "export JNA_JAVA_OPTS=$(q "$JNA_JAVA_OPTS")"
log "ok: kotlinc $KOTLIN_VERSION, $(basename "$JNA_JAR"), $(basename "$GSON_JAR")"
