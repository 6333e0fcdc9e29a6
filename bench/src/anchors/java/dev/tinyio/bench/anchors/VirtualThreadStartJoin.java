package dev.tinyio.bench.anchors;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * Starts n trivial virtual threads, then joins them all: the anchor of {@code SpawnGather}, with the same n and the
 * time per thread. The scheduler keeps its default parallelism (one carrier per core). It forks with the G1
 * region size and young generation that {@code SpawnGather} forks with.
 */
@BenchmarkMode(Mode.AverageTime)
@Fork(jvmArgsAppend = {"-XX:G1HeapRegionSize=32m", "-Xmn1600m"})
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class VirtualThreadStartJoin {
    private static final Runnable TRIVIAL = () -> { };

    /**
     * Starts and joins 10,000 threads.
     *
     * @throws InterruptedException never
     */
    @Benchmark
    @OperationsPerInvocation(10_000)
    public void startJoin10k() throws InterruptedException {
        startJoin(10_000);
    }

    /**
     * Starts and joins 100,000 threads.
     *
     * @throws InterruptedException never
     */
    @Benchmark
    @OperationsPerInvocation(100_000)
    public void startJoin100k() throws InterruptedException {
        startJoin(100_000);
    }

    /**
     * Starts and joins 1,000,000 threads.
     *
     * @throws InterruptedException never
     */
    @Benchmark
    @OperationsPerInvocation(1_000_000)
    public void startJoin1m() throws InterruptedException {
        startJoin(1_000_000);
    }

    private static void startJoin(int n) throws InterruptedException {
        Thread[] threads = new Thread[n];
        for (int i = 0; i < n; i++) {
            threads[i] = Thread.startVirtualThread(TRIVIAL);
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }
}
