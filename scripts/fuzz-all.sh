#!/usr/bin/env bash
# Fuzzes every target of fuzz/ (cargo-fuzz + libFuzzer) for a bounded time per target — the
# rule-bundle parser and installer, and the public API: situation JSON, questionnaire answers,
# assessment and timeline, the economics request and a tracked contract — and prints, per target and in total:
#   fuzz <target>: N executions in S s, C crashes
#   fuzz total: N executions in S s (R exec/s), C crashes
# Exits non-zero if any target crashed (panic, ASan report, timeout, OOM) or failed to run.
#
# usage: scripts/fuzz-all.sh [seconds-per-target]      (default 60, or $FUZZ_SECONDS)
#
# Not part of scripts/test-all.sh / CI: it takes the given time per target plus a first build of
# a few minutes. Idempotent: installs cargo-fuzz into .tools/cargo-bin if missing; builds with
# RUSTC_BOOTSTRAP=1 (cargo-fuzz needs nightly flags; stable accepts them that way).
#
# Dictionaries: fuzz/bundle.dict for bundle_* targets, fuzz/api.dict for the others.
#
# Environment:
#   FUZZ_SECONDS    time per target, in seconds (default 60; the first argument wins)
#   FUZZ_TARGETS    targets to run (default: every [[bin]] of fuzz/Cargo.toml)
#   FUZZ_SANITIZER  address (default) or none (faster, no ASan)
#   FUZZ_TIMEOUT    seconds after which one input counts as a hang (default 10)
#   FUZZ_FRESH=1    start again from the committed seeds (drop the grown corpus)
#
# The committed seeds (fuzz/corpus/<target>/) are copied into target/fuzz-corpus/<target>/, which
# the run grows; the seeds stay small. Crash inputs go to fuzz/artifacts/<target>/, libFuzzer's
# output to target/fuzz-logs/<target>.log (all git-ignored).
set -euo pipefail
cd "$(dirname "$0")/.."
racine=$PWD

secondes=${1:-${FUZZ_SECONDS:-60}}
toutes=$(sed -n 's/^name = "\([a-z_]*\)"$/\1/p' fuzz/Cargo.toml | grep -v '^assistmed-fuzz$' | tr '\n' ' ')
cibles=${FUZZ_TARGETS:-$toutes}
sanitizer=${FUZZ_SANITIZER:-address}
delai=${FUZZ_TIMEOUT:-10}
for n in "$secondes" "$delai"; do
    [[ $n =~ ^[1-9][0-9]*$ ]] || { echo "FUZZ_SECONDS / FUZZ_TIMEOUT: positive integer expected, got '$n'" >&2; exit 2; }
done

export PATH="$racine/.tools/cargo-bin/bin:$PATH"
export RUSTC_BOOTSTRAP=1

if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "== installing cargo-fuzz into .tools/cargo-bin ==" >&2
    debut=$(date +%s)
    cargo install cargo-fuzz --locked --root "$racine/.tools/cargo-bin"
    echo "cargo-fuzz installed in $(( $(date +%s) - debut )) s" >&2
fi

options=(-O --debug-assertions --sanitizer "$sanitizer")

echo "== building fuzz targets ($(cargo fuzz --version), sanitizer $sanitizer) ==" >&2
debut=$(date +%s)
# shellcheck disable=SC2086
cargo fuzz build "${options[@]}"
echo "fuzz targets built in $(( $(date +%s) - debut )) s" >&2

mkdir -p target/fuzz-logs
echec=0
resume=()
total_execs=0
total_temps=0
total_crashes=0
for cible in $cibles; do
    corpus=target/fuzz-corpus/$cible
    [[ ${FUZZ_FRESH:-0} == 1 ]] && rm -rf "$corpus"
    mkdir -p "$corpus"
    if [[ -d fuzz/corpus/$cible ]]; then cp -R fuzz/corpus/"$cible"/. "$corpus"/; fi
    journal=target/fuzz-logs/$cible.log
    echo "== fuzzing $cible for $secondes s (log: $journal) ==" >&2
    debut=$(date +%s)
    statut=0
    case $cible in bundle_*) dico=bundle.dict ;; *) dico=api.dict ;; esac
    cargo fuzz run "${options[@]}" "$cible" "$corpus" -- \
        -max_total_time="$secondes" -timeout="$delai" -print_final_stats=1 \
        -dict="$racine/fuzz/$dico" >"$journal" 2>&1 || statut=$?
    duree=$(( $(date +%s) - debut ))

    # Executions: libFuzzer's final stats, else its closing "Done N runs" line, else the last "#N".
    execs=$(sed -n 's/^stat::number_of_executed_units: *\([0-9]*\).*/\1/p' "$journal" | tail -n1)
    [[ -n $execs ]] || execs=$(sed -n 's/^Done \([0-9]*\) runs in.*/\1/p' "$journal" | tail -n1)
    [[ -n $execs ]] || execs=$(sed -n 's/^#\([0-9]*\)[[:space:]].*/\1/p' "$journal" | tail -n1)
    [[ -n $execs ]] || execs=0
    temps=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$journal" | tail -n1)
    [[ -n $temps ]] || temps=$duree
    # One line per input libFuzzer wrote as an artefact (crash-, timeout-, oom-, leak-…).
    crashes=$(grep -c 'Test unit written to' "$journal" || true)

    total_execs=$(( total_execs + execs ))
    total_temps=$(( total_temps + temps ))
    total_crashes=$(( total_crashes + crashes ))
    ligne="fuzz $cible: $execs executions in $temps s, $crashes crashes"
    if (( statut != 0 && crashes == 0 )); then
        ligne+=" (but cargo fuzz exited with status $statut)"
    fi
    resume+=("$ligne")
    if (( crashes > 0 || statut != 0 )); then
        echec=1
        echo "---- $cible: end of $journal ----" >&2
        tail -n 60 "$journal" >&2
    fi
    debit=$(sed -n 's/^stat::average_exec_per_sec: *\([0-9]*\).*/\1/p' "$journal" | tail -n1)
    nouveaux=$(sed -n 's/^stat::new_units_added: *\([0-9]*\).*/\1/p' "$journal" | tail -n1)
    rss=$(sed -n 's/^stat::peak_rss_mb: *\([0-9]*\).*/\1/p' "$journal" | tail -n1)
    echo "$ligne"
    echo "  ${debit:-?} exec/s, ${nouveaux:-?} new units, corpus $(find "$corpus" -type f | wc -l) files, peak RSS ${rss:-?} MB" >&2
done

debit_total=0
(( total_temps > 0 )) && debit_total=$(( total_execs / total_temps ))
ligne_totale="fuzz total: $total_execs executions in $total_temps s ($debit_total exec/s), $total_crashes crashes"
echo "$ligne_totale"
echo "== summary ==" >&2
printf '%s\n' "${resume[@]}" "$ligne_totale" >&2
exit "$echec"
