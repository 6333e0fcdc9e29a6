package dev.tinyio.bench;

import dev.tinyio.Coro;
import dev.tinyio.Loop;
import dev.tinyio.Tinyio;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * Heap retained by each suspended coroutine: {@value #SLEEPERS} coroutines sleep at depth 1 (the body calls one
 * method, which yields {@code Tinyio.sleep}), and the used heap after a full GC is compared with the used heap after
 * a full GC before they were made. The result is the secondary metric {@code bytesPerCoroutine}; the time of the
 * primary metric means nothing.
 *
 * <p>JMH adds up an event counter over the measured iterations, so each iteration records its share of the mean:
 * its measurement divided by the number of measured iterations. The sum that JMH reports is then the mean.
 */
@BenchmarkMode(Mode.SingleShotTime)
@Fork(jvmArgsAppend = Jvm.AGENT)
public class RetainedHeap {
    /** How many coroutines sleep at once. */
    static final int SLEEPERS = 100_000;

    /** Long enough that no sleeper wakes while the heap is measured. */
    private static final Duration FOREVER = Duration.ofHours(1);

    /** The measurement, reported by JMH beside the time. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Retained {
        /** Bytes of heap retained per sleeping coroutine, as this iteration's share of the mean. */
        public double bytesPerCoroutine;
    }

    /** Thrown by the measuring coroutine to end the loop, which then cancels every sleeper. */
    private static final class Measured extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /** Used heap, after GC, while all the sleepers slept. */
        final long usedHeap;

        Measured(long usedHeap) {
            super(null, null, false, false);
            this.usedHeap = usedHeap;
        }
    }

    /**
     * Measures once.
     *
     * @param retained where the result goes
     * @param benchmark how many iterations are measured
     * @param iteration whether this one is measured
     */
    @Benchmark
    public void sleepingCoroutines(Retained retained, BenchmarkParams benchmark, IterationParams iteration) {
        long before = usedHeapAfterGc();
        try {
            new Loop().run(Coro.ofVoid(RetainedHeap::measureWhileAllSleep));
        } catch (Measured measured) {
            if (iteration.getType() == IterationType.MEASUREMENT) {
                double bytesPerCoroutine = (double) (measured.usedHeap - before) / SLEEPERS;
                retained.bytesPerCoroutine = bytesPerCoroutine / benchmark.getMeasurement().getCount();
            }
            return;
        }
        throw new AssertionError("The measuring coroutine returned instead of reporting");
    }

    private static void measureWhileAllSleep() {
        startSleepers();
        // The sleepers have yielded their Tinyio.sleep coroutines; this lets each of those arm its timer.
        Coro.yield();
        throw new Measured(usedHeapAfterGc());
    }

    /** Starts the sleepers in the background; the set holding them is garbage once this returns. */
    private static void startSleepers() {
        Set<Coro<Void>> sleepers = new LinkedHashSet<>();
        for (int i = 0; i < SLEEPERS; i++) {
            sleepers.add(Coro.ofVoid(() -> sleep()));
        }
        // Each sleeper runs to its yield before this coroutine resumes.
        Coro.yield(sleepers);
    }

    private static void sleep() {
        Coro.yield(Tinyio.sleep(FOREVER));
    }

    private static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        // Twice, so that objects whose finalisation or reference processing the first one started are gone too.
        System.gc();
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }
}
