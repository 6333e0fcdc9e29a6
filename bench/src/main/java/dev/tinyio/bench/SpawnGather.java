package dev.tinyio.bench;

import dev.tinyio.Coro;
import dev.tinyio.Loop;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * Creates n trivial coroutines and gathers them with one {@code Coro.yield(List)}; the time is per coroutine, and
 * should not grow with n (Python tinyio's loop is quadratic here). One method per n, because
 * {@code @OperationsPerInvocation} takes only a constant. Compared with {@code anchors.VirtualThreadStartJoin}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(jvmArgsAppend = {Jvm.AGENT, Jvm.REGIONS_FOR_A_MILLION, Jvm.YOUNG_GENERATION_FOR_A_MILLION})
public class SpawnGather {
    /** The body of every coroutine: returns at once, without suspending. */
    private static final Coro.Body<Object> TRIVIAL = () -> null;

    /**
     * Gathers 10,000 coroutines.
     *
     * @return their results
     */
    @Benchmark
    @OperationsPerInvocation(10_000)
    public List<Object> gather10k() {
        return gather(10_000);
    }

    /**
     * Gathers 100,000 coroutines.
     *
     * @return their results
     */
    @Benchmark
    @OperationsPerInvocation(100_000)
    public List<Object> gather100k() {
        return gather(100_000);
    }

    /**
     * Gathers 1,000,000 coroutines.
     *
     * @return their results
     */
    @Benchmark
    @OperationsPerInvocation(1_000_000)
    public List<Object> gather1m() {
        return gather(1_000_000);
    }

    private static List<Object> gather(int n) {
        List<Coro<Object>> coros = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            coros.add(Coro.of(TRIVIAL));
        }
        return new Loop().run(Coro.of(() -> Coro.yield(coros)));
    }
}
