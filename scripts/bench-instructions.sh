#!/usr/bin/env bash
# Instruction counts of the core's hot paths, with callgrind: repeatable on a shared, noisy machine
# (the criterion medians of `cargo bench -p assistmed-core` are the wall-clock companion).
# For each operation, runs the workload (core/examples/instructions.rs) with N and with 0
# iterations; (I(N) - I(0)) / N is the cost of one call, setup and rule loading excluded.
# Two builds of the same code: `release`, the size-tuned profile of the shipped FFI library
# (opt-level "z": a move or a zeroing is an inline `rep movsb`/`rep stosb`, which callgrind counts
# one instruction a byte), and `cli`, the speed profile of the command line (opt-level 3: what an
# analyst's `simulate --jsonl` runs). `abaisser` is an assessment and its uniffi lowering (the
# bytes a Kotlin or Swift call receives: core/examples/abaisser.rs, feature `uniffi`); the
# lowering alone is its figure minus `evaluer`'s. Not part of the test command (about a minute).
#
# arm64, the phones' architecture: the same two builds for aarch64-unknown-linux-gnu, run under
# qemu-user with the counting plugin scripts/tools/qemu-instructions.c (no `rep movsb` there:
# every move is counted as the instructions it takes). Linux rather than Android: the same AArch64
# code generation, and it links without the NDK. Counted where qemu-aarch64, the cross linker
# aarch64-linux-gnu-gcc and a C compiler are there (Debian: apt-get install qemu-user
# gcc-aarch64-linux-gnu libc6-dev-arm64-cross); the rustup target is added if missing.
# BENCH_ARM64=0 leaves the arm64 columns out, BENCH_ARM64=1 fails without them (default: auto).
#
# usage: scripts/bench-instructions.sh [N]     (default N = 200; needs valgrind)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-200}
command -v valgrind >/dev/null 2>&1 || { echo "bench-instructions: valgrind is needed (apt-get install valgrind)" >&2; exit 1; }
cible="${CARGO_TARGET_DIR:-target}"
arm64=${BENCH_ARM64:-auto}
# shellcheck source=tools/arm64.sh
. scripts/tools/arm64.sh
cible_arm64=$ARM64_CIBLE
plugin="$cible/qemu-instructions.so"
if [ "$arm64" != 0 ]; then
  manque=$(arm64_outils_manquants)
  command -v cc >/dev/null 2>&1 || manque="$manque cc"
  [ -z "$manque" ] && ! arm64_std && manque=" rust-std($cible_arm64)"
  if [ -z "$manque" ]; then
    mkdir -p "$cible"
    cc -shared -fPIC -O2 -o "$plugin" scripts/tools/qemu-instructions.c || manque="$manque plugin"
  fi
  if [ -n "$manque" ]; then
    [ "$arm64" = 1 ] && { echo "bench-instructions: arm64 needs:$manque" >&2; exit 1; }
    echo "bench-instructions: no arm64 columns (missing:$manque)" >&2
    arm64=0
  else
    arm64=1
  fi
fi
for profil in release cli; do
  cargo build -q --profile "$profil" -p assistmed-core --example instructions
  cargo build -q --profile "$profil" -p assistmed-core --features uniffi --example abaisser
  if [ "$arm64" = 1 ]; then
    cargo build -q --profile "$profil" -p assistmed-core --example instructions --target "$cible_arm64"
    cargo build -q --profile "$profil" -p assistmed-core --features uniffi --example abaisser --target "$cible_arm64"
  fi
done

compte() { # binary [operation] iterations -> instructions executed by the whole process
  local bin=$1
  shift
  case "$bin" in
    */"$cible_arm64"/*)
      # (the counts go to stderr at exit, the workload's output is dropped)
      qemu-aarch64 -L /usr/aarch64-linux-gnu -plugin "$plugin" "$bin" "$@" 2>&1 >/dev/null \
        | sed -n 's/^instructions: \([0-9]*\)$/\1/p'
      ;;
    *)
      valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" "$@" 2>&1 \
        | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
      ;;
  esac
}

colonnes=("release:release (FFI lib)" "cli:cli (opt-level 3)")
[ "$arm64" = 1 ] && colonnes+=("$cible_arm64/release:arm64 release" "$cible_arm64/cli:arm64 cli")
entete=$(printf '%-12s' operation)
for c in "${colonnes[@]}"; do entete="$entete $(printf '%18s' "${c#*:}")"; done
echo "$entete"
for op in charger evaluer chronologie economie abaisser; do
  iterations=$n
  [ "$op" = charger ] && iterations=$(( n / 20 > 0 ? n / 20 : 1 ))
  ligne=$(printf '%-12s' "$op")
  for c in "${colonnes[@]}"; do
    dossier="$cible/${c%%:*}/examples"
    if [ "$op" = abaisser ]; then
      base=$(compte "$dossier/abaisser" 0)
      total=$(compte "$dossier/abaisser" "$iterations")
    else
      base=$(compte "$dossier/instructions" "$op" 0)
      total=$(compte "$dossier/instructions" "$op" "$iterations")
    fi
    [ -n "$base" ] && [ -n "$total" ] || { echo "bench-instructions: no count from $dossier ($op)" >&2; exit 1; }
    ligne="$ligne $(printf '%18s' $(( (total - base) / iterations )))"
  done
  echo "$ligne"
done
