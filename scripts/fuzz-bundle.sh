#!/usr/bin/env bash
# Fuzzes the signed rule-bundle parser and installer only: scripts/fuzz-all.sh restricted to the
# bundle targets (same environment: FUZZ_SECONDS, FUZZ_SANITIZER, FUZZ_TIMEOUT, FUZZ_FRESH).
# Prints `fuzz <target>: N executions in S s, C crashes` per target and the total.
set -euo pipefail
cd "$(dirname "$0")/.."
FUZZ_TARGETS=${FUZZ_TARGETS:-"bundle_lire bundle_installer"} exec scripts/fuzz-all.sh "$@"
