#!/usr/bin/env bash
# Ensure a Python venv with the tree-sitter Swift grammar, for scripts/swift_syntax_check.py
# (a *syntax* check of Swift files on a machine without a Swift toolchain).
#
#   venv: .tools/swift-syntax-venv   (tree-sitter==0.26.1, tree-sitter-swift==0.7.4, wheels from PyPI)
#
# stdout: only `export SWIFT_SYNTAX_PY=<venv python>`, so a caller can do
#     eval "$(scripts/tools/ensure-swift-syntax.sh)"
#     "$SWIFT_SYNTAX_PY" scripts/swift_syntax_check.py path/to/dir
# stderr: progress and errors.
#
# Idempotent: a second run only checks the installed versions (about 0.1 s).
#
# Environment: PYTHON=python3.x to choose the interpreter that creates the venv (default python3).
set -euo pipefail

REPO_ROOT=$(cd "$(dirname "$0")/../.." && pwd)
VENV="$REPO_ROOT/.tools/swift-syntax-venv"
VPY="$VENV/bin/python"
TS_VERSION="0.26.1"
TS_SWIFT_VERSION="0.7.4"
PYTHON="${PYTHON:-python3}"

log() { printf 'ensure-swift-syntax: %s\n' "$*" >&2; }
die() { printf 'ensure-swift-syntax: ERROR: %s\n' "$*" >&2; exit 1; }

# Prints "ok" when the venv has exactly the pinned versions and the grammar loads.
venv_ok() {
  [ -x "$VPY" ] || return 1
  "$VPY" - "$TS_VERSION" "$TS_SWIFT_VERSION" 2>/dev/null <<'EOF'
import sys
from importlib.metadata import version
import tree_sitter, tree_sitter_swift
ok = version("tree-sitter") == sys.argv[1] and version("tree-sitter-swift") == sys.argv[2]
tree_sitter.Parser(tree_sitter.Language(tree_sitter_swift.language()))
sys.exit(0 if ok else 1)
EOF
}

if venv_ok; then
  log "tree-sitter $TS_VERSION + tree-sitter-swift $TS_SWIFT_VERSION already present ($VENV)"
else
  if [ ! -x "$VPY" ]; then
    command -v "$PYTHON" >/dev/null 2>&1 || die "'$PYTHON' not found; set PYTHON=/path/to/python3 (3.10+)"
    log "creating venv $VENV with $("$PYTHON" --version 2>&1) ..."
    mkdir -p "$(dirname "$VENV")"
    "$PYTHON" -m venv "$VENV" >&2 \
      || die "python -m venv failed (on Debian: apt-get install -y python3-venv)"
  fi
  log "pip install tree-sitter==$TS_VERSION tree-sitter-swift==$TS_SWIFT_VERSION (wheels only) ..."
  "$VPY" -m pip install --disable-pip-version-check --no-input --quiet --only-binary=:all: \
    "tree-sitter==$TS_VERSION" "tree-sitter-swift==$TS_SWIFT_VERSION" >&2 \
    || die "pip install failed (is PyPI reachable? are wheels available for $("$VPY" --version 2>&1)?)"
  venv_ok || die "venv at $VENV still does not import the pinned tree-sitter / tree-sitter-swift; rm -rf it and re-run"
  log "installed into $VENV"
fi

echo "export SWIFT_SYNTAX_PY=$(printf '%q' "$VPY")"
