#!/usr/bin/env bash
# Instruction counts of the core's hot paths, with callgrind: repeatable on a shared, noisy machine
# (the criterion medians of `cargo bench -p assistmed-core` are the wall-clock companion).
# For each operation, runs the workload (core/examples/instructions.rs, release profile: the one
# shipped) with N and with 0 iterations; (I(N) - I(0)) / N is the cost of one call, setup and rule
# loading excluded. Not part of the test command (about a minute).
#
# usage: scripts/bench-instructions.sh [N]     (default N = 200; needs valgrind)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-200}
command -v valgrind >/dev/null 2>&1 || { echo "bench-instructions: valgrind is needed (apt-get install valgrind)" >&2; exit 1; }
cargo build -q --release -p assistmed-core --example instructions
bin="${CARGO_TARGET_DIR:-target}/release/examples/instructions"

compte() { # operation iterations -> instructions executed by the whole process
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" "$1" "$2" 2>&1 \
    | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}

printf '%-12s %14s\n' operation instructions/call
for op in charger evaluer chronologie economie; do
  iterations=$n
  [ "$op" = charger ] && iterations=$(( n / 20 > 0 ? n / 20 : 1 ))
  base=$(compte "$op" 0)
  total=$(compte "$op" "$iterations")
  printf '%-12s %14s\n' "$op" $(( (total - base) / iterations ))
done
