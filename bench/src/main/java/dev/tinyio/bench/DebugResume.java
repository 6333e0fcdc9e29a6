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
 * {@link YieldRoundTrip} in debug mode, where each resume re-enters every frame of the chain so that the thread's
 * stack shows them all: what debug mode costs per resume, at the bottom of a chain of {@code depth} calls.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(jvmArgsAppend = Jvm.AGENT)
public class DebugResume {
    /** How many calls deep, under the body, the yielding loop runs. */
    @Param({"1", "20"})
    public int depth;

    /**
     * Runs one coroutine that yields {@link YieldRoundTrip#YIELDS} times, in a loop in debug mode.
     *
     * @return the loop's result, so that nothing is optimised away
     */
    @Benchmark
    @OperationsPerInvocation(YieldRoundTrip.YIELDS)
    public Object yieldInLoop() {
        int calls = depth;
        return new Loop().debug(true).run(Coro.ofVoid(() -> descend(calls)));
    }

    private static void descend(int calls) {
        if (calls > 1) {
            descend(calls - 1);
            return;
        }
        for (int i = 0; i < YieldRoundTrip.YIELDS; i++) {
            Coro.yield();
        }
    }
}
