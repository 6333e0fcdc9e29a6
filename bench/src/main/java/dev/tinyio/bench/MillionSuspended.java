package dev.tinyio.bench;

import java.util.Locale;

/**
 * A million coroutines suspended at once, each asleep one call below its body, in the heap given to the JVM: run
 * with {@code -Xmx512m} (see BENCHMARKS.md), it shows that they fit, and prints what each retains. Not a JMH
 * benchmark, since JMH's forks take the heap settings of the whole run.
 */
public final class MillionSuspended {
    /** How many coroutines wait at once. */
    private static final int COROUTINES = 1_000_000;

    private MillionSuspended() {
    }

    /**
     * Suspends them, measures, and cancels them.
     *
     * @param args none
     */
    public static void main(String[] args) {
        long maxHeap = Runtime.getRuntime().maxMemory();
        double bytes = RetainedHeap.bytesPerCoroutine(COROUTINES, 1, false);
        System.out.printf(Locale.ROOT, "%,d coroutines asleep at once in a heap of at most %,d MB: %.1f bytes each,"
                + " %,d MB in all%n", COROUTINES, maxHeap >> 20, bytes, (long) (bytes * COROUTINES) >> 20);
    }
}
