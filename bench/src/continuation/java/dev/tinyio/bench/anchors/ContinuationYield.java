package dev.tinyio.bench.anchors;

import dev.tinyio.bench.YieldRoundTrip;
import java.util.concurrent.TimeUnit;
import jdk.internal.vm.Continuation;
import jdk.internal.vm.ContinuationScope;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The JDK's own one-shot continuation, under virtual threads: {@code Continuation.yield} then {@code run} again,
 * with the yielding loop {@code depth} calls under the body. The anchor of {@code YieldRoundTrip}, of the same shape
 * and the same number of yields.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(jvmArgsAppend = {"--add-exports", "java.base/jdk.internal.vm=ALL-UNNAMED"})
public class ContinuationYield {
    private static final ContinuationScope SCOPE = new ContinuationScope("bench");

    /** How many calls deep, under the body, the yielding loop runs. */
    @Param({"1", "5", "20"})
    public int depth;

    /**
     * Runs one continuation until it is done.
     *
     * @return the continuation, so that nothing is optimised away
     */
    @Benchmark
    @OperationsPerInvocation(YieldRoundTrip.YIELDS)
    public Object yieldInLoop() {
        int calls = depth;
        Continuation continuation = new Continuation(SCOPE, () -> descend(calls));
        while (!continuation.isDone()) {
            continuation.run();
        }
        return continuation;
    }

    private static void descend(int calls) {
        if (calls > 1) {
            descend(calls - 1);
            return;
        }
        for (int i = 0; i < YieldRoundTrip.YIELDS; i++) {
            Continuation.yield(SCOPE);
        }
    }
}
