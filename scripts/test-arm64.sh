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
CIBLE=aarch64-unknown-linux-gnu
log() { printf 'test-arm64: %s\n' "$*" >&2; }

manque() {
  local m=""
  for outil in qemu-aarch64 aarch64-linux-gnu-gcc; do
    command -v "$outil" >/dev/null 2>&1 || m="$m $outil"
  done
  [ -f /usr/aarch64-linux-gnu/lib/libc.so.6 ] || m="$m libc6-arm64-cross"
  printf '%s' "$m"
}

if [ -n "$(manque)" ] && [ -z "${ASSISTMED_NO_APT_INSTALL:-}" ] && [ "$(id -u)" = 0 ] \
  && command -v apt-get >/dev/null 2>&1; then
  paquets=(qemu-user gcc-aarch64-linux-gnu libc6-dev-arm64-cross)
  log "apt-get install -y ${paquets[*]} ..."
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${paquets[@]}" >&2 \
    || { apt-get update >&2 || true
         DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${paquets[@]}" >&2; } \
    || log "apt-get install failed"
fi
if [ -n "$(manque)" ]; then
  [ "${ASSISTMED_ARM64:-}" = 1 ] && { log "ERROR: missing:$(manque)"; exit 1; }
  log "SKIPPED: missing:$(manque) (apt-get install qemu-user gcc-aarch64-linux-gnu libc6-dev-arm64-cross)"
  exit 0
fi
if command -v rustup >/dev/null 2>&1 && ! rustup target list --installed | grep -qx "$CIBLE"; then
  log "rustup target add $CIBLE ..."
  rustup target add "$CIBLE" >&2 || true
fi
if ! rustc --print sysroot >/dev/null 2>&1 \
  || [ ! -d "$(rustc --print sysroot)/lib/rustlib/$CIBLE" ]; then
  [ "${ASSISTMED_ARM64:-}" = 1 ] && { log "ERROR: no Rust std for $CIBLE"; exit 1; }
  log "SKIPPED: no Rust std for $CIBLE (rustup target add $CIBLE)"
  exit 0
fi

export CARGO_TARGET_AARCH64_UNKNOWN_LINUX_GNU_LINKER=aarch64-linux-gnu-gcc
export CARGO_TARGET_AARCH64_UNKNOWN_LINUX_GNU_RUNNER="qemu-aarch64 -L /usr/aarch64-linux-gnu"
log "cargo test --release -p assistmed-core --target $CIBLE (run under qemu-aarch64) ..."
cargo test --release --locked -p assistmed-core --target "$CIBLE"
