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
# usage: scripts/bench-instructions.sh [N]     (default N = 200; needs valgrind)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-200}
command -v valgrind >/dev/null 2>&1 || { echo "bench-instructions: valgrind is needed (apt-get install valgrind)" >&2; exit 1; }
cible="${CARGO_TARGET_DIR:-target}"
for profil in release cli; do
  cargo build -q --profile "$profil" -p assistmed-core --example instructions
  cargo build -q --profile "$profil" -p assistmed-core --features uniffi --example abaisser
done

compte() { # binary [operation] iterations -> instructions executed by the whole process
  local bin=$1
  shift
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" "$@" 2>&1 \
    | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}

printf '%-12s %18s %18s\n' operation 'release (FFI lib)' 'cli (opt-level 3)'
for op in charger evaluer chronologie economie abaisser; do
  iterations=$n
  [ "$op" = charger ] && iterations=$(( n / 20 > 0 ? n / 20 : 1 ))
  ligne=$(printf '%-12s' "$op")
  for profil in release cli; do
    if [ "$op" = abaisser ]; then
      bin="$cible/$profil/examples/abaisser"
      base=$(compte "$bin" 0)
      total=$(compte "$bin" "$iterations")
    else
      bin="$cible/$profil/examples/instructions"
      base=$(compte "$bin" "$op" 0)
      total=$(compte "$bin" "$op" "$iterations")
    fi
    ligne="$ligne $(printf '%18s' $(( (total - base) / iterations )))"
  done
  echo "$ligne"
done
