package dev.tinyio.bench;

import dev.tinyio.Coro;
import dev.tinyio.Loop;
import java.util.concurrent.TimeUnit;
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
 * One {@code Coro.yield()} through a {@link Loop}: the coroutine unwinds to the loop and is re-entered where it
 * left off. The yielding loop runs at the bottom of a chain of {@code depth} calls under the coroutine's body, so
 * the cost per yield shows whether resuming depends on how deep the coroutine is.
 * Compared with {@code anchors.ContinuationYield}, which has the same shape.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(jvmArgsAppend = Jvm.AGENT)
public class YieldRoundTrip {
    /** Yields per invocation: enough that starting the loop and descending the chain do not show. */
    public static final int YIELDS = 10_000;

    /** How many calls deep, under the body, the yielding loop runs. */
    @Param({"1", "5", "20"})
    public int depth;

    /**
     * Runs one coroutine that yields {@link #YIELDS} times.
     *
     * @return the loop's result, so that nothing is optimised away
     */
    @Benchmark
    @OperationsPerInvocation(YIELDS)
    public Object yieldInLoop() {
        int calls = depth;
        return new Loop().run(Coro.ofVoid(() -> descend(calls)));
    }

    private static void descend(int calls) {
        if (calls > 1) {
            descend(calls - 1);
            return;
        }
        for (int i = 0; i < YIELDS; i++) {
            Coro.yield();
        }
    }
}
