#!/usr/bin/env bash
# Prints the SDK version: the one version source is `version` in the [workspace.package] table of
# the root Cargo.toml (every crate has `version.workspace = true`). The release, packaging and
# benchmark scripts read it here, so the Maven coordinate, the XCFramework zip and the JVM jar
# always carry the crate version. Semantic versioning: MAJOR.MINOR.PATCH[-PRERELEASE].
#
# usage: bindings/scripts/version.sh            -> 0.1.0
# Exit status 1 if the version cannot be read or is not a semantic version.
set -euo pipefail
REPO_ROOT=$(cd "$(dirname "$0")/../.." && pwd)
version=$(awk '
  /^\[/ { in_table = ($0 ~ /^\[workspace\.package\][[:space:]]*$/); next }
  in_table && /^[[:space:]]*version[[:space:]]*=/ {
    sub(/^[^=]*=[[:space:]]*"/, ""); sub(/".*$/, ""); print; exit
  }' "$REPO_ROOT/Cargo.toml")
semver='^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?$'
if [ -z "$version" ] || ! printf '%s\n' "$version" | grep -Eq "$semver"; then
  printf 'version: ERROR: no semantic version in [workspace.package] of %s (got "%s")\n' \
    "$REPO_ROOT/Cargo.toml" "$version" >&2
  exit 1
fi
printf '%s\n' "$version"
