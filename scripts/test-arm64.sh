#!/usr/bin/env bash
# The core's tests, golden cases included, on arm64, the phones' instruction set: built for
# aarch64-unknown-linux-gnu with the release profile (opt-level "z", LTO, one codegen unit, and
# .cargo/config.toml's AArch64 flags: the shipped library's code generation) and run under
# qemu-user. Linux rather than Android: the same AArch64 code, linked without the NDK (neither
# the NDK nor bionic is here); the x86_64 runs of the test command check the rest.
#
# Installs what it needs, idempotently: qemu-user, gcc-aarch64-linux-gnu and
# libc6-dev-arm64-cross (apt-get, as root; ASSISTMED_NO_APT_INSTALL=1 never runs it) and the
# rustup target. Where they cannot be had (not root, offline), it says so and skips, unless
# ASSISTMED_ARM64=1, which makes that a failure. About 8 minutes on a 2-core machine (the test
# binaries' LTO), then a minute when nothing changed.
set -euo pipefail
cd "$(dirname "$0")/.."
log() { printf 'test-arm64: %s\n' "$*" >&2; }
# shellcheck source=tools/arm64.sh
. scripts/tools/arm64.sh

if [ -n "$(arm64_outils_manquants)" ] && [ -z "${ASSISTMED_NO_APT_INSTALL:-}" ] \
  && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  paquets=(qemu-user gcc-aarch64-linux-gnu libc6-dev-arm64-cross)
  log "apt-get install -y ${paquets[*]} ..."
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${paquets[@]}" >&2 \
    || { apt-get update >&2 || true
         DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${paquets[@]}" >&2; } \
    || log "apt-get install failed"
fi
manque=$(arm64_outils_manquants)
[ -z "$manque" ] && ! arm64_std && manque=" rust-std($ARM64_CIBLE)"
if [ -n "$manque" ]; then
  [ "${ASSISTMED_ARM64:-}" = 1 ] && { log "ERROR: missing:$manque"; exit 1; }
  log "SKIPPED: missing:$manque (apt-get install qemu-user gcc-aarch64-linux-gnu libc6-dev-arm64-cross; rustup target add $ARM64_CIBLE)"
  exit 0
fi

log "cargo test --release -p assistmed-core --target $ARM64_CIBLE (run under qemu-aarch64) ..."
cargo test --release --locked -p assistmed-core --target "$ARM64_CIBLE"
