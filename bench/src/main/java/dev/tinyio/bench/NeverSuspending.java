package dev.tinyio.bench;

import dev.tinyio.Coro;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What instrumentation costs code that could suspend but does not: the same class, byte for byte, run in a fork
 * under the agent (instrumented: a check after each call that may suspend) and in a fork without it. It runs outside
 * any loop, as such code often does.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class NeverSuspending {
    /** Calls per invocation. */
    private static final int CALLS = 1_000;

    /**
     * The workload, reached through a method handle so that the benchmark methods themselves are not instrumented:
     * the instrumenter gives each method it rewrites an overload (its resumable copy), and JMH refuses a benchmark
     * method that has overloads. No analysis follows a method handle, and the JIT inlines a constant one.
     */
    private static final MethodHandle WORKLOAD = workload();

    /** The inputs; a field, so that the JIT cannot fold the work away. */
    private int[] values;

    /** Fills the inputs, all non-negative, so that {@link #mix} never yields. */
    @Setup
    public void fillValues() {
        values = new int[CALLS];
        for (int i = 0; i < CALLS; i++) {
            values[i] = i * 7 + 3;
        }
    }

    /**
     * The workload, instrumented.
     *
     * @return the hash
     */
    @Benchmark
    @OperationsPerInvocation(CALLS)
    @Fork(jvmArgsAppend = Jvm.AGENT)
    public int instrumented() throws Throwable {
        return (int) WORKLOAD.invokeExact(values);
    }

    /**
     * The same workload in a fork without the agent: no fork option adds it.
     *
     * @return the hash
     */
    @Benchmark
    @OperationsPerInvocation(CALLS)
    public int uninstrumented() throws Throwable {
        return (int) WORKLOAD.invokeExact(values);
    }

    private static MethodHandle workload() {
        try {
            return MethodHandles.lookup().findStatic(NeverSuspending.class, "hash",
                    MethodType.methodType(int.class, int[].class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Suspendable, since it calls {@link #mix}; a sequential hash, so that neither form can be vectorised. */
    private static int hash(int[] values) {
        int h = 1;
        for (int value : values) {
            h = mix(h, value);
        }
        return h;
    }

    /** Suspendable because of a yield that these inputs never reach. */
    private static int mix(int h, int value) {
        if (value < 0) {
            Coro.yield();
        }
        return h * 31 + value;
    }
}
