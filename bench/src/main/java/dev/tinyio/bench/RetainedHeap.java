package dev.tinyio.bench;

import dev.tinyio.Coro;
import dev.tinyio.Event;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * Heap retained by each suspended coroutine: {@value #SLEEPERS} coroutines wait at a depth (the body calls a chain
 * of that many methods, the innermost of which yields {@code Tinyio.sleep}, or the {@code await()} of one
 * {@link Event} they all share), and the used heap after a full GC is compared with the used heap after a full GC
 * before they were made. The result is the secondary metric {@code bytesPerCoroutine}; the time of the primary
 * metric means nothing. {@link MillionSuspended} runs the same with a million coroutines in a small heap.
 *
 * <p>JMH adds up an event counter over the measured iterations, so each iteration records its share of the mean:
 * its measurement divided by the number of measured iterations. The sum that JMH reports is then the mean.
 */
@BenchmarkMode(Mode.SingleShotTime)
@Fork(jvmArgsAppend = Jvm.AGENT)
@State(Scope.Benchmark)
public class RetainedHeap {
    /** How many coroutines wait at once. */
    static final int SLEEPERS = 100_000;

    /** How many methods the body calls, each the next, before the innermost waits: 1 is the body and one method. */
    @Param({"1", "5"})
    public int depth;

    /** What each waits for: {@code sleep}, a timer, or {@code event}, an event never set. */
    @Param({"sleep", "event"})
    public String waitsFor;

    /** Long enough that no sleeper wakes while the heap is measured. */
    private static final Duration FOREVER = Duration.ofHours(1);
    /** The event the waiters of the {@code event} rows wait for; a cancelled wait leaves it. */
    private static final Event NEVER_SET = new Event();

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
        double bytesPerCoroutine = bytesPerCoroutine(SLEEPERS, depth, waitsFor.equals("event"));
        if (iteration.getType() == IterationType.MEASUREMENT) {
            retained.bytesPerCoroutine = bytesPerCoroutine / benchmark.getMeasurement().getCount();
        }
    }

    /**
     * Measures the heap that waiting coroutines retain, each.
     *
     * @param count how many wait at once
     * @param depth how many methods deep below its body each waits: 1 or 5
     * @param onEvent whether they wait for an event rather than sleep
     * @return bytes per coroutine
     */
    static double bytesPerCoroutine(int count, int depth, boolean onEvent) {
        // Lambdas that capture nothing, so that a coroutine retains only its own objects; each body is one frame.
        Coro.VoidBody body = switch (depth) {
            case 1 -> onEvent ? () -> awaitAt1() : () -> sleepAt1();
            case 5 -> onEvent ? () -> awaitAt5() : () -> sleepAt5();
            default -> throw new IllegalArgumentException("depth 1 or 5, not " + depth);
        };
        long before = usedHeapAfterGc();
        try {
            new Loop().run(Coro.ofVoid(() -> measureWhileAllWait(count, body)));
        } catch (Measured measured) {
            return (double) (measured.usedHeap - before) / count;
        }
        throw new AssertionError("The measuring coroutine returned instead of reporting");
    }

    private static void measureWhileAllWait(int count, Coro.VoidBody body) {
        startWaiters(count, body);
        // The waiters have yielded their waits' coroutines; this lets each of those arm its timer or register.
        Coro.yield();
        throw new Measured(usedHeapAfterGc());
    }

    /** Starts the waiters in the background; the set holding them is garbage once this returns. */
    private static void startWaiters(int count, Coro.VoidBody body) {
        Set<Coro<Void>> waiters = new LinkedHashSet<>();
        for (int i = 0; i < count; i++) {
            waiters.add(Coro.ofVoid(body));
        }
        // Each waiter runs to its yield before this coroutine resumes.
        Coro.yield(waiters);
    }

    private static void sleepAt1() {
        Coro.yield(Tinyio.sleep(FOREVER));
    }

    private static void sleepAt5() {
        sleepAt4();
    }

    private static void sleepAt4() {
        sleepAt3();
    }

    private static void sleepAt3() {
        sleepAt2();
    }

    private static void sleepAt2() {
        sleepAt1();
    }

    private static void awaitAt1() {
        Coro.yield(NEVER_SET.await());
    }

    private static void awaitAt5() {
        awaitAt4();
    }

    private static void awaitAt4() {
        awaitAt3();
    }

    private static void awaitAt3() {
        awaitAt2();
    }

    private static void awaitAt2() {
        awaitAt1();
    }

    private static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        // Twice, so that objects whose finalisation or reference processing the first one started are gone too.
        System.gc();
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }
}
