package dev.tinyio.bench.anchors;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A chain of {@code thenApplyAsync} stages on one executor thread: each hop completes a stage and queues the next,
 * the callback style's equivalent of a coroutine's yield through a loop. The chain is built before its head
 * completes, so every hop runs on the executor; the time is per hop, building the stage included.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CompletableFutureHops {
    /** Hops per invocation. */
    private static final int HOPS = 10_000;
    private static final UnaryOperator<Integer> INCREMENT = x -> x + 1;

    /** The one thread every stage runs on, as a loop runs every coroutine on one thread. */
    private ExecutorService executor;

    /** Starts the executor. */
    @Setup
    public void startExecutor() {
        executor = Executors.newSingleThreadExecutor();
    }

    /** Stops the executor. */
    @TearDown
    public void stopExecutor() {
        executor.shutdownNow();
    }

    /**
     * Runs one chain.
     *
     * @return the value at its end
     */
    @Benchmark
    @OperationsPerInvocation(HOPS)
    public int hopChain() {
        CompletableFuture<Integer> head = new CompletableFuture<>();
        CompletableFuture<Integer> tail = head;
        for (int i = 0; i < HOPS; i++) {
            tail = tail.thenApplyAsync(INCREMENT, executor);
        }
        head.complete(0);
        return tail.join();
    }
}
