#!/usr/bin/env bash
# Benchmark (not a test) of the Kotlin→Rust→Kotlin round trip on the JVM, with the RELEASE
# library as shipped: one `assess` of the README's common GP case, plus `assessJson` and the
# cheapest call (`provenance`) for comparison. JMH 1.37 in sample mode (single calls timed), one
# forked JVM, 5 warm-up iterations of 1 s, 10 measured iterations of 1 s: about 50 s in all.
#
#   1. JMH and JNA 5.19.1 from Maven Central into .tools/bench-jars/ (bindings/bench/pom.xml,
#      `mvn dependency:copy-dependencies`; once)
#   2. the JVM jar of the SDK from the release library (bindings/scripts/jvm-jar.sh: JVM-flavour
#      bindings compiled with kotlinc, the stripped library as a JNA resource)
#   3. bindings/bench/src/BenchFixture.kt (the only file calling the SDK) with kotlinc, and
#      bindings/bench/src/AssessBench.java with javac and JMH's annotation processor
#   4. run JMH; print median and p90 per benchmark, and save the JSON report
#
# Not part of ./scripts/test-all.sh: timings on a shared 2-core machine are not pass/fail.
#
# Output: target/bench/jmh-<label>.json and one line per benchmark on stdout:
#   bench[maven]: assess  median 47.0 µs  p90 70.0 µs  p99 200.0 µs  mean 55.0 µs  (n = 90000 timed calls)
#
# Environment:
#   BENCH_JNA=maven|debian  JNA used to run (default maven: 5.19.1, the version the Android
#                           library declares; debian: the distribution's 5.13 of ensure-kotlin.sh)
#   BENCH_JVM_ARGS          extra JVM options for the measured JVM (e.g. -XX:+UseParallelGC)
#   BENCH_LABEL             name of the JSON report (default: the JNA choice)
#   JMH_ARGS                replaces the default JMH options "-f 1 -wi 5 -i 10 -w 1s -r 1s"
#                           (e.g. JMH_ARGS="-f 1 -wi 2 -i 3" for a quick look)
#   BENCH_FILTER            JMH benchmark regexp (default AssessBench: all three;
#                           'AssessBench.assess$' for the assess figure alone)
set -euo pipefail

REPO_ROOT=$(cd "$(dirname "$0")/../.." && pwd)
TARGET_DIR="${CARGO_TARGET_DIR:-$REPO_ROOT/target}"
case "$TARGET_DIR" in /*) ;; *) TARGET_DIR="$REPO_ROOT/$TARGET_DIR" ;; esac
BENCH_SRC="$REPO_ROOT/bindings/bench"
OUT="$TARGET_DIR/bench"
JARS="$REPO_ROOT/.tools/bench-jars"
BENCH_JNA="${BENCH_JNA:-maven}"
LABEL="${BENCH_LABEL:-$BENCH_JNA}"
KOTLINC_FLAGS=(-Werror)

log() { printf 'bench-jvm: %s\n' "$*" >&2; }
die() { printf 'bench-jvm: ERROR: %s\n' "$*" >&2; exit 1; }

# shellcheck source=scripts/tools/kotlin-build.sh
. "$REPO_ROOT/scripts/tools/kotlin-build.sh"

# 1. JMH + JNA from Maven Central (once).
need=(jmh-core-1.37.jar jmh-generator-annprocess-1.37.jar jopt-simple-5.0.4.jar commons-math3-3.6.1.jar jna-5.19.1.jar)
have_all=1
for j in "${need[@]}"; do [ -f "$JARS/$j" ] || have_all=0; done
if [ "$have_all" = 0 ]; then
  command -v mvn >/dev/null 2>&1 || die "no 'mvn' on PATH (apt-get install -y maven): needed once to fetch JMH from Maven Central"
  log "fetching JMH 1.37 and JNA 5.19.1 from Maven Central into $JARS ..."
  mvn -q -B -f "$BENCH_SRC/pom.xml" dependency:copy-dependencies -DoutputDirectory="$JARS" >&2 \
    || die "mvn dependency:copy-dependencies failed (is Maven Central reachable?)"
  for j in "${need[@]}"; do [ -f "$JARS/$j" ] || die "$JARS/$j missing after mvn (versions changed in bindings/bench/pom.xml?)"; done
fi
JMH_CP="$JARS/jmh-core-1.37.jar:$JARS/jopt-simple-5.0.4.jar:$JARS/commons-math3-3.6.1.jar"
JMH_PROCESSOR="$JARS/jmh-generator-annprocess-1.37.jar:$JMH_CP"

eval "$("$REPO_ROOT/scripts/tools/ensure-kotlin.sh")"
: "${KOTLINC:?}" "${KOTLIN_LIB:?}" "${JNA_JAR:?}"
case "$BENCH_JNA" in
  maven)  RUN_JNA="$JARS/jna-5.19.1.jar"; RUN_JNA_OPTS="" ;;
  debian) RUN_JNA="$JNA_JAR"; RUN_JNA_OPTS="${JNA_JAVA_OPTS:-}" ;;
  *) die "BENCH_JNA must be maven or debian, got '$BENCH_JNA'" ;;
esac

# 2. The SDK's JVM jar from the release library.
SDK_JAR=$(JNA_JAR="$RUN_JNA" "$REPO_ROOT/bindings/scripts/jvm-jar.sh" "$OUT/jvm")

# 3. The fixture (Kotlin, cached by hash) and the JMH class (javac + annotation processor).
mkdir -p "$OUT"
FIXTURE_JAR="$OUT/bench-fixture.jar"
KOTLINC_VERSION=$("$KOTLINC" -version 2>&1 | tr -d '\n' || true)
# (keyed on the bindings' source hash, not on the jar, which is re-assembled at every run)
FIXTURE_HASH=$( { hash_files "$BENCH_SRC/src" BenchFixture.kt; cat "$OUT/jvm/.cache/bindings-classes.jar.sha256"; echo "$KOTLINC_VERSION"; } | sha256)
kotlinc_jar "$FIXTURE_JAR" "$FIXTURE_HASH" "the benchmark fixture" "$BENCH_SRC/src" "$SDK_JAR:$RUN_JNA" BenchFixture.kt
CLASSES="$OUT/jmh-classes"
rm -rf "$CLASSES"
mkdir -p "$CLASSES"
CP="$FIXTURE_JAR:$SDK_JAR:$KOTLIN_LIB/kotlin-stdlib.jar:$RUN_JNA"
log "javac AssessBench.java (JMH annotation processor)"
# (-processor named explicitly: JDK 23+ no longer runs processors found on the path by default)
javac -nowarn -processor org.openjdk.jmh.generators.BenchmarkProcessor -processorpath "$JMH_PROCESSOR" \
  -cp "$JMH_CP:$CP" -d "$CLASSES" "$BENCH_SRC/src/AssessBench.java" \
  || die "javac failed on AssessBench.java"
[ -f "$CLASSES/META-INF/BenchmarkList" ] || die "JMH's annotation processor did not run (no META-INF/BenchmarkList)"

# 4. Run. The measured JVM is forked by JMH with the same classpath; the library comes from
#    target/<host>/release, built as shipped by jvm-jar.sh (the same bytes as the jar's resource,
#    unstripped).
REPORT="$OUT/jmh-$LABEL.json"
# shellcheck disable=SC2206 # word splitting of the option strings is intended
JMH_OPTS=(${JMH_ARGS:--f 1 -wi 5 -i 10 -w 1s -r 1s})
# shellcheck source=shipped-build.sh
. "$REPO_ROOT/bindings/scripts/shipped-build.sh"
HOST_TRIPLE=$(shipped_host_triple)
JVM_APPEND="-Djna.library.path=$TARGET_DIR/$HOST_TRIPLE/release $RUN_JNA_OPTS ${BENCH_JVM_ARGS:-}"
log "java -version: $(java -version 2>&1 | head -n 1); JNA $(basename "$RUN_JNA"); JMH ${JMH_OPTS[*]}; JVM options: $JVM_APPEND"
java -cp "$CLASSES:$JMH_CP:$CP" org.openjdk.jmh.Main "${JMH_OPTS[@]}" \
  -jvmArgsAppend "$JVM_APPEND" -rf json -rff "$REPORT" "${BENCH_FILTER:-AssessBench}" >"$OUT/jmh-$LABEL.log" 2>&1 \
  || { tail -n 40 "$OUT/jmh-$LABEL.log" >&2; die "JMH failed (full log: $OUT/jmh-$LABEL.log)"; }
log "JMH log: $OUT/jmh-$LABEL.log; report: $REPORT"

python3 - "$REPORT" "$LABEL" <<'PY'
import json, sys
report, label = sys.argv[1], sys.argv[2]
for run in json.load(open(report)):
    name = run["benchmark"].rsplit(".", 1)[-1]
    m = run["primaryMetric"]
    p = m["scorePercentiles"]
    n = sum(int(c) for hist in m.get("rawDataHistogram", []) for it in hist for _, c in it) or "?"
    print(f"bench[{label}]: {name:<10} median {p['50.0']:6.1f} µs  p90 {p['90.0']:6.1f} µs  "
          f"p99 {p['99.0']:6.1f} µs  mean {m['score']:6.1f} µs  (n = {n} timed calls)")
PY
