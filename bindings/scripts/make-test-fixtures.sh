#!/usr/bin/env bash
# Test fixtures of the Kotlin and Swift tests, written under OUT_DIR (build output, under target/):
#
#   OUT_DIR/bundles/regles-v2.json      the embedded rules with bundle_version 2 and the 2024
#                                       1/2 ETP year-1 amount (montant.demi.annee_1 from
#                                       2024-06-22) at "19500" instead of "19000"
#   OUT_DIR/bundles/regles-v2.json.sig  its detached signature (hex text) by the TEST-ONLY key
#   OUT_DIR/bundles/regles-v1.json      the embedded rules (`assistmed bundle export`)
#   OUT_DIR/bundles/regles-v1.json.sig  its signature (for "bundle_non_plus_recent")
#   OUT_DIR/core-json/<case>.json       for every golden case `simulate` / `timeline` the core
#                                       accepts: the CLI's JSON output (`assistmed simulate
#                                       --input - --json`, `assistmed timeline … --json`), byte
#                                       for byte the core's serialization; the typed results of
#                                       the bindings must equal these trees exactly
#
# Signed with the CLI (`assistmed bundle sign --key core/keys/test-only/TEST-ONLY-signing-key.hex`),
# which checks the bundle the way a store would before signing. Only libraries built with the
# `test-keys` feature trust that key.
#
# usage: make-test-fixtures.sh OUT_DIR [CASES_DIR]   (needs cargo and python3)
set -euo pipefail

REPO_ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT_DIR=${1:?usage: make-test-fixtures.sh OUT_DIR [CASES_DIR]}
CASES_DIR=${2:-$REPO_ROOT/tests/cases}
TARGET_DIR="${CARGO_TARGET_DIR:-$REPO_ROOT/target}"
case "$TARGET_DIR" in /*) ;; *) TARGET_DIR="$REPO_ROOT/$TARGET_DIR" ;; esac

log() { printf 'make-test-fixtures: %s\n' "$*" >&2; }
die() { printf 'make-test-fixtures: ERROR: %s\n' "$*" >&2; exit 1; }

command -v python3 >/dev/null 2>&1 || die "python3 is needed"
[ -d "$CASES_DIR" ] || die "golden cases directory not found: $CASES_DIR"

cd "$REPO_ROOT"
log "cargo build -p assistmed-cli"
cargo build --quiet -p assistmed-cli
CLI="$TARGET_DIR/debug/assistmed"
[ -x "$CLI" ] || die "$CLI not found after cargo build"
KEY="$REPO_ROOT/core/keys/test-only/TEST-ONLY-signing-key.hex"

rm -rf "$OUT_DIR.tmp"
mkdir -p "$OUT_DIR.tmp/bundles" "$OUT_DIR.tmp/core-json"

# The embedded document, assembled by the core's build from core/rules/ (one file per parameter).
"$CLI" bundle export --out "$OUT_DIR.tmp/bundles/regles-v1.json" >/dev/null \
  || die "assistmed bundle export failed"
python3 - "$OUT_DIR.tmp/bundles/regles-v1.json" "$OUT_DIR.tmp/bundles" <<'EOF'
import json, sys
source, out = sys.argv[1], sys.argv[2]
with open(source, encoding="utf-8") as f:
    doc = json.load(f)
doc["bundle_version"] = 2
changed = 0
for p in doc["parameters"]:
    if p["id"] == "montant.demi.annee_1":
        for v in p["values"]:
            if v["from"] == "2024-06-22":
                if v["value"] != "19000":
                    sys.exit(f"montant.demi.annee_1 at 2024-06-22 is {v['value']!r}, expected '19000'")
                v["value"] = "19500"
                changed += 1
if changed != 1:
    sys.exit("montant.demi.annee_1 at 2024-06-22 not found in " + source)
with open(out + "/regles-v2.json", "w", encoding="utf-8") as f:
    json.dump(doc, f, ensure_ascii=False, indent=2)
EOF
for v in v1 v2; do
  "$CLI" bundle sign "$OUT_DIR.tmp/bundles/regles-$v.json" --key "$KEY" \
    --out "$OUT_DIR.tmp/bundles/regles-$v.json.sig" >/dev/null \
    || die "assistmed bundle sign failed on regles-$v.json"
done

# Core JSON of the golden cases, through the CLI (cases it refuses are error cases: no file).
python3 - "$CLI" "$CASES_DIR" "$OUT_DIR.tmp/core-json" <<'EOF'
import json, os, subprocess, sys
cli, cases, out = sys.argv[1:4]
for name in sorted(os.listdir(cases)):
    if not name.endswith(".json"):
        continue
    with open(os.path.join(cases, name), encoding="utf-8") as f:
        case = json.load(f)
    command = case.get("command", "simulate")
    if command == "simulate":
        args = [cli, "simulate", "--input", "-", "--json"]
    elif command == "timeline":
        args = [cli, "timeline", "--option", case["option"], "--input", "-", "--json"]
        if case.get("start") is not None:
            args += ["--start", case["start"]]
    else:
        continue  # second_assistant: no CLI command (its record is checked inside `simulate`)
    run = subprocess.run(args, input=json.dumps(case.get("input", {})).encode(), capture_output=True)
    if run.returncode == 0:
        with open(os.path.join(out, name), "wb") as f:
            f.write(run.stdout)
EOF
rm -rf "$OUT_DIR"
mv "$OUT_DIR.tmp" "$OUT_DIR"
log "bundles and $(find "$OUT_DIR/core-json" -name '*.json' | wc -l | tr -d ' ') core JSON outputs in $OUT_DIR"
