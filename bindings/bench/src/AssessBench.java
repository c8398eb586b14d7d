package fr.assistmed.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;

/**
 * JMH benchmark of the Kotlin→Rust→Kotlin round trip on the JVM, release library
 * (bindings/scripts/bench-jvm.sh). Written in Java so that JMH's annotation processor runs with
 * javac; the SDK calls are in BenchFixture.kt. Sample mode: JMH times single calls (a sample of
 * them, each with its own nanoTime pair), which gives the median (p0.50) and p0.90 of one call
 * after the warm-up iterations.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class AssessBench {
    private fr.assistmed.sdk.RuleStore store;
    private fr.assistmed.core.Situation situation;
    private String json;

    @Setup(Level.Trial)
    public void setUp() {
        store = BenchFixture.newStore();
        situation = BenchFixture.gpSituation();
        json = BenchFixture.gpJson();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        store.close();
    }

    /** One `assess` of the common GP case: the figure the README quotes. */
    @Benchmark
    public Object assess() {
        return BenchFixture.assess(store, situation);
    }

    /** `assessJson` of the same case (string in, string out), for comparison. */
    @Benchmark
    public Object assessJson() {
        return BenchFixture.assessJson(store, json);
    }

    /** `provenance()`: one small call, the fixed cost of crossing the FFI. */
    @Benchmark
    public Object provenance() {
        return BenchFixture.provenance(store);
    }
}
