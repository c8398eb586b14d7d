# shellcheck shell=bash
# What the arm64 runs need, sourced by scripts/test-arm64.sh and scripts/bench-instructions.sh:
# qemu-user to run aarch64 Linux programs, the cross linker and C library to link them, and the
# Rust target to build them. Sets cargo's linker and runner for that target.
#
#   arm64_outils_manquants   prints the missing tools (nothing when all are there)
#   arm64_std                adds the Rust target where it is missing (rustup); 1 without it

ARM64_CIBLE=aarch64-unknown-linux-gnu
export CARGO_TARGET_AARCH64_UNKNOWN_LINUX_GNU_LINKER=aarch64-linux-gnu-gcc
export CARGO_TARGET_AARCH64_UNKNOWN_LINUX_GNU_RUNNER="qemu-aarch64 -L /usr/aarch64-linux-gnu"

arm64_outils_manquants() {
  local m="" outil
  for outil in qemu-aarch64 aarch64-linux-gnu-gcc; do
    command -v "$outil" >/dev/null 2>&1 || m="$m $outil"
  done
  [ -f /usr/aarch64-linux-gnu/lib/libc.so.6 ] || m="$m libc6-arm64-cross"
  printf '%s' "$m"
}

arm64_std() {
  local std
  std="$(rustc --print sysroot)/lib/rustlib/$ARM64_CIBLE"
  [ -d "$std" ] && return 0
  command -v rustup >/dev/null 2>&1 || return 1
  printf 'arm64: rustup target add %s\n' "$ARM64_CIBLE" >&2
  rustup target add "$ARM64_CIBLE" >&2 || return 1
  [ -d "$std" ]
}
