#!/usr/bin/env bash
# Compares the core's yearly employer cost with URSSAF's open model modele-social (test oracle
# only: never shipped, never a runtime dependency) over a grid of salaries, both working times,
# 2025 and 2026; fails beyond 1 %. Installs modele-social (9.0.0 for 2025, 10.0.1 for 2026) and
# publicodes, pinned, into .tools/modele-social (idempotent: nothing to do when cached).
set -euo pipefail
cd "$(dirname "$0")/.."

OUTILS=.tools/modele-social
VERSIONS="ms2025@npm:modele-social@9.0.0 ms2026@npm:modele-social@10.0.1 publicodes@1.10.3"
ATTENDU="9.0.0 10.0.1 1.10.3"
installe() {
  local v=""
  for p in ms2025 ms2026 publicodes; do
    v="$v $(node -p "require('./$OUTILS/node_modules/$p/package.json').version" 2>/dev/null || echo absent)"
  done
  [ "${v# }" = "$ATTENDU" ]
}
if ! command -v node >/dev/null; then
  echo "node is not installed: the modele-social oracle cannot run" >&2
  exit 1
fi
if ! installe; then
  mkdir -p "$OUTILS"
  # shellcheck disable=SC2086
  npm install --prefix "$OUTILS" --no-audit --no-fund --no-save --loglevel=error $VERSIONS >&2
  installe
fi
cargo build -q -p assistmed-cli --locked
cp scripts/oracle/economics-oracle.mjs "$OUTILS/economics-oracle.mjs"
node "$OUTILS/economics-oracle.mjs" "$PWD/target/debug/assistmed"
